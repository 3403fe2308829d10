//! Finding things in `toml_edit`'s spanned document: the tables down a key path and the form
//! each is written in, entries' spans, and where table headers are.

use std::ops::Range;

use toml_edit::{Document, InlineTable, Item, Key, Table, Value};

use super::read::{array_of_tables, crosses_value};
use crate::edit::EditError;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum TableKind {
    Root,
    /// Has its own `[header]` line.
    Header,
    /// Exists only because of a deeper `[a.b]` header; has no body.
    Implicit,
    /// Made by dotted keys (`extra.a = 1`); its entries live in the enclosing table's body.
    Dotted,
}

pub(super) fn table_kind(table: &Table) -> TableKind {
    if table.is_dotted() {
        TableKind::Dotted
    } else if table.is_implicit() {
        TableKind::Implicit
    } else {
        TableKind::Header
    }
}

#[derive(Clone, Copy)]
pub(super) enum Container<'d> {
    Table(&'d Table, TableKind),
    Inline(&'d InlineTable),
}

pub(super) struct Walk<'d> {
    /// `containers[i]` is the table that holds `path[i]`; shorter than the path when a parent
    /// table is missing.
    pub(super) containers: Vec<Container<'d>>,
    /// The key and item at the full path, when it exists.
    pub(super) target: Option<(&'d Key, &'d Item)>,
}

pub(super) fn walk<'d>(doc: &'d Document<&str>, path: &[String]) -> Result<Walk<'d>, EditError> {
    let mut containers = vec![Container::Table(doc.as_table(), TableKind::Root)];
    for (i, key) in path.iter().enumerate() {
        let Some(container) = containers.last().copied() else {
            break;
        };
        let found = match container {
            Container::Table(table, _) => table.get_key_value(key),
            Container::Inline(table) => table.get_key_value(key),
        };
        let Some((key, item)) = found else {
            break;
        };
        if i + 1 == path.len() {
            if item.is_none() {
                break;
            }
            return Ok(Walk { containers, target: Some((key, item)) });
        }
        let next = match item {
            Item::Table(table) => Container::Table(table, table_kind(table)),
            Item::Value(Value::InlineTable(table)) if !table.is_dotted() => Container::Inline(table),
            Item::Value(Value::InlineTable(_)) => {
                return Err(EditError(format!("`{}` goes through dotted keys inside an inline table", path.join("."))))
            }
            Item::ArrayOfTables(_) => return Err(array_of_tables(path)),
            Item::Value(_) => return Err(crosses_value(path)),
            Item::None => break,
        };
        containers.push(next);
    }
    Ok(Walk { containers, target: None })
}

pub(super) fn span_of(span: Option<Range<usize>>) -> Result<Range<usize>, EditError> {
    span.ok_or_else(|| EditError("internal: toml_edit gave no position".into()))
}

/// Where one `key = value` is: the (last) key's span and the value's span.
pub(super) type EntrySpans = (Range<usize>, Range<usize>);

/// An inline table's entries, in text order.
pub(super) fn inline_entries(table: &InlineTable) -> Result<Vec<EntrySpans>, EditError> {
    let mut entries = Vec::new();
    for (keys, value) in table.get_values() {
        let Some(leaf) = keys.last() else { continue };
        entries.push((span_of(leaf.span())?, span_of(value.span())?));
    }
    entries.sort_by_key(|(_, value)| value.start);
    Ok(entries)
}

pub(super) fn header_starts(doc: &Document<&str>) -> Vec<usize> {
    fn collect(table: &Table, out: &mut Vec<usize>) {
        for (_, item) in table.iter() {
            match item {
                Item::Table(inner) => {
                    if table_kind(inner) == TableKind::Header {
                        out.extend(inner.span().map(|s| s.start));
                    }
                    collect(inner, out);
                }
                Item::ArrayOfTables(tables) => {
                    for inner in tables.iter() {
                        out.extend(inner.span().map(|s| s.start));
                        collect(inner, out);
                    }
                }
                Item::Value(_) | Item::None => {}
            }
        }
    }
    let mut out = Vec::new();
    collect(doc.as_table(), &mut out);
    out
}

pub(super) fn next_header_start(doc: &Document<&str>, after: usize) -> Option<usize> {
    header_starts(doc).into_iter().filter(|&s| s >= after).min()
}
