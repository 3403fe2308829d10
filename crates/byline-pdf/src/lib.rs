//! Byline PDF export: an article typeset by the typst compiler linked into the app, with
//! embedded free fonts, so a PDF needs no external program, no system fonts and no network.
//!
//! The sanitized body HTML is read into byline-export's document tree, written out as typst
//! markup (the writer's text only ever as string literals), compiled in an in-memory world and
//! written as PDF. The same article gives the same bytes: the PDF's id comes from the slug and
//! every date from the article, never the clock.

mod error;
mod markup;
mod template;
mod world;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

pub use byline_export::{Paper, UnknownPaper};
pub use error::PdfError;

use byline_export::ArticleContext;

/// Choices for one PDF export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// The page size.
    pub paper: Paper,
}

/// The article as a PDF file.
pub fn pdf(article: &ArticleContext, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    // Warnings (a font without some glyph, say) do not stop an export; only errors do.
    let (document, _warnings) = typeset(article, options)?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("byline-article-{}", article.slug)),
        creator: Smart::Custom(Some(byline_export::GENERATOR.to_owned())),
        timestamp: timestamp(article.modified),
        ..typst_pdf::PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Write(error::describe(&errors)));
    // typst memoizes layout in a process-wide cache that only grows; the app lives for hours, so
    // results not reused by the last few exports are dropped (fonts stay cached in `world`).
    typst::comemo::evict(4);
    bytes
}

/// The laid-out article and typst's warnings about it.
fn typeset(article: &ArticleContext, options: &PdfOptions) -> Result<(PagedDocument, String), PdfError> {
    let (source, files) = template::document(article, options.paper);
    let world = world::ExportWorld::new(source, files.list, article.modified)?;
    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings = if compiled.warnings.is_empty() { String::new() } else { error::describe(&compiled.warnings) };
    let document = compiled.output.map_err(|errors| PdfError::Typeset(error::describe(&errors)))?;
    Ok((document, warnings))
}

/// The PDF's creation date: the article's last modification, in its own offset.
fn timestamp(at: DateTime<FixedOffset>) -> Option<typst_pdf::Timestamp> {
    let datetime = Datetime::from_ymd_hms(
        at.year(),
        u8::try_from(at.month()).ok()?,
        u8::try_from(at.day()).ok()?,
        u8::try_from(at.hour()).ok()?,
        u8::try_from(at.minute()).ok()?,
        u8::try_from(at.second()).ok()?,
    )?;
    typst_pdf::Timestamp::new_local(datetime, at.offset().local_minus_utc() / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_compiles_without_warnings() {
        // Every font family the template names must exist and every glyph it draws (the task
        // box's check mark) must be in some embedded font; typst only warns about either.
        let body = "<h2 id=\"bl-a\">A</h2><p>Text<sup class=\"footnote-ref\"><a href=\"#bl-fn-1\">1</a></sup> \
            <code>x</code> <a href=\"#bl-a\">up</a></p><ul><li><input type=\"checkbox\" checked disabled> done</li></ul>\
            <table><thead><tr><th>h</th></tr></thead><tbody><tr><td>c</td></tr></tbody></table>\
            <blockquote><p>q</p></blockquote><pre><code class=\"language-rust\"><span class=\"hl-source hl-rust\">fn</span>\
            </code></pre><section class=\"footnotes\"><ol><li id=\"bl-fn-1\"><p>Note.</p></li></ol></section>";
        let article = ArticleContext {
            slug: "t".into(),
            title: "T".into(),
            subtitle: Some("S".into()),
            description: String::new(),
            language: "de-AT".into(),
            canonical_url: None,
            cover_image: None,
            published: None,
            modified: chrono::DateTime::parse_from_rfc3339("2026-05-06T07:08:09+01:00").expect("date"),
            tags: vec!["t".into()],
            authors: Vec::new(),
            body_html: body.into(),
            toc: Vec::new(),
            word_count: 3,
            reading_minutes: 1,
            related: Vec::new(),
            discuss_url: None,
        };
        let (document, warnings) = typeset(&article, &PdfOptions::default()).expect("typeset");
        assert_eq!(warnings, "");
        assert!(!document.pages().is_empty());
    }

    #[test]
    fn the_timestamp_keeps_the_offset() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-09-15T18:05:00+05:30").expect("date");
        assert!(timestamp(at).is_some());
    }
}
