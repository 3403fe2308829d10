//! The pipeline's stages, for renderers that keep results between renders (the live preview):
//! write a document's unsanitized HTML with its top-level blocks marked, sanitize each unit on
//! its own, assemble. [`Renderer::render_whole`] runs the same writer; a caller that keeps what
//! these return may reuse it for the blocks an edit did not touch.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::events::options;
use crate::highlight::{HighlightCache, Highlighter};
use crate::html_balance::OpenElements;
use crate::{html_writer, url_rewrite, Rendered, Renderer};

pub use crate::stats::words_to_stats;
pub use crate::template_mask::may_have_tags;
pub use crate::units::{Piece, PieceKind, Unit, UnitKind};
pub use crate::url_rewrite::{resolve_relative_urls as resolve_urls, tag_end};

/// A document's unsanitized HTML, its top-level blocks and what the writer collected.
pub struct Written(html_writer::Written);

impl Written {
    /// The unsanitized HTML.
    pub fn html(&self) -> &str {
        &self.0.html
    }

    /// Consecutive slices of [`Written::html`], one per top-level block.
    pub fn pieces(&self) -> &[Piece] {
        &self.0.pieces
    }

    /// The pieces grouped into units that sanitize independently, in order.
    pub fn units(&self) -> Vec<Unit> {
        crate::units::split(&self.0.html, &self.0.pieces)
    }

    /// The document's word count.
    pub fn words(&self) -> usize {
        self.0.stats.words
    }

    /// The final [`Rendered`], from the sanitized `html` of this document.
    pub fn finish(self, html: String) -> Rendered {
        crate::assemble(html, self.0)
    }
}

impl Renderer {
    /// Writes `markdown`'s unsanitized HTML, with `data-line` attributes counted from
    /// `first_line` (none without), highlighting through `cache` when given.
    pub fn write(&self, markdown: &str, first_line: Option<usize>, cache: Option<&HighlightCache>) -> Written {
        Written(html_writer::write_html(markdown, &Highlighter::new(&self.syntaxes, cache), first_line))
    }

    /// Sanitizes one unit of writer output, with image fallbacks applied and no URL resolved.
    pub fn sanitize_unit(&self, html: &str) -> String {
        url_rewrite::resolve_relative_urls(&self.sanitizer.clean(html), None)
    }
}

/// Parses as exactly one paragraph, with no reference link needing the rest of the document
/// and no link reference definition (a paragraph's source starts at a definition before it,
/// and what it defines links blocks anywhere in the document).
pub fn is_lone_paragraph(text: &str) -> bool {
    let mut needs_references = false;
    let mut callback = |_: pulldown_cmark::BrokenLink<'_>| {
        needs_references = true;
        None
    };
    let mut depth = 0usize;
    let mut top_level = 0usize;
    let mut parser = Parser::new_with_broken_link_callback(text, options(), Some(&mut callback));
    if parser.reference_definitions().iter().next().is_some() {
        return false;
    }
    for event in parser.by_ref() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    top_level += 1;
                    if !matches!(tag, Tag::Paragraph) {
                        return false;
                    }
                }
                depth += 1;
            }
            Event::End(TagEnd::Paragraph) if depth == 1 => depth = 0,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => return false,
            _ => {}
        }
    }
    top_level == 1 && !needs_references
}

/// Whether `html` closes every element it opens, so it sanitizes on its own.
pub fn closes_everything(html: &str) -> bool {
    let mut open = OpenElements::default();
    open.feed(html) && open.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paragraphs_qualify() {
        assert!(is_lone_paragraph("Some *text* and [a](b.md) here"));
        assert!(!is_lone_paragraph("Some [text][ref] here"));
        assert!(!is_lone_paragraph("Two\n\nparagraphs"));
        assert!(!is_lone_paragraph("Setext\n---"));
        assert!(!is_lone_paragraph("a | b\n--|--"));
        assert!(!is_lone_paragraph("[ref]: /url"));
        assert!(!is_lone_paragraph("[ref]: /url\ntext"), "defines a reference for other blocks");
    }
}
