//! Turns YAML and TOML trees into ordered JSON values, the one shape `read` works on.

use serde_json::{Map, Number, Value};

/// YAML to JSON; non-string keys become their text, tags are dropped, odd floats become text.
pub(crate) fn from_yaml(value: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => yaml_number(&n),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                out.insert(yaml_key(k), from_yaml(v));
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => from_yaml(tagged.value),
    }
}

fn yaml_number(n: &serde_yaml_ng::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::from(i)
    } else if let Some(u) = n.as_u64() {
        Value::from(u)
    } else {
        n.as_f64().and_then(Number::from_f64).map_or_else(|| Value::String(n.to_string()), Value::Number)
    }
}

fn yaml_key(key: serde_yaml_ng::Value) -> String {
    match from_yaml(key) {
        Value::String(s) => s,
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

/// TOML to JSON; datetimes become their TOML text (which `dates::parse_date` understands).
pub(crate) fn from_toml(value: toml::Value) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::String(s),
        T::Integer(i) => Value::from(i),
        T::Float(f) => Number::from_f64(f).map_or_else(|| Value::String(f.to_string()), Value::Number),
        T::Boolean(b) => Value::Bool(b),
        T::Datetime(d) => Value::String(d.to_string()),
        T::Array(items) => Value::Array(items.into_iter().map(from_toml).collect()),
        T::Table(table) => Value::Object(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect()),
    }
}

/// JSON to YAML for writing.
pub(crate) fn to_yaml(value: &Value) -> serde_yaml_ng::Value {
    use serde_yaml_ng::Value as Y;
    match value {
        Value::Null => Y::Null,
        Value::Bool(b) => Y::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Y::from(i)
            } else if let Some(u) = n.as_u64() {
                Y::from(u)
            } else {
                Y::from(n.as_f64().unwrap_or_default())
            }
        }
        Value::String(s) => Y::String(s.clone()),
        Value::Array(items) => Y::Sequence(items.iter().map(to_yaml).collect()),
        Value::Object(map) => Y::Mapping(map.iter().map(|(k, v)| (Y::String(k.clone()), to_yaml(v))).collect()),
    }
}

/// JSON to TOML for writing; TOML has no null, so nulls are left out.
pub(crate) fn to_toml(value: &Value) -> Option<toml::Value> {
    use toml::Value as T;
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => T::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => T::Integer(i),
            None => T::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => T::String(s.clone()),
        Value::Array(items) => T::Array(items.iter().filter_map(to_toml).collect()),
        Value::Object(map) => T::Table(map.iter().filter_map(|(k, v)| Some((k.clone(), to_toml(v)?))).collect()),
    })
}
