//! Byline's own HTML writer over pulldown-cmark events. Differs from pulldown-cmark's writer
//! where the app needs it: `data-line` on blocks, heading ids, class-based table alignment,
//! GitHub-style footnotes collected at the end, highlighted code blocks, site generators'
//! template tags shown as what they are (see `template_html`).
//! Its output is not trusted yet: the sanitizer runs over it, except top-level code blocks,
//! which are written in the sanitizer's canonical form (see `code_block`). It also reports
//! where each top-level block's HTML starts and ends, the unit of caching.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, Event, LinkType, Tag, TagEnd};

use crate::code_block::{language_token, write_code_block};
use crate::escape::{escape_href, escape_html};
use crate::events::{self, Spanned};
use crate::footnotes::Footnotes;
use crate::highlight::Highlighter;
use crate::ids::IdRegistry;
use crate::lines::LineIndex;
use crate::stats::{stats_of_events, TextStats};
use crate::template_html::{self, Item, Template};
use crate::template_mask::{self, Masked};
use crate::units::{Piece, PieceKind};

/// A heading as written: unprefixed id (the sanitizer adds the prefix).
pub(crate) struct Heading {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) text: String,
}

/// Unsanitized HTML plus the headings found on the way.
pub(crate) struct Written {
    pub(crate) html: String,
    pub(crate) headings: Vec<Heading>,
    /// Consecutive slices of `html`, one per top-level block (and the footnote section).
    pub(crate) pieces: Vec<Piece>,
    /// Word count and reading time, from the same events.
    pub(crate) stats: TextStats,
}

/// Renders `markdown`; `first_line` (the number of its first line) adds `data-line` to blocks.
pub(crate) fn write_html(markdown: &str, highlighter: &Highlighter<'_>, first_line: Option<usize>) -> Written {
    let masked = template_mask::mask(markdown);
    let no_tags = Template::default();
    let (text, template) = masked.as_ref().map_or((markdown, &no_tags), |m| (m.text.as_str(), &m.template));
    let (events, tag_paragraphs) = events::parse(text, template);
    let stats = stats_of_events(events.iter().map(|(event, _)| event), template);
    let mut writer = Writer {
        out: String::with_capacity(markdown.len() * 3 / 2),
        end_newline: true,
        // Masking keeps every line break where it was: lines counted in `text` are the source's.
        lines: first_line.map(|first| (LineIndex::new(text), first - 1)),
        highlighter,
        template,
        masked: masked.as_ref(),
        tag_paragraphs,
        ids: IdRegistry::default(),
        headings: Vec::new(),
        captures: Vec::new(),
        table: TableState::default(),
        code: None,
        footnotes: Footnotes::default(),
        pieces: Vec::new(),
        piece_paragraph: None,
        piece_start: 0,
        piece_raw: false,
    };
    writer.run(events);
    writer.finish(stats)
}

/// Output diverted while a heading (whose id needs its text) or a footnote (moved to the end) is written.
enum Capture {
    Heading { level: u8, line: String, saved: String, text: String },
    Footnote { name: String, line: String, saved: String },
}

#[derive(Default)]
struct TableState {
    alignments: Vec<Alignment>,
    cell: usize,
    in_head: bool,
}

struct CodeBlock<'h> {
    token: Option<String>,
    line: String,
    text: String,
    /// The highlight or raw block this fence stands for.
    block: Option<&'h Item>,
}

struct Writer<'h> {
    out: String,
    end_newline: bool,
    /// Line index and the number of lines before the text (when it is part of a document).
    lines: Option<(LineIndex, usize)>,
    highlighter: &'h Highlighter<'h>,
    template: &'h Template,
    /// The masked document the events come from (their ranges are its offsets), if it had tags.
    masked: Option<&'h Masked>,
    /// Start offsets of the paragraphs that are only a template tag.
    tag_paragraphs: Vec<usize>,
    ids: IdRegistry,
    headings: Vec<Heading>,
    captures: Vec<Capture>,
    table: TableState,
    code: Option<CodeBlock<'h>>,
    footnotes: Footnotes,
    pieces: Vec<Piece>,
    piece_paragraph: Option<Range<usize>>,
    piece_start: usize,
    piece_raw: bool,
}

impl Writer<'_> {
    fn run(&mut self, events: Vec<Spanned<'_>>) {
        let mut iter = events.into_iter().peekable();
        let mut depth = 0usize;
        while let Some((event, range)) = iter.next() {
            if depth == 0 {
                self.close_piece(false);
                if matches!(event, Event::Start(Tag::Paragraph)) {
                    let source = |at| self.masked.map_or(at, |m| m.to_source(at));
                    self.piece_paragraph = Some(source(range.start)..source(range.end));
                }
            }
            let ends_code = matches!(event, Event::End(TagEnd::CodeBlock));
            match &event {
                // An image's end is consumed with its alt text, so it does not nest here.
                Event::Start(Tag::Image { .. }) => {}
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.dispatch(event, range, &mut iter);
            if depth == 0 {
                self.close_piece(ends_code);
            }
        }
    }

    /// Writes one event; an image also consumes the events of its description.
    fn dispatch<'a>(
        &mut self,
        event: Event<'a>,
        range: Range<usize>,
        iter: &mut std::iter::Peekable<impl Iterator<Item = Spanned<'a>>>,
    ) {
        match event {
            Event::Start(Tag::Item) => {
                let task = matches!(iter.peek(), Some((Event::TaskListMarker(_), _)));
                self.start_item(&range, task);
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let template = self.template;
                self.write("<img src=\"");
                escape_href(&mut self.out, &template.restore(&dest_url));
                self.write("\" alt=\"");
                let alt = alt_text(iter);
                let alt = template.restore(&alt);
                self.heading_text(&alt);
                escape_html(&mut self.out, &alt);
                self.write_title(&title);
                self.write("\" />");
            }
            Event::Start(tag) => self.start_tag(tag, &range),
            Event::End(tag) => self.end_tag(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(text) => {
                let text = self.template.restore(&text);
                self.heading_text(&text);
                self.write("<code>");
                escape_html(&mut self.out, &text);
                self.write("</code>");
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.write("<code class=\"math\">");
                escape_html(&mut self.out, &text);
                self.write("</code>");
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.piece_raw = true;
                self.write(&self.template.restore(&html));
            }
            Event::SoftBreak => {
                self.heading_text(" ");
                self.write("\n");
            }
            Event::HardBreak => {
                self.heading_text(" ");
                self.write("<br />\n");
            }
            Event::Rule => {
                self.block_newline();
                let line = self.line_attr(&range);
                self.write(&format!("<hr{line} />\n"));
            }
            Event::FootnoteReference(name) => self.footnote_reference(&name),
            Event::TaskListMarker(checked) => {
                let checked = if checked { " checked" } else { "" };
                self.write(&format!("<input type=\"checkbox\" disabled{checked}> "));
            }
        }
    }

    fn start_tag(&mut self, tag: Tag<'_>, range: &Range<usize>) {
        let line = self.line_attr(range);
        match tag {
            Tag::Paragraph => {
                let tag_only = self.tag_paragraphs.binary_search(&range.start).is_ok();
                self.block(&format!("<p{line}{}>", if tag_only { " class=\"bl-template-block\"" } else { "" }));
            }
            Tag::Heading { level, .. } => {
                self.block_newline();
                let saved = std::mem::take(&mut self.out);
                self.captures.push(Capture::Heading { level: level as u8, line, saved, text: String::new() });
            }
            Tag::BlockQuote(kind) => {
                let class = kind.map(alert_class).unwrap_or_default();
                self.block(&format!("<blockquote{line}{class}>\n"));
            }
            Tag::CodeBlock(kind) => {
                let (token, block) = match kind {
                    CodeBlockKind::Fenced(info) => (language_token(&info), self.template.only_item(&info)),
                    CodeBlockKind::Indented => (None, None),
                };
                self.block_newline();
                self.code = Some(CodeBlock { token, line, text: String::new(), block });
            }
            Tag::HtmlBlock | Tag::MetadataBlock(_) => {}
            Tag::List(Some(1)) => self.block(&format!("<ol{line}>\n")),
            Tag::List(Some(start)) => self.block(&format!("<ol{line} start=\"{start}\">\n")),
            Tag::List(None) => self.block(&format!("<ul{line}>\n")),
            Tag::Item => self.block(&format!("<li{line}>")),
            Tag::FootnoteDefinition(name) => {
                self.block_newline();
                let saved = std::mem::take(&mut self.out);
                self.captures.push(Capture::Footnote { name: name.to_lowercase(), line, saved });
            }
            Tag::DefinitionList => self.block(&format!("<dl{line}>\n")),
            Tag::DefinitionListTitle => self.block(&format!("<dt{line}>")),
            Tag::DefinitionListDefinition => self.block(&format!("<dd{line}>")),
            Tag::Table(alignments) => {
                self.table = TableState { alignments, cell: 0, in_head: false };
                self.block(&format!("<table{line}>"));
            }
            Tag::TableHead => {
                self.table.in_head = true;
                self.table.cell = 0;
                self.write(&format!("<thead><tr{line}>"));
            }
            Tag::TableRow => {
                self.table.cell = 0;
                self.write(&format!("<tr{line}>"));
            }
            Tag::TableCell => {
                let name = if self.table.in_head { "th" } else { "td" };
                let class = match self.table.alignments.get(self.table.cell) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                self.write(&format!("<{name}{class}>"));
            }
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Link { link_type, dest_url, title, .. } => {
                self.write("<a href=\"");
                if link_type == LinkType::Email {
                    self.write("mailto:");
                }
                escape_href(&mut self.out, &self.template.restore(&dest_url));
                self.write_title(&title);
                self.write("\">");
            }
            // Images are consumed whole in `run` so their alt text can be collected.
            Tag::Image { .. } => {}
        }
    }

    fn end_tag(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.write("</p>\n"),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => self.write("</blockquote>\n"),
            TagEnd::CodeBlock => self.end_code_block(),
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {}
            TagEnd::List(true) => self.write("</ol>\n"),
            TagEnd::List(false) => self.write("</ul>\n"),
            TagEnd::Item => self.write("</li>\n"),
            TagEnd::FootnoteDefinition => self.end_footnote_definition(),
            TagEnd::DefinitionList => self.write("</dl>\n"),
            TagEnd::DefinitionListTitle => self.write("</dt>\n"),
            TagEnd::DefinitionListDefinition => self.write("</dd>\n"),
            TagEnd::Table => self.write("</tbody></table>\n"),
            TagEnd::TableHead => {
                self.table.in_head = false;
                self.write("</tr></thead><tbody>\n");
            }
            TagEnd::TableRow => self.write("</tr>\n"),
            TagEnd::TableCell => {
                self.write(if self.table.in_head { "</th>" } else { "</td>" });
                self.table.cell += 1;
            }
            TagEnd::Emphasis => self.write("</em>"),
            TagEnd::Strong => self.write("</strong>"),
            TagEnd::Strikethrough => self.write("</del>"),
            TagEnd::Superscript => self.write("</sup>"),
            TagEnd::Subscript => self.write("</sub>"),
            TagEnd::Link => self.write("</a>"),
        }
    }

    fn text(&mut self, text: &str) {
        let template = self.template;
        let restored = template.restore(text);
        if let Some(code) = self.code.as_mut() {
            code.text.push_str(&restored);
            return;
        }
        self.heading_text(&restored);
        match restored {
            Cow::Borrowed(_) => escape_html(&mut self.out, text),
            Cow::Owned(_) => template_html::write_text(&mut self.out, template, text),
        }
        if !text.is_empty() {
            self.end_newline = restored.ends_with('\n');
        }
    }

    fn start_item(&mut self, range: &Range<usize>, task: bool) {
        let line = self.line_attr(range);
        let class = if task { " class=\"task-list-item\"" } else { "" };
        self.block(&format!("<li{line}{class}>"));
    }

    fn end_heading(&mut self) {
        let Some(Capture::Heading { level, line, saved, text }) = self.captures.pop() else {
            return;
        };
        let inner = std::mem::replace(&mut self.out, saved);
        let text = collapse_whitespace(&text);
        let id = self.ids.unique(&text);
        self.write(&format!("<h{level} id=\"{id}\"{line}>{inner}</h{level}>\n"));
        self.headings.push(Heading { level, id, text });
    }

    fn end_code_block(&mut self) {
        let Some(CodeBlock { token, line, text, block }) = self.code.take() else { return };
        if !block.is_some_and(|item| template_html::write_block(&mut self.out, self.highlighter, item, &line)) {
            write_code_block(&mut self.out, self.highlighter, token.as_deref(), &line, &text);
        }
        self.end_newline = true;
    }

    fn footnote_reference(&mut self, name: &str) {
        let html = self.footnotes.reference(name, &mut self.ids);
        self.write(&html);
    }

    fn end_footnote_definition(&mut self) {
        let Some(Capture::Footnote { name, line, saved }) = self.captures.pop() else { return };
        let inner = std::mem::replace(&mut self.out, saved);
        self.end_newline = true;
        self.footnotes.define(name, line, inner);
    }

    /// Appends the footnote section, if any footnote was referenced.
    fn finish(mut self, stats: TextStats) -> Written {
        self.close_piece(false);
        let section = self.footnotes.section();
        if !section.is_empty() {
            self.block_newline();
            self.write(&section);
            // Footnote bodies are captured, so raw HTML in them was not seen in this piece.
            self.piece_raw = true;
            self.close_piece(false);
        }
        Written { html: self.out, headings: self.headings, pieces: self.pieces, stats }
    }

    /// Ends the current piece at the end of the output (a no-op if it is empty).
    fn close_piece(&mut self, code: bool) {
        let end = self.out.len();
        if end > self.piece_start {
            let kind = match (self.piece_raw, code) {
                (true, _) => PieceKind::RawHtml,
                (false, true) => PieceKind::Code,
                (false, false) => PieceKind::Prose,
            };
            let paragraph = self.piece_paragraph.take();
            self.pieces.push(Piece { range: self.piece_start..end, kind, paragraph });
        }
        self.piece_paragraph = None;
        self.piece_start = end;
        self.piece_raw = false;
    }

    fn heading_text(&mut self, text: &str) {
        if let Some(Capture::Heading { text: heading, .. }) = self.captures.last_mut() {
            heading.push_str(text);
        }
    }

    fn line_attr(&self, range: &Range<usize>) -> String {
        match &self.lines {
            Some((lines, before)) => format!(" data-line=\"{}\"", before + lines.line_of(range.start)),
            None => String::new(),
        }
    }

    fn write_title(&mut self, title: &str) {
        if !title.is_empty() {
            self.write("\" title=\"");
            escape_html(&mut self.out, &self.template.restore(title));
        }
    }

    /// Block elements start on a fresh line, like the CommonMark reference renderer.
    fn block_newline(&mut self) {
        if !self.end_newline {
            self.write("\n");
        }
    }

    fn block(&mut self, html: &str) {
        self.block_newline();
        self.write(html);
    }

    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }
}

/// Plain text of an image's description, consuming events up to its end.
fn alt_text<'a>(iter: &mut impl Iterator<Item = Spanned<'a>>) -> String {
    let mut alt = String::new();
    let mut depth = 0usize;
    for (event, _) in iter.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => alt.push_str(&t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

fn alert_class(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => " class=\"markdown-alert markdown-alert-note\"",
        BlockQuoteKind::Tip => " class=\"markdown-alert markdown-alert-tip\"",
        BlockQuoteKind::Important => " class=\"markdown-alert markdown-alert-important\"",
        BlockQuoteKind::Warning => " class=\"markdown-alert markdown-alert-warning\"",
        BlockQuoteKind::Caution => " class=\"markdown-alert markdown-alert-caution\"",
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
