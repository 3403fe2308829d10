//! Reading the drafts folder: which Markdown files it holds, and their content hashes.

use std::collections::{BTreeMap, HashMap};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::ignore::{is_editor_temp, is_synced_markdown};
use crate::{Error, Result};

/// A Markdown file in the folder.
pub(super) struct FolderFile {
    pub(super) hash: String,
    pub(super) absolute: PathBuf,
    /// Last modification time, when the file system has one.
    pub(super) modified: Option<SystemTime>,
}

/// Hashes of files seen by earlier scans, by relative path, reused while size and mtime are
/// unchanged: a watch reconciles often, and re-reading every file each time would not scale.
/// The watcher forgets a path on every event for it, and a periodic rescan forgets everything,
/// so a same-size rewrite within one mtime tick cannot hide for long.
#[derive(Debug, Default)]
pub(crate) struct HashCache {
    seen: HashMap<String, (u64, Option<SystemTime>, String)>,
}

impl HashCache {
    /// Forgets `relative` and everything under it.
    pub(crate) fn forget(&mut self, relative: &str) {
        let prefix = format!("{relative}/");
        self.seen.retain(|path, _| path != relative && !path.starts_with(&prefix));
    }

    /// Forgets every file.
    pub(crate) fn clear(&mut self) {
        self.seen.clear();
    }
}

/// Hex sha256 of `bytes`.
pub(super) fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of the file at `path` now, or None if it is gone.
pub(super) fn current_hash(path: &Path) -> Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(hash(&bytes))),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { path: path.to_path_buf(), source }),
    }
}

/// `.md` files under `dir` by relative path ('/'-separated); hidden entries and editors' temp
/// files (including our own) are skipped, and so is a file that vanishes while we look.
pub(super) fn scan_folder(dir: &Path, mut cache: Option<&mut HashCache>) -> Result<BTreeMap<String, FolderFile>> {
    let mut files = BTreeMap::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_editor_temp(&entry.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) if err.io_error().is_some_and(|e| e.kind() == ErrorKind::NotFound) => continue,
            Err(err) => {
                return Err(Error::Import {
                    path: err.path().unwrap_or(dir).to_path_buf(),
                    message: format!("cannot be read: {err}"),
                })
            }
        };
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        if !entry.file_type().is_file() || !is_synced_markdown(&relative) {
            continue;
        }
        let file_hash = match cache.as_deref_mut() {
            Some(cache) => cached_hash(cache, &relative, entry.path())?,
            None => current_hash(entry.path())?,
        };
        let Some(file_hash) = file_hash else { continue };
        let modified = entry.metadata().ok().and_then(|meta| meta.modified().ok());
        files.insert(relative, FolderFile { hash: file_hash, absolute: entry.into_path(), modified });
    }
    if let Some(cache) = cache {
        cache.seen.retain(|path, _| files.contains_key(path));
    }
    Ok(files)
}

/// The files among `relative` paths in `dir` that exist now, read like [`scan_folder`]'s.
pub(super) fn scan_listed(
    dir: &Path,
    relative: impl IntoIterator<Item = String>,
    mut cache: Option<&mut HashCache>,
) -> Result<BTreeMap<String, FolderFile>> {
    let mut files = BTreeMap::new();
    for relative in relative {
        let absolute = dir.join(&relative);
        let file_hash = match cache.as_deref_mut() {
            Some(cache) => cached_hash(cache, &relative, &absolute)?,
            None => current_hash(&absolute)?,
        };
        let Some(file_hash) = file_hash else { continue };
        let modified = std::fs::metadata(&absolute).ok().and_then(|meta| meta.modified().ok());
        files.insert(relative, FolderFile { hash: file_hash, absolute, modified });
    }
    if let Some(cache) = cache {
        cache.seen.retain(|path, _| files.contains_key(path));
    }
    Ok(files)
}

fn cached_hash(cache: &mut HashCache, relative: &str, path: &Path) -> Result<Option<String>> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path: path.to_path_buf(), source }),
    };
    let (len, mtime) = (meta.len(), meta.modified().ok());
    if let Some((seen_len, seen_mtime, seen_hash)) = cache.seen.get(relative) {
        if *seen_len == len && *seen_mtime == mtime && mtime.is_some() {
            return Ok(Some(seen_hash.clone()));
        }
    }
    let fresh = current_hash(path)?;
    if let Some(fresh) = &fresh {
        cache.seen.insert(relative.to_owned(), (len, mtime, fresh.clone()));
    }
    Ok(fresh)
}
