//! The property: on generated blocks, one set, add or remove changes only the lines of its
//! entry (or inserts lines in the right table), keeps the line endings, and reads back as the
//! old values with that edit applied.

use proptest::prelude::*;
use serde_json::json;

use super::generate::{block_strategy, render, text_strategy, Form, DATES};
use crate::edit::toml::apply;
use crate::edit::{Edit, NewValue};

#[derive(Debug, Clone)]
enum GenNew {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
    Date(&'static str),
}

fn new_strategy() -> impl Strategy<Value = GenNew> {
    prop_oneof![
        text_strategy().prop_map(GenNew::Str),
        any::<i32>().prop_map(|i| GenNew::Int(i.into())),
        any::<bool>().prop_map(GenNew::Bool),
        prop::collection::vec("[a-z]{1,6}", 0..4).prop_map(GenNew::List),
        prop::sample::select(DATES.to_vec()).prop_map(GenNew::Date),
        prop::sample::select(vec!["not a date", "2023-04-05T10:00"]).prop_map(GenNew::Date),
    ]
}

fn new_value(new: &GenNew) -> NewValue {
    match new {
        GenNew::Str(s) => NewValue::Json(json!(s)),
        GenNew::Int(i) => NewValue::Json(json!(i)),
        GenNew::Bool(b) => NewValue::Json(json!(b)),
        GenNew::List(items) => NewValue::Json(json!(items)),
        GenNew::Date(text) => NewValue::Date((*text).to_owned()),
    }
}

/// What the `toml` crate should read for `new` set where `old` was.
fn expected_toml(new: &GenNew, old: Option<&toml::Value>) -> toml::Value {
    match new {
        GenNew::Date(text) => match (old, text.parse::<toml::value::Datetime>()) {
            (Some(toml::Value::String(_)), _) | (_, Err(_)) => toml::Value::String((*text).to_owned()),
            (_, Ok(datetime)) => toml::Value::Datetime(datetime),
        },
        GenNew::Str(s) => toml::Value::String(s.clone()),
        GenNew::Int(i) => toml::Value::Integer(*i),
        GenNew::Bool(b) => toml::Value::Boolean(*b),
        GenNew::List(items) => toml::Value::Array(items.iter().map(|s| toml::Value::String(s.clone())).collect()),
    }
}

fn table_mut<'a>(root: &'a mut toml::Table, table: &str) -> &'a mut toml::Table {
    if table.is_empty() {
        return root;
    }
    let entry = root.entry(table.to_owned()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
    match entry {
        toml::Value::Table(inner) => inner,
        _ => panic!("{table} is not a table"),
    }
}

fn value_in(root: &toml::Table, table: &str, key: &str) -> Option<toml::Value> {
    let parent = if table.is_empty() { Some(root) } else { root.get(table).and_then(toml::Value::as_table) };
    parent.and_then(|p| p.get(key)).cloned()
}

/// `new` is `old[..a] + middle + old[b..]` for `changed = a..b`: returns `middle`.
fn middle<'a>(old: &[&str], new: &'a [&'a str], changed: std::ops::Range<usize>) -> Option<&'a [&'a str]> {
    let (head, tail) = (&old[..changed.start], &old[changed.end..]);
    if new.len() < head.len() + tail.len() || !new.starts_with(head) || !new.ends_with(tail) {
        return None;
    }
    Some(&new[head.len()..new.len() - tail.len()])
}

/// `new` is `old` with lines inserted at one place: returns (place, inserted lines).
fn insertion<'a>(old: &[&str], new: &'a [&'a str]) -> Option<(usize, &'a [&'a str])> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len() - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    (prefix + suffix == old.len() && new.len() >= old.len()).then(|| (prefix, &new[prefix..new.len() - suffix]))
}

/// `new` is `old` minus the lines in `gone` and minus some blank lines.
fn removal_only(old: &[&str], new: &[&str], gone: &[usize]) -> bool {
    let mut rest = old.iter().enumerate().filter(|(i, _)| !gone.contains(i)).map(|(_, l)| *l);
    for line in new {
        loop {
            match rest.next() {
                Some(next) if next == *line => break,
                Some(next) if is_blank(next) => {}
                _ => return false,
            }
        }
    }
    rest.all(is_blank)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn fail(what: &str, before: &str, after: &str) -> TestCaseError {
    TestCaseError::fail(format!("{what}\n--- before\n{before}\n--- after\n{after}\n---"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_edit_changes_only_its_entry(
        block in block_strategy(),
        kind in 0u8..3,
        pick in any::<prop::sample::Index>(),
        target_table in 0u8..3,
        new in new_strategy(),
    ) {
        let (text, layout) = render(&block);
        prop_assert_eq!(apply(&text, &[]).unwrap(), text.clone());
        let old_toml: toml::Table = toml::from_str(&text).unwrap();

        // Set (kind 0) or remove (kind 2) an existing entry when there is one; otherwise add.
        let existing = (!layout.entries.is_empty() && kind != 1)
            .then(|| &layout.entries[pick.index(layout.entries.len())]);
        let (table, key, lines) = match existing {
            Some((table, key, lines)) => (table.clone(), key.clone(), Some(lines.clone())),
            None => {
                let table = ["", "extra", "taxonomies"][usize::from(target_table)];
                (table.to_owned(), "added".to_owned(), None)
            }
        };
        let mut full = if table.is_empty() { vec![] } else { vec![table.clone()] };
        full.push(key.clone());
        let removing = lines.is_some() && kind == 2;
        let edit = Edit { path: full, value: (!removing).then(|| new_value(&new)) };
        let out = match apply(&text, std::slice::from_ref(&edit)) {
            Ok(out) => out,
            Err(e) => return Err(fail(&e.to_string(), &text, "")),
        };

        // The re-read gives the new value and the old values of everything else.
        let mut expected = old_toml.clone();
        let parent = table_mut(&mut expected, &table);
        let old_value = parent.get(&key).cloned();
        if removing {
            parent.remove(&key);
        } else {
            parent.insert(key.clone(), expected_toml(&new, old_value.as_ref()));
        }
        let actual: toml::Table = toml::from_str(&out).unwrap();
        let emptied = removing
            && !table.is_empty()
            && expected.get(&table).and_then(toml::Value::as_table).is_some_and(toml::Table::is_empty);
        let pruned = emptied && !actual.contains_key(&table);
        if pruned {
            expected.remove(&table);
        }
        if actual != expected {
            return Err(fail(&format!("read back {actual:?}\nexpected {expected:?}"), &text, &out));
        }

        // Line endings follow the block's (a block without a line break has none to follow).
        let crlf = block.crlf && text.contains('\n');
        let (crlf_breaks, breaks) = (out.matches("\r\n").count(), out.matches('\n').count());
        prop_assert_eq!(crlf_breaks, if crlf { breaks } else { 0 }, "{:?}", out);

        // A block without a final line break gains one on its last line when a line is added
        // after it; compare as if both had it.
        let le = if crlf { "\r\n" } else { "\n" };
        let ended = |t: &str| if t.is_empty() || t.ends_with('\n') { t.to_owned() } else { format!("{t}{le}") };
        let (old_text, new_text) = (ended(&text), ended(&out));
        let old_lines: Vec<&str> = old_text.split('\n').collect();
        let new_lines: Vec<&str> = new_text.split('\n').collect();
        let form = layout.form(&table);
        let entry_start = match form {
            Some(Form::Dotted) => format!("{table}.{key} = "),
            Some(Form::Inline) => format!("{table} = {{"),
            Some(Form::Header) | None => format!("{key} = "),
        };

        if old_value.as_ref() == value_in(&actual, &table, &key).as_ref() {
            // Nothing changed: no byte either.
            prop_assert_eq!(&out, &text);
        } else if let Some(lines) = lines {
            if emptied {
                // A `[table]` emptied goes exactly when no comment is right above its header, on
                // it or in it; dotted keys' tables vanish, empty inline tables go.
                let commented = layout.header(&table).is_some_and(|header| {
                    let next = layout.headers.iter().map(|(_, l)| *l).filter(|l| *l > header).min().unwrap_or(old_lines.len());
                    (header.saturating_sub(1)..next)
                        .filter(|i| !lines.contains(i))
                        .any(|i| old_lines[i].trim_start().starts_with('#'))
                });
                prop_assert_eq!(pruned, !commented, "\n--- before\n{}\n--- after\n{}", text, out);
            }
            if pruned && form == Some(Form::Header) {
                let mut gone: Vec<usize> = lines.clone().collect();
                gone.extend(layout.header(&table));
                prop_assert!(removal_only(&old_lines, &new_lines, &gone), "\n--- before\n{}\n--- after\n{}", text, out);
            } else {
                let Some(between) = middle(&old_lines, &new_lines, lines.clone()) else {
                    return Err(fail("other lines changed", &text, &out));
                };
                let kept_line = !removing || (form == Some(Form::Inline) && !pruned);
                if kept_line {
                    prop_assert!(between.first().is_some_and(|l| l.starts_with(&entry_start)), "{:?}", between);
                    if form == Some(Form::Inline) { prop_assert_eq!(between.len(), 1); }
                } else {
                    prop_assert!(between.is_empty(), "{:?}", between);
                }
            }
        } else if form == Some(Form::Inline) {
            // A new key inside the braces: only the inline table's line changes.
            let line = layout.inline.iter().find(|(n, _)| *n == table).map(|(_, l)| *l).unwrap();
            let Some(between) = middle(&old_lines, &new_lines, line..line + 1) else {
                return Err(fail("other lines changed", &text, &out));
            };
            prop_assert_eq!(between.len(), 1);
            prop_assert!(between[0].starts_with(&entry_start), "{:?}", between);
        } else {
            let Some((at, inserted)) = insertion(&old_lines, &new_lines) else {
                return Err(fail("not an insertion", &text, &out));
            };
            let created = form.is_none() && !table.is_empty();
            let new_key = if created { format!("{key} = ") } else { entry_start.clone() };
            let header = format!("[{table}]{}", if crlf { "\r" } else { "" });
            prop_assert_eq!(inserted.iter().filter(|l| l.starts_with(&new_key)).count(), 1, "{:?}", inserted);
            for line in inserted {
                let allowed = line.starts_with(&new_key) || (created && (is_blank(line) || *line == header));
                prop_assert!(allowed, "inserted {:?}", inserted);
            }
            let first_header = layout.headers.iter().map(|(_, l)| *l).min().unwrap_or(old_lines.len());
            match layout.header(&table) {
                Some(header_line) => {
                    let next = layout.headers.iter().map(|(_, l)| *l).filter(|l| *l > header_line).min().unwrap_or(old_lines.len());
                    prop_assert!(at > header_line && at <= next, "key outside its table");
                }
                // Top-level and dotted keys go before the first header.
                None if !created => prop_assert!(at <= first_header, "top-level key after a header"),
                None => prop_assert!(at + inserted.len() + 1 >= new_lines.len(), "new table not at the end"),
            }
        }
    }
}
