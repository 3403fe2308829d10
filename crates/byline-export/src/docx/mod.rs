//! DOCX: an article as a Word document. The body is read back from its sanitized HTML
//! ([`crate::doc`]) and laid out in Word's own styles, with real tables, footnotes, lists,
//! bookmarks and embedded pictures, around the page's title, byline and author cards.
//!
//! The package is written by hand rather than through a DOCX library: the parts are few, and
//! one writer keeps every export byte-identical for one input (fixed zip dates, parts and
//! relationships in a fixed order, no clock read).

mod article;
mod body;
mod drawing;
mod inline;
mod package;
mod parts;
mod props;
mod styles;

use body::{BodyWriter, Nesting};
use package::{Package, Relationships, REL_FOOTNOTES, REL_NUMBERING, REL_SETTINGS, REL_STYLES};

use crate::archive::Archive;
use crate::doc::{self, Document};
use crate::{ArticleContext, ExportError};

/// The article as a `.docx` file: title, subtitle and byline, the body, then "Written by"
/// with each author's card; core properties from the article's metadata.
pub fn docx(article: &ArticleContext) -> Result<Vec<u8>, ExportError> {
    let body = doc::parse(&article.body_html);
    let bios: Vec<Document> =
        article.authors.iter().map(|author| author.bio_html.as_deref().map(doc::parse).unwrap_or_default()).collect();
    let mut package = Package::new(&body, &bios);

    let mut document_rels = Relationships::with(&[
        (REL_STYLES, "styles.xml"),
        (REL_SETTINGS, "settings.xml"),
        (REL_NUMBERING, "numbering.xml"),
        (REL_FOOTNOTES, "footnotes.xml"),
    ]);
    let mut writer = BodyWriter::new(&mut package, &mut document_rels);
    article::header(&mut writer, article);
    writer.blocks(article::body_blocks(article, &body), Nesting::default());
    article::written_by(&mut writer, article, &bios);
    let document_xml = parts::document(&writer.finish());

    let mut footnote_rels = Relationships::default();
    let mut writer = BodyWriter::new(&mut package, &mut footnote_rels);
    for (at, footnote) in body.footnotes.iter().enumerate() {
        writer.footnote(at + 1, footnote);
    }
    let footnotes_xml = parts::footnotes(&writer.finish());

    let mut archive = Archive::new();
    archive.deflated("[Content_Types].xml", parts::content_types(&package.media).as_bytes())?;
    archive.deflated("_rels/.rels", parts::package_relationships().as_bytes())?;
    archive.deflated("docProps/core.xml", parts::core_properties(article).as_bytes())?;
    archive.deflated("docProps/app.xml", parts::app_properties(article).as_bytes())?;
    archive.deflated("word/document.xml", document_xml.as_bytes())?;
    archive.deflated("word/_rels/document.xml.rels", document_rels.xml().as_bytes())?;
    archive.deflated("word/styles.xml", styles::styles(&article.language).as_bytes())?;
    archive.deflated("word/settings.xml", parts::settings().as_bytes())?;
    archive.deflated("word/numbering.xml", parts::numbering(&package.lists).as_bytes())?;
    archive.deflated("word/footnotes.xml", footnotes_xml.as_bytes())?;
    if !footnote_rels.is_empty() {
        archive.deflated("word/_rels/footnotes.xml.rels", footnote_rels.xml().as_bytes())?;
    }
    for media in &package.media {
        // Pictures are compressed already; deflating them again only costs time.
        archive.stored(&format!("word/media/{}", media.name), &media.bytes)?;
    }
    archive.finish()
}

#[cfg(test)]
mod tests;
