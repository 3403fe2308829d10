//! Removing a key or a whole table: the byte ranges of its lines (or, inside an inline table,
//! of the entry and one comma), taking separating blank lines along where they would double.

use std::ops::Range;

use toml_edit::{InlineTable, Item, Key, Table};

use super::doc::{inline_entries, span_of, table_kind, Container, TableKind, Walk};
use super::read::array_of_tables;
use super::text::{line_end, line_start};
use crate::edit::EditError;

pub(super) fn removal(
    text: &str,
    walk: &Walk<'_>,
    key: &Key,
    item: &Item,
    path: &[String],
) -> Result<Vec<(Range<usize>, String)>, EditError> {
    match item {
        Item::Value(value) => match walk.containers.last() {
            Some(Container::Inline(table)) => Ok(vec![inline_removal(text, table, key)?]),
            Some(Container::Table(..)) => {
                let key_span = span_of(key.span())?;
                let value_span = span_of(value.span())?;
                let lines = line_start(text, key_span.start)..line_end(text, value_span.end);
                Ok(vec![(lines, String::new())])
            }
            None => Ok(Vec::new()),
        },
        Item::Table(table) => {
            let mut regions = Vec::new();
            table_regions(text, table, false, path, &mut regions)?;
            Ok(merge(regions).into_iter().map(|r| (r, String::new())).collect())
        }
        Item::ArrayOfTables(_) => Err(array_of_tables(path)),
        Item::None => Ok(Vec::new()),
    }
}

/// The lines a whole table occupies: its header and body, and those of every table below it.
fn table_regions(
    text: &str,
    table: &Table,
    covered: bool,
    path: &[String],
    out: &mut Vec<Range<usize>>,
) -> Result<(), EditError> {
    let kind = table_kind(table);
    match kind {
        TableKind::Header => {
            let header = span_of(table.span())?;
            let mut end = line_end(text, header.end);
            for (_, value) in table.get_values() {
                end = end.max(line_end(text, span_of(value.span())?.end));
            }
            out.push(with_blank_lines(text, line_start(text, header.start)..end));
        }
        TableKind::Dotted if !covered => {
            for (keys, value) in table.get_values() {
                let Some(leaf) = keys.last() else { continue };
                let start = line_start(text, span_of(leaf.span())?.start);
                out.push(start..line_end(text, span_of(value.span())?.end));
            }
        }
        TableKind::Dotted | TableKind::Implicit | TableKind::Root => {}
    }
    // A header's body already includes its dotted keys; their lines must not be cut twice.
    let body_covered = covered || matches!(kind, TableKind::Header | TableKind::Dotted);
    for (_, item) in table.iter() {
        match item {
            Item::Table(inner) => {
                let covered = inner.is_dotted() && body_covered;
                table_regions(text, inner, covered, path, out)?;
            }
            Item::ArrayOfTables(_) => return Err(array_of_tables(path)),
            Item::Value(_) | Item::None => {}
        }
    }
    Ok(())
}

/// Removes `key = value` and one comma next to it; the last entry leaves `{}`.
fn inline_removal(text: &str, table: &InlineTable, key: &Key) -> Result<(Range<usize>, String), EditError> {
    let braces = span_of(table.span())?;
    let entries = inline_entries(table)?;
    let key_span = span_of(key.span())?;
    let Some(index) = entries.iter().position(|(k, _)| *k == key_span) else {
        return Err(EditError("internal: key not found in its inline table".into()));
    };
    if entries.len() == 1 {
        return Ok((braces, "{}".to_owned()));
    }
    let entry_start = |i: usize| -> Result<usize, EditError> {
        if i == 0 {
            return Ok(skip_blanks(text, braces.start + 1));
        }
        let after_value = skip_blanks(text, entries[i - 1].1.end);
        if text.as_bytes().get(after_value) != Some(&b',') {
            return Err(EditError("an inline table is laid out in an unexpected way".into()));
        }
        Ok(skip_blanks(text, after_value + 1))
    };
    if index + 1 < entries.len() {
        Ok((entry_start(index)?..entry_start(index + 1)?, String::new()))
    } else {
        Ok((entries[index - 1].1.end..entries[index].1.end, String::new()))
    }
}

/// Ranges sorted and joined where they touch or overlap.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// A removed table takes its separating blank lines along, so no double blank line (or a
/// trailing one) is left: the blank lines after it when a blank line or the block start is
/// before it, and the blank lines before it when it ends the block.
pub(super) fn with_blank_lines(text: &str, range: Range<usize>) -> Range<usize> {
    let is_blank = |start: usize, end: usize| text.get(start..end).is_some_and(|l| l.trim().is_empty());
    let (mut start, mut end) = (range.start, range.end);
    let blank_before = start == 0 || is_blank(line_start(text, start - 1), start);
    if blank_before {
        while end < text.len() && is_blank(end, line_end(text, end)) {
            end = line_end(text, end);
        }
    }
    if end == text.len() {
        while start > 0 && is_blank(line_start(text, start - 1), start) {
            start = line_start(text, start - 1);
        }
    }
    start..end
}

fn skip_blanks(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}
