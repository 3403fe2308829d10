//! Reading the block: the `toml` crate's reading (what Byline sees) and `toml_edit`'s spanned
//! document (where each piece is), and looking values up by key path.

use toml_edit::Document;

use crate::edit::EditError;

pub(super) fn parse_semantic(text: &str) -> Result<toml::Table, EditError> {
    toml::from_str(text).map_err(|e| EditError(format!("the TOML does not parse: {}", e.message())))
}

pub(super) fn parse_spanned(text: &str) -> Result<Document<&str>, EditError> {
    Document::parse(text).map_err(|e| EditError(format!("the TOML does not parse: {}", e.message())))
}

/// The value at `path`; `Ok(None)` when it or a parent is missing.
pub(super) fn lookup<'a>(table: &'a toml::Table, path: &[String]) -> Result<Option<&'a toml::Value>, EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(None);
    };
    let mut table = table;
    for key in parents {
        match table.get(key) {
            None => return Ok(None),
            Some(toml::Value::Table(inner)) => table = inner,
            Some(_) => return Err(crosses_value(path)),
        }
    }
    Ok(table.get(last))
}

pub(super) fn crosses_value(path: &[String]) -> EditError {
    EditError(format!("`{}` goes through a value that is not a table", path.join(".")))
}

pub(super) fn array_of_tables(path: &[String]) -> EditError {
    EditError(format!("`{}` involves an array of tables", path.join(".")))
}
