//! Which files in a drafts folder are drafts: Markdown by extension, and not an editor's scratch
//! file.
//!
//! Editors save through temporary files, backups and probes; importing any of them would turn an
//! intermediate state into a draft. Only a settled `*.md` file whose name is none of these counts.

use std::path::Path;

/// Suffixes of temp and backup files: vim swap files, VS Code's atomic-save temp, Chromium's
/// swap file, Kate's swap file, generic `.tmp`/`.bak`.
const TEMP_SUFFIXES: [&str; 9] = [".swp", ".swx", ".swo", ".vsctmp", ".crswap", ".kate-swp", ".tmp", ".bak", "~"];

/// Markers JetBrains IDEs put in their safe-write temp and old-copy names.
const TEMP_MARKERS: [&str; 2] = ["___jb_tmp___", "___jb_old___"];

/// True for a file name an editor (or Byline itself) uses while saving, never for a draft.
///
/// Hidden names cover vim's `.x.md.swp`, emacs's `.#x.md` lock, Zed's and many tools' `.tmpXXXX`
/// and Byline's own `.x.md.byline-tmp-*`; `#x.md#` is emacs's auto-save; `4913` is the file vim
/// creates to test that a folder is writable.
pub(crate) fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || TEMP_SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
        || TEMP_MARKERS.iter().any(|marker| name.contains(marker))
}

/// True when `relative` (a '/'-separated path inside the folder) is a Markdown file that sync
/// mirrors: `.md` (or `.markdown`, which Jekyll sites use), and neither it nor a folder on its
/// way is hidden or an editor's scratch name.
pub(crate) fn is_synced_markdown(relative: &str) -> bool {
    is_markdown_file(Path::new(relative)) && !relative.split('/').any(is_editor_temp)
}

/// The extensions of the Markdown files a drafts folder mirrors and Byline opens: `.md`, and
/// `.markdown`, which Jekyll sites use. The open dialog's filter is generated from this list.
pub const MARKDOWN_EXTENSIONS: [&str; 2] = ["md", "markdown"];

/// True when `path` names a Markdown file by its extension (any case).
pub fn is_markdown_file(path: &Path) -> bool {
    crate::import::has_extension(path, &MARKDOWN_EXTENSIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_scratch_files_are_not_drafts() {
        for name in [
            ".post.md.swp",
            ".post.md.swx",
            "post.md~",
            "4913",
            ".#post.md",
            "#post.md#",
            "post.md___jb_tmp___",
            "post.md___jb_old___",
            "post.md.vsctmp",
            ".post.md.byline-tmp-42",
            ".tmpA1b2C3",
            "post.md.crswap",
        ] {
            assert!(is_editor_temp(name), "{name}");
            assert!(!is_synced_markdown(name), "{name}");
        }
        assert!(is_synced_markdown("post.md"));
        assert!(is_synced_markdown("essays/2024/Post.MD"));
        assert!(is_synced_markdown("_posts/2019-08-14-notes.markdown"));
        assert!(!is_synced_markdown(".git/post.md"));
        assert!(!is_synced_markdown("post.markdown.tmp"));
        assert!(!is_synced_markdown("notes.txt"));
    }
}
