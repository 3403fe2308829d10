//! In-place edits of a TOML front matter block.
//!
//! `toml_edit::DocumentMut` renders the whole document again when printed: it turns CRLF into
//! LF, drops the comment lines above a removed key, moves interleaved dotted keys together and
//! adds a final newline. So `toml_edit` is used here only to parse: `toml_edit::Document` keeps
//! the byte span of every key, value and table header, and each edit splices new text into
//! those spans. Bytes outside the spliced ranges are copied, never rendered again.
//!
//! Choices where the contract leaves room:
//! - A new key goes on a new line after the last entry of its table, copying that entry's
//!   indentation and `key = value` spacing. A new top-level key in a block with no top-level
//!   keys goes before the first table header and the comment lines directly above it.
//! - A missing parent table is created as a `[header]` at the end of the block, after a blank
//!   line. A missing key whose parent is a dotted key (`extra.a = 1`) is added as a dotted key,
//!   and one whose parent is an inline table goes inside the braces.
//! - Removing a key removes its line(s) only. Comment lines above it stay, because they may
//!   describe the next key as well. If the removal leaves its parent table empty, that table
//!   is removed too, but only when nothing in or next to it is a comment: no comment line right
//!   above its header or on it, and none between it and the next header. Empty inline tables
//!   (`taxonomies = {}`) are removed in the same way. Tables emptied by a `NewValue` that is
//!   itself an empty object are kept.
//! - An object value set on an existing table (of any form) is applied as one edit per key,
//!   so the table keeps its form and its untouched keys keep their text.
//! - A changed array keeps the exact text (and comments) of the items it still contains, matched
//!   in order, and lays out new items like the old ones.
//! - `NewValue::Date` becomes a native datetime only when both `toml_edit` and the `toml` crate
//!   (which Byline reads front matter with) accept the text. Otherwise it is a string.
//! - A set that would not change the value (say, the same date) changes no bytes.
//!
//! The parts: `new` decides what an edit's value is in TOML, `read` parses the block both ways,
//! `doc` finds things in the spanned document, `change` plans and applies one edit through
//! `add`, `remove` and `prune`, `render`, `array` and `strings` write values, `text` handles byte
//! positions and splicing, and `check` keeps what the block should read back as.

mod add;
mod array;
mod change;
mod check;
mod doc;
mod new;
mod prune;
mod read;
mod remove;
mod render;
pub(crate) mod strings;
mod text;

use super::{Edit, EditError};
use change::apply_one;
use check::{expect_prune, expect_remove, expect_set, self_check};
use new::{resolve, to_toml};
use read::{parse_semantic, parse_spanned};

/// Applies `edits` to `block` (the text between the `+++` lines, each line with its ending).
pub(crate) fn apply(block: &str, edits: &[Edit]) -> Result<String, EditError> {
    if edits.is_empty() {
        return Ok(block.to_owned());
    }
    let mut expected = parse_semantic(block)?;
    parse_spanned(block)?;
    let mut text = block.to_owned();
    for edit in edits {
        if edit.path.is_empty() {
            return Err(EditError("an edit has an empty key path".into()));
        }
        let new = resolve(edit, &expected)?;
        let mut pruned = Vec::new();
        apply_one(&mut text, &edit.path, new.as_ref(), true, &mut pruned)?;
        match &new {
            Some(value) => expect_set(&mut expected, &edit.path, to_toml(value))?,
            None => expect_remove(&mut expected, &edit.path)?,
        }
        for path in &pruned {
            expect_prune(&mut expected, path)?;
        }
    }
    self_check(&text, &expected)?;
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
