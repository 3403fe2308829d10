//! Inline content as runs: marks become run properties, links `w:hyperlink`, images drawings
//! (or their alt text), footnote references `w:footnoteReference`.

use std::fmt::Write;

use super::body::BodyWriter;
use super::drawing::{self, Picture};
use super::props::{RunProps, VerticalAlign};
use crate::doc::{EmbeddedImage, Inline};
use crate::xml;

impl BodyWriter<'_> {
    /// Writes `inlines` as runs carrying `run`'s marks plus their own.
    pub(super) fn inlines(&mut self, inlines: &[Inline], run: RunProps) {
        for inline in inlines {
            self.inline(inline, run);
        }
    }

    fn inline(&mut self, inline: &Inline, run: RunProps) {
        match inline {
            Inline::Text(text) => self.text_run(run, text),
            Inline::Emphasis(inner) => self.inlines(inner, RunProps { italic: true, ..run }),
            Inline::Strong(inner) => self.inlines(inner, RunProps { bold: true, ..run }),
            Inline::Strikethrough(inner) => self.inlines(inner, RunProps { strike: true, ..run }),
            Inline::Underline(inner) => self.inlines(inner, RunProps { underline: true, ..run }),
            Inline::Mark(inner) => self.inlines(inner, RunProps { highlight: true, ..run }),
            Inline::Superscript(inner) => {
                self.inlines(inner, RunProps { vertical: Some(VerticalAlign::Superscript), ..run })
            }
            Inline::Subscript(inner) => {
                self.inlines(inner, RunProps { vertical: Some(VerticalAlign::Subscript), ..run })
            }
            Inline::Code(text) => self.text_run(RunProps { style: Some("VerbatimChar"), ..run }, text),
            Inline::Link { href, content } => self.link(href, content, run),
            Inline::Image { src, alt, .. } => self.image(src, alt, run),
            Inline::FootnoteRef { target, number } => self.footnote_reference(target, *number, run),
            Inline::LineBreak => self.out.push_str("<w:r><w:br/></w:r>"),
        }
    }

    /// One run; newlines become `w:br` and tabs `w:tab`, since Word folds both in `w:t`.
    pub(super) fn text_run(&mut self, run: RunProps, text: &str) {
        if text.is_empty() {
            return;
        }
        self.out.push_str("<w:r>");
        run.write(&mut self.out);
        for (at, line) in text.split('\n').enumerate() {
            if at > 0 {
                self.out.push_str("<w:br/>");
            }
            let line = line.strip_suffix('\r').unwrap_or(line);
            for (at, piece) in line.split('\t').enumerate() {
                if at > 0 {
                    self.out.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    self.out.push_str("<w:t xml:space=\"preserve\">");
                    xml::escape_into(&mut self.out, piece);
                    self.out.push_str("</w:t>");
                }
            }
        }
        self.out.push_str("</w:r>");
    }

    /// External URLs through a relationship; `#fragment` links to a heading's bookmark. A
    /// fragment no heading has is left as plain text rather than a link that goes nowhere.
    fn link(&mut self, href: &str, content: &[Inline], run: RunProps) {
        let linked = RunProps { style: Some("Hyperlink"), ..run };
        if let Some(fragment) = href.strip_prefix('#') {
            let Some(name) = self.package.bookmark_name(fragment).map(str::to_owned) else {
                return self.inlines(content, run);
            };
            let _ = write!(self.out, "<w:hyperlink w:anchor=\"{name}\" w:history=\"1\">");
        } else {
            let id = self.rels.hyperlink(href);
            let _ = write!(self.out, "<w:hyperlink r:id=\"{id}\" w:history=\"1\">");
        }
        self.inlines(content, linked);
        self.out.push_str("</w:hyperlink>");
    }

    /// A `data:` image Word can show, at its 96 dpi size fitted to the text (or cell) width;
    /// anything else (a remote URL, SVG, no readable size) reads as its alt text.
    fn image(&mut self, src: &str, alt: &str, run: RunProps) {
        match drawing::placeable(src, self.image_frame) {
            Some((image, extent)) => self.picture(&image, extent, alt),
            None => {
                let alt = alt.trim();
                let fallback = if alt.is_empty() { "[Image]".to_owned() } else { format!("[Image: {alt}]") };
                self.text_run(run, &fallback);
            }
        }
    }

    /// A run holding `image` at `extent`, its file added to the package once.
    pub(super) fn picture(&mut self, image: &EmbeddedImage, extent: (u64, u64), alt: &str) {
        let file_name = self.package.media_file(image).name.clone();
        let relationship = self.rels.image(&file_name);
        let drawing_id = self.package.next_drawing_id();
        self.out.push_str("<w:r>");
        Picture { relationship: &relationship, drawing_id, file_name: &file_name, description: alt, extent }
            .write(&mut self.out);
        self.out.push_str("</w:r>");
    }

    /// A real footnote where Word allows one; inside a footnote, or for a note the body does not
    /// define (a bio's), the number as superscript text.
    fn footnote_reference(&mut self, target: &str, number: usize, run: RunProps) {
        match self.package.footnote_id(target).filter(|_| !self.in_footnote) {
            Some(id) => {
                self.out.push_str("<w:r>");
                RunProps { style: Some("FootnoteReference"), ..run }.write(&mut self.out);
                let _ = write!(self.out, "<w:footnoteReference w:id=\"{id}\"/></w:r>");
            }
            None => self.text_run(RunProps { vertical: Some(VerticalAlign::Superscript), ..run }, &number.to_string()),
        }
    }
}
