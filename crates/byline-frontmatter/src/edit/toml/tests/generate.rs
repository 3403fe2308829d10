//! Generated TOML blocks for the property test: top-level entries and tables in each form
//! (`[header]`, dotted keys, inline), with comments, blank lines and both line endings, and
//! where each part ends up in the text.

use proptest::prelude::*;

#[derive(Debug, Clone)]
enum GenValue {
    Basic(String),
    Literal(String),
    Int(i64),
    Bool(bool),
    Date(&'static str),
    DateString(&'static str),
    Array { items: Vec<String>, multi_line: bool, trailing_comma: bool, literal: bool },
}

#[derive(Debug, Clone)]
struct GenEntry {
    key: String,
    value: GenValue,
    comment_above: bool,
    trailing_comment: bool,
    blank_before: bool,
}

/// How a table is written: `[name]`, `name.key = …` lines, or `name = { … }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Header,
    Dotted,
    Inline,
}

#[derive(Debug, Clone)]
struct GenTable {
    name: &'static str,
    form: Form,
    comment_above: bool,
    entries: Vec<GenEntry>,
}

#[derive(Debug, Clone)]
pub(super) struct GenBlock {
    top_comment: bool,
    top: Vec<GenEntry>,
    tables: Vec<GenTable>,
    pub(super) crlf: bool,
    final_newline: bool,
}

pub(super) const DATES: [&str; 4] =
    ["2023-04-05", "2021-03-01T09:30:00+01:00", "2024-01-01T10:00:00Z", "2020-02-02 08:00:00"];

/// Text with quotes of both kinds, backslashes and non-ASCII letters.
pub(super) fn text_strategy() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.!?/éü漢'\"\\\\-]{0,12}"
}

/// Text a literal string can hold.
fn literal_text_strategy() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.!?/éü漢\"\\\\-]{0,12}"
}

fn value_strategy() -> impl Strategy<Value = GenValue> {
    prop_oneof![
        text_strategy().prop_map(GenValue::Basic),
        literal_text_strategy().prop_map(GenValue::Literal),
        any::<i32>().prop_map(|i| GenValue::Int(i.into())),
        any::<bool>().prop_map(GenValue::Bool),
        prop::sample::select(DATES.to_vec()).prop_map(GenValue::Date),
        prop::sample::select(DATES.to_vec()).prop_map(GenValue::DateString),
        (prop::collection::vec("[a-z]{1,6}", 0..4), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
            |(items, multi_line, trailing_comma, literal)| GenValue::Array {
                items,
                multi_line,
                trailing_comma,
                literal,
            }
        ),
    ]
}

fn entries_strategy(keys: &'static [&'static str]) -> impl Strategy<Value = Vec<GenEntry>> {
    prop::collection::vec(
        (
            prop::sample::select(keys.to_vec()),
            value_strategy(),
            prop::bool::weighted(0.4),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.2),
        ),
        0..5,
    )
    .prop_map(|entries| {
        let mut seen = std::collections::HashSet::new();
        entries
            .into_iter()
            .filter(|(key, ..)| seen.insert(*key))
            .map(|(key, value, trailing_comment, comment_above, blank_before)| GenEntry {
                key: key.to_owned(),
                value,
                comment_above,
                trailing_comment,
                blank_before,
            })
            .collect()
    })
}

const TOP_KEYS: &[&str] = &["title", "description", "date", "updated", "draft", "weight", "aliases", "slug"];
const EXTRA_KEYS: &[&str] = &["subtitle", "toc", "image", "series"];
const TAXONOMY_KEYS: &[&str] = &["tags", "categories"];

fn table_strategy(keys: &'static [&'static str]) -> impl Strategy<Value = (Form, bool, Vec<GenEntry>)> {
    (
        prop::sample::select(vec![Form::Header, Form::Header, Form::Dotted, Form::Inline]),
        prop::bool::weighted(0.4),
        entries_strategy(keys),
    )
}

pub(super) fn block_strategy() -> impl Strategy<Value = GenBlock> {
    (
        any::<bool>(),
        entries_strategy(TOP_KEYS),
        prop::option::of(table_strategy(TAXONOMY_KEYS)),
        prop::option::of(table_strategy(EXTRA_KEYS)),
        any::<bool>(),
        prop::bool::weighted(0.8),
    )
        .prop_map(|(top_comment, top, taxonomies, extra, crlf, final_newline)| {
            let mut tables = Vec::new();
            for (name, table) in [("taxonomies", taxonomies), ("extra", extra)] {
                if let Some((form, comment_above, entries)) = table {
                    tables.push(GenTable { name, form, comment_above, entries });
                }
            }
            GenBlock { top_comment, top, tables, crlf, final_newline }
        })
}

fn basic_text(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The value's lines (more than one for multi-line arrays, unless `one_line`).
fn value_lines(value: &GenValue, one_line: bool) -> Vec<String> {
    match value {
        GenValue::Basic(s) => vec![basic_text(s)],
        GenValue::Literal(s) => vec![format!("'{s}'")],
        GenValue::Int(i) => vec![i.to_string()],
        GenValue::Bool(b) => vec![b.to_string()],
        GenValue::Date(d) => vec![(*d).to_owned()],
        GenValue::DateString(d) => vec![format!("\"{d}\"")],
        GenValue::Array { items, multi_line, trailing_comma, literal } => {
            let quote = |s: &String| {
                if *literal {
                    format!("'{s}'")
                } else {
                    format!("\"{s}\"")
                }
            };
            let quoted: Vec<String> = items.iter().map(quote).collect();
            if *multi_line && !one_line && !items.is_empty() {
                let mut lines = vec!["[".to_owned()];
                for (i, item) in quoted.iter().enumerate() {
                    let comma = if i + 1 < quoted.len() || *trailing_comma { "," } else { "" };
                    lines.push(format!("  {item}{comma}"));
                }
                lines.push("]".to_owned());
                lines
            } else {
                vec![format!("[{}]", quoted.join(", "))]
            }
        }
    }
}

/// Where things are in a rendered block, in line numbers (`split('\n')` indices).
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// (table name, "" for the top level; key; the entry's lines). An inline table's entries
    /// all have its one line.
    pub(super) entries: Vec<(String, String, std::ops::Range<usize>)>,
    /// Header line of each `[name]` table.
    pub(super) headers: Vec<(String, usize)>,
    /// Every table that exists in the block, and its form.
    tables: Vec<(String, Form)>,
    /// Line of each inline table.
    pub(super) inline: Vec<(String, usize)>,
}

impl Layout {
    pub(super) fn form(&self, table: &str) -> Option<Form> {
        self.tables.iter().find(|(n, _)| n == table).map(|(_, f)| *f)
    }

    pub(super) fn header(&self, table: &str) -> Option<usize> {
        self.headers.iter().find(|(n, _)| n == table).map(|(_, l)| *l)
    }
}

fn push_entries(lines: &mut Vec<String>, layout: &mut Layout, table: &str, key_prefix: &str, entries: &[GenEntry]) {
    for entry in entries {
        if entry.blank_before {
            lines.push(String::new());
        }
        if entry.comment_above {
            lines.push(format!("# about {}", entry.key));
        }
        let start = lines.len();
        let mut value = value_lines(&entry.value, false);
        if entry.trailing_comment {
            if let Some(last) = value.last_mut() {
                last.push_str(" # note");
            }
        }
        for (i, line) in value.into_iter().enumerate() {
            if i == 0 {
                lines.push(format!("{key_prefix}{} = {line}", entry.key));
            } else {
                lines.push(line);
            }
        }
        layout.entries.push((table.to_owned(), entry.key.clone(), start..lines.len()));
    }
}

/// The block as text, and where each of its parts is.
pub(super) fn render(block: &GenBlock) -> (String, Layout) {
    let mut lines: Vec<String> = Vec::new();
    let mut layout = Layout::default();
    if block.top_comment {
        lines.push("# front matter".to_owned());
    }
    push_entries(&mut lines, &mut layout, "", "", &block.top);
    // Dotted keys and inline tables belong to the top level, so they come before any header.
    for table in block.tables.iter().filter(|t| t.form != Form::Header) {
        if table.comment_above {
            lines.push(format!("# the {} table", table.name));
        }
        if table.form == Form::Dotted {
            if !table.entries.is_empty() {
                layout.tables.push((table.name.to_owned(), Form::Dotted));
            }
            push_entries(&mut lines, &mut layout, table.name, &format!("{}.", table.name), &table.entries);
            continue;
        }
        let entries: Vec<String> =
            table.entries.iter().map(|e| format!("{} = {}", e.key, value_lines(&e.value, true).concat())).collect();
        let line = lines.len();
        if entries.is_empty() {
            lines.push(format!("{} = {{}}", table.name));
        } else {
            lines.push(format!("{} = {{ {} }}", table.name, entries.join(", ")));
        }
        for entry in &table.entries {
            layout.entries.push((table.name.to_owned(), entry.key.clone(), line..line + 1));
        }
        layout.tables.push((table.name.to_owned(), Form::Inline));
        layout.inline.push((table.name.to_owned(), line));
    }
    for table in block.tables.iter().filter(|t| t.form == Form::Header) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        if table.comment_above {
            lines.push(format!("# the {} table", table.name));
        }
        layout.headers.push((table.name.to_owned(), lines.len()));
        layout.tables.push((table.name.to_owned(), Form::Header));
        lines.push(format!("[{}]", table.name));
        push_entries(&mut lines, &mut layout, table.name, "", &table.entries);
    }
    let le = if block.crlf { "\r\n" } else { "\n" };
    let mut text = lines.join(le);
    if block.final_newline && !lines.is_empty() {
        text.push_str(le);
    }
    (text, layout)
}
