//! The typing fast path: when the only change since the last preview render is inside one
//! top-level paragraph, re-render that paragraph alone and splice it into the last HTML.
//!
//! It applies only when the result is provably what a full render gives. The paragraph is
//! rendered in isolation, which matches rendering it in place when: the text before it is
//! unchanged (so the parser reaches it in the same state) and its first character is too (so it
//! still starts a top-level paragraph); a blank line or the end follows it (so it cannot turn
//! into a table header or a setext heading); alone it parses as exactly one paragraph, with no
//! reference link (those resolve against the whole document), no reference definition and no
//! footnote (numbered across it); and its HTML closes every element it opens (so it sanitizes
//! on its own). If its line count changed (Enter typed), every later `data-line` the writer
//! wrote moves by as much; that needs no raw HTML after it, whose `data-line`s may be the
//! author's. A paragraph holding a template tag is never redone alone. Anything else takes
//! the full render.

use std::ops::Range;

use byline_render::stages::{closes_everything, is_lone_paragraph, may_have_tags, words_to_stats};
use byline_render::stages::{PieceKind, UnitKind, Written};
use byline_render::{common_ends, text_stats, Rendered};

/// What the last full or incremental preview render left, for the next one.
pub(crate) struct LastRender {
    pub(crate) markdown: String,
    pub(crate) source_lines: bool,
    /// The identity of the image set its URLs were resolved with; None: none resolved.
    pub(crate) urls: Option<String>,
    pub(crate) rendered: Rendered,
    /// Top-level paragraphs that were a sanitizer unit of their own, in document order.
    pub(crate) paragraphs: Vec<Slot>,
    /// Offsets in the HTML of the writer's `data-line` values, in order.
    pub(crate) lines: Vec<usize>,
    /// Where the last unit holding raw HTML starts in the HTML.
    pub(crate) last_raw: Option<usize>,
}

/// Where one paragraph is in the Markdown and in the rendered HTML.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub(crate) source: Range<usize>,
    pub(crate) output: Range<usize>,
}

/// Renders `markdown` by redoing one paragraph of `last`, or None if the fast path does not
/// apply. `write` writes a paragraph's unsanitized HTML, `clean` sanitizes it as a unit of a kind
/// (URLs resolved as the last render's were, so every offset indexes the HTML as shown).
pub(crate) fn try_edit(
    last: &mut LastRender,
    markdown: &str,
    write: impl FnOnce(&str, usize) -> Written,
    clean: impl FnOnce(&str, UnitKind) -> (String, Vec<usize>),
) -> Option<Rendered> {
    let old = last.markdown.as_str();
    let (prefix, suffix) = common_ends(old, markdown);
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
    if has_footnotes(old_text)
        || has_footnotes(new_text)
        || !is_lone_paragraph(new_text)
        || !is_lone_paragraph(old_text)
    {
        return None;
    }
    // A template tag may pair with one in another block (a highlight's end), and alone it would
    // be masked differently: paragraphs with tags (or, typed, the start of one) take the full render.
    if may_have_tags(old_text) || may_have_tags(new_text) {
        return None;
    }
    let newlines = |text: &str| text.bytes().filter(|&b| b == b'\n').count() as isize;
    let line_delta = newlines(new_text) - newlines(old_text);
    if line_delta != 0 && last.last_raw.is_some_and(|raw| raw > slot.output.start) {
        return None;
    }
    if !last.rendered.html[slot.output.clone()].starts_with("<p") {
        return None;
    }
    let first_line = 1 + old[..slot.source.start].bytes().filter(|&b| b == b'\n').count();
    let written = write(new_text, first_line);
    let [piece] = written.pieces() else { return None };
    if piece.kind == PieceKind::Code || (piece.kind == PieceKind::RawHtml && !closes_everything(written.html())) {
        return None;
    }
    let (html, html_lines) = clean(written.html(), piece.kind.into());
    let words = last.rendered.stats.words.checked_sub(text_stats(old_text).words)? + written.words();
    let source_delta = new_text.len() as isize - old_text.len() as isize;

    last.rendered.stats = words_to_stats(words);
    splice(last, index, &html, &html_lines, line_delta);
    if piece.kind == PieceKind::RawHtml {
        last.last_raw = last.last_raw.max(Some(slot.output.start));
    }
    last.markdown.replace_range(slot.source.start..content_end, new_text);
    shift_sources(&mut last.paragraphs[index..], source_delta);
    Some(last.rendered.clone())
}

/// Puts paragraph `index`'s new `html` (whose `data-line` values are at `html_lines`) in place
/// of its old, adds `line_delta` to every later `data-line` the writer wrote, and keeps the
/// offsets of later slots, values and raw HTML in step.
fn splice(last: &mut LastRender, index: usize, html: &str, html_lines: &[usize], line_delta: isize) {
    let slot = last.paragraphs[index].output.clone();
    let old = std::mem::take(&mut last.rendered.html);
    let before = last.lines.partition_point(|&at| at < slot.start);
    let after = last.lines.partition_point(|&at| at < slot.end);
    let mut out = String::with_capacity(old.len() + html.len());
    out.push_str(&old[..slot.start]);
    out.push_str(html);
    let mut lines = Vec::with_capacity(last.lines.len() + html_lines.len());
    lines.extend_from_slice(&last.lines[..before]);
    lines.extend(html_lines.iter().map(|at| slot.start + at));
    // Offsets after the paragraph move by its change in length, plus (when lines shift) the
    // digits every value before them gained or lost: `grown[i]` after the i-th later value.
    let moved = out.len() as isize - slot.end as isize;
    let mut grown = Vec::new();
    if line_delta == 0 {
        out.push_str(&old[slot.end..]);
        lines.extend(last.lines[after..].iter().map(|&at| at.saturating_add_signed(moved)));
    } else {
        let mut copied = slot.end;
        for &at in &last.lines[after..] {
            out.push_str(&old[copied..at]);
            let digits = old[at..].bytes().take_while(u8::is_ascii_digit).count();
            let line = old[at..at + digits].parse::<usize>().map_or(0, |l| l.saturating_add_signed(line_delta));
            lines.push(out.len());
            out.push_str(&line.to_string());
            copied = at + digits;
            grown.push(out.len() as isize - copied as isize - moved);
        }
        out.push_str(&old[copied..]);
    }
    let later = &last.lines[after..];
    let map = |at: usize| {
        let values_before = later.partition_point(|&value| value < at);
        let grown = values_before.checked_sub(1).and_then(|i| grown.get(i)).copied().unwrap_or(0);
        at.saturating_add_signed(moved + grown)
    };
    last.paragraphs[index].output = slot.start..slot.start + html.len();
    for paragraph in &mut last.paragraphs[index + 1..] {
        paragraph.output = map(paragraph.output.start)..map(paragraph.output.end);
    }
    last.last_raw = last.last_raw.map(|raw| if raw > slot.start { map(raw) } else { raw });
    last.lines = lines;
    last.rendered.html = out;
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

/// Footnote syntax: numbered across the document, so not renderable alone.
fn has_footnotes(text: &str) -> bool {
    text.contains("[^")
}

/// Moves the first slot's source end and every later slot's source by the change in length.
fn shift_sources(slots: &mut [Slot], delta: isize) {
    let by = |n: usize| n.checked_add_signed(delta).unwrap_or(n);
    for (i, slot) in slots.iter_mut().enumerate() {
        if i > 0 {
            slot.source.start = by(slot.source.start);
        }
        slot.source.end = by(slot.source.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
