//! Markdown files the writer opens one by one (a file manager's double-click, File › Open File…,
//! a file dropped on the window): each becomes a draft that stays linked to its file, kept in
//! step by the same reconciliation as a drafts folder, with the same no-loss rules.
//!
//! A file's folder is recorded as a folder of opened files (`sync_folders.files_only`), so only
//! the files opened from it are ever read, and no other draft is written there. A file already in
//! a drafts folder is that folder's draft, never a second one.

use std::path::{Path, PathBuf};

use super::ignore::is_synced_markdown;
use super::{Scope, SyncReport};
use crate::placement::{resolved, WorkingFolder};
use crate::{Error, Library, Result};

/// A file the writer opened, and its draft.
#[derive(Debug, Clone)]
pub struct OpenedFile {
    /// The draft that holds the file's text.
    pub slug: String,
    /// The file, canonical.
    pub path: PathBuf,
    /// The folder of opened files to watch for the file's outside edits; None when the file is
    /// in a drafts folder, which is watched as a whole.
    pub watch: Option<PathBuf>,
    /// What reading it did (created, updated from the file, warnings).
    pub report: SyncReport,
}

impl Library {
    /// Opens the Markdown file at `path`: the draft it already is (in a drafts folder, or opened
    /// before, brought up to date with the file), or a new draft read from it and linked to it.
    pub fn open_file(&mut self, path: &Path) -> Result<OpenedFile> {
        let path = path.canonicalize().map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        if !path.is_file() || !is_synced_markdown(&name) {
            return Err(Error::InvalidInput(format!(
                "{} is not a Markdown file (.md or .markdown); other files come in with Import",
                path.display()
            )));
        }
        if let Some(opened) = self.open_in_drafts_folder(&path)? {
            return Ok(opened);
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let folder = self.opened_files_folder(&dir)?;
        let scope = Scope { opened: Some(name.clone()), ..Scope::default() };
        let (report, _) = self.reconcile_folder(&folder, scope)?;
        let slug = self.opened(&dir, &name, &path, &report)?;
        Ok(OpenedFile { slug, path, watch: Some(folder.path().to_path_buf()), report })
    }

    /// The folder of opened files `dir` (canonical), unless it lies in the library's own folder.
    pub(crate) fn opened_files_folder(&self, dir: &Path) -> Result<WorkingFolder> {
        let dir = dir.canonicalize().map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        // Only the files opened are read, so a folder around the library is harmless; one inside
        // it holds the library's own files.
        if dir.starts_with(resolved(self.dir())) {
            return Err(Error::InvalidInput(format!(
                "{} is inside the library's own folder {}; open files kept elsewhere",
                dir.display(),
                self.dir().display()
            )));
        }
        Ok(WorkingFolder::of_opened_files(dir))
    }

    /// A file inside a bound drafts folder is that folder's draft (synced first if it is new).
    fn open_in_drafts_folder(&mut self, path: &Path) -> Result<Option<OpenedFile>> {
        let Some(dir) = self.sync_folders()?.into_iter().rev().find(|dir| path.starts_with(dir)) else {
            return Ok(None);
        };
        let relative = path.strip_prefix(&dir).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let path = path.to_path_buf();
        if let Some(slug) = self.paired_slug(&dir.to_string_lossy(), &relative)? {
            return Ok(Some(OpenedFile { slug, path, watch: None, report: SyncReport::default() }));
        }
        let report = self.sync_folder(&dir)?;
        let slug = self.opened(&dir, &relative, &path, &report)?;
        Ok(Some(OpenedFile { slug, path, watch: None, report }))
    }

    /// The draft paired with the file after reading it, or why reading it made none.
    fn opened(&self, dir: &Path, relative: &str, path: &Path, report: &SyncReport) -> Result<String> {
        self.paired_slug(&dir.to_string_lossy(), relative)?.ok_or_else(|| {
            let why = report.problems.iter().find(|note| note.path == relative).map(|note| note.message.clone());
            Error::Import {
                message: why.unwrap_or_else(|| "could not be read; nothing was changed".to_owned()),
                path: path.to_path_buf(),
            }
        })
    }
}
