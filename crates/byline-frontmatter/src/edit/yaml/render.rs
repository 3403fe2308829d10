//! A new value as YAML lines, in the style of the value it replaces (see the module docs of
//! `edit::yaml` for the rules), or in the file's own layout where there is no old value.

use serde_json::{Map, Value};

use super::scalar::{block_scalar, double, plain_ok, single, unprintable};
use super::style::{Old, Style};
use crate::edit::NewValue;

/// `key: inline` at `indent`, without a trailing space when the value starts on the next line.
pub(super) fn entry_line(indent: usize, key: &str, inline: &str) -> String {
    let sep = if inline.is_empty() { "" } else { " " };
    format!("{}{key}:{sep}{inline}", " ".repeat(indent))
}

/// A new value as its text on the key line and the lines that follow it.
pub(super) fn render(
    value: &NewValue,
    old: &Old,
    indent: usize,
    style: &Style,
    block_ok: bool,
) -> (String, Vec<String>) {
    match value {
        NewValue::Date(text) => render_str(text, old, indent, style, true, block_ok),
        NewValue::Json(Value::String(s)) => render_str(s, old, indent, style, false, block_ok),
        NewValue::Json(v) => render_json(v, old, indent, style),
    }
}

fn render_json(v: &Value, old: &Old, indent: usize, style: &Style) -> (String, Vec<String>) {
    let inline = |text: &str| (text.to_owned(), Vec::new());
    match v {
        Value::String(s) => render_str(s, old, indent, style, false, false),
        Value::Null => inline(match old {
            Old::Empty => "",
            Old::Plain(p) if p == "~" => "~",
            _ => "null",
        }),
        Value::Bool(_) | Value::Number(_) => inline(&v.to_string()),
        Value::Array(items) if items.is_empty() => inline("[]"),
        Value::Object(map) if map.is_empty() => inline("{}"),
        Value::Array(items) => match old {
            Old::Flow { pad, sep, quote } if items.iter().all(|i| !i.is_array() && !i.is_object()) => {
                let inner: Vec<String> = items.iter().map(|i| item_text(i, *quote, true)).collect();
                let pad = if *pad { " " } else { "" };
                inline(&format!("[{pad}{}{pad}]", inner.join(sep)))
            }
            Old::Seq { dash, quote } => (String::new(), seq_lines(items, *dash, *quote, style)),
            _ => (String::new(), seq_lines(items, indent + style.seq, None, style)),
        },
        Value::Object(map) => {
            let child = match old {
                Old::Map { child } => *child,
                _ => indent + style.unit,
            };
            (String::new(), map_lines(map, child, style))
        }
    }
}

fn render_str(s: &str, old: &Old, indent: usize, style: &Style, date: bool, block_ok: bool) -> (String, Vec<String>) {
    let block = match old {
        _ if !block_ok => None,
        Old::Block { literal, keep, content } => Some((*literal, *keep, content.filter(|c| *c > indent))),
        Old::Plain(_) | Old::Single if s.contains('\n') => Some((true, false, None)),
        _ => None,
    };
    if let Some((literal, keep, content)) = block {
        let content = content.unwrap_or(indent + style.unit);
        if let Some(out) = block_scalar(s, literal, keep, content, indent) {
            return out;
        }
    }
    let text = match old {
        Old::Double => double(s),
        Old::Single if !s.chars().any(unprintable) => single(s),
        Old::Single => double(s),
        _ if plain_ok(s, false, !date) => s.to_owned(),
        _ => double(s),
    };
    (text, Vec::new())
}

fn seq_lines(items: &[Value], dash: usize, quote: Option<char>, style: &Style) -> Vec<String> {
    let pad = " ".repeat(dash);
    let mut out = Vec::new();
    for item in items {
        let nested = match item {
            Value::Array(a) if !a.is_empty() => seq_lines(a, dash + 2, quote, style),
            Value::Object(m) if !m.is_empty() => map_lines(m, dash + 2, style),
            _ => vec![format!("  {}", item_text(item, quote, false))],
        };
        for (i, line) in nested.into_iter().enumerate() {
            out.push(if i == 0 { format!("{pad}- {}", line.trim_start()) } else { line });
        }
    }
    out
}

fn map_lines(map: &Map<String, Value>, indent: usize, style: &Style) -> Vec<String> {
    let mut out = Vec::new();
    for (key, v) in map {
        let (inline, cont) = render_json(v, &Old::Empty, indent, style);
        out.push(entry_line(indent, &key_text(key), &inline));
        out.extend(cont);
    }
    out
}

fn item_text(v: &Value, quote: Option<char>, flow: bool) -> String {
    match v {
        Value::String(s) if plain_ok(s, flow, true) => s.clone(),
        Value::String(s) if quote == Some('\'') && !s.chars().any(unprintable) => single(s),
        Value::String(s) => double(s),
        other => other.to_string(),
    }
}

/// A key as written on a new line: plain when safe, else double-quoted.
pub(super) fn key_text(key: &str) -> String {
    if plain_ok(key, false, true) {
        key.to_owned()
    } else {
        double(key)
    }
}
