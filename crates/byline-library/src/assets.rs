//! Assets: image bytes stored once per sha256, and the paths by which drafts refer to them.

use rusqlite::{Connection, Row};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{Asset, DraftAsset};
use crate::rows::blobs::require_blob;
use crate::rows::drafts::{find_draft, find_live_draft};
use crate::store::{fmt_time, row_or, usize_col, Library};

impl Library {
    /// Stores image bytes (PNG, JPEG, GIF, WebP, SVG or AVIF, recognised by content) once per hash.
    /// Adding the same bytes again returns the asset already stored.
    pub fn add_asset(&mut self, bytes: &[u8], file_name: &str) -> Result<Asset> {
        let file_name = file_name.trim();
        let mime = sniff_mime(bytes).ok_or_else(|| Error::UnsupportedAsset {
            file_name: file_name.to_string(),
            reason: if bytes.is_empty() { "the file is empty" } else { "its content is not a known image format" }
                .to_string(),
        })?;
        let hash = format!("{:x}", Sha256::digest(bytes));
        let now = self.now();
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT OR IGNORE INTO blobs (hash, mime, size, file_name, data, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![hash, mime, bytes.len() as i64, file_name, bytes, fmt_time(now)],
        )?;
        let asset = find_asset(&tx, &hash)?;
        tx.commit()?;
        Ok(asset)
    }

    /// Records that a live draft's Markdown refers to asset `hash` as `path_in_body` (e.g. `images/a.png`);
    /// attaching another asset at the same path replaces the link.
    pub fn attach_asset(&mut self, draft_slug: &str, path_in_body: &str, hash: &str) -> Result<()> {
        let path = clean_asset_path(path_in_body)?;
        let tx = self.write_tx()?;
        let draft = find_live_draft(&tx, draft_slug)?;
        let hash = require_blob(&tx, hash)?;
        tx.execute(
            "INSERT INTO draft_assets (draft_id, path, hash) VALUES (?1, ?2, ?3)
             ON CONFLICT (draft_id, path) DO UPDATE SET hash = excluded.hash",
            (draft.id, &path, &hash),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The assets a draft refers to, by path.
    pub fn draft_assets(&self, draft_slug: &str) -> Result<Vec<DraftAsset>> {
        let draft = find_draft(&self.conn, draft_slug)?;
        let mut stmt = self.conn.prepare(
            "SELECT da.path, b.hash, b.mime, b.size, b.file_name FROM draft_assets da JOIN blobs b ON b.hash = da.hash
             WHERE da.draft_id = ?1 ORDER BY da.path",
        )?;
        let rows =
            stmt.query_map([draft.id], |row| Ok(DraftAsset { path: row.get(0)?, asset: asset_from_row(row, 1)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The asset with this hash.
    pub fn asset(&self, hash: &str) -> Result<Asset> {
        find_asset(&self.conn, &hash.trim().to_ascii_lowercase())
    }

    /// The bytes of the asset with this hash.
    pub fn asset_bytes(&self, hash: &str) -> Result<Vec<u8>> {
        let hash = hash.trim().to_ascii_lowercase();
        row_or(self.conn.query_row("SELECT data FROM blobs WHERE hash = ?1", [&hash], |row| row.get(0)), || {
            Error::AssetNotFound(hash.clone())
        })
    }
}

fn find_asset(conn: &Connection, hash: &str) -> Result<Asset> {
    row_or(
        conn.query_row("SELECT hash, mime, size, file_name FROM blobs WHERE hash = ?1", [hash], |row| {
            asset_from_row(row, 0)
        }),
        || Error::AssetNotFound(hash.to_string()),
    )
}

fn asset_from_row(row: &Row<'_>, start: usize) -> rusqlite::Result<Asset> {
    Ok(Asset {
        hash: row.get(start)?,
        mime: row.get(start + 1)?,
        size: usize_col(row, start + 2)?,
        file_name: row.get(start + 3)?,
    })
}

/// Normalizes a relative path as written in Markdown; refuses absolute paths and `..`.
fn clean_asset_path(path: &str) -> Result<String> {
    let relative = crate::assets_scan::normalize_reference(path);
    // `..` is allowed: the path is only a lookup key for the reference in the Markdown, and
    // every writer of asset files (export, sync) chooses its own safe file names.
    let bad = relative.is_empty()
        || relative.starts_with('/')
        || relative.contains(':')
        || relative.split('/').any(str::is_empty);
    if bad {
        return Err(Error::InvalidInput(format!(
            "asset path `{path}` must be a relative path inside the draft, like `images/photo.png`"
        )));
    }
    Ok(relative)
}

/// The image formats Byline stores, each with the extension its files are written with.
const IMAGE_EXTENSIONS: &[(&str, &str)] = &[
    ("image/png", "png"),
    ("image/jpeg", "jpg"),
    ("image/gif", "gif"),
    ("image/webp", "webp"),
    ("image/avif", "avif"),
    ("image/svg+xml", "svg"),
];

/// The file extension for a stored image's MIME type (as [`sniff_mime`] names it).
pub fn extension_for_mime(mime: &str) -> Option<&'static str> {
    IMAGE_EXTENSIONS.iter().find(|(known, _)| *known == mime).map(|(_, extension)| *extension)
}

/// The bytes as a `data:<mime>;base64,…` URL, for a page or a preview that carries its images.
pub fn data_url(mime: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Recognises the supported image formats from their first bytes.
pub fn sniff_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("image/webp");
    }
    if is_avif(bytes) {
        return Some("image/avif");
    }
    if is_svg(bytes) {
        return Some("image/svg+xml");
    }
    None
}

/// AVIF is an ISO-BMFF `ftyp` box whose major or compatible brands include `avif`/`avis`.
fn is_avif(bytes: &[u8]) -> bool {
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    let box_len = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = box_len.clamp(16, bytes.len());
    let major = &bytes[8..12];
    let compatible = bytes[16..end].chunks_exact(4);
    std::iter::once(major).chain(compatible).any(|brand| brand == b"avif" || brand == b"avis")
}

/// SVG is text whose first markup (after an optional BOM, XML declaration, comments or doctype)
/// leads to an `<svg` element near the start.
fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let Ok(text) = std::str::from_utf8(head).or_else(|e| std::str::from_utf8(&head[..e.valid_up_to()])) else {
        return false;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<') && text.contains("<svg")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn asset_paths_are_relative_lookup_keys() {
        assert_eq!(clean_asset_path(" ./images/a.png ").unwrap(), "images/a.png");
        assert_eq!(clean_asset_path("../shared/a%20b.png").unwrap(), "../shared/a b.png");
        for bad in ["", "/etc/passwd", "a//b.png", "C:/x.png", "https://x.org/a.png"] {
            assert!(clean_asset_path(bad).is_err(), "{bad}");
        }
    }
}
