//! After a removal, the tables it left empty: removed too, unless a comment is in or next to
//! them, since comments are the writer's.

use std::ops::Range;

use toml_edit::{Document, Item, Table, Value};

use super::doc::{next_header_start, span_of, table_kind, walk, TableKind};
use super::read::{lookup, parse_semantic, parse_spanned};
use super::remove::{removal, with_blank_lines};
use super::text::{line_end, line_start, raw_text, splice};
use crate::edit::{EditError, KeyPath};

/// After a removal, drops the tables it left empty, walking up; records each one dropped (or
/// gone by itself, like dotted keys' tables) so the self-check expects it.
pub(super) fn prune_ancestors(text: &mut String, path: &[String], pruned: &mut Vec<KeyPath>) -> Result<(), EditError> {
    for depth in (1..path.len()).rev() {
        let parent = &path[..depth];
        let current = parse_semantic(text)?;
        match lookup(&current, parent)? {
            None => {
                pruned.push(parent.to_vec());
                continue;
            }
            Some(toml::Value::Table(table)) if table.is_empty() => {}
            Some(_) => return Ok(()),
        }
        let splices = {
            let doc = parse_spanned(text)?;
            let walk = walk(&doc, parent)?;
            match walk.target {
                Some((_, Item::Table(table))) if table_kind(table) == TableKind::Header => {
                    match empty_table_removal(&doc, text, table)? {
                        Some(splice) => vec![splice],
                        None => return Ok(()),
                    }
                }
                Some((key, item @ Item::Value(Value::InlineTable(_)))) => removal(text, &walk, key, item, parent)?,
                _ => return Ok(()),
            }
        };
        splice(text, splices)?;
        pruned.push(parent.to_vec());
    }
    Ok(())
}

/// The header line of an empty table (see `with_blank_lines`), unless a comment is right above
/// it, on it or in it: comments are the writer's, kept even if their table is empty.
fn empty_table_removal(
    doc: &Document<&str>,
    text: &str,
    table: &Table,
) -> Result<Option<(Range<usize>, String)>, EditError> {
    let header = span_of(table.span())?;
    let start = line_start(text, header.start);
    // Only the comment lines right above the header are its own; the header's decor also holds
    // whatever comes earlier, such as the block's opening comment when there is no key before.
    let comment_above = start > 0
        && text.get(line_start(text, start - 1)..start).is_some_and(|line| line.trim_start().starts_with('#'));
    if comment_above || raw_text(text, table.decor().suffix()).contains('#') {
        return Ok(None);
    }
    let body_start = line_end(text, header.end);
    let end = next_header_start(doc, header.end).map_or(text.len(), |h| line_start(text, h));
    let body = text.get(body_start..end.max(body_start)).unwrap_or("");
    if body.lines().any(|line| line.trim_start().starts_with('#')) {
        return Ok(None);
    }
    Ok(Some((with_blank_lines(text, start..body_start), String::new())))
}
