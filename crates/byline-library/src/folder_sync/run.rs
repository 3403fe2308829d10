//! One reconciliation in progress: the folder's files as scanned, which of them drafts have
//! claimed, and where a draft new to the folder goes.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::report::FileNote;
use super::report::SyncReport;
use super::scan::{current_hash, FolderFile};
use crate::import::{prepare_file, FileContext, MissingImages, PreparedFile};
use crate::site::Site;
use crate::Draft;

/// One reconciliation in progress.
pub(super) struct Run<'a> {
    pub(super) dir: &'a Path,
    pub(super) key: &'a str,
    pub(super) files: BTreeMap<String, FolderFile>,
    pub(super) claimed: HashSet<String>,
    pub(super) unsettled: HashSet<String>,
    pub(super) confirmed_missing: Option<HashSet<String>>,
    /// Paths left for later: too young, or missing but not yet confirmed.
    pub(super) deferred: Vec<String>,
    pub(super) report: SyncReport,
    /// The site the folder is (or is in), whose conventions its files follow.
    pub(super) site: Option<Site>,
    /// A folder of opened files rather than a drafts folder.
    pub(super) files_only: bool,
}

impl Run<'_> {
    pub(super) fn find_unclaimed_with_hash(&self, file_hash: &str) -> Option<String> {
        self.files
            .iter()
            .find(|(path, file)| file.hash == file_hash && !self.claimed.contains(*path))
            .map(|(path, _)| path.clone())
    }

    /// `<folder><slug>.md`, or `<folder><slug>-2.md`, … : never a path another draft or file
    /// already uses.
    pub(super) fn free_path(&self, folder: &str, slug: &str) -> String {
        let taken = |path: &String| {
            self.claimed.contains(path) || self.files.contains_key(path) || self.dir.join(path).exists()
        };
        let mut path = format!("{folder}{slug}.md");
        let mut n = 2;
        while taken(&path) {
            path = format!("{folder}{slug}-{n}.md");
            n += 1;
        }
        path
    }

    /// Where a draft new to the folder goes: in a site, where the site expects it (Hugo's and
    /// Zola's main section; Jekyll's `_drafts/`, or `_posts/` with its date once published);
    /// elsewhere, the folder itself.
    pub(super) fn new_draft_folder(&self, draft: &Draft) -> String {
        let Some(site) = &self.site else { return String::new() };
        let inside = self.dir.strip_prefix(&site.content).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
        match site.kind {
            byline_frontmatter::SiteKind::Jekyll if !inside.is_empty() => String::new(),
            byline_frontmatter::SiteKind::Jekyll if draft.status == crate::Status::Published => {
                let date = draft.published.unwrap_or(draft.created).format("%Y-%m-%d");
                format!("_posts/{date}-")
            }
            byline_frontmatter::SiteKind::Jekyll => "_drafts/".to_owned(),
            _ if inside.is_empty() => format!("{}/", site.main_section),
            _ => String::new(),
        }
    }

    /// Reads and parses a file; a malformed one is reported and skipped (None), and so is one
    /// that no longer holds the version scanned (`expected_hash`), which is read when it settles.
    pub(super) fn prepare(&mut self, path: &str, absolute: &Path, expected_hash: &str) -> Option<PreparedFile> {
        match prepare_file(
            absolute,
            None,
            MissingImages::Tolerate,
            FileContext { site: self.site.as_ref(), ..FileContext::default() },
        ) {
            Ok(_) if current_hash(absolute).ok().flatten().as_deref() != Some(expected_hash) => {
                self.report
                    .problems
                    .push(FileNote::new(path, "changed while it was read; it will be picked up next time"));
                None
            }
            Ok(prepared) => {
                self.report.warnings.extend(prepared.warnings.iter().map(|w| FileNote::new(path, w.detail())));
                Some(prepared)
            }
            Err(issue) => {
                self.report.problems.push(FileNote::new(path, issue.detail()));
                None
            }
        }
    }
}
