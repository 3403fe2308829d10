//! In-place edits of a YAML front matter block. Only the lines of an edited entry are
//! rewritten; every other line keeps its bytes, so a one-field change is a one-line diff.
//!
//! How a new value is written, from the style of the value it replaces:
//! - Text keeps plain, single-quoted or double-quoted style. Plain is kept only when the text
//!   reads back as the same string here *and* does not look like a YAML 1.1 boolean, number,
//!   date or time (Jekyll's and older Hugo's readers are 1.1), else it becomes double-quoted.
//!   Single quotes fall back to double quotes for text they cannot hold (line breaks, control
//!   characters).
//! - A block scalar (`|`, `|-`, `>`, `>-`, …) stays one, with its `|` or `>` and its content
//!   indentation; its chomping indicator changes only if the new text's trailing line breaks
//!   need it. Text with line breaks replacing a plain or single-quoted scalar becomes a `|`
//!   block; a double-quoted one stays double-quoted with `\n` escapes. Whatever cannot be
//!   written that way (folded text with indented lines, leading spaces…) is double-quoted.
//! - A date (`NewValue::Date`) is text written exactly as given: plain where the old value was
//!   plain and the text reads back as a string, else in the old quotes.
//! - A list keeps flow style `[a, b]` (same spacing) or block style (`- a` at the old items'
//!   indentation); its items are plain when safe, else in the quote the old items used.
//! - Numbers, booleans and null are plain (null stays `~` or empty if it was); mappings, and
//!   lists replacing something else, are block style at the file's own indentation.
//! - New keys go after the last entry of their mapping (missing parents are created); removing
//!   a mapping's last key removes the mapping.
//!
//! Anything the line scanner is not sure of is refused with `EditError` rather than guessed,
//! and every result is parsed again and compared with the intended values.
//!
//! The parts: `scan` finds each entry's lines and spans, `style` reads how old values and the
//! block are laid out, `render` and `scalar` write new values in that style, `change` applies
//! one edit to the lines, `refuse` names what is not edited in place, and `expect` keeps what
//! the block should read back as for the final self-check.

mod change;
mod expect;
mod refuse;
mod render;
mod scalar;
mod scan;
mod style;

use super::lines::block_ending;
use super::{Edit, EditError};
use expect::parse_map;
use scan::{join_lines, scan, split_lines, top_indent};
use style::detect_style;

/// Applies `edits` to `block` (the text between the `---` lines, each line with its ending).
pub(crate) fn apply(block: &str, edits: &[Edit]) -> Result<String, EditError> {
    if edits.is_empty() {
        return Ok(block.to_owned());
    }
    refuse::check_edits(edits)?;
    let mut expected = parse_map(block)?;
    let mut lines = split_lines(block);
    refuse::check_block(block, &lines)?;
    let top = scan(&lines, 0, lines.len(), top_indent(&lines))?;
    if !top.iter().map(|e| e.key.as_str()).eq(expected.keys().map(String::as_str)) {
        return Err(err("the block's lines do not match its keys"));
    }
    let style = detect_style(&lines, &top, block_ending(block));
    for edit in edits {
        change::apply_one(&mut lines, edit, &style, &mut expected)?;
    }
    let out = join_lines(&lines);
    if parse_map(&out)? != expected {
        return Err(err("the edited block does not read back as intended"));
    }
    Ok(out)
}

fn err(reason: impl Into<String>) -> EditError {
    EditError(reason.into())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
