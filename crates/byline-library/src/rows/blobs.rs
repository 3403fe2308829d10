//! Blob rows: the stored bytes of images, checked for by hash wherever a row refers to one.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Checks that an asset with this hash is stored; returns the normalized hash.
pub(crate) fn require_blob(conn: &Connection, hash: &str) -> Result<String> {
    let hash = hash.trim().to_ascii_lowercase();
    let found = conn.query_row("SELECT 1 FROM blobs WHERE hash = ?1", [&hash], |_| Ok(())).optional()?;
    found.map(|()| hash.clone()).ok_or(Error::AssetNotFound(hash))
}
