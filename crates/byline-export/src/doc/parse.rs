//! Sanitized HTML to [`Document`]: html5ever's tokenizer gives tags and decoded text, a small
//! element tree is built from them (the sanitizer's output is balanced, but a stray end tag
//! closes up to its match rather than failing), and the tree is read as blocks and inlines.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use super::{Align, Block, Cell, CodeBlock, CodeRun, Document, Footnote, Inline, List, ListItem, Table};

/// Reads rendered, sanitized HTML (a body or a bio) as a document tree.
pub fn parse(html: &str) -> Document {
    let nodes = element_tree(html);
    let mut reader = Reader::default();
    let blocks = reader.blocks(&nodes);
    Document { blocks, footnotes: reader.footnotes }
}

/// A node of the element tree.
#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|classes| classes.split_ascii_whitespace().any(|c| c == class))
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens to an element tree.

#[derive(Default)]
struct TreeSink {
    /// Open elements; the bottom one is a synthetic root.
    stack: RefCell<Vec<Element>>,
}

impl TreeSink {
    fn push_node(stack: &mut [Element], node: Node) {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(node);
        }
    }
}

impl TokenSink for TreeSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut stack = self.stack.borrow_mut();
        match token {
            Token::CharacterTokens(text) => push_text(&mut stack, &text),
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let attrs = tag.attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
                        let element = Element { name, attrs, children: Vec::new() };
                        if byline_render::VOID_ELEMENTS.contains(&element.name.as_str()) || tag.self_closing {
                            Self::push_node(&mut stack, Node::Element(element));
                        } else {
                            stack.push(element);
                        }
                    }
                    TagKind::EndTag => {
                        // Close up to the matching element; an end tag with no match is ignored.
                        if let Some(at) = stack.iter().skip(1).rposition(|open| open.name == name) {
                            while stack.len() > at + 1 {
                                close_top(&mut stack);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn push_text(stack: &mut [Element], text: &StrTendril) {
    let Some(parent) = stack.last_mut() else { return };
    match parent.children.last_mut() {
        Some(Node::Text(existing)) => existing.push_str(text),
        _ => parent.children.push(Node::Text(text.to_string())),
    }
}

fn close_top(stack: &mut Vec<Element>) {
    if let Some(done) = stack.pop() {
        TreeSink::push_node(stack, Node::Element(done));
    }
}

fn element_tree(html: &str) -> Vec<Node> {
    let root = Element { name: String::new(), attrs: Vec::new(), children: Vec::new() };
    let sink = TreeSink { stack: RefCell::new(vec![root]) };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut stack = tokenizer.sink.stack.take();
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// The element tree read as blocks and inlines.

/// Elements read as blocks; anything else at block level joins a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "ul",
    "ol",
    "blockquote",
    "table",
    "hr",
    "section",
    "div",
    "figure",
    "figcaption",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "li",
];

#[derive(Default)]
struct Reader {
    footnotes: Vec<Footnote>,
}

impl Reader {
    fn blocks(&mut self, nodes: &[Node]) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut loose: Vec<Inline> = Vec::new();
        for node in nodes {
            match node {
                Node::Element(element) if BLOCK_ELEMENTS.contains(&element.name.as_str()) => {
                    flush_paragraph(&mut loose, &mut blocks);
                    self.block(element, &mut blocks);
                }
                other => inline(other, &mut loose),
            }
        }
        flush_paragraph(&mut loose, &mut blocks);
        blocks
    }

    fn block(&mut self, element: &Element, out: &mut Vec<Block>) {
        let name = element.name.as_str();
        match name {
            "p" | "figcaption" | "dd" => out.push(Block::Paragraph(inlines(&element.children))),
            "summary" | "dt" => out.push(Block::Paragraph(vec![Inline::Strong(inlines(&element.children))])),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => out.push(Block::Heading {
                level: name.as_bytes()[1] - b'0',
                id: element.attr("id").map(str::to_owned),
                content: inlines(&element.children),
            }),
            "pre" => out.push(Block::Code(code_block(element))),
            "ul" | "ol" => out.push(Block::List(self.list(element))),
            "blockquote" => out.push(Block::Quote(self.blocks(&element.children))),
            "table" => out.push(Block::Table(table(element))),
            "hr" => out.push(Block::Rule),
            "section" if element.has_class("footnotes") => self.footnote_section(element),
            // div, figure, details, dl, section, a stray li: their content, in place.
            _ => out.extend(self.blocks(&element.children)),
        }
    }

    fn list(&mut self, element: &Element) -> List {
        let items = children_named(element, "li")
            .map(|li| {
                let task = task_state(li);
                ListItem { task, blocks: self.blocks(&li.children) }
            })
            .collect();
        List {
            ordered: element.name == "ol",
            start: element.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1),
            items,
        }
    }

    fn footnote_section(&mut self, section: &Element) {
        for ol in descendants_named(section, "ol") {
            for li in children_named(ol, "li") {
                let number = self.footnotes.len() + 1;
                let blocks = self.blocks(&li.children);
                self.footnotes.push(Footnote { id: li.attr("id").unwrap_or_default().to_owned(), number, blocks });
            }
        }
    }
}

fn flush_paragraph(loose: &mut Vec<Inline>, blocks: &mut Vec<Block>) {
    trim_inlines(loose);
    if !loose.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(loose)));
    }
}

fn children_named<'e>(element: &'e Element, name: &'e str) -> impl Iterator<Item = &'e Element> + 'e {
    element.children.iter().filter_map(move |child| match child {
        Node::Element(e) if e.name == name => Some(e),
        _ => None,
    })
}

fn descendants_named<'e>(element: &'e Element, name: &str) -> Vec<&'e Element> {
    let mut found = Vec::new();
    for child in &element.children {
        if let Node::Element(e) = child {
            if e.name == name {
                found.push(e);
            } else {
                found.extend(descendants_named(e, name));
            }
        }
    }
    found
}

/// A task item's checkbox is its first element (directly or in its first paragraph).
fn task_state(li: &Element) -> Option<bool> {
    let first = li.children.iter().find_map(|child| match child {
        Node::Element(e) => Some(e),
        Node::Text(_) => None,
    })?;
    let input = if first.name == "p" {
        first.children.iter().find_map(|child| match child {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })?
    } else {
        first
    };
    (input.name == "input").then(|| input.attr("checked").is_some())
}

fn code_block(pre: &Element) -> CodeBlock {
    let mut runs = Vec::new();
    let mut classes = Vec::new();
    code_runs(&pre.children, &mut classes, &mut runs);
    CodeBlock { language: pre.attr("data-lang").map(str::to_owned), runs }
}

fn code_runs(nodes: &[Node], classes: &mut Vec<String>, runs: &mut Vec<CodeRun>) {
    for node in nodes {
        match node {
            Node::Text(text) => match runs.last_mut() {
                Some(last) if last.classes == *classes => last.text.push_str(text),
                _ => runs.push(CodeRun { text: text.clone(), classes: classes.clone() }),
            },
            Node::Element(element) => {
                let class = element.attr("class").filter(|c| c.starts_with("hl-") && element.name == "span");
                if let Some(class) = class {
                    classes.push(class.to_owned());
                }
                code_runs(&element.children, classes, runs);
                if class.is_some() {
                    classes.pop();
                }
            }
        }
    }
}

fn table(element: &Element) -> Table {
    let mut head = Vec::new();
    let mut rows = Vec::new();
    for child in &element.children {
        let Node::Element(section) = child else { continue };
        match section.name.as_str() {
            "thead" => head.extend(children_named(section, "tr").map(row)),
            "tbody" | "tfoot" => rows.extend(children_named(section, "tr").map(row)),
            "tr" => rows.push(row(section)),
            _ => {}
        }
    }
    let columns = head.first().or(rows.first()).map(|r| r.iter().map(|c| c.align).collect()).unwrap_or_default();
    Table { columns, head, rows }
}

fn row(tr: &Element) -> Vec<Cell> {
    tr.children
        .iter()
        .filter_map(|child| match child {
            Node::Element(cell) if cell.name == "td" || cell.name == "th" => Some(Cell {
                content: inlines(&cell.children),
                align: if cell.has_class("align-left") {
                    Align::Left
                } else if cell.has_class("align-center") {
                    Align::Center
                } else if cell.has_class("align-right") {
                    Align::Right
                } else {
                    Align::None
                },
            }),
            _ => None,
        })
        .collect()
}

fn inlines(nodes: &[Node]) -> Vec<Inline> {
    let mut out = Vec::new();
    for node in nodes {
        inline(node, &mut out);
    }
    trim_inlines(&mut out);
    out
}

fn inline(node: &Node, out: &mut Vec<Inline>) {
    let element = match node {
        Node::Text(text) => return push_inline_text(out, text),
        Node::Element(element) => element,
    };
    let inner = || inlines(&element.children);
    match element.name.as_str() {
        "em" | "i" | "cite" | "dfn" => out.push(Inline::Emphasis(inner())),
        "strong" | "b" => out.push(Inline::Strong(inner())),
        "del" | "s" => out.push(Inline::Strikethrough(inner())),
        "ins" | "u" => out.push(Inline::Underline(inner())),
        "mark" => out.push(Inline::Mark(inner())),
        "sub" => out.push(Inline::Subscript(inner())),
        "sup" if element.has_class("footnote-ref") => out.extend(footnote_ref(element)),
        "sup" => out.push(Inline::Superscript(inner())),
        "code" | "kbd" | "samp" => out.push(Inline::Code(text_of(&element.children))),
        "br" => out.push(Inline::LineBreak),
        "img" => out.push(Inline::Image {
            src: element.attr("src").unwrap_or_default().to_owned(),
            alt: element.attr("alt").unwrap_or_default().to_owned(),
            title: element.attr("title").filter(|t| !t.is_empty()).map(str::to_owned),
        }),
        // The footnote's way back belongs to the HTML page only.
        "a" if element.has_class("footnote-backref") => {}
        "a" => match element.attr("href") {
            Some(href) if !href.is_empty() => out.push(Inline::Link { href: href.to_owned(), content: inner() }),
            _ => out.extend(inner()),
        },
        "q" => {
            out.push(Inline::Text("\u{201C}".into()));
            out.extend(inner());
            out.push(Inline::Text("\u{201D}".into()));
        }
        // A checkbox is read by its list item.
        "input" => {}
        // span, abbr, small, time, ruby…, and block elements met inside inline content.
        _ => {
            let mut children = inner();
            if BLOCK_ELEMENTS.contains(&element.name.as_str()) && !out.is_empty() {
                out.push(Inline::LineBreak);
            }
            out.append(&mut children);
        }
    }
}

fn footnote_ref(sup: &Element) -> Option<Inline> {
    let link = children_named(sup, "a").next()?;
    let target = link.attr("href")?.strip_prefix('#')?.to_owned();
    let number = text_of(&link.children).trim().parse().ok()?;
    Some(Inline::FootnoteRef { target, number })
}

/// HTML whitespace rules: any run of spaces, tabs and newlines reads as one space (a no-break
/// space is not whitespace to HTML and stays).
pub fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
        } else {
            collapsed.push(c);
            in_space = false;
        }
    }
    collapsed
}

/// Appends text to the inlines, whitespace collapsed across the joint with the text before.
fn push_inline_text(out: &mut Vec<Inline>, text: &str) {
    let mut collapsed = collapse_whitespace(text);
    if collapsed.starts_with(' ') && matches!(out.last(), Some(Inline::Text(t)) if t.ends_with(' ')) {
        collapsed.remove(0);
    }
    if collapsed.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(existing)) => existing.push_str(&collapsed),
        _ => out.push(Inline::Text(collapsed)),
    }
}

/// Drops the whitespace HTML ignores at the start and end of a block's content.
fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        let trimmed = first.trim_start().to_owned();
        *first = trimmed;
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        let trimmed = last.trim_end().to_owned();
        *last = trimmed;
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
}

fn text_of(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => out.push_str(&text_of(&element.children)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
