//! How template tags look in the preview. Each tag is a chip, `<code class="bl-template-tag">`
//! holding the tag exactly as written (escaped); a line that is only a tag is a block of its own
//! (`<p class="bl-template-block">`), as the generator's output would be; a highlight or raw block
//! shows its two tags around its lines as a code block. Also the table of a document's tags that
//! the writer looks placeholders up in (see `template_mask` for how they got there).

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Tag as MdTag, TagEnd};

use crate::code_block::{language_token, write_code_block};
use crate::escape::{escape_canonical_text, escape_html};
use crate::events::Spanned;
use crate::highlight::Highlighter;

/// Class of every tag chip.
const TAG_CLASS: &str = "bl-template-tag";

/// The tags of one document, by number, and the marker of their placeholders.
#[derive(Default)]
pub(crate) struct Template {
    marker: Option<char>,
    items: Vec<Item>,
}

/// One tag (or pair of tags) as written.
pub(crate) struct Item {
    /// The source text: the tag, a whole span, or a block's opening tag.
    pub(crate) text: String,
    pub(crate) kind: ItemKind,
}

pub(crate) enum ItemKind {
    Tag,
    /// An opening and a closing tag on one line; the bytes of `text` between them (`inner`) are
    /// code (a highlight) or plain text (raw).
    Span {
        inner: Range<usize>,
        code: bool,
    },
    /// A highlight or raw block: the lines between its tags, its closing tag, its language.
    Block {
        content: String,
        close: String,
        lang: Option<String>,
    },
}

impl Template {
    pub(crate) fn new(marker: char, items: Vec<Item>) -> Template {
        Template { marker: Some(marker), items }
    }

    /// Every item, by number.
    pub(crate) fn items(&self) -> &[Item] {
        &self.items
    }

    /// Does `text` hold a placeholder?
    pub(crate) fn holds_placeholder(&self, text: &str) -> bool {
        self.marker.is_some_and(|m| text.contains(m))
    }

    /// `text` cut into plain text and placeholders, in order: each piece with the item it
    /// stands for, if it is a placeholder.
    pub(crate) fn pieces<'t>(&self, text: &'t str) -> Vec<(Option<&Item>, &'t str)> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some((range, index)) = self.next_placeholder(rest) {
            if range.start > 0 {
                pieces.push((None, &rest[..range.start]));
            }
            pieces.push((self.items.get(index), &rest[range.clone()]));
            rest = &rest[range.end..];
        }
        if !rest.is_empty() {
            pieces.push((None, rest));
        }
        pieces
    }

    /// `text` with each placeholder back to the source text it stands for: for the places a tag
    /// cannot be shown as one (attributes, code, raw HTML) or only its text counts (heading ids).
    pub(crate) fn restore<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if !self.holds_placeholder(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 32);
        for (item, piece) in self.pieces(text) {
            out.push_str(item.map_or(piece, |item| &item.text));
        }
        Cow::Owned(out)
    }

    /// The item whose placeholder is all of `text`.
    pub(crate) fn only_item(&self, text: &str) -> Option<&Item> {
        let (range, index) = self.next_placeholder(text)?;
        (range == (0..text.len())).then(|| self.items.get(index)).flatten()
    }

    /// The first placeholder in `text` naming an item, and that item's number.
    pub(crate) fn next_placeholder(&self, text: &str) -> Option<(Range<usize>, usize)> {
        let marker = self.marker?;
        let mut from = 0;
        loop {
            let start = from + text.get(from..)?.find(marker)?;
            let digits_start = start + marker.len_utf8();
            let digits = text[digits_start..].bytes().take_while(u8::is_ascii_digit).take(10).count();
            let end = digits_start + digits;
            if digits > 0 && text[end..].starts_with(marker) {
                if let Some(index) = text[digits_start..end].parse().ok().filter(|&i: &usize| i < self.items.len()) {
                    return Some((start..end + marker.len_utf8(), index));
                }
            }
            from = digits_start;
        }
    }
}

/// Appends parser `text` holding placeholders: its text escaped, each tag as a chip.
pub(crate) fn write_text(out: &mut String, template: &Template, text: &str) {
    for (item, piece) in template.pieces(text) {
        match item {
            Some(item) => write_item(out, item),
            None => escape_html(out, piece),
        }
    }
}

fn write_item(out: &mut String, item: &Item) {
    match &item.kind {
        ItemKind::Span { inner, code } => {
            let (Some(open), Some(text), Some(close)) =
                (item.text.get(..inner.start), item.text.get(inner.clone()), item.text.get(inner.end..))
            else {
                return chip(out, &item.text, escape_html);
            };
            chip(out, open, escape_html);
            out.push_str(if *code { "<code>" } else { "" });
            escape_html(out, text);
            out.push_str(if *code { "</code>" } else { "" });
            chip(out, close, escape_html);
        }
        ItemKind::Tag | ItemKind::Block { .. } => chip(out, &item.text, escape_html),
    }
}

fn chip(out: &mut String, text: &str, escape: fn(&mut String, &str)) {
    out.push_str("<code class=\"");
    out.push_str(TAG_CLASS);
    out.push_str("\">");
    escape(out, text);
    out.push_str("</code>");
}

/// Appends a highlight or raw block: a `<div>` (with `line`, the ` data-line` attribute or
/// empty) holding its opening tag, its lines as a code block (highlighted in its language), its
/// closing tag. It is written in the sanitizer's canonical form, like every top-level code block
/// (see `code_block`), so it skips the sanitizer; one `data-line`, on the first tag, as the
/// trusted path expects. False if `item` is no block.
pub(crate) fn write_block(out: &mut String, highlighter: &Highlighter<'_>, item: &Item, line: &str) -> bool {
    let ItemKind::Block { content, close, lang } = &item.kind else {
        return false;
    };
    out.push_str(&format!("<div{line} class=\"bl-template-pair\">\n<p class=\"bl-template-block\">"));
    chip(out, &item.text, escape_canonical_text);
    out.push_str("</p>\n");
    let token = lang.as_deref().and_then(language_token);
    write_code_block(out, highlighter, token.as_deref(), "", content);
    out.push_str("<p class=\"bl-template-block\">");
    chip(out, close, escape_canonical_text);
    out.push_str("</p>\n</div>\n");
    true
}

/// Gives each line of a paragraph that is only a tag a paragraph of its own, so it shows on
/// its own line as the generator's output would; only lines directly in the paragraph (not
/// inside emphasis or a link) and only in paragraphs (a tight list item's text has none).
/// Returns the events and the start offsets of the paragraphs that are only a tag, in order.
pub(crate) fn split_tag_lines<'a>(events: Vec<Spanned<'a>>, template: &Template) -> (Vec<Spanned<'a>>, Vec<usize>) {
    let mut out: Vec<Spanned<'a>> = Vec::with_capacity(events.len());
    let mut starts = Vec::new();
    // Depth of inline elements inside the innermost open paragraph; None outside paragraphs.
    let mut inline: Option<usize> = None;
    let mut events = events.into_iter().peekable();
    while let Some((event, range)) = events.next() {
        match &event {
            Event::Start(MdTag::Paragraph) => inline = Some(0),
            Event::End(TagEnd::Paragraph) => inline = None,
            Event::Start(_) => inline = inline.map(|d| d + 1),
            Event::End(_) => inline = inline.map(|d| d.saturating_sub(1)),
            Event::Text(text) if inline == Some(0) && template.only_item(text).is_some() => {
                let is_break = |e: &Event<'_>| matches!(e, Event::SoftBreak | Event::HardBreak);
                let after_break = out.last().is_some_and(|(e, _)| is_break(e));
                let first = out.last().filter(|(e, _)| matches!(e, Event::Start(MdTag::Paragraph)));
                let before_break = events.peek().is_some_and(|(e, _)| is_break(e));
                let last = events.peek().is_some_and(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)));
                if (after_break || first.is_some()) && (before_break || last) {
                    match first {
                        Some((_, start)) => starts.push(start.start),
                        None => {
                            let (_, at) = out.pop().unwrap_or((Event::SoftBreak, range.clone()));
                            out.push((Event::End(TagEnd::Paragraph), at));
                            out.push((Event::Start(MdTag::Paragraph), range.clone()));
                            starts.push(range.start);
                        }
                    }
                    out.push((event, range.clone()));
                    if let Some((_, at)) = events.next_if(|(e, _)| is_break(e)) {
                        let next = events.peek().map_or(at.clone(), |(_, r)| r.clone());
                        out.push((Event::End(TagEnd::Paragraph), at));
                        out.push((Event::Start(MdTag::Paragraph), next));
                    }
                    continue;
                }
            }
            _ => {}
        }
        out.push((event, range));
    }
    (out, starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events;
    use crate::sanitize::Sanitizer;
    use crate::template_mask::mask;

    #[test]
    fn placeholders_restore_and_cut_into_pieces() {
        let m = mask("x {{< a >}}{{ b }} y").expect("has tags");
        assert_eq!(m.template.restore(&m.text), "x {{< a >}}{{ b }} y");
        assert_eq!(m.template.pieces(&m.text).len(), 4);
        assert!(m.template.only_item("\u{e000}1\u{e000}").is_some());
        assert!(m.template.only_item("\u{e000}9\u{e000}").is_none(), "no such item");
        assert_eq!(m.template.restore("\u{e000}\u{e000}7"), "\u{e000}\u{e000}7");
    }

    #[test]
    fn a_block_is_written_as_the_sanitizer_would_write_it() {
        let doc = "{% highlight ruby %}\ndef a_b = \"<x> & \u{a0}y\"\r\n\0end\n{%- endhighlight -%}\n";
        let m = mask(doc).expect("has tags");
        let mut html = String::new();
        let syntaxes = crate::highlight::Syntaxes::new();
        assert!(write_block(&mut html, &Highlighter::new(&syntaxes, None), &m.template.items()[0], " data-line=\"1\""));
        assert!(html.starts_with("<div data-line=\"1\" class=\"bl-template-pair\">\n<p class=\"bl-template-block\"><code class=\"bl-template-tag\">{% highlight ruby %}</code></p>\n<pre class=\"code hl-code\" data-lang=\"ruby\">"), "{html}");
        assert_eq!(Sanitizer::new().clean(&html), html);
    }

    #[test]
    fn only_lines_that_are_a_tag_become_paragraphs() {
        let doc = "a {{ x }}\n{{ y }}\n*{{ z }}\nb*\n{{ y }}";
        let m = mask(doc).expect("has tags");
        let (parsed, starts) = split_tag_lines(events::parse(&m.text, &Template::default()).0, &m.template);
        let paragraphs = parsed.iter().filter(|(e, _)| matches!(e, Event::Start(MdTag::Paragraph))).count();
        assert_eq!(paragraphs, 4, "a {{x}} | {{y}} | *{{z}} b* | {{y}}");
        assert_eq!(starts.len(), 2);
        assert!(starts.iter().all(|&at| m.template.next_placeholder(&m.text[at..]).is_some_and(|(r, _)| r.start == 0)));
    }
}
