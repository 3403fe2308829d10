//! The property: on generated blocks in many styles, one edit changes only the lines of its
//! entry, and the result reads back as the old values with that edit applied.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::edit::yaml::apply;
use crate::edit::yaml::expect::{json_remove, json_set, parse_map};
use crate::edit::{Edit, NewValue};

#[derive(Debug, Clone)]
enum Style0 {
    Plain(String),
    Single(String),
    Double(String),
    Flow(Vec<String>, bool),
    List(Vec<String>, usize),
    Number(i64),
    Nested(String, String),
    Folded(Vec<String>),
    Literal(Vec<String>),
    Empty,
    Tilde,
    Date,
}

#[derive(Debug, Clone)]
struct GenEntry {
    key: String,
    style: Style0,
    comment: bool,
    before: Vec<String>,
}

const POOL: [&str; 10] =
    ["title", "date", "draft", "tags", "categories", "summary", "weight", "slug", "author", "series"];

fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,6}( [a-z0-9]{1,5}){0,2}"
}
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,12}",
        "[a-zé✓日 ]{1,10}",
        word(),
        Just("yes".to_owned()),
        Just("null".to_owned()),
        Just("1.0".to_owned()),
        Just("2024-05-01".to_owned()),
        Just("a: b".to_owned()),
        Just("#x".to_owned()),
        Just(" lead".to_owned()),
        Just("line one\nline two".to_owned()),
        Just("ends\n".to_owned()),
        Just("tab\there".to_owned()),
        Just("it's \"q\"".to_owned()),
    ]
}

fn style() -> impl Strategy<Value = Style0> {
    let printable = "[ -~éü✓]{0,10}";
    prop_oneof![
        word().prop_map(Style0::Plain),
        printable.prop_map(Style0::Single),
        printable.prop_map(Style0::Double),
        (prop::collection::vec(word(), 0..4), any::<bool>()).prop_map(|(w, q)| Style0::Flow(w, q)),
        (prop::collection::vec(word(), 1..4), prop_oneof![Just(0usize), Just(2usize)])
            .prop_map(|(w, i)| Style0::List(w, i)),
        any::<i64>().prop_map(Style0::Number),
        (word(), word()).prop_map(|(a, b)| Style0::Nested(a, b)),
        prop::collection::vec(word(), 1..3).prop_map(Style0::Folded),
        prop::collection::vec(word(), 1..3).prop_map(Style0::Literal),
        Just(Style0::Empty),
        Just(Style0::Tilde),
        Just(Style0::Date),
    ]
}

fn entries() -> impl Strategy<Value = Vec<GenEntry>> {
    let extra = prop_oneof![
        3 => Just(Vec::new()),
        1 => Just(vec![String::new()]),
        1 => Just(vec!["# a note".to_owned()]),
        1 => Just(vec![String::new(), "  # indented note".to_owned()]),
    ];
    prop::sample::subsequence(POOL.to_vec(), 1..6).prop_shuffle().prop_flat_map(move |keys| {
        let n = keys.len();
        prop::collection::vec((style(), any::<bool>(), extra.clone()), n).prop_map(move |parts| {
            keys.iter()
                .zip(parts)
                .map(|(key, (style, comment, before))| GenEntry { key: (*key).to_owned(), style, comment, before })
                .collect()
        })
    })
}

/// The block's lines (without endings) and each entry's first and last line, and the last
/// line a removal takes (comments indented under the entry go with it).
fn lay_out(entries: &[GenEntry], header: bool, footer: bool) -> (Vec<String>, Vec<(usize, usize, usize)>) {
    let mut lines = Vec::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    if header {
        lines.push("# front matter".to_owned());
    }
    let mut after_block_scalar = false;
    for e in entries {
        // After a block scalar an indented `#` line is more of its text, not a comment.
        let before = e.before.iter().map(|l| if after_block_scalar { l.trim_start() } else { l });
        lines.extend(before.map(str::to_owned));
        if let Some(span) = spans.last_mut().filter(|_| lines.last().is_some_and(|l| l.starts_with("  #"))) {
            span.2 = lines.len() - 1;
        }
        after_block_scalar = matches!(e.style, Style0::Folded(_) | Style0::Literal(_));
        let start = lines.len();
        let note = if e.comment { " # note" } else { "" };
        let k = &e.key;
        match &e.style {
            Style0::Plain(w) => lines.push(format!("{k}: {w}{note}")),
            Style0::Single(s) => lines.push(format!("{k}: '{}'{note}", s.replace('\'', "''"))),
            Style0::Double(s) => {
                lines.push(format!("{k}: \"{}\"{note}", s.replace('\\', "\\\\").replace('"', "\\\"")));
            }
            Style0::Flow(items, quoted) => {
                let items: Vec<String> =
                    items.iter().map(|w| if *quoted { format!("\"{w}\"") } else { w.clone() }).collect();
                lines.push(format!("{k}: [{}]{note}", items.join(", ")));
            }
            Style0::List(items, indent) => {
                lines.push(format!("{k}:{note}"));
                lines.extend(items.iter().map(|w| format!("{}- {w}", " ".repeat(*indent))));
            }
            Style0::Number(n) => lines.push(format!("{k}: {n}{note}")),
            Style0::Nested(a, b) => {
                lines.push(format!("{k}:"));
                lines.push(format!("  name: {a}"));
                lines.push(format!("  url: {b}{note}"));
            }
            Style0::Folded(parts) => {
                lines.push(format!("{k}: >-{note}"));
                lines.extend(parts.iter().map(|w| format!("  {w}")));
            }
            Style0::Literal(parts) => {
                lines.push(format!("{k}: |{note}"));
                lines.extend(parts.iter().map(|w| format!("    {w}")));
            }
            Style0::Empty => lines.push(format!("{k}:{note}")),
            Style0::Tilde => lines.push(format!("{k}: ~{note}")),
            Style0::Date => lines.push(format!("{k}: 2018-01-02 11:21:40 +0100{note}")),
        }
        spans.push((start, lines.len() - 1, lines.len() - 1));
    }
    if footer {
        lines.push(String::new());
        lines.push("# end".to_owned());
    }
    (lines, spans)
}

#[derive(Debug, Clone)]
enum Op {
    Set(prop::sample::Index, NewValue),
    Add(NewValue),
    Remove(prop::sample::Index),
    /// Sets or removes `url` inside the first nested mapping, if there is one.
    Nested(Option<NewValue>),
}

fn new_value() -> impl Strategy<Value = NewValue> {
    prop_oneof![
        4 => any_text().prop_map(|s| NewValue::Json(Value::String(s))),
        2 => prop::collection::vec(any_text(), 0..4).prop_map(|v| NewValue::Json(json!(v))),
        1 => any::<i32>().prop_map(|n| NewValue::Json(json!(n))),
        1 => any::<bool>().prop_map(|b| NewValue::Json(json!(b))),
        1 => Just(NewValue::Json(json!({"name": "N", "tags": ["x"]}))),
        1 => prop_oneof![Just("2019-03-04 05:06:07 +0100"), Just("2024-05-01"), Just("2023-01-29 18:30:22 2023 -0800")]
            .prop_map(|d| NewValue::Date(d.to_owned())),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), new_value()).prop_map(|(i, v)| Op::Set(i, v)),
        1 => new_value().prop_map(Op::Add),
        1 => any::<prop::sample::Index>().prop_map(Op::Remove),
        1 => prop::option::of(new_value()).prop_map(Op::Nested),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn one_edit_touches_only_its_entry(
        entries in entries(),
        header in any::<bool>(),
        footer in any::<bool>(),
        crlf in any::<bool>(),
        op in op(),
    ) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let (lines, spans) = lay_out(&entries, header, footer);
        let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
        prop_assert_eq!(apply(&block, &[]), Ok(block.clone()));
        let mut expected = parse_map(&block).unwrap();

        let (edit, (start, end)) = match &op {
            Op::Set(i, v) => {
                let i = i.index(entries.len());
                (Edit { path: vec![entries[i].key.clone()], value: Some(v.clone()) }, (spans[i].0, spans[i].1))
            }
            Op::Remove(i) => {
                let i = i.index(entries.len());
                (Edit { path: vec![entries[i].key.clone()], value: None }, (spans[i].0, spans[i].2))
            }
            Op::Nested(v) => {
                let Some(i) = entries.iter().position(|e| matches!(e.style, Style0::Nested(..))) else {
                    return Ok(());
                };
                let url = spans[i].0 + 2;
                (Edit { path: vec![entries[i].key.clone(), "url".to_owned()], value: v.clone() }, (url, url))
            }
            Op::Add(v) => {
                let at = spans.last().map_or(0, |s| s.1 + 1);
                (Edit { path: vec!["added".to_owned()], value: Some(v.clone()) }, (at, at.wrapping_sub(1)))
            }
        };
        let out = apply(&block, std::slice::from_ref(&edit));
        prop_assert!(out.is_ok(), "{:?} on {:?}: {:?}", edit, block, out);
        let out = out.unwrap();

        let before: Vec<&str> = block.split_inclusive('\n').collect();
        let after: Vec<&str> = out.split_inclusive('\n').collect();
        let kept_tail = &before[end.wrapping_add(1)..];
        prop_assert_eq!(&after[..start], &before[..start], "{}", out);
        prop_assert!(after.len() >= start + kept_tail.len(), "{}", out);
        prop_assert_eq!(&after[after.len() - kept_tail.len()..], kept_tail, "{}", out);
        let changed = &after[start..after.len() - kept_tail.len()];
        match &edit.value {
            None => prop_assert!(changed.is_empty(), "{}", out),
            Some(_) => prop_assert!(!changed.is_empty() && changed.iter().all(|l| l.ends_with(eol)), "{}", out),
        }

        match &edit.value {
            Some(v) => json_set(&mut expected, &edit.path, v),
            None => json_remove(&mut expected, &edit.path),
        }
        prop_assert_eq!(parse_map(&out).unwrap(), expected);
    }
}
