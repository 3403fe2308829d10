//! A drafts folder that is a static site: its root stands for its content folder, and paths are
//! judged relative to that content.

use std::path::{Path, PathBuf};

use crate::site::Site;

/// A site's root stands for its content folder (Hugo's and Zola's `content/`): Byline works
/// inside the content and never touches the config, themes or templates beside it.
pub fn content_folder(dir: PathBuf) -> PathBuf {
    match Site::at_root(&dir) {
        Some(site) if site.content.is_dir() => site.content.canonicalize().unwrap_or(site.content),
        _ => dir,
    }
}

/// A path relative to the synced folder, as a path relative to the site's content.
pub(super) fn in_content(dir: &Path, site: &Site, path: &str) -> PathBuf {
    let absolute = dir.join(path);
    absolute.strip_prefix(&site.content).map(Path::to_path_buf).unwrap_or_else(|_| PathBuf::from(path))
}

