//! Reading the drafts folder: which Markdown files it holds, and their content hashes.

use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// A Markdown file in the folder.
pub(super) struct FolderFile {
    pub(super) hash: String,
    pub(super) absolute: PathBuf,
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

/// `.md` files under `dir` by relative path ('/'-separated); hidden entries (including our own
/// temp files) are skipped, and so is a file that vanishes while we look.
pub(super) fn scan_folder(dir: &Path) -> Result<BTreeMap<String, FolderFile>> {
    let mut files = BTreeMap::new();
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|entry| {
        entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
    });
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
        let is_markdown = entry.path().extension().is_some_and(|ext| ext.eq_ignore_ascii_case("md"));
        if !entry.file_type().is_file() || !is_markdown {
            continue;
        }
        let Some(file_hash) = current_hash(entry.path())? else { continue };
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        files.insert(relative, FolderFile { hash: file_hash, absolute: entry.into_path() });
    }
    Ok(files)
}
