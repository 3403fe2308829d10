//! Byte positions in the block's text: line starts and ends, the line ending to copy at a
//! place, and splicing replacements into the text.

use std::ops::Range;

use toml_edit::RawString;

use crate::edit::lines::{block_ending, ending};
use crate::edit::EditError;

/// The start of the line that holds `position`.
pub(super) fn line_start(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    let position = position.min(bytes.len());
    bytes[..position].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// Just past the line break ending the line that holds `position` (or the end of the text).
pub(super) fn line_end(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    let position = position.min(bytes.len());
    bytes[position..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| position + i + 1)
}

/// The ending of the line that holds `position`.
pub(super) fn line_ending_at(text: &str, position: usize) -> &'static str {
    match ending(&text[..line_end(text, position)]) {
        "" => block_ending(text),
        end => end,
    }
}

/// The ending of the line just before `position` (a line start).
pub(super) fn ending_before(text: &str, position: usize) -> &'static str {
    match text.get(..position).map(ending) {
        Some(end) if !end.is_empty() => end,
        _ => block_ending(text),
    }
}

/// The text a decor (whitespace and comments around an item) covers; `""` when it has no span.
pub(super) fn raw_text<'t>(text: &'t str, raw: Option<&RawString>) -> &'t str {
    raw.and_then(RawString::span).and_then(|span| text.get(span)).unwrap_or("")
}

/// Applies replacements of byte ranges, last first so the earlier ranges stay valid; ranges
/// that overlap or split a character are a bug, reported rather than spliced.
pub(super) fn splice(text: &mut String, mut splices: Vec<(Range<usize>, String)>) -> Result<(), EditError> {
    splices.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut limit = text.len();
    for (range, replacement) in splices {
        let fits = range.start <= range.end
            && range.end <= limit
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !fits {
            return Err(EditError("internal: overlapping or misplaced edits".into()));
        }
        limit = range.start;
        text.replace_range(range, &replacement);
    }
    Ok(())
}

/// Whether a line of `text` reads `+++`, which would close the front matter early.
pub(super) fn closes_front_matter(text: &str) -> bool {
    text.split('\n').any(|line| line.trim_end() == "+++")
}
