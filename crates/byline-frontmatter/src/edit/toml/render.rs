//! A new value as TOML text in the style of the value it replaces: the same quotes for text,
//! the old array's layout (see `array`), plain numbers, booleans and datetimes.

use std::ops::Range;

use toml_edit::{Key, Value};

use super::new::New;
use super::strings::{basic, literal, multi_basic, multi_literal};
use super::text::closes_front_matter;

/// Writes new values in the style of the block's old ones.
pub(super) struct Renderer<'t> {
    /// The block the old values' spans point into.
    pub(super) text: &'t str,
    /// The line ending for line breaks inside new values.
    pub(super) le: &'t str,
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
    pub(super) fn render(&self, new: &New, old: Option<&Value>, old_value: Option<&toml::Value>) -> String {
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
                    let items: Vec<String> = items.iter().map(|i| self.render(i, None, None)).collect();
                    format!("[{}]", items.join(", "))
                }
            },
            New::Table(entries) if entries.is_empty() => "{}".to_owned(),
            New::Table(entries) => {
                let entries: Vec<String> =
                    entries.iter().map(|(k, v)| format!("{} = {}", key_text(k), self.render(v, None, None))).collect();
                format!("{{ {} }}", entries.join(", "))
            }
        }
    }

    pub(super) fn raw(&self, span: Option<Range<usize>>) -> Option<&str> {
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
        let multi_ok = s.contains('\n') && !closes_front_matter(s);
        match quotes {
            Quotes::Basic => basic(s),
            Quotes::Literal => literal(s).unwrap_or_else(|| basic(s)),
            Quotes::MultiBasic if multi_ok => multi_basic(s, opening, self.le),
            Quotes::MultiBasic => basic(s),
            Quotes::MultiLiteral if multi_ok => {
                multi_literal(s, opening, self.le).unwrap_or_else(|| multi_basic(s, opening, self.le))
            }
            Quotes::MultiLiteral => literal(s).unwrap_or_else(|| basic(s)),
        }
    }
}

/// A key as TOML writes it: bare when it can be, else quoted.
pub(super) fn key_text(key: &str) -> String {
    Key::new(key).display_repr().into_owned()
}
