//! The self-check: what the block should read back as (the old reading with each edit
//! applied), and the comparison with what the edited text reads as.

use super::read::{crosses_value, lookup, parse_semantic, parse_spanned};
use super::text::closes_front_matter;
use crate::edit::EditError;

/// What the edit should read back as, built on the `toml` crate's reading of the old block.
pub(super) fn expect_set(table: &mut toml::Table, path: &[String], value: toml::Value) -> Result<(), EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table = table;
    for key in parents {
        let entry = table.entry(key.clone()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let toml::Value::Table(inner) = entry else {
            return Err(crosses_value(path));
        };
        table = inner;
    }
    table.insert(last.clone(), value);
    Ok(())
}

/// Removes `path` from what the block should read as; a missing key or parent is no change.
pub(super) fn expect_remove(table: &mut toml::Table, path: &[String]) -> Result<(), EditError> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(());
    };
    let mut table = table;
    for key in parents {
        match table.get_mut(key) {
            Some(toml::Value::Table(inner)) => table = inner,
            Some(_) => return Err(crosses_value(path)),
            None => return Ok(()),
        }
    }
    table.remove(last);
    Ok(())
}

/// Removes the table at `path`, which a removal left empty and pruned from the text.
pub(super) fn expect_prune(table: &mut toml::Table, path: &[String]) -> Result<(), EditError> {
    match lookup(table, path)? {
        Some(toml::Value::Table(inner)) if inner.is_empty() => expect_remove(table, path),
        None => Ok(()),
        Some(_) => Err(EditError(format!("internal: `{}` was removed as empty but is not", path.join(".")))),
    }
}

/// Whether the edited text is still front matter that both parsers read, and reads as expected.
pub(super) fn self_check(text: &str, expected: &toml::Table) -> Result<(), EditError> {
    if closes_front_matter(text) {
        return Err(EditError("the edit would put a `+++` line in the block".into()));
    }
    let actual = parse_semantic(text).map_err(|e| EditError(format!("the edited block would not parse: {}", e.0)))?;
    parse_spanned(text)?;
    if actual != *expected {
        return Err(EditError("the edited block does not read back with the intended values".into()));
    }
    Ok(())
}
