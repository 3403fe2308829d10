//! The document tree as XHTML for a chapter: well-formed, with every id moved under the
//! chapter's prefix (chapters, and the bios inside them, all carry the renderer's `bl-` ids),
//! links that would leave the book or point nowhere reduced to their text, and footnotes as
//! EPUB 3 notes.

use std::collections::BTreeSet;

use super::images::Images;
use crate::doc::{Align, Block, CodeBlock, Document, Inline, List, Table};
use crate::xml::{escape, escape_into};

/// A heading written into the chapter, for the navigation document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    pub level: u8,
    /// The id in the chapter (prefixed).
    pub id: String,
    pub text: String,
}

/// Writes one [`Document`] (a body or a bio) whose ids are prefixed with `prefix`.
pub(super) struct Writer<'a> {
    out: String,
    prefix: String,
    /// Ids of the document (as rendered) that a `#fragment` may point to.
    targets: BTreeSet<String>,
    images: &'a mut Images,
    headings: Vec<Heading>,
    /// The id of the first reference to each footnote, for its way back.
    first_refs: Vec<(String, String)>,
    refs: usize,
    /// Levels added to every heading, so a bio's sections sit under its author's name.
    heading_shift: u8,
}

impl<'a> Writer<'a> {
    pub fn new(prefix: &str, images: &'a mut Images) -> Writer<'a> {
        Writer {
            out: String::new(),
            prefix: prefix.to_owned(),
            targets: BTreeSet::new(),
            images,
            headings: Vec::new(),
            first_refs: Vec::new(),
            refs: 0,
            heading_shift: 0,
        }
    }

    /// Writes every heading `shift` levels lower (at most `h6`).
    pub fn with_heading_shift(mut self, shift: u8) -> Writer<'a> {
        self.heading_shift = shift;
        self
    }

    /// Writes the blocks of `doc`, its notes after them, and gives back the XHTML and headings.
    pub fn document(mut self, doc: &Document, blocks: &[Block]) -> (String, Vec<Heading>) {
        collect_targets(blocks, &mut self.targets);
        for note in &doc.footnotes {
            self.targets.insert(note.id.clone());
            collect_targets(&note.blocks, &mut self.targets);
        }
        self.blocks(blocks);
        self.footnotes(doc);
        (self.out, self.headings)
    }

    /// The chapter id for a rendered id: prefixed, and reduced to characters every reading
    /// system accepts in both an `id` and a fragment (an injective escape, so ids stay unique).
    pub fn id(&self, id: &str) -> String {
        chapter_id(&self.prefix, id)
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, id, content } => self.heading(*level, id.as_deref(), content),
            Block::Paragraph(content) => self.paragraph(content),
            Block::Code(code) => self.code(code),
            Block::List(list) => self.list(list),
            Block::Quote(blocks) => {
                self.out.push_str("<blockquote>\n");
                self.blocks(blocks);
                self.out.push_str("</blockquote>\n");
            }
            Block::Table(table) => self.table(table),
            Block::Rule => self.out.push_str("<hr/>\n"),
        }
    }

    fn heading(&mut self, level: u8, id: Option<&str>, content: &[Inline]) {
        let level = level.saturating_add(self.heading_shift).clamp(1, 6);
        self.out.push_str(&format!("<h{level}"));
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            let id = self.id(id);
            self.out.push_str(&format!(" id=\"{}\"", escape(&id)));
            let text = Inline::plain_text(content).trim().to_owned();
            if !text.is_empty() {
                self.headings.push(Heading { level, id, text });
            }
        }
        self.out.push('>');
        self.inlines(content, false);
        self.out.push_str(&format!("</h{level}>\n"));
    }

    fn paragraph(&mut self, content: &[Inline]) {
        // A picture standing alone with a title is a figure with its caption, as on the page.
        if let [Inline::Image { src, alt, title: Some(title) }] = content {
            if let Some(href) = self.images.add(src) {
                self.out.push_str("<figure>");
                image_tag(&mut self.out, &href, alt);
                self.out.push_str("<figcaption>");
                escape_into(&mut self.out, title);
                self.out.push_str("</figcaption></figure>\n");
                return;
            }
        }
        self.out.push_str("<p>");
        self.inlines(content, false);
        self.out.push_str("</p>\n");
    }

    fn code(&mut self, code: &CodeBlock) {
        self.out.push_str("<pre class=\"code\"");
        if let Some(language) = code.language.as_deref().filter(|l| !l.is_empty()) {
            self.out.push_str(" data-lang=\"");
            escape_into(&mut self.out, language);
            self.out.push('"');
        }
        self.out.push_str("><code>");
        // Runs carry their enclosing spans outermost first: reopening only what changed keeps
        // the page's nesting, so every `hl-` rule of its stylesheet matches here too.
        let mut open: &[String] = &[];
        for run in &code.runs {
            let shared = open.iter().zip(&run.classes).take_while(|(a, b)| a == b).count();
            for _ in shared..open.len() {
                self.out.push_str("</span>");
            }
            for class in &run.classes[shared..] {
                self.out.push_str("<span class=\"");
                escape_into(&mut self.out, class);
                self.out.push_str("\">");
            }
            escape_into(&mut self.out, &run.text);
            open = &run.classes;
        }
        for _ in open {
            self.out.push_str("</span>");
        }
        self.out.push_str("</code></pre>\n");
    }

    fn list(&mut self, list: &List) {
        let tag = if list.ordered { "ol" } else { "ul" };
        self.out.push('<');
        self.out.push_str(tag);
        if list.ordered && list.start != 1 {
            self.out.push_str(&format!(" start=\"{}\"", list.start));
        }
        if list.items.iter().any(|item| item.task.is_some()) {
            self.out.push_str(" class=\"tasks\"");
        }
        self.out.push_str(">\n");
        for item in &list.items {
            self.out.push_str("<li>");
            if let Some(done) = item.task {
                let (mark, label) = if done { ('\u{2611}', "done") } else { ('\u{2610}', "to do") };
                self.out.push_str(&format!("<span class=\"task\" title=\"{label}\">{mark}</span> "));
            }
            // A tight item is one paragraph: written bare, as the page's tight lists are.
            match item.blocks.as_slice() {
                [Block::Paragraph(content)] => self.inlines(content, false),
                blocks => {
                    self.out.push('\n');
                    self.blocks(blocks);
                }
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str(&format!("</{tag}>\n"));
    }

    fn table(&mut self, table: &Table) {
        if table.head.is_empty() && table.rows.is_empty() {
            return;
        }
        self.out.push_str("<table>\n");
        for (section, rows, cell_tag) in [("thead", &table.head, "th"), ("tbody", &table.rows, "td")] {
            if rows.is_empty() {
                continue;
            }
            self.out.push_str(&format!("<{section}>\n"));
            for row in rows {
                self.out.push_str("<tr>");
                for cell in row {
                    let class = match cell.align {
                        Align::None => "",
                        Align::Left => " class=\"align-left\"",
                        Align::Center => " class=\"align-center\"",
                        Align::Right => " class=\"align-right\"",
                    };
                    self.out.push_str(&format!("<{cell_tag}{class}>"));
                    self.inlines(&cell.content, false);
                    self.out.push_str(&format!("</{cell_tag}>"));
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str(&format!("</{section}>\n"));
        }
        self.out.push_str("</table>\n");
    }

    /// `in_link`: an `<a>` is open, and XHTML allows no other inside it.
    fn inlines(&mut self, inlines: &[Inline], in_link: bool) {
        for inline in inlines {
            self.inline(inline, in_link);
        }
    }

    fn inline(&mut self, inline: &Inline, in_link: bool) {
        let wrap = |this: &mut Self, tag: &str, inner: &[Inline]| {
            this.out.push_str(&format!("<{tag}>"));
            this.inlines(inner, in_link);
            this.out.push_str(&format!("</{tag}>"));
        };
        match inline {
            Inline::Text(text) => escape_into(&mut self.out, text),
            Inline::Emphasis(inner) => wrap(self, "em", inner),
            Inline::Strong(inner) => wrap(self, "strong", inner),
            Inline::Strikethrough(inner) => wrap(self, "del", inner),
            Inline::Underline(inner) => wrap(self, "u", inner),
            Inline::Mark(inner) => wrap(self, "mark", inner),
            Inline::Superscript(inner) => wrap(self, "sup", inner),
            Inline::Subscript(inner) => wrap(self, "sub", inner),
            Inline::Code(text) => {
                self.out.push_str("<code>");
                escape_into(&mut self.out, text);
                self.out.push_str("</code>");
            }
            Inline::Link { href, content } => self.link(href, content, in_link),
            Inline::Image { src, alt, .. } => match self.images.add(src) {
                Some(href) => image_tag(&mut self.out, &href, alt),
                None => escape_into(&mut self.out, alt),
            },
            Inline::FootnoteRef { target, number } => self.note_ref(target, *number, in_link),
            Inline::LineBreak => self.out.push_str("<br/>"),
        }
    }

    fn link(&mut self, href: &str, content: &[Inline], in_link: bool) {
        let target = match href.strip_prefix('#') {
            Some(fragment) if self.targets.contains(fragment) => Some(format!("#{}", self.id(fragment))),
            Some(_) => None,
            None => is_outside_link(href).then(|| href.to_owned()),
        };
        match target.filter(|_| !in_link) {
            Some(target) => {
                self.out.push_str("<a href=\"");
                escape_into(&mut self.out, &target);
                self.out.push_str("\">");
                self.inlines(content, true);
                self.out.push_str("</a>");
            }
            None => self.inlines(content, in_link),
        }
    }

    fn note_ref(&mut self, target: &str, number: usize, in_link: bool) {
        if in_link || !self.targets.contains(target) {
            self.out.push_str(&format!("<sup>{number}</sup>"));
            return;
        }
        self.refs += 1;
        let id = self.id(&format!("ref-{}", self.refs));
        if !self.first_refs.iter().any(|(note, _)| note == target) {
            self.first_refs.push((target.to_owned(), id.clone()));
        }
        self.out.push_str(&format!(
            "<sup><a epub:type=\"noteref\" id=\"{}\" href=\"#{}\">{number}</a></sup>",
            escape(&id),
            escape(&self.id(target))
        ));
    }

    fn footnotes(&mut self, doc: &Document) {
        if doc.footnotes.is_empty() {
            return;
        }
        self.out.push_str("<section class=\"footnotes\" epub:type=\"footnotes\">\n");
        for note in &doc.footnotes {
            let id = self.id(&note.id);
            self.out.push_str(&format!("<aside epub:type=\"footnote\" id=\"{}\">\n", escape(&id)));
            let back = self.first_refs.iter().find(|(target, _)| *target == note.id).map(|(_, r)| r.clone());
            let label = match back {
                Some(back) => format!("<a class=\"note-number\" href=\"#{}\">{}.</a> ", escape(&back), note.number),
                None => format!("<span class=\"note-number\">{}.</span> ", note.number),
            };
            // The number leads the note's first paragraph, as on the page.
            match note.blocks.split_first() {
                Some((Block::Paragraph(content), rest)) => {
                    self.out.push_str("<p>");
                    self.out.push_str(&label);
                    self.inlines(content, false);
                    self.out.push_str("</p>\n");
                    self.blocks(rest);
                }
                _ => {
                    self.out.push_str(&format!("<p>{label}</p>\n"));
                    self.blocks(&note.blocks);
                }
            }
            self.out.push_str("</aside>\n");
        }
        self.out.push_str("</section>\n");
    }
}

/// `prefix` + `id`, with anything but ASCII letters, digits, `-` and `.` written as `_xx_`.
pub(super) fn chapter_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len());
    out.push_str(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}_", u32::from(c)));
        }
    }
    out
}

/// Links a reading system can follow out of the book; relative links would point at files the
/// package does not have.
pub(super) fn is_outside_link(href: &str) -> bool {
    let lower = href.trim_start().to_ascii_lowercase();
    let valid = !href.is_empty() && !href.chars().any(|c| c.is_whitespace() || c.is_control());
    valid && (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
}

fn image_tag(out: &mut String, href: &str, alt: &str) {
    out.push_str("<img src=\"");
    escape_into(out, href);
    out.push_str("\" alt=\"");
    escape_into(out, alt);
    out.push_str("\"/>");
}

fn collect_targets(blocks: &[Block], targets: &mut BTreeSet<String>) {
    for block in blocks {
        match block {
            Block::Heading { id: Some(id), .. } => {
                targets.insert(id.clone());
            }
            Block::Quote(inner) => collect_targets(inner, targets),
            Block::List(list) => list.items.iter().for_each(|item| collect_targets(&item.blocks, targets)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
