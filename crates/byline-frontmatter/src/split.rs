//! Finds the front matter block and the body in a file, before any YAML or TOML is read.

use crate::{Format, FrontMatterError};

/// The raw pieces of a file with a front matter block.
pub(crate) struct Split<'a> {
    pub format: Format,
    /// The text between the delimiter lines (may be empty).
    pub block: &'a str,
    /// Everything after the closing delimiter line, minus one separating blank line.
    pub body: &'a str,
}

/// Splits `text` (BOM already removed) into front matter and body; `Ok(None)` when there is no
/// front matter, so the whole text is body.
pub(crate) fn split(text: &str) -> Result<Option<Split<'_>>, FrontMatterError> {
    let (first, rest) = next_line(text);
    let format = match first.trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return Ok(None),
    };
    let closing = match format {
        Format::Yaml => "---",
        Format::Toml => "+++",
    };
    let mut offset = 0;
    let mut remaining = rest;
    while !remaining.is_empty() {
        let (line, after) = next_line(remaining);
        let is_close = line.trim_end() == closing || (format == Format::Yaml && line.trim_end() == "...");
        if is_close {
            let block = &rest[..offset];
            return Ok(Some(Split { format, block, body: strip_separator(after) }));
        }
        offset += remaining.len() - after.len();
        remaining = after;
    }
    Err(FrontMatterError::new(
        1,
        format!("front matter opened on line 1 is never closed; add a `{closing}` line after it"),
    ))
}

/// Where the block of `text` starts and ends (byte offsets), if it has one.
pub(crate) fn block_range(text: &str) -> Option<(Format, std::ops::Range<usize>)> {
    let parts = split(text).ok()??;
    // The block is a slice of `text`, so its offset is where its bytes start.
    let start = parts.block.as_ptr() as usize - text.as_ptr() as usize;
    Some((parts.format, start..start + parts.block.len()))
}

/// Returns the first line (with its line ending) and the rest.
fn next_line(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => (text, ""),
    }
}

/// `write` puts one blank line between the block and the body; dropping it here keeps round trips exact.
fn strip_separator(body: &str) -> &str {
    body.strip_prefix("\r\n").or_else(|| body.strip_prefix('\n')).unwrap_or(body)
}
