//! One edit: compare with the current value, plan the splices (or one edit per key for an
//! object set on a table), apply them, and drop the tables a removal left empty.

use std::ops::Range;

use toml_edit::{Document, Item, Value};

use super::add::addition;
use super::doc::{span_of, walk};
use super::new::{to_toml, New};
use super::prune::prune_ancestors;
use super::read::{array_of_tables, lookup, parse_semantic, parse_spanned};
use super::remove::removal;
use super::render::Renderer;
use super::text::{line_ending_at, splice};
use crate::edit::{EditError, KeyPath};

/// One edit on `text`, which is parsed again each time, so the spans always describe it.
pub(super) fn apply_one(
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
        (Item::Table(table), New::Table(_)) => Ok(Plan::PerKey(table.iter().map(|(k, _)| k.to_owned()).collect())),
        (Item::Value(Value::InlineTable(table)), New::Table(_)) if !table.is_dotted() => {
            Ok(Plan::PerKey(table.iter().map(|(k, _)| k.to_owned()).collect()))
        }
        (Item::Value(Value::InlineTable(_)), _) if is_dotted_inline(item) => {
            Err(EditError(format!("`{}` is made of dotted keys inside an inline table", path.join("."))))
        }
        (Item::Value(value), _) => {
            let span = span_of(value.span())?;
            let renderer = Renderer { text, le: line_ending_at(text, span.start) };
            let rendered = renderer.render(new, Some(value), old);
            Ok(Plan::Splices(vec![(span, rendered)]))
        }
        (Item::Table(_), _) => {
            Err(EditError(format!("`{}` is a table and cannot become a single value in place", path.join("."))))
        }
        (Item::ArrayOfTables(_), _) => Err(array_of_tables(path)),
        (Item::None, _) => Ok(Plan::Splices(Vec::new())),
    }
}

fn is_dotted_inline(item: &Item) -> bool {
    matches!(item, Item::Value(Value::InlineTable(table)) if table.is_dotted())
}
