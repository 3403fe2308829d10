//! What the block reads as, before and after: the YAML reader's view as JSON values, and the
//! edits applied to that view. The self-check compares the edited text's reading with it.

use serde_json::{Map, Value};
use serde_yaml_ng::Value as Y;

use super::err;
use crate::edit::{EditError, NewValue};
use crate::value::from_yaml;

/// The block's mapping as Byline reads it; an empty block is an empty mapping.
pub(super) fn parse_map(text: &str) -> Result<Map<String, Value>, EditError> {
    let parsed: Y = serde_yaml_ng::from_str(text).map_err(|e| err(format!("invalid YAML: {e}")))?;
    match from_yaml(parsed) {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(err("the block is not a mapping")),
    }
}

/// Sets `path` to `value`, creating (or replacing with) mappings along the way, as the editor
/// creates missing parents.
pub(super) fn json_set(map: &mut Map<String, Value>, path: &[String], value: &NewValue) {
    let Some((leaf, parents)) = path.split_last() else {
        return;
    };
    let mut map = map;
    for key in parents {
        let slot = map.entry(key.clone()).or_insert(Value::Null);
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        let Value::Object(next) = slot else { return };
        map = next;
    }
    let value = match value {
        NewValue::Json(v) => v.clone(),
        NewValue::Date(text) => Value::String(text.clone()),
    };
    map.insert(leaf.clone(), value);
}

pub(super) fn json_remove(map: &mut Map<String, Value>, path: &[String]) {
    match path {
        [] => {}
        [key] => drop(map.shift_remove(key)),
        [key, rest @ ..] => {
            if let Some(Value::Object(child)) = map.get_mut(key) {
                json_remove(child, rest);
            }
        }
    }
}
