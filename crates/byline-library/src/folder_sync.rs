//! Two-way reconciliation of the library with a folder of Markdown files.
//!
//! Each live draft is `<slug>.md` (Byline front matter + body). For every pair the store keeps
//! the hashes both sides had at the last reconciliation, so a run can tell which side changed:
//! one side changed → it wins; both changed → the library keeps its text and the file's version
//! becomes a revision (nothing is lost); the file vanished → the draft goes to the trash; the
//! same bytes under another name → a rename. Malformed files are reported and skipped.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use byline_frontmatter::Flavor;
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use crate::fs_atomic::{create_dir_all, write_atomic};
use crate::store::fmt_time;
use crate::{Draft, DraftFilter, Error, Library, Result};

/// What one reconciliation did, one entry per file.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SyncReport {
    /// Files written from library changes.
    pub written: Vec<String>,
    /// Drafts updated from file changes.
    pub updated: Vec<String>,
    /// New drafts made from new files.
    pub created: Vec<String>,
    /// Drafts moved to the trash because their file was deleted.
    pub trashed: Vec<String>,
    /// Files removed because their draft is in the trash.
    pub removed: Vec<String>,
    /// Files that were renamed or moved (old → new).
    pub renamed: Vec<(String, String)>,
    /// Both sides changed: the library kept its text, the file's version became a revision.
    pub conflicts: Vec<String>,
    /// Files that could not be read, with the reason; they were left alone.
    pub problems: Vec<String>,
}

impl SyncReport {
    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }

    /// One human-readable line per event.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut push = |label: &str, items: &[String]| lines.extend(items.iter().map(|i| format!("{label} {i}")));
        push("wrote", &self.written);
        push("updated from file:", &self.updated);
        push("new draft from", &self.created);
        push("moved to trash (file deleted):", &self.trashed);
        push("removed file of trashed draft:", &self.removed);
        push("conflict, both versions kept:", &self.conflicts);
        push("skipped", &self.problems);
        lines.extend(self.renamed.iter().map(|(from, to)| format!("renamed {from} -> {to}")));
        lines
    }
}

/// One pair as it was at the last reconciliation.
struct SyncedFile {
    draft_id: i64,
    path: String,
    file_hash: String,
    draft_hash: String,
}

/// A file in the folder.
struct FolderFile {
    hash: String,
    absolute: PathBuf,
}

const TRASHED: &str = "";

impl Library {
    /// Reconciles the library and the Markdown files in `dir` once, in both directions.
    pub fn sync_folder(&mut self, dir: &Path) -> Result<SyncReport> {
        create_dir_all(dir)?;
        let dir = dir.canonicalize().map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let key = dir.to_string_lossy().into_owned();
        self.bind_folder(&key)?;
        let mut files = scan_folder(&dir)?;
        let mut report = SyncReport::default();
        let mut claimed: HashSet<String> = HashSet::new();
        let mut synced_drafts: HashSet<i64> = HashSet::new();

        for state in self.synced_files(&key)? {
            synced_drafts.insert(state.draft_id);
            let Some(draft) = self.draft_by_id(state.draft_id)? else { continue };
            let path = match files.get(&state.path) {
                Some(_) => state.path.clone(),
                None => match find_renamed(&files, &claimed, &state.file_hash) {
                    Some(new_path) if state.file_hash != TRASHED => {
                        report.renamed.push((state.path.clone(), new_path.clone()));
                        new_path
                    }
                    _ => {
                        self.file_missing(&dir, &key, &draft, &state, &mut report)?;
                        continue;
                    }
                },
            };
            claimed.insert(path.clone());
            if let Some(file) = files.remove(&path) {
                self.reconcile_pair(&key, &draft, &state, &path, &file, &mut report)?;
            }
        }

        for summary in self.list_drafts(&DraftFilter::default())? {
            if synced_drafts.contains(&summary.id) {
                continue;
            }
            let draft = self.draft(&summary.slug)?;
            let path = format!("{}.md", draft.slug);
            match files.remove(&path) {
                Some(file) if !claimed.contains(&path) => {
                    claimed.insert(path.clone());
                    let baseline = SyncedFile { draft_id: draft.id, path: path.clone(), file_hash: String::new(), draft_hash: String::new() };
                    self.reconcile_pair(&key, &draft, &baseline, &path, &file, &mut report)?;
                }
                _ => self.write_draft_file(&dir, &key, &draft, &path, &mut report)?,
            }
        }

        for (path, file) in files {
            if !claimed.contains(&path) {
                self.import_new_file(&key, &path, &file, &mut report)?;
            }
        }
        Ok(report)
    }

    /// Brings one file/draft pair in line, according to which side changed since `state`.
    fn reconcile_pair(
        &mut self,
        key: &str,
        draft: &Draft,
        state: &SyncedFile,
        path: &str,
        file: &FolderFile,
        report: &mut SyncReport,
    ) -> Result<()> {
        let text = draft_file_text(draft);
        let draft_hash = hash(text.as_bytes());
        if draft.trashed_at.is_some() {
            if file.hash == state.file_hash || state.file_hash == TRASHED {
                remove_file(&file.absolute)?;
                report.removed.push(path.to_owned());
                return self.record(key, draft.id, path, TRASHED, &draft_hash);
            }
            report.problems.push(format!("{path}: changed, but its draft `{}` is in the trash; untrash it to sync", draft.slug));
            return Ok(());
        }
        let file_changed = file.hash != state.file_hash;
        let library_changed = draft_hash != state.draft_hash;
        if file.hash == draft_hash {
            return self.record(key, draft.id, path, &file.hash, &draft_hash);
        }
        match (file_changed, library_changed) {
            (false, false) => Ok(()),
            (false, true) => {
                write_atomic(&file.absolute, text.as_bytes())?;
                report.written.push(path.to_owned());
                self.record(key, draft.id, path, &draft_hash, &draft_hash)
            }
            (true, false) => match crate::import::prepare_file(&file.absolute, None) {
                Ok(prepared) => {
                    let updated = self.apply_prepared(&draft.slug, prepared)?;
                    report.updated.push(path.to_owned());
                    self.record(key, draft.id, path, &file.hash, &hash(draft_file_text(&updated).as_bytes()))
                }
                Err(err) => {
                    report.problems.push(err.to_string());
                    Ok(())
                }
            },
            (true, true) => {
                let prepared = match crate::import::prepare_file(&file.absolute, None) {
                    Ok(prepared) => prepared,
                    Err(err) => {
                        report.problems.push(err.to_string());
                        return Ok(());
                    }
                };
                // Keep both: the file's version enters the history, then the library's own
                // text is restored on top of it as the current version.
                let before = self.history(&draft.slug)?.first().map(|r| r.id);
                self.apply_prepared(&draft.slug, prepared)?;
                let current = match before {
                    Some(id) => self.restore_revision(&draft.slug, id)?,
                    None => self.draft(&draft.slug)?,
                };
                let text = draft_file_text(&current);
                write_atomic(&file.absolute, text.as_bytes())?;
                let newest = self.history(&draft.slug)?;
                let external = newest.get(1).map(|r| r.id).unwrap_or_default();
                report.conflicts.push(format!("{path} (the file's version is revision {external} of `{}`)", draft.slug));
                let text_hash = hash(text.as_bytes());
                self.record(key, draft.id, path, &text_hash, &text_hash)
            }
        }
    }

    /// A synced draft's file is gone: a delete (trash the draft) or an untrash (write it back).
    fn file_missing(&mut self, dir: &Path, key: &str, draft: &Draft, state: &SyncedFile, report: &mut SyncReport) -> Result<()> {
        match (draft.trashed_at.is_some(), state.file_hash == TRASHED) {
            (true, _) => Ok(()),
            (false, true) => self.write_draft_file(dir, key, draft, &state.path, report),
            (false, false) => {
                self.trash_draft(&draft.slug)?;
                report.trashed.push(format!("{} ({})", draft.slug, state.path));
                self.record(key, draft.id, &state.path, TRASHED, &state.draft_hash)
            }
        }
    }

    fn write_draft_file(&mut self, dir: &Path, key: &str, draft: &Draft, path: &str, report: &mut SyncReport) -> Result<()> {
        if draft.trashed_at.is_some() {
            return Ok(());
        }
        let text = draft_file_text(draft);
        let absolute = dir.join(path);
        if let Some(parent) = absolute.parent() {
            create_dir_all(parent)?;
        }
        write_atomic(&absolute, text.as_bytes())?;
        report.written.push(path.to_owned());
        let text_hash = hash(text.as_bytes());
        self.record(key, draft.id, path, &text_hash, &text_hash)
    }

    fn import_new_file(&mut self, key: &str, path: &str, file: &FolderFile, report: &mut SyncReport) -> Result<()> {
        let prepared = match crate::import::prepare_file(&file.absolute, None) {
            Ok(prepared) => prepared,
            Err(err) => {
                report.problems.push(err.to_string());
                return Ok(());
            }
        };
        let draft = match self.import_one(prepared) {
            Ok(draft) => draft,
            Err(err) => {
                report.problems.push(err.to_string());
                return Ok(());
            }
        };
        report.created.push(format!("{path} -> {}", draft.slug));
        let draft_hash = hash(draft_file_text(&draft).as_bytes());
        self.record(key, draft.id, path, &file.hash, &draft_hash)
    }

    fn bind_folder(&mut self, key: &str) -> Result<()> {
        let now = fmt_time(self.now());
        self.conn.execute(
            "INSERT INTO sync_folders (dir, bound_at) VALUES (?1, ?2) ON CONFLICT(dir) DO NOTHING",
            (key, now),
        )?;
        Ok(())
    }

    /// Folders this library has been synced with.
    pub fn sync_folders(&self) -> Result<Vec<PathBuf>> {
        let mut stmt = self.conn.prepare("SELECT dir FROM sync_folders ORDER BY bound_at")?;
        let dirs = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(dirs.into_iter().map(PathBuf::from).collect())
    }

    fn synced_files(&self, key: &str) -> Result<Vec<SyncedFile>> {
        let mut stmt = self.conn.prepare(
            "SELECT draft_id, path, file_hash, draft_hash FROM sync_files WHERE dir = ?1 ORDER BY path",
        )?;
        let rows = stmt.query_map([key], |row| {
            Ok(SyncedFile { draft_id: row.get(0)?, path: row.get(1)?, file_hash: row.get(2)?, draft_hash: row.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn record(&mut self, key: &str, draft_id: i64, path: &str, file_hash: &str, draft_hash: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO sync_files (dir, draft_id, path, file_hash, draft_hash) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(dir, draft_id) DO UPDATE SET path = ?3, file_hash = ?4, draft_hash = ?5",
            (key, draft_id, path, file_hash, draft_hash),
        )?;
        Ok(())
    }

    fn draft_by_id(&self, id: i64) -> Result<Option<Draft>> {
        let slug: Option<String> =
            self.conn.query_row("SELECT slug FROM drafts WHERE id = ?1", [id], |row| row.get(0)).optional()?;
        slug.map(|slug| self.draft(&slug)).transpose()
    }
}

/// The file a draft is mirrored to: Byline front matter, then the body.
pub fn draft_file_text(draft: &Draft) -> String {
    byline_frontmatter::write(&crate::publish::front_matter_of(draft), &draft.body, Flavor::Byline)
}

fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Markdown files under `dir` (hidden entries and our own temp files skipped), by relative path.
fn scan_folder(dir: &Path) -> Result<BTreeMap<String, FolderFile>> {
    let mut files = BTreeMap::new();
    let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|entry| {
        entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
    });
    for entry in walker {
        let entry = entry.map_err(|err| Error::Import {
            path: err.path().unwrap_or(dir).to_path_buf(),
            message: format!("cannot be read: {err}"),
        })?;
        let is_markdown = entry.path().extension().is_some_and(|ext| ext.eq_ignore_ascii_case("md"));
        if !entry.file_type().is_file() || !is_markdown {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|source| Error::Io { path: entry.path().to_path_buf(), source })?;
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        files.insert(relative, FolderFile { hash: hash(&bytes), absolute: entry.into_path() });
    }
    Ok(files)
}

fn find_renamed(files: &BTreeMap<String, FolderFile>, claimed: &HashSet<String>, file_hash: &str) -> Option<String> {
    files.iter().find(|(path, file)| file.hash == file_hash && !claimed.contains(*path)).map(|(path, _)| path.clone())
}

fn remove_file(path: &Path) -> Result<()> {
    std::fs::remove_file(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })
}

