//! Writing a draft's file and images into the folder without ever overwriting an edit we have
//! not seen.
//!
//! A file is replaced only if it still holds what the caller last read: the new text is staged
//! in a hidden temp file and fsynced first, the file is re-hashed, and only then renamed over it,
//! so the window in which an external save could slip in is a hash and a rename, not an fsync.
//!
//! Images: a draft's assets are written beside its file, at the relative path its Markdown uses
//! (`![chart](post.assets/chart.png)` → `<folder>/post.assets/chart.png`), so the file renders in
//! any editor and a re-import finds them. New images get per-draft paths (`<slug>.assets/<name>`)
//! so drafts never share a name. Only safe paths are written (no `..`, not absolute, nothing
//! hidden, not Markdown); an image file that already exists is left alone: the folder's copy wins.

use std::fs::File;
use std::io::Write;
use std::path::{Component, Path};

use super::scan::current_hash;
use crate::fs_atomic::{create_dir_all, write_atomic};
use crate::{Error, Library, Result};

/// What the file at a path must hold for it to be replaced.
pub(super) enum Expect<'a> {
    /// Nothing: the path must be free.
    Absent,
    /// Exactly these bytes (by sha256 hex).
    Hash(&'a str),
}

/// Replaces `path` with `bytes` if it still matches `expect`; Ok(false) (and nothing written)
/// when it changed meanwhile.
pub(super) fn replace_verified(path: &Path, expect: Expect<'_>, bytes: &[u8]) -> Result<bool> {
    let io = |source| Error::Io { path: path.to_path_buf(), source };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.byline-tmp-{}", std::process::id()));
    let staged = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(source) = staged {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(source));
    }
    let now = current_hash(path)?;
    let unchanged = match expect {
        Expect::Absent => now.is_none(),
        Expect::Hash(hash) => now.as_deref() == Some(hash),
    };
    if !unchanged {
        let _ = std::fs::remove_file(&tmp);
        return Ok(false);
    }
    let committed = std::fs::rename(&tmp, path).and_then(|()| File::open(dir)?.sync_all());
    if committed.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    committed.map_err(io)?;
    Ok(true)
}

impl Library {
    /// Writes the images of draft `slug` beside its file at `file`; returns one line per image
    /// written or skipped, for the report.
    pub(super) fn write_draft_images(&self, slug: &str, file: &Path) -> Result<(Vec<String>, Vec<String>)> {
        let (mut written, mut skipped) = (Vec::new(), Vec::new());
        let base = file.parent().unwrap_or(Path::new("."));
        for linked in self.draft_assets(slug)? {
            let Some(relative) = safe_image_path(&linked.path) else {
                skipped.push(format!(
                    "image `{}` of `{slug}`: its path leaves the drafts folder, so it stays in the library only",
                    linked.path
                ));
                continue;
            };
            let target = base.join(relative);
            if target.exists() {
                continue;
            }
            if let Some(parent) = target.parent() {
                create_dir_all(parent)?;
            }
            write_atomic(&target, &self.asset_bytes(&linked.asset.hash)?)?;
            written.push(target.strip_prefix(base).unwrap_or(&target).to_string_lossy().replace('\\', "/"));
        }
        Ok((written, skipped))
    }
}

/// The asset path as a relative path that stays inside the folder, or None.
fn safe_image_path(path: &str) -> Option<&Path> {
    let relative = Path::new(path);
    let inside = relative.components().all(|c| match c {
        Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    let markdown = relative.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
    (inside && !markdown && !path.contains(':') && !path.is_empty()).then_some(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_what_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        assert!(replace_verified(&path, Expect::Absent, b"one").unwrap());
        assert!(!replace_verified(&path, Expect::Absent, b"two").unwrap(), "an existing file is never clobbered");
        let one = super::super::scan::hash(b"one");
        std::fs::write(&path, b"edited outside").unwrap();
        assert!(!replace_verified(&path, Expect::Hash(&one), b"three").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"edited outside");
        let edited = super::super::scan::hash(b"edited outside");
        assert!(replace_verified(&path, Expect::Hash(&edited), b"four").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"four");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temp file is left");
    }

    #[test]
    fn image_paths_stay_inside_the_folder() {
        assert!(safe_image_path("post.assets/chart.png").is_some());
        assert!(safe_image_path("chart.png").is_some());
        for bad in ["../x.png", "/etc/x.png", "a/../../x.png", ".hidden/x.png", "x.md", "C:/x.png", ""] {
            assert!(safe_image_path(bad).is_none(), "{bad}");
        }
    }
}
