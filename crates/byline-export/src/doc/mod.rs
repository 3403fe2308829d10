//! The document tree: an article's rendered body as blocks and inlines, read back from the
//! sanitized HTML that byline-render produced. The DOCX, EPUB and PDF writers lay out this one
//! tree, so every format shows what the HTML page shows: the same ids, footnote numbers,
//! highlighted code and resolved image URLs, and nothing the sanitizer removed.

mod image;
mod parse;

pub use image::{embedded_image, pixel_size, EmbeddedImage};
pub use parse::{collapse_whitespace, parse};

/// A rendered body (or bio) as a tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The body's blocks in order, footnote definitions excluded.
    pub blocks: Vec<Block>,
    /// Footnote definitions in the order of their numbers.
    pub footnotes: Vec<Footnote>,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `#` to `######`.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The HTML `id` (with its `bl-` prefix), the target of table-of-contents links.
        id: Option<String>,
        /// The heading's text and marks.
        content: Vec<Inline>,
    },
    /// A paragraph (also the text of a tight list item).
    Paragraph(Vec<Inline>),
    /// A fenced or indented code block.
    Code(CodeBlock),
    /// A bulleted, numbered or task list.
    List(List),
    /// A block quote (alerts such as `> [!NOTE]` included).
    Quote(Vec<Block>),
    /// A table.
    Table(Table),
    /// A thematic break.
    Rule,
}

/// A code block: its language and its text as highlighted runs.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The fence's language (`rust`, `python`, …) when it had one.
    pub language: Option<String>,
    /// The text in order; run texts concatenated give the code, newlines included.
    pub runs: Vec<CodeRun>,
}

impl CodeBlock {
    /// The code as plain text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }
}

/// A stretch of code with one highlighting scope.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeRun {
    /// The characters, possibly several lines.
    pub text: String,
    /// The `hl-` classes of the enclosing spans, outermost first (e.g. `["hl-source hl-rust",
    /// "hl-storage hl-type hl-rust"]`); empty for unhighlighted text. Colours come from
    /// [`byline_render::code_style`], so every format uses the HTML page's theme.
    pub classes: Vec<String>,
}

/// A list.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// Numbered (`<ol>`) rather than bulleted.
    pub ordered: bool,
    /// The first number of a numbered list.
    pub start: u64,
    /// The items in order.
    pub items: Vec<ListItem>,
}

/// One list item.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// `Some(done)` for a task-list item.
    pub task: Option<bool>,
    /// The item's content; tight items hold one paragraph.
    pub blocks: Vec<Block>,
}

/// A table: an optional header row and body rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Alignment of each column, from the header's (or first row's) cells.
    pub columns: Vec<Align>,
    /// Header rows (`<thead>`), usually one.
    pub head: Vec<Vec<Cell>>,
    /// Body rows.
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Its text and marks.
    pub content: Vec<Inline>,
    /// Its horizontal alignment.
    pub align: Align,
}

/// Horizontal alignment of a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// No alignment given (reads as left).
    #[default]
    None,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// A footnote definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The HTML `id` of the definition (e.g. `bl-fn-1`), the target of its references.
    pub id: String,
    /// The number shown at references, from 1.
    pub number: usize,
    /// The note's content, without the back-reference link.
    pub blocks: Vec<Block>,
}

/// An inline element.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text (entities decoded; whitespace as in the HTML).
    Text(String),
    /// `*emphasis*` (also `<i>`, `<cite>`, `<dfn>`).
    Emphasis(Vec<Inline>),
    /// `**strong**` (also `<b>`).
    Strong(Vec<Inline>),
    /// `~~struck~~` (also `<del>`, `<s>`).
    Strikethrough(Vec<Inline>),
    /// Underlined: `<ins>` and `<u>` from raw HTML.
    Underline(Vec<Inline>),
    /// Highlighted text: `<mark>`.
    Mark(Vec<Inline>),
    /// Superscript other than a footnote reference.
    Superscript(Vec<Inline>),
    /// Subscript.
    Subscript(Vec<Inline>),
    /// `` `code` `` (also `<kbd>`, `<samp>`).
    Code(String),
    /// A hyperlink; `href` passed the sanitizer (http, https, mailto or a `#bl-` fragment).
    Link {
        /// Target URL.
        href: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// An image; `src` is what the export resolved (a `data:` URL when images are embedded).
    Image {
        /// Image URL.
        src: String,
        /// Alternative text.
        alt: String,
        /// Title (a caption when the image stands alone).
        title: Option<String>,
    },
    /// A footnote reference.
    FootnoteRef {
        /// The `id` of the definition it points to (e.g. `bl-fn-1`).
        target: String,
        /// The number shown.
        number: usize,
    },
    /// A hard line break.
    LineBreak,
}

impl Inline {
    /// The plain text of a run of inlines (images give their alt text).
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        collect_text(inlines, &mut out);
        out
    }
}

fn collect_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(inner)
            | Inline::Strong(inner)
            | Inline::Strikethrough(inner)
            | Inline::Underline(inner)
            | Inline::Mark(inner)
            | Inline::Superscript(inner)
            | Inline::Subscript(inner)
            | Inline::Link { content: inner, .. } => collect_text(inner, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::FootnoteRef { number, .. } => out.push_str(&number.to_string()),
            Inline::LineBreak => out.push('\n'),
        }
    }
}
