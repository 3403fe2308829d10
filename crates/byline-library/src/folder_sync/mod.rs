//! Two-way reconciliation of the library with a folder of Markdown files.
//!
//! Each live draft is mirrored to a `.md` file (Byline front matter + body), normally
//! `<slug>.md`. For every pair the store keeps what both sides looked like at the last
//! reconciliation, so a run can tell which side changed: one side changed → it wins; both
//! changed → the library keeps its text and the file's version becomes a revision (nothing is
//! lost); the file vanished → the draft goes to the trash, and comes back with the file; the
//! same bytes under another name → a rename. Malformed files are reported and left alone.

mod report;
mod scan;
mod state;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use byline_frontmatter::Flavor;
use rusqlite::OptionalExtension;

pub use report::SyncReport;
use scan::{current_hash, hash, scan_folder, FolderFile};
use state::{Baseline, SyncedFile};

use crate::fs_atomic::{create_dir_all, write_atomic};
use crate::import::{prepare_file, MissingImages};
use crate::{Draft, DraftFilter, Error, Library, Result};

/// One reconciliation in progress.
struct Run<'a> {
    dir: &'a Path,
    key: &'a str,
    files: BTreeMap<String, FolderFile>,
    claimed: HashSet<String>,
    report: SyncReport,
}

impl Library {
    /// Reconciles the library and the Markdown files in `dir` once, in both directions.
    pub fn sync_folder(&mut self, dir: &Path) -> Result<SyncReport> {
        let key_of = |dir: &Path| dir.to_string_lossy().into_owned();
        if !dir.exists() && !self.synced_files(&key_of(&canonical_missing(dir)))?.is_empty() {
            return Err(Error::InvalidInput(format!(
                "drafts folder {} is missing (unmounted?); nothing was changed. Mount it, or sync with another folder",
                dir.display()
            )));
        }
        create_dir_all(dir)?;
        let dir = dir.canonicalize().map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
        let key = key_of(&dir);
        self.bind_folder(&key)?;
        let states = self.synced_files(&key)?;
        let files = scan_folder(&dir)?;
        refuse_mass_disappearance(&dir, &states, &files)?;
        let mut run = Run { dir: &dir, key: &key, files, claimed: HashSet::new(), report: SyncReport::default() };

        let mut paired: HashSet<i64> = HashSet::new();
        for state in states {
            if let Some(id) = state.draft_id {
                paired.insert(id);
            }
            self.sync_known_pair(&mut run, state)?;
        }
        for summary in self.list_drafts(&DraftFilter::default())? {
            if !paired.contains(&summary.id) {
                let draft = self.draft(&summary.slug)?;
                self.sync_unpaired_draft(&mut run, &draft)?;
            }
        }
        let unclaimed: Vec<String> = run.files.keys().filter(|p| !run.claimed.contains(*p)).cloned().collect();
        for path in unclaimed {
            self.import_new_file(&mut run, &path)?;
        }
        Ok(run.report)
    }

    /// A pair remembered from an earlier run.
    fn sync_known_pair(&mut self, run: &mut Run<'_>, state: SyncedFile) -> Result<()> {
        let draft = match state.draft_id {
            Some(id) => self.draft_by_id(id)?,
            None => None,
        };
        let Some(draft) = draft else {
            // The draft was destroyed with empty-trash: its unchanged leftover goes too.
            if let Some(file) = run.files.get(&state.path) {
                if Some(file.hash.as_str()) == state.file.hash() || file.hash == state.draft_hash {
                    remove_file(&file.absolute)?;
                    run.claimed.insert(state.path.clone());
                    run.report.removed.push(state.path.clone());
                }
            }
            return self.forget(run.key, &state.path);
        };
        let path = if run.files.contains_key(&state.path) {
            Some(state.path.clone())
        } else {
            let renamed = state.file.hash().and_then(|h| run.find_unclaimed_with_hash(h));
            if let Some(new_path) = &renamed {
                run.report.renamed.push((state.path.clone(), new_path.clone()));
            }
            renamed
        };
        let Some(path) = path else {
            return self.file_missing(run, &draft, &state);
        };
        run.claimed.insert(path.clone());
        let file_hash = run.files.get(&path).map(|f| f.hash.clone()).unwrap_or_default();
        match (draft.trashed_at.is_some(), &state.file) {
            (true, Baseline::RemovedForTrash) if file_hash == state.draft_hash => {
                self.remove_for_trash(run, &draft, &path, &state.draft_hash)
            }
            (true, Baseline::Synced(old)) if &file_hash == old => self.remove_for_trash(run, &draft, &path, &state.draft_hash),
            (true, Baseline::Vanished(old)) => {
                // The file is back (a git checkout, an editor's save-by-rename): so is its draft.
                self.untrash_draft(&draft.slug)?;
                let draft = self.draft(&draft.slug)?;
                self.reconcile(run, &draft, Some(old), &state.draft_hash, &path)
            }
            (true, _) => {
                run.report.problems.push(format!(
                    "{path}: changed, but its draft `{}` is in the trash; `byline untrash {}` to sync it",
                    draft.slug, draft.slug
                ));
                Ok(())
            }
            (false, baseline) => self.reconcile(run, &draft, baseline.hash(), &state.draft_hash, &path),
        }
    }

    /// A live or trashed draft whose file is gone.
    fn file_missing(&mut self, run: &mut Run<'_>, draft: &Draft, state: &SyncedFile) -> Result<()> {
        match (draft.trashed_at.is_some(), &state.file) {
            (true, _) => Ok(()),
            // Untrashed in the library since its file was removed: write it back.
            (false, Baseline::RemovedForTrash | Baseline::Vanished(_)) => self.write_draft_file(run, draft, &state.path),
            (false, Baseline::Synced(old)) => {
                self.trash_draft(&draft.slug)?;
                run.report.trashed.push(format!("{} ({})", draft.slug, state.path));
                self.record(run.key, draft.id, &state.path, &Baseline::Vanished(old.clone()), &state.draft_hash)
            }
        }
    }

    /// A draft the folder has never seen: pair it with `<slug>.md` if that holds it, else write one.
    fn sync_unpaired_draft(&mut self, run: &mut Run<'_>, draft: &Draft) -> Result<()> {
        if draft.trashed_at.is_some() {
            return Ok(());
        }
        let path = format!("{}.md", draft.slug);
        if run.files.contains_key(&path) && !run.claimed.contains(&path) {
            run.claimed.insert(path.clone());
            return self.reconcile(run, draft, None, "", &path);
        }
        let path = run.free_path(&draft.slug);
        self.write_draft_file(run, draft, &path)
    }

    /// Brings a live draft and its file in line, by which side changed since the baseline.
    fn reconcile(&mut self, run: &mut Run<'_>, draft: &Draft, file_before: Option<&str>, draft_before: &str, path: &str) -> Result<()> {
        let Some(file) = run.files.get(path) else { return Ok(()) };
        let (file_hash, absolute) = (file.hash.clone(), file.absolute.clone());
        let text = draft_file_text(draft);
        let draft_hash = hash(text.as_bytes());
        if file_hash == draft_hash {
            return self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &draft_hash);
        }
        let file_changed = file_before != Some(file_hash.as_str());
        let library_changed = draft_hash != draft_before;
        match (file_changed, library_changed) {
            (false, false) => Ok(()),
            (false, true) => {
                // Re-read right before writing: an edit made since the scan must not be lost.
                if current_hash(&absolute)?.as_deref() != Some(file_hash.as_str()) {
                    run.report.problems.push(format!("{path}: changed during the sync; it will be picked up next time"));
                    return Ok(());
                }
                write_atomic(&absolute, text.as_bytes())?;
                run.report.written.push(path.to_owned());
                self.record(run.key, draft.id, path, &Baseline::Synced(draft_hash.clone()), &draft_hash)
            }
            (true, false) => {
                let Some(prepared) = run.prepare(path, &absolute) else { return Ok(()) };
                let updated = self.apply_prepared(&draft.slug, prepared)?;
                run.report.updated.push(path.to_owned());
                let updated_hash = hash(draft_file_text(&updated).as_bytes());
                self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &updated_hash)
            }
            (true, true) => self.keep_both(run, draft, path, &absolute),
        }
    }

    /// Both sides changed: the file's version enters the history, then the library's text is
    /// restored on top of it and written out. Nothing is lost; the writer is told where it is.
    fn keep_both(&mut self, run: &mut Run<'_>, draft: &Draft, path: &str, absolute: &Path) -> Result<()> {
        let Some(prepared) = run.prepare(path, absolute) else { return Ok(()) };
        let before = self.history(&draft.slug)?.first().map(|r| r.id);
        self.apply_prepared(&draft.slug, prepared)?;
        let external = self.history(&draft.slug)?.first().map(|r| r.id).unwrap_or_default();
        let current = match before {
            Some(id) => self.restore_revision(&draft.slug, id)?,
            None => self.draft(&draft.slug)?,
        };
        let text = draft_file_text(&current);
        write_atomic(absolute, text.as_bytes())?;
        run.report.conflicts.push(format!("{path} (the file's version is revision {external} of `{}`)", draft.slug));
        let text_hash = hash(text.as_bytes());
        self.record(run.key, draft.id, path, &Baseline::Synced(text_hash.clone()), &text_hash)
    }

    fn remove_for_trash(&mut self, run: &mut Run<'_>, draft: &Draft, path: &str, draft_hash: &str) -> Result<()> {
        if let Some(file) = run.files.get(path) {
            remove_file(&file.absolute)?;
        }
        run.report.removed.push(path.to_owned());
        self.record(run.key, draft.id, path, &Baseline::RemovedForTrash, draft_hash)
    }

    fn write_draft_file(&mut self, run: &mut Run<'_>, draft: &Draft, path: &str) -> Result<()> {
        let text = draft_file_text(draft);
        let absolute = run.dir.join(path);
        if let Some(parent) = absolute.parent() {
            create_dir_all(parent)?;
        }
        write_atomic(&absolute, text.as_bytes())?;
        run.claimed.insert(path.to_owned());
        run.report.written.push(path.to_owned());
        let text_hash = hash(text.as_bytes());
        self.record(run.key, draft.id, path, &Baseline::Synced(text_hash.clone()), &text_hash)
    }

    fn import_new_file(&mut self, run: &mut Run<'_>, path: &str) -> Result<()> {
        let Some(file) = run.files.get(path) else { return Ok(()) };
        let (file_hash, absolute) = (file.hash.clone(), file.absolute.clone());
        let Some(prepared) = run.prepare(path, &absolute) else { return Ok(()) };
        match self.import_one(prepared) {
            Ok(draft) => {
                run.report.created.push(format!("{path} -> {}", draft.slug));
                let draft_hash = hash(draft_file_text(&draft).as_bytes());
                self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &draft_hash)
            }
            Err(err) => {
                run.report.problems.push(format!("{path}: {err}"));
                Ok(())
            }
        }
    }

    fn draft_by_id(&self, id: i64) -> Result<Option<Draft>> {
        let slug: Option<String> =
            self.conn.query_row("SELECT slug FROM drafts WHERE id = ?1", [id], |row| row.get(0)).optional()?;
        slug.map(|slug| self.draft(&slug)).transpose()
    }
}

impl Run<'_> {
    fn find_unclaimed_with_hash(&self, file_hash: &str) -> Option<String> {
        self.files
            .iter()
            .find(|(path, file)| file.hash == file_hash && !self.claimed.contains(*path))
            .map(|(path, _)| path.clone())
    }

    /// `<slug>.md`, or `<slug>-2.md`, … : never a path another draft or file already uses.
    fn free_path(&self, slug: &str) -> String {
        let taken = |path: &String| self.claimed.contains(path) || self.files.contains_key(path) || self.dir.join(path).exists();
        let mut path = format!("{slug}.md");
        let mut n = 2;
        while taken(&path) {
            path = format!("{slug}-{n}.md");
            n += 1;
        }
        path
    }

    /// Reads and parses a file; a malformed one is reported and skipped (None).
    fn prepare(&mut self, path: &str, absolute: &Path) -> Option<crate::import::PreparedFile> {
        match prepare_file(absolute, None, MissingImages::Tolerate) {
            Ok(prepared) => {
                self.report.problems.extend(prepared.warnings.iter().cloned());
                Some(prepared)
            }
            Err(err) => {
                self.report.problems.push(format!("{path}: {err}"));
                None
            }
        }
    }
}

/// A folder that lost every synced file at once is far more likely unmounted or half-synced
/// than deliberately emptied; trashing every draft would be the wrong answer.
fn refuse_mass_disappearance(dir: &Path, states: &[SyncedFile], files: &BTreeMap<String, FolderFile>) -> Result<()> {
    let live = states.iter().filter(|s| matches!(s.file, Baseline::Synced(_)) && s.draft_id.is_some()).count();
    if live >= 2 && files.is_empty() {
        return Err(Error::InvalidInput(format!(
            "{} holds none of the {live} drafts synced with it (unmounted or emptied?); nothing was changed. \
             If you deleted them on purpose, move the drafts to the trash with `byline trash`",
            dir.display()
        )));
    }
    Ok(())
}

/// The canonical path a missing folder would have: its parent resolved, its name appended.
fn canonical_missing(dir: &Path) -> std::path::PathBuf {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    match (absolute.parent().and_then(|p| p.canonicalize().ok()), absolute.file_name()) {
        (Some(parent), Some(name)) => parent.join(name),
        _ => absolute,
    }
}

/// The file a draft is mirrored to: Byline front matter, then the body.
pub fn draft_file_text(draft: &Draft) -> String {
    byline_frontmatter::write(&crate::publish::front_matter_of(draft), &draft.body, Flavor::Byline)
}

fn remove_file(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(Error::Io { path: path.to_path_buf(), source: err }),
        _ => Ok(()),
    }
}
