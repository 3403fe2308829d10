//! Adding a key that is not there: a new line after the last entry of its table, a new entry
//! inside an inline table's braces, or a new `[header]` table at the end of the block.

use std::ops::Range;

use toml_edit::{Document, InlineTable, Item, Table};

use super::doc::{header_starts, inline_entries, span_of, Container, EntrySpans, TableKind, Walk};
use super::new::New;
use super::render::{key_text, Renderer};
use super::text::{ending_before, line_end, line_ending_at, line_start};
use crate::edit::lines::block_ending;
use crate::edit::EditError;

pub(super) fn addition(
    doc: &Document<&str>,
    text: &str,
    path: &[String],
    walk: &Walk<'_>,
    new: &New,
) -> Result<(Range<usize>, String), EditError> {
    let found = walk.containers.len();
    let (Some(deepest), Some(rest)) = (walk.containers.last(), path.get(found - 1..)) else {
        return Err(EditError("internal: no container for a new key".into()));
    };
    let Some((first, deeper)) = rest.split_first() else {
        return Err(EditError("internal: nothing missing to add".into()));
    };
    match *deepest {
        Container::Inline(table) => {
            let value = nest(deeper, new);
            let le = line_ending_at(text, span_of(table.span())?.start);
            let rendered = Renderer { text, le }.render(&value, None, None);
            inline_addition(text, table, &key_text(first), &rendered)
        }
        Container::Table(table, TableKind::Dotted) => {
            // The new key is dotted from the table whose body holds the dotted keys.
            let owner =
                walk.containers.iter().rposition(|c| !matches!(c, Container::Table(_, TableKind::Dotted))).unwrap_or(0);
            let keys = path.get(owner..).unwrap_or(path);
            body_addition(doc, text, table, TableKind::Dotted, &dotted_key(keys), new)
        }
        Container::Table(table, kind @ (TableKind::Root | TableKind::Header))
            if deeper.is_empty() && !matches!(new, New::Table(_)) =>
        {
            body_addition(doc, text, table, kind, &key_text(first), new)
        }
        Container::Table(..) => table_addition(doc, text, path, new),
    }
}

/// `["a", "b"]` and `1` as `{ a = { b = 1 } }` (with `[]`, the value itself).
fn nest(keys: &[String], value: &New) -> New {
    match keys.split_first() {
        None => value.clone(),
        Some((first, rest)) => New::Table(vec![(first.clone(), nest(rest, value))]),
    }
}

fn dotted_key(keys: &[String]) -> String {
    keys.iter().map(|k| key_text(k)).collect::<Vec<_>>().join(".")
}

/// The ` = ` between a key and its value, when it is just that (spaces or tabs around `=`).
fn separator(text: &str, key: Range<usize>, value: Range<usize>) -> Option<&str> {
    let between = text.get(key.end..value.start)?;
    (between.trim_matches([' ', '\t']) == "=").then_some(between)
}

/// The spacing of the first `key = value` in the block, for tables that have no entry yet.
fn usual_separator(doc: &Document<&str>, text: &str) -> String {
    fn find(table: &Table, text: &str) -> Option<String> {
        for (keys, value) in table.get_values() {
            let (Some(leaf), Some(value)) = (keys.last().and_then(|k| k.span()), value.span()) else {
                continue;
            };
            if let Some(sep) = separator(text, leaf, value) {
                return Some(sep.to_owned());
            }
        }
        table.iter().find_map(|(_, item)| match item {
            Item::Table(inner) => find(inner, text),
            _ => None,
        })
    }
    find(doc.as_table(), text).unwrap_or_else(|| " = ".to_owned())
}

/// A new `key = value` line after the last entry of `table`'s body.
fn body_addition(
    doc: &Document<&str>,
    text: &str,
    table: &Table,
    kind: TableKind,
    key: &str,
    new: &New,
) -> Result<(Range<usize>, String), EditError> {
    let mut last: Option<EntrySpans> = None;
    for (keys, value) in table.get_values() {
        let Some(leaf) = keys.last() else { continue };
        let entry = (span_of(leaf.span())?, span_of(value.span())?);
        let later = match &last {
            Some((_, v)) => entry.1.end > v.end,
            None => true,
        };
        if later {
            last = Some(entry);
        }
    }
    let (position, indent, sep) = match last {
        Some((key_span, value_span)) => {
            let line = line_start(text, key_span.start);
            let indent: String =
                text.get(line..key_span.start).unwrap_or("").chars().take_while(|c| matches!(c, ' ' | '\t')).collect();
            let sep = separator(text, key_span, value_span.clone()).map_or_else(|| " = ".to_owned(), str::to_owned);
            (line_end(text, value_span.end), indent, sep)
        }
        None => {
            let position = match kind {
                TableKind::Header => line_end(text, span_of(table.span())?.end),
                TableKind::Root => root_insertion_point(doc, text),
                TableKind::Dotted | TableKind::Implicit => {
                    return Err(EditError("internal: a table without a body".into()))
                }
            };
            (position, String::new(), usual_separator(doc, text))
        }
    };
    let le = ending_before(text, position);
    let value = Renderer { text, le }.render(new, None, None);
    Ok(insert_line(text, position, &format!("{indent}{key}{sep}{value}"), le))
}

/// Where the first top-level key goes: before the first header, and before the comment lines
/// right above it (they are about that table).
fn root_insertion_point(doc: &Document<&str>, text: &str) -> usize {
    let Some(first) = header_starts(doc).into_iter().min() else {
        return text.len();
    };
    let mut position = line_start(text, first);
    while position > 0 {
        let previous = line_start(text, position - 1);
        let is_comment = text.get(previous..position).is_some_and(|line| line.trim_start().starts_with('#'));
        if !is_comment {
            break;
        }
        position = previous;
    }
    position
}

fn insert_line(text: &str, position: usize, line: &str, le: &str) -> (Range<usize>, String) {
    let inserted = if position == text.len() && !text.is_empty() && !text.ends_with('\n') {
        // The block ends without a line break: keep it so, the new line becomes the last one.
        format!("{le}{line}")
    } else {
        format!("{line}{le}")
    };
    (position..position, inserted)
}

fn inline_addition(
    text: &str,
    table: &InlineTable,
    key: &str,
    value: &str,
) -> Result<(Range<usize>, String), EditError> {
    let entries = inline_entries(table)?;
    match entries.last() {
        Some((key_span, value_span)) => {
            let sep = separator(text, key_span.clone(), value_span.clone()).unwrap_or(" = ");
            Ok((value_span.end..value_span.end, format!(", {key}{sep}{value}")))
        }
        None => Ok((span_of(table.span())?, format!("{{ {key} = {value} }}"))),
    }
}

/// A new `[header]` at the end of the block, after a blank line, holding the new value.
fn table_addition(
    doc: &Document<&str>,
    text: &str,
    path: &[String],
    new: &New,
) -> Result<(Range<usize>, String), EditError> {
    let (header, entries): (&[String], Vec<(String, New)>) = match new {
        New::Table(entries) => (path, entries.clone()),
        _ => match path.split_last() {
            Some((last, parents)) => (parents, vec![(last.clone(), new.clone())]),
            None => (path, Vec::new()),
        },
    };
    if header.is_empty() {
        return Err(EditError("internal: a new table without a name".into()));
    }
    let le = block_ending(text);
    let sep = usual_separator(doc, text);
    let renderer = Renderer { text, le };
    let mut out = String::new();
    if !text.is_empty() {
        if !text.ends_with('\n') {
            out.push_str(le);
        }
        if !ends_with_blank_line(text) {
            out.push_str(le);
        }
    }
    out.push('[');
    out.push_str(&dotted_key(header));
    out.push(']');
    out.push_str(le);
    for (key, value) in &entries {
        out.push_str(&key_text(key));
        out.push_str(&sep);
        out.push_str(&renderer.render(value, None, None));
        out.push_str(le);
    }
    if !text.is_empty() && !text.ends_with('\n') {
        // As with a new key: a block that ended without a line break still does.
        out.truncate(out.len() - le.len());
    }
    Ok((text.len()..text.len(), out))
}

fn ends_with_blank_line(text: &str) -> bool {
    let Some(body) = text.strip_suffix('\n') else {
        return false;
    };
    let body = body.strip_suffix('\r').unwrap_or(body);
    body.is_empty() || (body.ends_with('\n') && body.rsplit('\n').next().is_some_and(|l| l.trim().is_empty()))
}
