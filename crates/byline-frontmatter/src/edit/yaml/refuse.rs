//! What the editor will not touch. Each refusal is a case where an in-place edit could mean
//! something other than intended; the caller then writes the whole block anew.

use super::err;
use super::scan::{inline_value, is_blank, is_comment, is_seq_item, key_at, lead, Entry, Line};
use crate::edit::{Edit, EditError};

/// Overlapping edits (`a` and `a.b`, or one key twice) have no single meaning.
pub(super) fn check_edits(edits: &[Edit]) -> Result<(), EditError> {
    for (i, a) in edits.iter().enumerate() {
        if a.path.is_empty() {
            return Err(err("an edit has an empty key path"));
        }
        for b in &edits[..i] {
            let n = a.path.len().min(b.path.len());
            if a.path[..n] == b.path[..n] {
                return Err(err(format!("edits overlap at `{}`", a.path[..n].join("."))));
            }
        }
    }
    Ok(())
}

/// Blocks the line scanner would misread.
pub(super) fn check_block(block: &str, lines: &[Line]) -> Result<(), EditError> {
    // YAML also breaks lines at a lone CR, NEL, LS and PS; the line scanner knows only `\n`,
    // and a BOM inside the block would not survive the next read of the file.
    if block.contains(['\u{85}', '\u{2028}', '\u{2029}', '\u{feff}']) || block.replace("\r\n", "").contains('\r') {
        return Err(err("the block has a lone CR, NEL, LS, PS or BOM"));
    }
    if lines.iter().any(|l| !is_blank(&l.body) && lead(&l.body).contains('\t')) {
        return Err(err("the block indents with tabs"));
    }
    let first = lines.iter().find(|l| !is_blank(&l.body) && !is_comment(&l.body));
    if first.is_some_and(|l| l.body.trim_start().starts_with(['{', '['])) {
        return Err(err("the block is a flow collection, not a block mapping"));
    }
    Ok(())
}

/// Anchors, aliases, tags and merge keys tie an entry to others; editing it could change them.
pub(super) fn check_entry(lines: &[Line], e: &Entry) -> Result<(), EditError> {
    let refused = |v: &str| {
        v.starts_with(['&', '*', '!'])
            || (v.starts_with(['[', '{'])
                && v.as_bytes()
                    .windows(2)
                    .any(|w| matches!(w[0], b'[' | b'{' | b',' | b' ') && matches!(w[1], b'&' | b'*' | b'!')))
    };
    let inline = inline_value(lines, e);
    let mut values = vec![inline];
    if !inline.starts_with(['|', '>']) {
        for line in &lines[e.first + 1..=e.last] {
            let mut t = line.body.trim_start();
            while is_seq_item(t) {
                t = t[1..].trim_start();
            }
            if t.starts_with("<<") {
                return Err(err(format!("`{}` uses a merge key", e.key)));
            }
            values.push(key_at(t, 0).map_or(t, |(_, colon)| t[colon + 1..].trim_start()));
        }
    }
    match values.into_iter().any(refused) {
        true => Err(err(format!("`{}` uses an anchor, alias or tag", e.key))),
        false => Ok(()),
    }
}
