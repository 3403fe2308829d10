//! Editing a front matter block in place: only the keys whose values changed are rewritten, each
//! in the file's own style; every other byte (comments, key order, quoting, blank lines) stays.

mod lines;
pub(crate) mod toml;
pub(crate) mod yaml;

/// Where a key lives: top level `["title"]`, or inside a table or mapping `["extra", "subtitle"]`.
pub(crate) type KeyPath = Vec<String>;

/// The value an edit gives a key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NewValue {
    /// Text, numbers, true/false, lists and mappings.
    Json(serde_json::Value),
    /// A date, already written in the text style the file uses (see `dates::restyle`). YAML
    /// writes it as a scalar; TOML as a native datetime, unless the old value was a string.
    Date(String),
}

/// One change to a block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edit {
    /// The key changed.
    pub path: KeyPath,
    /// The new value; `None` removes the key.
    pub value: Option<NewValue>,
}

/// A block that cannot be edited in place (anchors, a key given twice, a top-level flow
/// mapping…): the caller writes the whole block anew instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot edit this front matter in place: {0}")]
pub(crate) struct EditError(pub String);
