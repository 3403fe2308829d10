//! Byline PDF export: an article typeset by the typst compiler linked into the app, with
//! embedded free fonts, so a PDF needs no external program, no system fonts and no network.
//!
//! The sanitized body HTML is read into byline-export's document tree, written out as typst
//! markup (the writer's text only ever as string literals), compiled in an in-memory world and
//! written as PDF. The same article gives the same bytes: the PDF's id comes from the slug and
//! every date from the article, never the clock.

mod error;
mod markup;
mod paper;
mod template;
mod world;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

pub use error::PdfError;
pub use paper::{Paper, UnknownPaper};

use byline_export::ArticleContext;

/// Choices for one PDF export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdfOptions {
    /// The page size.
    pub paper: Paper,
}

/// The article as a PDF file.
pub fn pdf(article: &ArticleContext, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let (source, files) = template::document(article, options.paper);
    let world = world::ExportWorld::new(source, files.list, article.modified)?;
    // Warnings (a font without some glyph, say) do not stop an export; only errors do.
    let document: PagedDocument =
        typst::compile(&world).output.map_err(|errors| PdfError::Typeset(error::describe(&errors)))?;
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
