//! The document tree as typst markup.
//!
//! Every piece of the writer's text (body, titles, alt text, URLs) is emitted as a typst string
//! literal inside a call (`#"text"`, `#link("url")[…]`), never as markup: `#`, `*`, `$`, `<`, `@`,
//! `=` or `-` at a line start in an article can then only ever be characters on the page. The
//! only other things written here are numbers, our own function names and sanitized labels.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use byline_export::doc::{
    collapse_whitespace, embedded_image, Align, Block, CodeBlock, Document, Footnote, Inline, List, Table,
};
use byline_render::{code_background, code_style, CodeTheme};

/// Appends `text` as a typst string literal (quotes included).
pub(crate) fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Other control characters would end up in the source as is; escaping them keeps the
            // generated file printable and the literal unambiguous.
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `text` as a string literal embedded in markup: it shows exactly as written.
pub(crate) fn text(out: &mut String, text: &str) {
    if !text.is_empty() {
        out.push('#');
        string(out, text);
    }
}

/// A typst label name for an HTML id in one scope (the body, or one author's bio, whose ids
/// are numbered on their own and would clash). Ids come from the writer's headings, so anything
/// outside `[A-Za-z0-9-]` is spelled as its code point, which keeps labels valid and distinct.
pub(crate) fn label(scope: &str, id: &str) -> String {
    let mut out = format!("byline-{scope}-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

fn rgb(out: &mut String, [r, g, b]: [u8; 3]) {
    let _ = write!(out, "rgb({r}, {g}, {b})");
}

/// Writes one document (the body, or an author's bio) as markup and collects the images it
/// needs as virtual files.
pub(crate) struct MarkupWriter<'a> {
    out: String,
    /// Prefix of this document's labels.
    scope: &'a str,
    footnotes: HashMap<&'a str, &'a Footnote>,
    /// Footnotes already placed: a second reference points at the first by label.
    placed: HashSet<String>,
    /// Heading ids that get a label, so `#bl-` links can point at them; a link to any other
    /// fragment would be a typst error, so it stays plain text.
    anchors: HashSet<String>,
    files: Files,
}

/// The images the markup refers to, by virtual path.
#[derive(Default)]
pub(crate) struct Files {
    by_src: HashMap<String, String>,
    /// Virtual path and bytes, in first-use order.
    pub(crate) list: Vec<(String, Vec<u8>)>,
}

impl Files {
    /// The virtual path of a `data:` image, registering it on first use; `None` when the URL
    /// is not an embedded image typst can decode, so callers fall back to the alt text.
    pub(crate) fn image(&mut self, src: &str) -> Option<String> {
        if let Some(path) = self.by_src.get(src) {
            return Some(path.clone());
        }
        let image = embedded_image(src)?;
        let extension = image.extension();
        // A raster image whose header does not even give its size would fail the whole
        // compile; without it the reader still gets the alt text.
        let readable = match extension {
            "png" | "jpg" | "gif" | "webp" => image.size.is_some_and(|(w, h)| w > 0 && h > 0),
            "svg" => true,
            _ => false,
        };
        if !readable {
            return None;
        }
        let path = format!("/images/{}.{extension}", self.list.len() + 1);
        self.list.push((path.clone(), image.bytes));
        self.by_src.insert(src.to_owned(), path.clone());
        Some(path)
    }
}

impl<'a> MarkupWriter<'a> {
    pub(crate) fn new(document: &'a Document, scope: &'a str, files: Files) -> MarkupWriter<'a> {
        let footnotes = document.footnotes.iter().map(|note| (note.id.as_str(), note)).collect();
        let mut anchors = HashSet::new();
        collect_anchors(&document.blocks, &mut anchors);
        MarkupWriter { out: String::new(), scope, footnotes, placed: HashSet::new(), anchors, files }
    }

    /// The markup and the images it uses.
    pub(crate) fn finish(self) -> (String, Files) {
        (self.out, self.files)
    }

    pub(crate) fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
            self.out.push_str("\n\n");
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, id, content } => {
                let _ = write!(self.out, "#heading(level: {})[", (*level).clamp(1, 6));
                self.inlines(content);
                self.out.push(']');
                if let Some(id) = id {
                    let _ = write!(self.out, " <{}>", label(self.scope, id));
                }
            }
            Block::Paragraph(content) => match content.as_slice() {
                [Inline::Image { src, alt, title }] => self.figure(src, alt, title.as_deref()),
                _ => self.inlines(trim(content)),
            },
            Block::Code(code) => self.code(code),
            Block::List(list) => self.list(list),
            Block::Quote(blocks) => {
                self.out.push_str("#quote(block: true)[\n");
                self.blocks(blocks);
                self.out.push(']');
            }
            Block::Table(table) => self.table(table),
            Block::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt + luma(170))"),
        }
    }

    fn figure(&mut self, src: &str, alt: &str, title: Option<&str>) {
        let Some(path) = self.files.image(src) else {
            text(&mut self.out, alt);
            return;
        };
        self.out.push_str("#figure(byline-image(");
        string(&mut self.out, &path);
        self.out.push_str(", ");
        string(&mut self.out, alt);
        self.out.push(')');
        if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
            self.out.push_str(", caption: [");
            text(&mut self.out, title);
            self.out.push(']');
        }
        self.out.push(')');
    }

    /// Code as coloured text runs on the theme's background, one `byline-code` call per block;
    /// the runs keep their spaces and newlines (the template makes them hard line breaks).
    fn code(&mut self, code: &CodeBlock) {
        self.out.push_str("#byline-code(");
        rgb(&mut self.out, code_background(CodeTheme::Light));
        self.out.push_str(")[");
        let last = code.runs.len().saturating_sub(1);
        for (i, run) in code.runs.iter().enumerate() {
            let style = code_style(CodeTheme::Light, &run.classes);
            let text = run.text.replace('\t', "    ");
            // The block's final newline would add an empty last line.
            let text = if i == last { text.trim_end_matches('\n') } else { &text };
            if text.is_empty() {
                continue;
            }
            self.out.push_str(if style.underline { "#underline(text(fill: " } else { "#text(fill: " });
            rgb(&mut self.out, style.color);
            if style.bold {
                self.out.push_str(", weight: \"bold\"");
            }
            if style.italic {
                self.out.push_str(", style: \"italic\"");
            }
            self.out.push_str(", ");
            string(&mut self.out, text);
            self.out.push_str(if style.underline { "))" } else { ")" });
        }
        self.out.push(']');
    }

    fn list(&mut self, list: &List) {
        if list.ordered {
            let _ = write!(self.out, "#enum(start: {}", list.start);
        } else if list.items.iter().all(|item| item.task.is_some()) {
            // A task list's boxes are its markers.
            self.out.push_str("#list(marker: []");
        } else {
            self.out.push_str("#list(");
        }
        let mut comma = !self.out.ends_with('(');
        for item in &list.items {
            if comma {
                self.out.push_str(", ");
            }
            comma = true;
            self.out.push('[');
            if let Some(done) = item.task {
                let _ = write!(self.out, "#byline-task({done})");
            }
            match item.blocks.as_slice() {
                [Block::Paragraph(content)] => self.inlines(trim(content)),
                blocks => {
                    self.out.push('\n');
                    self.blocks(blocks);
                }
            }
            self.out.push(']');
        }
        self.out.push(')');
    }

    fn table(&mut self, table: &Table) {
        let width = table.columns.len().max(table.head.iter().chain(&table.rows).map(Vec::len).max().unwrap_or(0));
        if width == 0 {
            return;
        }
        let _ = write!(self.out, "#table(columns: {width}, align: (");
        for column in 0..width {
            let align = table.columns.get(column).copied().unwrap_or_default();
            self.out.push_str(match align {
                Align::None | Align::Left => "left",
                Align::Center => "center",
                Align::Right => "right",
            });
            self.out.push_str(", ");
        }
        self.out.push_str("), ");
        if !table.head.is_empty() {
            self.out.push_str("table.header(");
            for row in &table.head {
                self.row(row, width);
            }
            // Without the comma the first body cell would be a trailing argument of the header.
            self.out.push_str("), ");
        }
        for row in &table.rows {
            self.row(row, width);
        }
        self.out.push(')');
    }

    /// One row's cells, padded to the table's width so a short row cannot shift the next one.
    fn row(&mut self, cells: &[byline_export::doc::Cell], width: usize) {
        for column in 0..width {
            self.out.push('[');
            if let Some(cell) = cells.get(column) {
                self.inlines(trim(&cell.content));
            }
            self.out.push_str("], ");
        }
    }

    pub(crate) fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn wrapped(&mut self, function: &str, inner: &[Inline]) {
        let _ = write!(self.out, "#{function}[");
        self.inlines(inner);
        self.out.push(']');
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(t) => text(&mut self.out, &collapse_whitespace(t)),
            Inline::Emphasis(inner) => self.wrapped("emph", inner),
            Inline::Strong(inner) => self.wrapped("strong", inner),
            Inline::Strikethrough(inner) => self.wrapped("strike", inner),
            Inline::Underline(inner) => self.wrapped("underline", inner),
            Inline::Mark(inner) => self.wrapped("highlight", inner),
            Inline::Superscript(inner) => self.wrapped("super", inner),
            Inline::Subscript(inner) => self.wrapped("sub", inner),
            Inline::Code(code) => {
                self.out.push_str("#raw(");
                string(&mut self.out, &collapse_whitespace(code));
                self.out.push(')');
            }
            Inline::Link { href, content } => self.link(href, content),
            Inline::Image { src, alt, .. } => match self.files.image(src) {
                Some(path) => {
                    self.out.push_str("#box(byline-image(");
                    string(&mut self.out, &path);
                    self.out.push_str(", ");
                    string(&mut self.out, alt);
                    self.out.push_str("))");
                }
                None => text(&mut self.out, alt),
            },
            Inline::FootnoteRef { target, number } => self.footnote(target, *number),
            Inline::LineBreak => self.out.push_str("#linebreak()"),
        }
    }

    fn link(&mut self, href: &str, content: &[Inline]) {
        match href.strip_prefix('#') {
            Some(fragment) if self.anchors.contains(fragment) => {
                let _ = write!(self.out, "#link(<{}>)[", label(self.scope, fragment));
            }
            // A fragment typst has no label for: the text without the link.
            Some(_) => return self.inlines(content),
            None => {
                self.out.push_str("#link(");
                string(&mut self.out, href);
                self.out.push_str(")[");
            }
        }
        self.inlines(content);
        self.out.push(']');
    }

    /// A real typst footnote at the reference, holding the definition; a repeated reference
    /// points at the first one, as the HTML's back-references do.
    fn footnote(&mut self, target: &str, number: usize) {
        let name = label(self.scope, &format!("fn-{target}"));
        if self.placed.contains(target) {
            let _ = write!(self.out, "#footnote(<{name}>)");
            return;
        }
        let Some(note) = self.footnotes.get(target).copied() else {
            // A reference whose definition the sanitizer dropped: keep the number visible.
            let _ = write!(self.out, "#super[#\"{number}\"]");
            return;
        };
        self.placed.insert(target.to_owned());
        self.out.push_str("#footnote[");
        match note.blocks.as_slice() {
            [Block::Paragraph(content)] => self.inlines(trim(content)),
            blocks => {
                self.out.push('\n');
                self.blocks(blocks);
            }
        }
        let _ = write!(self.out, "]<{name}>");
    }
}

/// Heading ids, which become labels (nested blocks included).
fn collect_anchors(blocks: &[Block], anchors: &mut HashSet<String>) {
    for block in blocks {
        match block {
            Block::Heading { id: Some(id), .. } => {
                anchors.insert(id.clone());
            }
            Block::Quote(inner) => collect_anchors(inner, anchors),
            Block::List(list) => list.items.iter().for_each(|item| collect_anchors(&item.blocks, anchors)),
            _ => {}
        }
    }
}

/// A paragraph without the whitespace-only text at its ends (the HTML's indentation), which
/// would otherwise become spaces at the start of a line.
fn trim(inlines: &[Inline]) -> &[Inline] {
    let blank = |inline: &Inline| matches!(inline, Inline::Text(t) if t.trim().is_empty());
    let start = inlines.iter().position(|i| !blank(i)).unwrap_or(inlines.len());
    let end = inlines.iter().rposition(|i| !blank(i)).map_or(start, |i| i + 1);
    &inlines[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        let mut out = String::new();
        string(&mut out, "a \"b\" \\ c\nd\u{1}");
        assert_eq!(out, r#""a \"b\" \\ c\nd\u{1}""#);
    }

    #[test]
    fn markup_characters_stay_inside_literals() {
        let mut out = String::new();
        text(&mut out, "#let x = 1 *bold* $math$ @ref <label> \\ = heading");
        assert_eq!(out, r##"#"#let x = 1 *bold* $math$ @ref <label> \\ = heading""##);
    }

    #[test]
    fn labels_are_valid_and_distinct() {
        assert_eq!(label("body", "bl-the-first-version"), "byline-body-bl-the-first-version");
        assert_ne!(label("body", "bl-a.b"), label("body", "bl-a_b"));
        assert_ne!(label("body", "bl-a"), label("bio-1", "bl-a"));
        assert!(label("body", "bl-café <x>").chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn whitespace_collapses_like_html() {
        assert_eq!(collapse_whitespace("a \n  b\tc"), "a b c");
        assert_eq!(collapse_whitespace("no\u{a0}break"), "no\u{a0}break");
    }
}
