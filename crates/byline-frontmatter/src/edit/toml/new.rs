//! The value an edit gives, decided for TOML: JSON becomes TOML's kinds (nulls inside lists and
//! tables left out), and a date becomes a native datetime or a string.

use super::read::lookup;
use crate::edit::{Edit, EditError, NewValue};

/// A new value, with a `NewValue::Date` already decided between datetime and string.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum New {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// The text as given, and how the `toml` crate reads it (for the self-check).
    Datetime(String, toml::value::Datetime),
    Array(Vec<New>),
    Table(Vec<(String, New)>),
}

/// The edit's value as TOML will hold it; `None` for a removal (or a null).
pub(super) fn resolve(edit: &Edit, current: &toml::Table) -> Result<Option<New>, EditError> {
    Ok(match &edit.value {
        None => None,
        Some(NewValue::Json(json)) => from_json(json),
        Some(NewValue::Date(text)) => {
            let old_is_string = matches!(lookup(current, &edit.path)?, Some(toml::Value::String(_)));
            match native_datetime(text) {
                Some(datetime) if !old_is_string => Some(New::Datetime(text.trim().to_owned(), datetime)),
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
        J::Object(map) => New::Table(map.iter().filter_map(|(k, v)| Some((k.clone(), from_json(v)?))).collect()),
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

pub(super) fn to_toml(value: &New) -> toml::Value {
    match value {
        New::Str(s) => toml::Value::String(s.clone()),
        New::Int(i) => toml::Value::Integer(*i),
        New::Float(f) => toml::Value::Float(*f),
        New::Bool(b) => toml::Value::Boolean(*b),
        New::Datetime(_, datetime) => toml::Value::Datetime(*datetime),
        New::Array(items) => toml::Value::Array(items.iter().map(to_toml).collect()),
        New::Table(entries) => toml::Value::Table(entries.iter().map(|(k, v)| (k.clone(), to_toml(v))).collect()),
    }
}
