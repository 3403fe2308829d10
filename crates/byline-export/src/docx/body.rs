//! Blocks as WordprocessingML paragraphs and tables: headings with bookmarks, code with its
//! colours, lists on `word/numbering.xml`, block quotes, tables and rules. Inline content is
//! in `inline.rs`.

use std::fmt::Write;

use byline_render::CodeTheme;

use super::drawing::{self, EMU_PER_TWIP};
use super::package::{ListInstance, Package, Relationships};
use super::props::{ParagraphProps, RunProps};
use crate::doc::{Align, Block, Cell, CodeBlock, Footnote, Inline, List, Table};

/// The text area of an A4 page with one-inch margins, in twentieths of a point.
pub(super) const TEXT_WIDTH: u32 = 11906 - 2 * 1440;
pub(super) const TEXT_HEIGHT: u32 = 16838 - 2 * 1440;
/// How far each list level and block quote moves text in.
const INDENT_STEP: u32 = 720;

/// Where a block sits: how deep in quotes and lists, and in which part.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Nesting {
    quote_depth: u32,
    /// The level of the list item holding the block, from 0.
    list_level: Option<usize>,
    in_footnote: bool,
}

impl Nesting {
    pub(super) fn footnote() -> Nesting {
        Nesting { in_footnote: true, ..Nesting::default() }
    }

    fn indent(self) -> Option<u32> {
        let list = self.list_level.map_or(0, |level| INDENT_STEP * (level as u32 + 1));
        let total = list + INDENT_STEP * self.quote_depth;
        (total > 0).then_some(total)
    }

    /// The properties of a paragraph of running text here.
    fn text(self) -> ParagraphProps<'static> {
        let style = if self.in_footnote {
            "FootnoteText"
        } else if self.list_level.is_some() {
            "ListParagraph"
        } else if self.quote_depth > 0 {
            "Quote"
        } else {
            "BodyText"
        };
        ParagraphProps { indent_left: self.indent(), ..ParagraphProps::styled(style) }
    }
}

/// Writes the content of one part (`w:body` or `w:footnotes`), registering links and images
/// in that part's relationships.
pub(super) struct BodyWriter<'p> {
    pub(super) out: String,
    pub(super) package: &'p mut Package,
    pub(super) rels: &'p mut Relationships,
    /// The box an image must fit: the text width, or a table cell's.
    pub(super) image_frame: drawing::Frame,
    /// Word allows no footnote reference inside a footnote.
    pub(super) in_footnote: bool,
    /// The last thing written was a table: Word merges two adjacent tables into one.
    after_table: bool,
}

impl<'p> BodyWriter<'p> {
    pub(super) fn new(package: &'p mut Package, rels: &'p mut Relationships) -> BodyWriter<'p> {
        BodyWriter {
            out: String::new(),
            package,
            rels,
            image_frame: drawing::Frame {
                width: u64::from(TEXT_WIDTH) * EMU_PER_TWIP,
                height: u64::from(TEXT_HEIGHT) * EMU_PER_TWIP,
                enlarge: false,
            },
            in_footnote: false,
            after_table: false,
        }
    }

    pub(super) fn finish(self) -> String {
        self.out
    }

    pub(super) fn blocks(&mut self, blocks: &[Block], nesting: Nesting) {
        for block in blocks {
            self.block(block, nesting);
        }
    }

    pub(super) fn block(&mut self, block: &Block, nesting: Nesting) {
        match block {
            Block::Heading { level, id, content } => self.heading(*level, id.as_deref(), content),
            Block::Paragraph(inlines) => self.text_paragraph(inlines, nesting),
            Block::Code(code) => self.code(code, nesting),
            Block::List(list) => self.list(list, nesting),
            Block::Quote(inner) => self.blocks(inner, Nesting { quote_depth: nesting.quote_depth + 1, ..nesting }),
            Block::Table(table) => self.table(table),
            Block::Rule => {
                let rule =
                    ParagraphProps { bottom_border: true, spacing: Some((120, 240)), ..ParagraphProps::default() };
                self.open_paragraph(&rule);
                self.close_paragraph();
            }
        }
    }

    pub(super) fn open_paragraph(&mut self, props: &ParagraphProps) {
        self.after_table = false;
        self.out.push_str("<w:p>");
        props.write(&mut self.out);
    }

    pub(super) fn close_paragraph(&mut self) {
        self.out.push_str("</w:p>");
    }

    pub(super) fn paragraph(&mut self, props: &ParagraphProps, inlines: &[Inline]) {
        self.open_paragraph(props);
        self.inlines(inlines, RunProps::default());
        self.close_paragraph();
    }

    /// A paragraph; a picture standing alone with a title gets that title as its caption.
    fn text_paragraph(&mut self, inlines: &[Inline], nesting: Nesting) {
        let caption = match inlines {
            [Inline::Image { title: Some(title), src, .. }] if !title.trim().is_empty() && !src.is_empty() => {
                Some(title)
            }
            _ => None,
        };
        let props = ParagraphProps { keep_next: caption.is_some(), ..nesting.text() };
        self.paragraph(&props, inlines);
        if let Some(caption) = caption {
            let props = ParagraphProps { indent_left: nesting.indent(), ..ParagraphProps::styled("Caption") };
            self.paragraph(&props, &[Inline::Text(caption.clone())]);
        }
    }

    /// A heading in Word's own heading style, bookmarked under its page id so `#bl-…` links
    /// and Word's navigation pane both find it.
    fn heading(&mut self, level: u8, id: Option<&str>, content: &[Inline]) {
        let style = format!("Heading{}", level.clamp(1, 6));
        self.open_paragraph(&ParagraphProps::styled(&style));
        let bookmark = id.and_then(|id| self.package.claim_bookmark(id));
        if let Some((bookmark_id, name)) = &bookmark {
            let _ = write!(self.out, "<w:bookmarkStart w:id=\"{bookmark_id}\" w:name=\"{name}\"/>");
        }
        self.inlines(content, RunProps::default());
        if let Some((bookmark_id, _)) = &bookmark {
            let _ = write!(self.out, "<w:bookmarkEnd w:id=\"{bookmark_id}\"/>");
        }
        self.close_paragraph();
    }

    /// One shaded paragraph per block, lines broken with `w:br`, so the shading is unbroken and
    /// a copy from Word gives back the code.
    fn code(&mut self, code: &CodeBlock, nesting: Nesting) {
        let props = ParagraphProps { indent_left: nesting.indent(), ..ParagraphProps::styled("SourceCode") };
        self.open_paragraph(&props);
        // Neighbouring runs of one colour (syntect's plain `source` scopes) become one run.
        let mut pending: Option<(RunProps, String)> = None;
        for run in &code.runs {
            let props = code_run_props(&run.classes);
            match &mut pending {
                Some((pending_props, text)) if *pending_props == props => text.push_str(&run.text),
                _ => {
                    if let Some((props, text)) = pending.take() {
                        self.text_run(props, &text);
                    }
                    pending = Some((props, run.text.clone()));
                }
            }
        }
        if let Some((props, text)) = pending {
            self.text_run(props, text.strip_suffix('\n').unwrap_or(&text));
        }
        self.close_paragraph();
    }

    /// Each list is its own `w:num`, so a numbered list starts at its own `start` instead of
    /// continuing the one before it. Task items carry their box as text, without a bullet.
    fn list(&mut self, list: &List, nesting: Nesting) {
        let level = nesting.list_level.map_or(0, |level| (level + 1).min(8));
        let numbered = list.items.iter().any(|item| item.task.is_none());
        let instance = ListInstance { ordered: list.ordered, start: list.start, level };
        let num_id = if numbered { self.package.add_list(instance) } else { 0 };
        let inner = Nesting { list_level: Some(level), ..nesting };
        for item in &list.items {
            let (first, rest) = split_first_paragraph(&item.blocks);
            let props = match item.task {
                Some(_) => inner.text(),
                None => ParagraphProps { numbering: Some((num_id, level)), indent_left: None, ..inner.text() },
            };
            self.open_paragraph(&props);
            match item.task {
                Some(true) => self.text_run(RunProps::default(), "\u{2612} "),
                Some(false) => self.text_run(RunProps::default(), "\u{2610} "),
                None => {}
            }
            self.inlines(first, RunProps::default());
            self.close_paragraph();
            self.blocks(rest, inner);
        }
    }

    fn table(&mut self, table: &Table) {
        let rows: Vec<(&[Cell], bool)> = table
            .head
            .iter()
            .map(|row| (row.as_slice(), true))
            .chain(table.rows.iter().map(|row| (row.as_slice(), false)))
            .collect();
        if rows.is_empty() {
            return;
        }
        let columns = rows.iter().map(|(cells, _)| cells.len()).chain([table.columns.len(), 1]).max().unwrap_or(1);
        let column_width = (TEXT_WIDTH / u32::try_from(columns).unwrap_or(u32::MAX)).max(1);
        if self.after_table {
            self.spacer();
        }
        self.out.push_str(concat!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/><w:tblW w:w=\"0\" w:type=\"auto\"/>",
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" ",
            "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        ));
        for _ in 0..columns {
            let _ = write!(self.out, "<w:gridCol w:w=\"{column_width}\"/>");
        }
        self.out.push_str("</w:tblGrid>");
        let page_frame = self.image_frame;
        self.image_frame.width = u64::from(column_width) * EMU_PER_TWIP;
        for (cells, header) in rows {
            self.table_row(table, cells, header, columns, column_width);
        }
        self.image_frame = page_frame;
        self.out.push_str("</w:tbl>");
        self.after_table = true;
    }

    /// An empty paragraph of no height, between two tables or after a table ending a footnote.
    fn spacer(&mut self) {
        self.open_paragraph(&ParagraphProps { spacing: Some((0, 0)), ..ParagraphProps::default() });
        self.close_paragraph();
    }

    fn table_row(&mut self, table: &Table, cells: &[Cell], header: bool, columns: usize, column_width: u32) {
        self.out.push_str("<w:tr>");
        if header {
            self.out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for column in 0..columns {
            let cell = cells.get(column);
            let align = match cell.map(|cell| cell.align) {
                Some(Align::None) | None => table.columns.get(column).copied().unwrap_or_default(),
                Some(align) => align,
            };
            let _ = write!(self.out, "<w:tc><w:tcPr><w:tcW w:w=\"{column_width}\" w:type=\"dxa\"/>");
            if header {
                self.out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/>");
            }
            self.out.push_str("</w:tcPr>");
            let justify = match align {
                Align::None | Align::Left => None,
                Align::Center => Some("center"),
                Align::Right => Some("right"),
            };
            self.open_paragraph(&ParagraphProps { justify, ..ParagraphProps::styled("TableText") });
            if let Some(cell) = cell {
                self.inlines(&cell.content, RunProps { bold: header, ..RunProps::default() });
            }
            self.close_paragraph();
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    /// One `w:footnote`; the note's number (`w:footnoteRef`) opens its first paragraph.
    pub(super) fn footnote(&mut self, word_id: usize, footnote: &Footnote) {
        self.in_footnote = true;
        let _ = write!(self.out, "<w:footnote w:id=\"{word_id}\">");
        let nesting = Nesting::footnote();
        let (first, rest) = split_first_paragraph(&footnote.blocks);
        self.open_paragraph(&nesting.text());
        self.out.push_str(
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\"> </w:t></w:r>",
        );
        self.inlines(first, RunProps::default());
        self.close_paragraph();
        self.blocks(rest, nesting);
        if self.after_table {
            self.spacer();
        }
        self.out.push_str("</w:footnote>");
    }
}

/// The page theme's colour and weight for code inside spans of `classes`; plain for none.
fn code_run_props(classes: &[String]) -> RunProps {
    if classes.is_empty() {
        return RunProps::default();
    }
    let style = byline_render::code_style(CodeTheme::Light, classes);
    RunProps {
        bold: style.bold,
        italic: style.italic,
        underline: style.underline,
        color: Some(style.color),
        ..RunProps::default()
    }
}

/// A list item's or a footnote's leading paragraph (which carries its number) and the rest.
fn split_first_paragraph(blocks: &[Block]) -> (&[Inline], &[Block]) {
    match blocks.split_first() {
        Some((Block::Paragraph(inlines), rest)) => (inlines, rest),
        _ => (&[], blocks),
    }
}
