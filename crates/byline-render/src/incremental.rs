//! The typing fast path: when the only change since the last preview render is inside one
//! top-level paragraph, re-render that paragraph alone and splice it into the last HTML.
//!
//! It applies only when the result is provably what a full render gives. The paragraph is
//! rendered in isolation, which matches rendering it in place when: the text before it is
//! unchanged (so the parser reaches it in the same state) and its first character is too (so it
//! still starts a top-level paragraph); a blank line or the end follows it (so it cannot turn
//! into a table header or a setext heading); alone it parses as exactly one paragraph, with no
//! reference link (those resolve against the whole document) and no footnote (numbered across
//! it); its line count is unchanged (later `data-line`s stay); and its HTML closes every
//! element it opens (so it sanitizes on its own). Anything else takes the full render.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::events::options;
use crate::html_balance::OpenElements;
use crate::html_writer;
use crate::units::PieceKind;
use crate::stats::{text_stats, words_to_stats};
use crate::Rendered;

/// What the last full or incremental preview render left, for the next one.
pub(crate) struct LastRender {
    pub(crate) markdown: String,
    pub(crate) source_lines: bool,
    pub(crate) rendered: Rendered,
    /// Top-level paragraphs that were a sanitizer unit of their own, in document order.
    pub(crate) paragraphs: Vec<Slot>,
}

/// Where one paragraph is in the Markdown and in the rendered HTML.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub(crate) source: Range<usize>,
    pub(crate) output: Range<usize>,
}

/// Renders `markdown` by redoing one paragraph of `last`, or None if the fast path does not
/// apply. `write` writes a paragraph's unsanitized HTML, `clean` sanitizes it.
pub(crate) fn try_edit(
    last: &mut LastRender,
    markdown: &str,
    write: impl FnOnce(&str, usize) -> html_writer::Written,
    clean: impl FnOnce(&str) -> std::sync::Arc<str>,
) -> Option<Rendered> {
    let old = last.markdown.as_str();
    let (prefix, suffix) = common_ends(old.as_bytes(), markdown.as_bytes());
    if prefix == old.len() && prefix == markdown.len() {
        return Some(last.rendered.clone());
    }
    let changed_end = old.len() - suffix;
    // The paragraph holding the change, its first character excluded.
    let index = last.paragraphs.partition_point(|p| p.source.start < prefix).checked_sub(1)?;
    let slot = last.paragraphs[index].clone();
    let content_end = slot.source.start + old[slot.source.clone()].trim_end_matches(['\n', '\r']).len();
    if changed_end > content_end
        || !preceded_by_blank_line(&old[..slot.source.start])
        || !followed_by_blank_line(&old[content_end..])
    {
        return None;
    }
    let new_end = (content_end + markdown.len()).checked_sub(old.len())?;
    let old_text = &old[slot.source.start..content_end];
    let new_text = markdown.get(slot.source.start..new_end)?;
    // The old text must stand alone too, or its word count alone is not its share of the total.
    if !same_shape(old_text, new_text) || !is_lone_paragraph(new_text) || !is_lone_paragraph(old_text) {
        return None;
    }
    if !last.rendered.html[slot.output.clone()].starts_with("<p") {
        return None;
    }
    let first_line = 1 + old[..slot.source.start].bytes().filter(|&b| b == b'\n').count();
    let written = write(new_text, first_line);
    let [piece] = written.pieces.as_slice() else { return None };
    if piece.kind == PieceKind::Code || (piece.kind == PieceKind::RawHtml && !closes_everything(&written.html)) {
        return None;
    }
    let html = clean(&written.html);
    let words = last.rendered.stats.words.checked_sub(text_stats(old_text).words)? + written.stats.words;
    let source_delta = new_text.len() as isize - old_text.len() as isize;

    last.rendered.stats = words_to_stats(words);
    last.rendered.html.replace_range(slot.output.clone(), &html);
    last.markdown.replace_range(slot.source.start..content_end, new_text);
    shift(&mut last.paragraphs[index..], source_delta, html.len() as isize - slot.output.len() as isize);
    Some(last.rendered.clone())
}

/// Lengths of the common prefix and (non-overlapping) common suffix, on char boundaries.
fn common_ends(a: &[u8], b: &[u8]) -> (usize, usize) {
    const CHUNK: usize = 128;
    let min = a.len().min(b.len());
    let mut prefix = 0;
    while prefix + CHUNK <= min && a[prefix..prefix + CHUNK] == b[prefix..prefix + CHUNK] {
        prefix += CHUNK;
    }
    while prefix < min && a[prefix] == b[prefix] {
        prefix += 1;
    }
    // Both sides hold the same bytes up to `prefix`: back off to the start of a UTF-8 character.
    while prefix > 0 && prefix < min && (b[prefix] & 0xC0) == 0x80 {
        prefix -= 1;
    }
    let room = min - prefix;
    let mut suffix = 0;
    while suffix + CHUNK <= room && a[a.len() - suffix - CHUNK..a.len() - suffix] == b[b.len() - suffix - CHUNK..b.len() - suffix] {
        suffix += CHUNK;
    }
    while suffix < room && a[a.len() - 1 - suffix] == b[b.len() - 1 - suffix] {
        suffix += 1;
    }
    while suffix > 0 && (b[b.len() - suffix] & 0xC0) == 0x80 {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// A blank line (or the start) before the paragraph's line: whatever came before is closed
/// except list items, which only take the line if it is indented, as it was.
fn preceded_by_blank_line(before: &str) -> bool {
    let indent = |s: &str| s.trim_end_matches([' ', '\t']).len();
    let line_start = &before[..indent(before)];
    let Some(previous) = line_start.strip_suffix('\n') else { return line_start.is_empty() };
    let previous = previous.strip_suffix('\r').unwrap_or(previous);
    let blank = &previous[..indent(previous)];
    blank.is_empty() || blank.ends_with('\n') || blank.ends_with('\r')
}

fn followed_by_blank_line(rest: &str) -> bool {
    let rest = rest.strip_prefix('\r').unwrap_or(rest);
    match rest.strip_prefix('\n') {
        None => rest.is_empty(),
        Some(after) => after.is_empty() || after.starts_with('\n') || after.starts_with("\r\n"),
    }
}

/// Same number of lines, and no footnote syntax on either side.
fn same_shape(old: &str, new: &str) -> bool {
    let lines = |s: &str| s.bytes().filter(|&b| b == b'\n' || b == b'\r').count();
    lines(old) == lines(new) && !old.contains("[^") && !new.contains("[^")
}

/// Parses as exactly one paragraph, with no reference link needing the rest of the document.
fn is_lone_paragraph(text: &str) -> bool {
    let mut needs_references = false;
    let mut callback = |_: pulldown_cmark::BrokenLink<'_>| {
        needs_references = true;
        None
    };
    let mut depth = 0usize;
    let mut top_level = 0usize;
    for event in Parser::new_with_broken_link_callback(text, options(), Some(&mut callback)) {
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

fn closes_everything(html: &str) -> bool {
    let mut open = OpenElements::default();
    open.feed(html) && open.is_empty()
}

/// Moves the first slot's end and every later slot by the change in length.
fn shift(slots: &mut [Slot], source_delta: isize, output_delta: isize) {
    let by = |n: usize, d: isize| n.checked_add_signed(d).unwrap_or(n);
    for (i, slot) in slots.iter_mut().enumerate() {
        if i > 0 {
            slot.source.start = by(slot.source.start, source_delta);
            slot.output.start = by(slot.output.start, output_delta);
        }
        slot.source.end = by(slot.source.end, source_delta);
        slot.output.end = by(slot.output.end, output_delta);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ends_respect_characters() {
        assert_eq!(common_ends(b"abcXdef", b"abcYYdef"), (3, 3));
        assert_eq!(common_ends("aé".as_bytes(), "aè".as_bytes()), (1, 0));
        assert_eq!(common_ends(b"aaa", b"aaaa"), (3, 0));
    }

    #[test]
    fn blank_lines_around() {
        assert!(preceded_by_blank_line(""));
        assert!(preceded_by_blank_line("# T\n\n"));
        assert!(preceded_by_blank_line("# T\n  \n  "));
        assert!(!preceded_by_blank_line("| a |\n"));
        assert!(!preceded_by_blank_line("x\n "));
        assert!(followed_by_blank_line("\n\nnext"));
        assert!(followed_by_blank_line("\n"));
        assert!(!followed_by_blank_line("\n|--|"));
    }

    #[test]
    fn only_plain_paragraphs_qualify() {
        assert!(is_lone_paragraph("Some *text* and [a](b.md) here"));
        assert!(!is_lone_paragraph("Some [text][ref] here"));
        assert!(!is_lone_paragraph("Two\n\nparagraphs"));
        assert!(!is_lone_paragraph("Setext\n---"));
        assert!(!is_lone_paragraph("a | b\n--|--"));
        assert!(!is_lone_paragraph("[ref]: /url"));
    }
}
