//! A drafts folder that is a static site: its root stands for its content folder, and paths are
//! judged relative to that content.

use std::path::{Path, PathBuf};

use byline_frontmatter::SiteKind;

use super::report::{FileNote, RenamedFile};
use super::scan::{current_hash, hash};
use super::state::Baseline;
use super::write_out::{replace_verified, Expect};
use super::{remove_file, Run};
use crate::draft_file::{file_front, file_text};
use crate::site::Site;
use crate::{Draft, Library, Result, Status};

/// A path relative to the synced folder, as a path relative to the site's content.
pub(super) fn in_content(dir: &Path, site: &Site, path: &str) -> PathBuf {
    let absolute = dir.join(path);
    absolute.strip_prefix(&site.content).map(Path::to_path_buf).unwrap_or_else(|_| PathBuf::from(path))
}

/// Where a Jekyll draft goes once published: out of `_drafts/` into `_posts/`, its name
/// starting with its date as Jekyll wants (`_posts/2024-05-01-slug.md`). `None` for any other
/// draft, or one already in `_posts/`.
pub(super) fn jekyll_post_path(draft: &Draft, path: &str) -> Option<String> {
    let origin = draft.origin.as_ref()?;
    if origin.site != Some(SiteKind::Jekyll) || draft.status != Status::Published {
        return None;
    }
    let parts: Vec<&str> = path.split('/').collect();
    let (name, folders) = parts.split_last()?;
    let drafts_at = folders.iter().position(|folder| *folder == "_drafts")?;
    let date = file_front(draft, &origin.base).date?;
    let mut moved: Vec<String> = folders.iter().map(|f| (*f).to_owned()).collect();
    moved[drafts_at] = "_posts".to_owned();
    moved.push(format!("{}-{name}", date.format("%Y-%m-%d")));
    Some(moved.join("/"))
}

impl Library {
    /// Publishing a Jekyll draft moves its file: written at `target` first, then the old file
    /// removed if it still holds what was read, so a failure midway leaves both, never neither.
    pub(super) fn publish_jekyll_draft(
        &mut self,
        run: &mut Run<'_>,
        draft: &Draft,
        path: &str,
        target: &str,
        file_hash: &str,
    ) -> Result<()> {
        let Some(mut origin) = draft.origin.as_deref().cloned() else { return Ok(()) };
        // The origin's path is the content folder's; the sync folder may be inside it.
        origin.path = format!("{}{target}", origin.path.strip_suffix(path).unwrap_or_default());
        crate::rows::drafts::store_origin(&self.conn, draft.id, Some(&origin))?;
        let moved = Draft { origin: Some(Box::new(origin)), ..draft.clone() };
        let absolute = run.dir.join(target);
        if let Some(parent) = absolute.parent() {
            crate::fs_atomic::create_dir_all(parent)?;
        }
        if !replace_verified(&absolute, Expect::Absent, file_text(&moved).as_bytes())? {
            let message = format!("appeared during the sync; `{}` stays in {path} for now", draft.slug);
            run.report.problems.push(FileNote::new(target, message));
            return Ok(());
        }
        let old = run.dir.join(path);
        if current_hash(&old)?.as_deref() == Some(file_hash) {
            remove_file(&old)?;
        }
        run.claimed.insert(target.to_owned());
        run.report.renamed.push(RenamedFile { from: path.to_owned(), to: target.to_owned(), slug: draft.slug.clone() });
        let text_hash = hash(file_text(&moved).as_bytes());
        self.record(run.key, draft.id, target, &Baseline::Synced(text_hash.clone()), &text_hash)
    }
}
