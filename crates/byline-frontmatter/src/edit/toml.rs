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

use std::ops::Range;

use toml_edit::{Array, Document, InlineTable, Item, Key, RawString, Table, Value};

use super::{Edit, EditError, KeyPath, NewValue};

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

/// A new value, with a `NewValue::Date` already decided between datetime and string.
#[derive(Debug, Clone, PartialEq)]
enum New {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// The text as given, and how the `toml` crate reads it (for the self-check).
    Datetime(String, toml::value::Datetime),
    Array(Vec<New>),
    Table(Vec<(String, New)>),
}

fn resolve(edit: &Edit, current: &toml::Table) -> Result<Option<New>, EditError> {
    Ok(match &edit.value {
        None => None,
        Some(NewValue::Json(json)) => from_json(json),
        Some(NewValue::Date(text)) => {
            let old_is_string =
                matches!(lookup(current, &edit.path)?, Some(toml::Value::String(_)));
            match native_datetime(text) {
                Some(datetime) if !old_is_string => {
                    Some(New::Datetime(text.trim().to_owned(), datetime))
                }
                _ => Some(New::Str(text.clone())),
            }
        }
    })
}

/// Nulls inside lists and mappings are left out, as `value::to_toml` does when writing anew.
fn from_json(json: &serde_json::Value) -> Option<New> {
    use serde_json::Value as J;
    Some(match json {
        J::Null => return None,
        J::Bool(b) => New::Bool(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => New::Int(i),
            // Beyond TOML's integer range: a float, as `value::to_toml` writes it.
            None => New::Float(n.as_f64()?),
        },
        J::String(s) => New::Str(s.clone()),
        J::Array(items) => New::Array(items.iter().filter_map(from_json).collect()),
        J::Object(map) => New::Table(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), from_json(v)?)))
                .collect(),
        ),
    })
}

/// The text as a TOML datetime, if both parsers take it: `toml_edit` writes it, but the `toml`
/// crate reads it back, and it is the older TOML 1.0 one (no `10:00` without seconds).
fn native_datetime(text: &str) -> Option<toml::value::Datetime> {
    let text = text.trim();
    // toml_edit's parser refuses anything but the datetime itself, so the text cannot smuggle
    // other keys into the small document below.
    text.parse::<toml_edit::Datetime>().ok()?;
    let table: toml::Table = toml::from_str(&format!("d = {text}\n")).ok()?;
    match table.get("d") {
        Some(toml::Value::Datetime(datetime)) if table.len() == 1 => Some(*datetime),
        _ => None,
    }
}

fn to_toml(value: &New) -> toml::Value {
    match value {
        New::Str(s) => toml::Value::String(s.clone()),
        New::Int(i) => toml::Value::Integer(*i),
        New::Float(f) => toml::Value::Float(*f),
        New::Bool(b) => toml::Value::Boolean(*b),
        New::Datetime(_, datetime) => toml::Value::Datetime(*datetime),
        New::Array(items) => toml::Value::Array(items.iter().map(to_toml).collect()),
        New::Table(entries) => toml::Value::Table(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_toml(v)))
                .collect(),
        ),
    }
}

fn parse_semantic(text: &str) -> Result<toml::Table, EditError> {
    toml::from_str(text).map_err(|e| EditError(format!("the TOML does not parse: {}", e.message())))
}

fn parse_spanned(text: &str) -> Result<Document<&str>, EditError> {
    Document::parse(text)
        .map_err(|e| EditError(format!("the TOML does not parse: {}", e.message())))
}

/// The value at `path`; `Ok(None)` when it or a parent is missing.
fn lookup<'a>(
    table: &'a toml::Table,
    path: &[String],
) -> Result<Option<&'a toml::Value>, EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(None);
    };
    let mut table = table;
    for key in parents {
        match table.get(key) {
            None => return Ok(None),
            Some(toml::Value::Table(inner)) => table = inner,
            Some(_) => return Err(crosses_value(path)),
        }
    }
    Ok(table.get(last))
}

fn crosses_value(path: &[String]) -> EditError {
    EditError(format!(
        "`{}` goes through a value that is not a table",
        path.join(".")
    ))
}

fn array_of_tables(path: &[String]) -> EditError {
    EditError(format!("`{}` involves an array of tables", path.join(".")))
}

/// One edit on `text`, which is parsed again each time, so the spans always describe it.
fn apply_one(
    text: &mut String,
    path: &[String],
    new: Option<&New>,
    prune: bool,
    pruned: &mut Vec<KeyPath>,
) -> Result<(), EditError> {
    let current = parse_semantic(text)?;
    let old = lookup(&current, path)?;
    let unchanged = match (old, new) {
        (None, None) => true,
        (Some(old), Some(new)) => *old == to_toml(new),
        _ => false,
    };
    if unchanged {
        return Ok(());
    }
    let plan = {
        let doc = parse_spanned(text)?;
        plan(&doc, text, path, new, old)?
    };
    match plan {
        Plan::Splices(splices) => splice(text, splices)?,
        Plan::PerKey(old_keys) => {
            let Some(New::Table(entries)) = new else {
                return Err(EditError("internal: per-key edit without a table".into()));
            };
            for (key, value) in entries {
                apply_one(text, &child(path, key), Some(value), false, pruned)?;
            }
            for key in old_keys {
                if !entries.iter().any(|(k, _)| *k == key) {
                    apply_one(text, &child(path, &key), None, false, pruned)?;
                }
            }
        }
    }
    if new.is_none() && prune {
        prune_ancestors(text, path, pruned)?;
    }
    Ok(())
}

fn child(path: &[String], key: &str) -> KeyPath {
    let mut path = path.to_vec();
    path.push(key.to_owned());
    path
}

enum Plan {
    /// Byte ranges of the text and what replaces each.
    Splices(Vec<(Range<usize>, String)>),
    /// An object set on an existing table: one edit per key; these are the keys it has now.
    PerKey(Vec<String>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TableKind {
    Root,
    /// Has its own `[header]` line.
    Header,
    /// Exists only because of a deeper `[a.b]` header; has no body.
    Implicit,
    /// Made by dotted keys (`extra.a = 1`); its entries live in the enclosing table's body.
    Dotted,
}

fn table_kind(table: &Table) -> TableKind {
    if table.is_dotted() {
        TableKind::Dotted
    } else if table.is_implicit() {
        TableKind::Implicit
    } else {
        TableKind::Header
    }
}

#[derive(Clone, Copy)]
enum Container<'d> {
    Table(&'d Table, TableKind),
    Inline(&'d InlineTable),
}

struct Walk<'d> {
    /// `containers[i]` is the table that holds `path[i]`; shorter than the path when a parent
    /// table is missing.
    containers: Vec<Container<'d>>,
    /// The key and item at the full path, when it exists.
    target: Option<(&'d Key, &'d Item)>,
}

fn walk<'d>(doc: &'d Document<&str>, path: &[String]) -> Result<Walk<'d>, EditError> {
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
            return Ok(Walk {
                containers,
                target: Some((key, item)),
            });
        }
        let next = match item {
            Item::Table(table) => Container::Table(table, table_kind(table)),
            Item::Value(Value::InlineTable(table)) if !table.is_dotted() => {
                Container::Inline(table)
            }
            Item::Value(Value::InlineTable(_)) => {
                return Err(EditError(format!(
                    "`{}` goes through dotted keys inside an inline table",
                    path.join(".")
                )))
            }
            Item::ArrayOfTables(_) => return Err(array_of_tables(path)),
            Item::Value(_) => return Err(crosses_value(path)),
            Item::None => break,
        };
        containers.push(next);
    }
    Ok(Walk {
        containers,
        target: None,
    })
}

fn plan(
    doc: &Document<&str>,
    text: &str,
    path: &[String],
    new: Option<&New>,
    old: Option<&toml::Value>,
) -> Result<Plan, EditError> {
    let walk = walk(doc, path)?;
    let Some(new) = new else {
        return match walk.target {
            Some((key, item)) => Ok(Plan::Splices(removal(text, &walk, key, item, path)?)),
            None => Ok(Plan::Splices(Vec::new())),
        };
    };
    let Some((_, item)) = walk.target else {
        return Ok(Plan::Splices(vec![addition(doc, text, path, &walk, new)?]));
    };
    match (item, new) {
        (Item::Table(table), New::Table(_)) => Ok(Plan::PerKey(
            table.iter().map(|(k, _)| k.to_owned()).collect(),
        )),
        (Item::Value(Value::InlineTable(table)), New::Table(_)) if !table.is_dotted() => Ok(
            Plan::PerKey(table.iter().map(|(k, _)| k.to_owned()).collect()),
        ),
        (Item::Value(Value::InlineTable(_)), _) if is_dotted_inline(item) => {
            Err(EditError(format!(
                "`{}` is made of dotted keys inside an inline table",
                path.join(".")
            )))
        }
        (Item::Value(value), _) => {
            let span = span_of(value.span())?;
            let renderer = Renderer {
                text,
                le: line_ending_at(text, span.start),
            };
            let rendered = renderer.render(new, Some(value), old);
            Ok(Plan::Splices(vec![(span, rendered)]))
        }
        (Item::Table(_), _) => Err(EditError(format!(
            "`{}` is a table and cannot become a single value in place",
            path.join(".")
        ))),
        (Item::ArrayOfTables(_), _) => Err(array_of_tables(path)),
        (Item::None, _) => Ok(Plan::Splices(Vec::new())),
    }
}

fn is_dotted_inline(item: &Item) -> bool {
    matches!(item, Item::Value(Value::InlineTable(table)) if table.is_dotted())
}

fn span_of(span: Option<Range<usize>>) -> Result<Range<usize>, EditError> {
    span.ok_or_else(|| EditError("internal: toml_edit gave no position".into()))
}

// --- Removing ---------------------------------------------------------------------------------

fn removal(
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
            Ok(merge(regions)
                .into_iter()
                .map(|r| (r, String::new()))
                .collect())
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

/// Where one `key = value` is: the (last) key's span and the value's span.
type EntrySpans = (Range<usize>, Range<usize>);

/// An inline table's entries, in text order.
fn inline_entries(table: &InlineTable) -> Result<Vec<EntrySpans>, EditError> {
    let mut entries = Vec::new();
    for (keys, value) in table.get_values() {
        let Some(leaf) = keys.last() else { continue };
        entries.push((span_of(leaf.span())?, span_of(value.span())?));
    }
    entries.sort_by_key(|(_, value)| value.start);
    Ok(entries)
}

/// Removes `key = value` and one comma next to it; the last entry leaves `{}`.
fn inline_removal(
    text: &str,
    table: &InlineTable,
    key: &Key,
) -> Result<(Range<usize>, String), EditError> {
    let braces = span_of(table.span())?;
    let entries = inline_entries(table)?;
    let key_span = span_of(key.span())?;
    let Some(index) = entries.iter().position(|(k, _)| *k == key_span) else {
        return Err(EditError(
            "internal: key not found in its inline table".into(),
        ));
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
            return Err(EditError(
                "an inline table is laid out in an unexpected way".into(),
            ));
        }
        Ok(skip_blanks(text, after_value + 1))
    };
    if index + 1 < entries.len() {
        Ok((entry_start(index)?..entry_start(index + 1)?, String::new()))
    } else {
        Ok((
            entries[index - 1].1.end..entries[index].1.end,
            String::new(),
        ))
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
fn with_blank_lines(text: &str, range: Range<usize>) -> Range<usize> {
    let is_blank =
        |start: usize, end: usize| text.get(start..end).is_some_and(|l| l.trim().is_empty());
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

/// After a removal, drops the tables it left empty, walking up; records each one dropped (or
/// gone by itself, like dotted keys' tables) so the self-check expects it.
fn prune_ancestors(
    text: &mut String,
    path: &[String],
    pruned: &mut Vec<KeyPath>,
) -> Result<(), EditError> {
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
                Some((key, item @ Item::Value(Value::InlineTable(_)))) => {
                    removal(text, &walk, key, item, parent)?
                }
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
        && text
            .get(line_start(text, start - 1)..start)
            .is_some_and(|line| line.trim_start().starts_with('#'));
    if comment_above || raw_text(text, table.decor().suffix()).contains('#') {
        return Ok(None);
    }
    let body_start = line_end(text, header.end);
    let end = next_header_start(doc, header.end).map_or(text.len(), |h| line_start(text, h));
    let body = text.get(body_start..end.max(body_start)).unwrap_or("");
    if body.lines().any(|line| line.trim_start().starts_with('#')) {
        return Ok(None);
    }
    Ok(Some((
        with_blank_lines(text, start..body_start),
        String::new(),
    )))
}

// --- Adding -----------------------------------------------------------------------------------

fn addition(
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
            let owner = walk
                .containers
                .iter()
                .rposition(|c| !matches!(c, Container::Table(_, TableKind::Dotted)))
                .unwrap_or(0);
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

fn key_text(key: &str) -> String {
    Key::new(key).display_repr().into_owned()
}

fn dotted_key(keys: &[String]) -> String {
    keys.iter()
        .map(|k| key_text(k))
        .collect::<Vec<_>>()
        .join(".")
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
            let (Some(leaf), Some(value)) = (keys.last().and_then(|k| k.span()), value.span())
            else {
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
            let indent: String = text
                .get(line..key_span.start)
                .unwrap_or("")
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t'))
                .collect();
            let sep = separator(text, key_span, value_span.clone())
                .map_or_else(|| " = ".to_owned(), str::to_owned);
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
    Ok(insert_line(
        text,
        position,
        &format!("{indent}{key}{sep}{value}"),
        le,
    ))
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
        let is_comment = text
            .get(previous..position)
            .is_some_and(|line| line.trim_start().starts_with('#'));
        if !is_comment {
            break;
        }
        position = previous;
    }
    position
}

fn header_starts(doc: &Document<&str>) -> Vec<usize> {
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

fn next_header_start(doc: &Document<&str>, after: usize) -> Option<usize> {
    header_starts(doc).into_iter().filter(|&s| s >= after).min()
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
            Ok((
                value_span.end..value_span.end,
                format!(", {key}{sep}{value}"),
            ))
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
    let le = line_ending(text);
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
    body.is_empty()
        || (body.ends_with('\n')
            && body
                .rsplit('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty()))
}

// --- Rendering values -------------------------------------------------------------------------

struct Renderer<'t> {
    /// The block the old values' spans point into.
    text: &'t str,
    /// The line ending for line breaks inside new values.
    le: &'t str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quotes {
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

impl Renderer<'_> {
    /// `new` as TOML text, in the style of `old` (the value it replaces) where there is one.
    fn render(&self, new: &New, old: Option<&Value>, old_value: Option<&toml::Value>) -> String {
        match new {
            New::Str(s) => self.string(s, old),
            New::Int(i) => i.to_string(),
            New::Float(f) => Value::from(*f).to_string(),
            New::Bool(b) => b.to_string(),
            New::Datetime(text, _) => text.clone(),
            New::Array(items) => match (old, old_value) {
                (Some(Value::Array(array)), Some(toml::Value::Array(values)))
                    if array.len() == values.len() && !array.is_empty() =>
                {
                    self.array(items, array, values)
                }
                _ => {
                    let items: Vec<String> =
                        items.iter().map(|i| self.render(i, None, None)).collect();
                    format!("[{}]", items.join(", "))
                }
            },
            New::Table(entries) if entries.is_empty() => "{}".to_owned(),
            New::Table(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(k, v)| format!("{} = {}", key_text(k), self.render(v, None, None)))
                    .collect();
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }

    fn raw(&self, span: Option<Range<usize>>) -> Option<&str> {
        span.and_then(|span| self.text.get(span))
    }

    fn string(&self, s: &str, old: Option<&Value>) -> String {
        let raw = match old {
            Some(value @ Value::String(_)) => self.raw(value.span()).unwrap_or("\""),
            _ => "\"",
        };
        let quotes = if raw.starts_with("\"\"\"") {
            Quotes::MultiBasic
        } else if raw.starts_with("'''") {
            Quotes::MultiLiteral
        } else if raw.starts_with('\'') {
            Quotes::Literal
        } else {
            Quotes::Basic
        };
        // The newline right after an opening `"""` is not part of the text; keep the old one.
        let opening = raw.get(3..).map_or("", |after| {
            if after.starts_with("\r\n") {
                "\r\n"
            } else if after.starts_with('\n') {
                "\n"
            } else {
                ""
            }
        });
        // A line reading `+++` inside a multi-line string would close the front matter.
        let multi_ok = s.contains('\n') && !s.split('\n').any(|line| line.trim_end() == "+++");
        match quotes {
            Quotes::Basic => basic(s),
            Quotes::Literal => literal(s).unwrap_or_else(|| basic(s)),
            Quotes::MultiBasic if multi_ok => multi_basic(s, opening, self.le),
            Quotes::MultiBasic => basic(s),
            Quotes::MultiLiteral if multi_ok => multi_literal(s, opening, self.le)
                .unwrap_or_else(|| multi_basic(s, opening, self.le)),
            Quotes::MultiLiteral => literal(s).unwrap_or_else(|| basic(s)),
        }
    }

    /// The new array laid out like the old one: items still there keep their exact text and
    /// the comments around them; new items take the old items' indentation and quotes.
    fn array(&self, items: &[New], old: &Array, old_values: &[toml::Value]) -> String {
        if items.is_empty() {
            return "[]".to_owned();
        }
        let olds: Vec<&Value> = old.iter().collect();
        let count = olds.len();
        let prefix = |j: usize| {
            self.raw(olds[j].decor().prefix().and_then(RawString::span))
                .unwrap_or("")
        };
        let suffix = |j: usize| {
            self.raw(olds[j].decor().suffix().and_then(RawString::span))
                .unwrap_or("")
        };
        let first_prefix = whitespace_prefix(prefix(0));
        let other_prefix = if count >= 2 {
            whitespace_prefix(prefix(1))
        } else if first_prefix.contains('\n') {
            first_prefix
        } else {
            " "
        };
        let inner_suffix = if count >= 2 {
            inline_suffix(suffix(0))
        } else {
            ""
        };
        let trailing_comma = old.trailing_comma();
        let trailing = self.raw(old.trailing().span()).unwrap_or("");
        // Without a trailing comma, what closes the old array hangs on its last item's suffix.
        let tail = if trailing_comma {
            trailing.to_owned()
        } else {
            format!("{}{trailing}", suffix(count - 1))
        };
        let new_values: Vec<toml::Value> = items.iter().map(to_toml).collect();
        let kept = matching_items(old_values, &new_values);
        let mut out = String::from("[");
        for (i, item) in items.iter().enumerate() {
            let position_prefix = if i == 0 { first_prefix } else { other_prefix };
            let kept_text = kept[i].and_then(|j| Some((j, self.raw(olds[j].span())?)));
            let (pre, body, suf) = match kept_text {
                Some((j, body)) => {
                    let pre = if (i == 0) == (j == 0) {
                        prefix(j)
                    } else {
                        position_prefix
                    };
                    let suf = if j + 1 == count && !trailing_comma {
                        inner_suffix
                    } else {
                        suffix(j)
                    };
                    (pre, body.to_owned(), suf)
                }
                None => {
                    let like = olds.iter().position(|o| same_kind(item, o));
                    let body = self.render(
                        item,
                        like.map(|j| olds[j]),
                        like.and_then(|j| old_values.get(j)),
                    );
                    (position_prefix, body, inner_suffix)
                }
            };
            out.push_str(pre);
            out.push_str(&body);
            if i + 1 < items.len() || trailing_comma {
                out.push_str(suf);
                out.push(',');
            }
        }
        out.push_str(&tail);
        out.push(']');
        out
    }
}

fn same_kind(new: &New, old: &Value) -> bool {
    matches!(
        (new, old),
        (New::Str(_), Value::String(_)) | (New::Array(_), Value::Array(_))
    )
}

/// The whitespace before an array item, without any comment line in it.
fn whitespace_prefix(raw: &str) -> &str {
    if !raw.contains('#') {
        return raw;
    }
    match raw.rfind('\n') {
        Some(i) if raw[..i].ends_with('\r') => &raw[i - 1..],
        Some(i) => &raw[i..],
        None => " ",
    }
}

/// The space between an item and its comma, when it is only that.
fn inline_suffix(raw: &str) -> &str {
    if raw.contains(['#', '\n']) {
        ""
    } else {
        raw
    }
}

/// For each new item, the old item it is (a longest common subsequence), so unchanged items
/// keep their text.
fn matching_items(old: &[toml::Value], new: &[toml::Value]) -> Vec<Option<usize>> {
    let (n, m) = (old.len(), new.len());
    let mut lengths = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] = if old[i] == new[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut out = vec![None; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old[i] == new[j] {
            out[j] = Some(i);
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
    }
}

fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '\t') || is_forbidden_control(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

fn literal(s: &str) -> Option<String> {
    if s.contains('\'') || s.chars().any(is_forbidden_control) {
        return None;
    }
    Some(format!("'{s}'"))
}

/// Line breaks in the text are written as the file's own, which TOML reads back as `\n`.
fn multi_basic(s: &str, opening: &str, le: &str) -> String {
    let opening = if opening.is_empty() && s.starts_with('\n') {
        le
    } else {
        opening
    };
    let mut out = format!("\"\"\"{opening}");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str(le),
            // Never two unescaped quotes in a row, nor one at the end: they could close it.
            '"' if matches!(chars.peek(), None | Some('"')) => out.push_str("\\\""),
            '"' | '\t' => out.push(c),
            '\\' => out.push_str("\\\\"),
            c if is_forbidden_control(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

fn multi_literal(s: &str, opening: &str, le: &str) -> Option<String> {
    let forbidden = |c: char| is_forbidden_control(c) && c != '\n';
    if s.contains("'''") || s.ends_with('\'') || s.chars().any(forbidden) {
        return None;
    }
    let opening = if opening.is_empty() && s.starts_with('\n') {
        le
    } else {
        opening
    };
    Some(format!("'''{opening}{}'''", s.replace('\n', le)))
}

// --- Text positions ---------------------------------------------------------------------------

fn line_start(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    let position = position.min(bytes.len());
    bytes[..position]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Just past the line break ending the line that holds `position` (or the end of the text).
fn line_end(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    let position = position.min(bytes.len());
    bytes[position..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| position + i + 1)
}

/// The block's line ending: that of its first line, else `\n`.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The ending of the line that holds `position`.
fn line_ending_at(text: &str, position: usize) -> &'static str {
    let end = line_end(text, position);
    if text[..end].ends_with("\r\n") {
        "\r\n"
    } else if text[..end].ends_with('\n') {
        "\n"
    } else {
        line_ending(text)
    }
}

/// The ending of the line just before `position` (a line start).
fn ending_before(text: &str, position: usize) -> &'static str {
    match text.get(..position) {
        Some(before) if before.ends_with("\r\n") => "\r\n",
        Some(before) if before.ends_with('\n') => "\n",
        _ => line_ending(text),
    }
}

fn raw_text<'t>(text: &'t str, raw: Option<&RawString>) -> &'t str {
    raw.and_then(RawString::span)
        .and_then(|span| text.get(span))
        .unwrap_or("")
}

fn splice(text: &mut String, mut splices: Vec<(Range<usize>, String)>) -> Result<(), EditError> {
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

// --- Self-check -------------------------------------------------------------------------------

/// What the edit should read back as, built on the `toml` crate's reading of the old block.
fn expect_set(
    table: &mut toml::Table,
    path: &[String],
    value: toml::Value,
) -> Result<(), EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table = table;
    for key in parents {
        let entry = table
            .entry(key.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let toml::Value::Table(inner) = entry else {
            return Err(crosses_value(path));
        };
        table = inner;
    }
    table.insert(last.clone(), value);
    Ok(())
}

fn expect_remove(table: &mut toml::Table, path: &[String]) -> Result<(), EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table = table;
    for key in parents {
        match table.get_mut(key) {
            Some(toml::Value::Table(inner)) => table = inner,
            Some(_) => return Err(crosses_value(path)),
            None => return Ok(()),
        }
    }
    table.remove(last);
    Ok(())
}

fn expect_prune(table: &mut toml::Table, path: &[String]) -> Result<(), EditError> {
    match lookup(table, path)? {
        Some(toml::Value::Table(inner)) if inner.is_empty() => expect_remove(table, path),
        None => Ok(()),
        Some(_) => Err(EditError(format!(
            "internal: `{}` was removed as empty but is not",
            path.join(".")
        ))),
    }
}

fn self_check(text: &str, expected: &toml::Table) -> Result<(), EditError> {
    if text.split('\n').any(|line| line.trim_end() == "+++") {
        return Err(EditError(
            "the edit would put a `+++` line in the block".into(),
        ));
    }
    let actual = parse_semantic(text)
        .map_err(|e| EditError(format!("the edited block would not parse: {}", e.0)))?;
    parse_spanned(text)?;
    if actual != *expected {
        return Err(EditError(
            "the edited block does not read back with the intended values".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "toml_tests.rs"]
mod tests;
