//! The Markdown event stream the writer consumes: pulldown-cmark with Byline's extensions,
//! adjacent text merged and GFM extended autolinks applied.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::autolink::{self, Segment};
use crate::template_html::{self, Template};

/// One event with the source byte range it came from.
pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// Parser options shared by rendering and the text helpers.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Parses `markdown` (with its template tags masked, see `template_mask`) into the event list
/// the writer renders; also the start offsets of the paragraphs that are only a tag.
pub(crate) fn parse<'a>(markdown: &'a str, template: &Template) -> (Vec<Spanned<'a>>, Vec<usize>) {
    let merged = merge_text(Parser::new_ext(markdown, options()).into_offset_iter());
    if template.items().is_empty() {
        return (apply_autolinks(merged, template), Vec::new());
    }
    let (events, tag_paragraphs) = template_html::split_tag_lines(merged, template);
    (apply_autolinks(events, template), tag_paragraphs)
}

/// pulldown-cmark splits text at candidate delimiters; autolink detection needs whole runs.
fn merge_text<'a>(events: impl Iterator<Item = Spanned<'a>>) -> Vec<Spanned<'a>> {
    let mut out: Vec<Spanned<'a>> = Vec::new();
    // The text of the last event in `out` while more pieces are appended: one buffer grown in
    // place (rebuilding the joined string per piece is quadratic in the number of pieces).
    let mut joined: Option<String> = None;
    for (event, range) in events {
        if let (Event::Text(next), Some((Event::Text(prev), prev_range))) = (&event, out.last_mut()) {
            joined.get_or_insert_with(|| prev.to_string()).push_str(next);
            prev_range.end = range.end;
            continue;
        }
        flush_joined(&mut out, &mut joined);
        out.push((event, range));
    }
    flush_joined(&mut out, &mut joined);
    out
}

/// Stores the text being joined into the last event of `out`.
fn flush_joined(out: &mut [Spanned<'_>], joined: &mut Option<String>) {
    if let (Some(text), Some((Event::Text(last), _))) = (joined.take(), out.last_mut()) {
        *last = CowStr::from(text);
    }
}

/// Turns bare URLs in text into links, except inside links, images and code blocks.
fn apply_autolinks<'a>(events: Vec<Spanned<'a>>, template: &Template) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut opaque_depth = 0usize;
    for (event, range) in events {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => opaque_depth += 1,
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                opaque_depth = opaque_depth.saturating_sub(1)
            }
            // A raw `<a …>` must not get a link nested inside it either.
            Event::InlineHtml(html) if is_anchor_open(html) => opaque_depth += 1,
            Event::InlineHtml(html) if html.get(..3).is_some_and(|t| t.eq_ignore_ascii_case("</a")) => {
                opaque_depth = opaque_depth.saturating_sub(1)
            }
            Event::Text(text) if opaque_depth == 0 && autolink::may_contain_link(text) => {
                // A template tag is a word of its own: no bare URL runs into or out of one.
                let segments: Vec<Segment<'_>> = if template.holds_placeholder(text) {
                    let pieces = template.pieces(text).into_iter();
                    pieces
                        .flat_map(|(item, piece)| {
                            item.map_or_else(|| autolink::split(piece), |_| vec![Segment::Text(piece)])
                        })
                        .collect()
                } else {
                    autolink::split(text)
                };
                if segments.iter().any(|s| matches!(s, Segment::Link { .. })) {
                    push_segments(&mut out, &segments, &range);
                    continue;
                }
            }
            _ => {}
        }
        out.push((event, range));
    }
    out
}

fn is_anchor_open(html: &str) -> bool {
    let b = html.as_bytes();
    b.len() > 2 && b[0] == b'<' && b[1].eq_ignore_ascii_case(&b'a') && (b[2] == b'>' || b[2].is_ascii_whitespace())
}

fn push_segments<'a>(out: &mut Vec<Spanned<'a>>, segments: &[Segment<'_>], range: &Range<usize>) {
    for segment in segments {
        match segment {
            Segment::Text(text) => out.push((Event::Text(CowStr::from(text.to_string())), range.clone())),
            Segment::Link { text, href } => {
                let tag = Tag::Link {
                    link_type: LinkType::Autolink,
                    dest_url: CowStr::from(href.clone()),
                    title: CowStr::from(""),
                    id: CowStr::from(""),
                };
                out.push((Event::Start(tag), range.clone()));
                out.push((Event::Text(CowStr::from(text.to_string())), range.clone()));
                out.push((Event::End(TagEnd::Link), range.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link_count(markdown: &str) -> usize {
        parse(markdown, &Template::default())
            .0
            .iter()
            .filter(|(e, _)| matches!(e, Event::Start(Tag::Link { .. })))
            .count()
    }

    #[test]
    fn autolinks_skip_code_links_and_raw_anchors() {
        assert_eq!(link_count("www.a.org and https://b.org"), 2);
        assert_eq!(link_count("`www.a.org`"), 0);
        assert_eq!(link_count("[www.a.org](https://c.org)"), 1);
        assert_eq!(link_count("<a href=\"x\">www.a.org</a> www.b.org"), 1);
    }

    #[test]
    fn many_text_pieces_merge_in_linear_time() {
        // pulldown-cmark emits a text event per unmatched delimiter run: 200k pieces here.
        let doc = "a[".repeat(200_000);
        let pieces = Parser::new_ext(&doc, options()).filter(|e| matches!(e, Event::Text(_))).count();
        assert!(pieces > 100_000, "only {pieces} text pieces");
        let texts: Vec<String> = parse(&doc, &Template::default())
            .0
            .into_iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(texts, [doc]);
    }

    #[test]
    fn split_text_is_merged_before_linking() {
        // pulldown-cmark splits text at `_`; the URL must still come out whole.
        let (events, _) = parse("see www.my_site.ab.org/x_y now", &Template::default());
        let href = events.iter().find_map(|(e, _)| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        });
        assert_eq!(href.as_deref(), Some("http://www.my_site.ab.org/x_y"));
    }
}
