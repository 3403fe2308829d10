//! Two-way reconciliation of the library with a folder of Markdown files.
//!
//! Each live draft is mirrored to a `.md` file (Byline front matter + body), normally
//! `<slug>.md`. For every pair the store keeps what both sides looked like at the last
//! reconciliation, so a run can tell which side changed: one side changed → it wins; both
//! changed → the library keeps its text and the file's version becomes a revision (nothing is
//! lost); the file vanished → the draft goes to the trash, and comes back with the file; the
//! same bytes under another name → a rename. Malformed files are reported and left alone.
//!
//! Work is committed in batches of [`BATCH`] pairs, each one transaction: a draft is read and
//! changed under the write lock (another process cannot slip an edit in between), and a first
//! sync of thousands of files does not pay one fsync per file.

mod ignore;
mod opened;
mod report;
mod run;
mod scan;
mod settle;
mod site_layout;
mod state;
mod watch;
mod write_out;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::{Duration, SystemTime};

use rusqlite::OptionalExtension;

pub use ignore::{is_markdown_file, MARKDOWN_EXTENSIONS};
pub use opened::OpenedFile;
pub use report::{Conflict, DraftFile, FileNote, RenamedFile, SyncReport};
use run::Run;
pub(crate) use scan::HashCache;
use scan::{hash, scan_folder, scan_listed, FolderFile};
use site_layout::{in_content, jekyll_post_path};
use state::{Baseline, SyncedFile};
pub use watch::{FolderWatcher, WatchOptions};
use write_out::{replace_verified, Expect};

use crate::draft_file::{file_front, file_text};
use crate::fs_atomic::create_dir_all;
use crate::placement::{resolved, WorkingFolder};
use crate::site::Site;
use crate::{Draft, DraftFilter, Error, Library, Result};

/// Pairs reconciled per transaction.
const BATCH: usize = 256;

/// The draft-side hash recorded when the library's text could not be written out: it matches
/// no text, so the next run sees the library as changed and writes (or keeps) it then.
const UNCONFIRMED: &str = "";

/// What a reconciliation may touch.
#[derive(Default)]
pub(crate) struct Scope<'a> {
    /// Paths still being written: left alone this time, neither read nor treated as deleted.
    pub(crate) unsettled: HashSet<String>,
    /// Hashes from earlier scans, reused while size and mtime are unchanged.
    pub(crate) cache: Option<&'a mut HashCache>,
    /// Files modified less than this long ago are left alone like unsettled ones: an editor may
    /// still be writing them and their events may not have arrived yet.
    pub(crate) min_age: Option<Duration>,
    /// When set, a synced file found missing trashes its draft only if its path is in here (it
    /// was seen missing for a whole settle window): a delete-then-create save passes through
    /// "missing", possibly before its events arrive. Others are deferred, not trashed.
    pub(crate) confirmed_missing: Option<HashSet<String>>,
    /// In a folder of opened files: a file just opened, read (and imported) with the known ones.
    pub(crate) opened: Option<String>,
}

impl Library {
    /// Reconciles the library and the Markdown files in `dir` once, in both directions.
    pub fn sync_folder(&mut self, dir: &Path) -> Result<SyncReport> {
        let folder = self.chosen_drafts_folder(dir)?;
        Ok(self.reconcile_folder(&folder, Scope::default())?.0)
    }

    /// The drafts folder for a `dir` the writer chose, placement checked: refused when it is gone
    /// while files are known in it (an unmounted disk must not read as every file deleted).
    pub(crate) fn chosen_drafts_folder(&self, dir: &Path) -> Result<WorkingFolder> {
        self.refuse_missing_folder(dir)?;
        self.drafts_folder(dir)
    }

    fn refuse_missing_folder(&self, dir: &Path) -> Result<()> {
        if !dir.exists() && !self.synced_files(&resolved(dir).to_string_lossy())?.is_empty() {
            return Err(Error::InvalidInput(format!(
                "drafts folder {} is missing (unmounted?); nothing was changed. Mount it, or sync with another folder",
                dir.display()
            )));
        }
        Ok(())
    }

    /// Reconciles `folder` once, leaving `scope.unsettled` paths alone; also returns the paths
    /// deferred for being too young or not confirmed missing, to be looked at again once settled.
    pub(crate) fn reconcile_folder(
        &mut self,
        folder: &WorkingFolder,
        scope: Scope<'_>,
    ) -> Result<(SyncReport, Vec<String>)> {
        // It may have gone since it was chosen.
        self.refuse_missing_folder(folder.path())?;
        let dir = folder.path().to_path_buf();
        let files_only = folder.files_only();
        if !files_only {
            create_dir_all(&dir)?;
        }
        let key = dir.to_string_lossy().into_owned();
        self.bind_folder(&key, files_only)?;
        let states = self.synced_files(&key)?;
        let site = Site::containing(&dir);
        let mut files = if files_only {
            // Only the files the writer opened: never the rest of the folder they happen to be in.
            let listed = states.iter().map(|state| state.path.clone()).chain(scope.opened);
            scan_listed(&dir, listed, scope.cache)?
        } else {
            scan_folder(&dir, scope.cache)?
        };
        if let Some(site) = site.as_ref().filter(|_| !files_only) {
            // Only the site's pages: never its layouts, includes or build output.
            files.retain(|path, _| site.is_content(&in_content(&dir, site, path)));
        }
        refuse_mass_disappearance(&dir, &states, &files)?;
        let young = young_files(&files, scope.min_age);
        let mut unsettled = scope.unsettled;
        unsettled.extend(young.iter().cloned());
        let mut run = Run {
            dir: &dir,
            key: &key,
            files,
            claimed: unsettled.clone(),
            unsettled,
            confirmed_missing: scope.confirmed_missing,
            deferred: young,
            report: SyncReport::default(),
            site,
            files_only,
        };

        let paired: HashSet<i64> = states.iter().filter_map(|s| s.draft_id).collect();
        for batch in states.chunks(BATCH) {
            self.atomically(|library| {
                batch.iter().try_for_each(|state| library.sync_known_pair(&mut run, state.clone()))
            })?;
        }
        // Every draft gets a file in a drafts folder; none is written among the opened files.
        let unpaired: Vec<String> = if files_only {
            Vec::new()
        } else {
            self.list_drafts(&DraftFilter::default())?
                .into_iter()
                .filter(|summary| !paired.contains(&summary.id))
                .map(|summary| summary.slug)
                .collect()
        };
        for batch in unpaired.chunks(BATCH) {
            self.atomically(|library| {
                batch.iter().try_for_each(|slug| {
                    let draft = library.draft(slug)?;
                    library.sync_unpaired_draft(&mut run, &draft)
                })
            })?;
        }
        let unclaimed: Vec<String> = run.files.keys().filter(|p| !run.claimed.contains(*p)).cloned().collect();
        for batch in unclaimed.chunks(BATCH) {
            self.atomically(|library| batch.iter().try_for_each(|path| library.import_new_file(&mut run, path)))?;
        }
        Ok((run.report, run.deferred))
    }

    /// A pair remembered from an earlier run.
    fn sync_known_pair(&mut self, run: &mut Run<'_>, state: SyncedFile) -> Result<()> {
        if run.unsettled.contains(&state.path) {
            return Ok(());
        }
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
                run.report.renamed.push(RenamedFile {
                    from: state.path.clone(),
                    to: new_path.clone(),
                    slug: draft.slug.clone(),
                });
            }
            renamed
        };
        let Some(path) = path else {
            let unconfirmed = run.confirmed_missing.as_ref().is_some_and(|confirmed| !confirmed.contains(&state.path));
            if unconfirmed && draft.trashed_at.is_none() && matches!(state.file, Baseline::Synced(_)) {
                run.deferred.push(state.path.clone());
                return Ok(());
            }
            return self.file_missing(run, &draft, &state);
        };
        run.claimed.insert(path.clone());
        let file_hash = run.files.get(&path).map(|f| f.hash.clone()).unwrap_or_default();
        match (draft.trashed_at.is_some(), &state.file) {
            (true, Baseline::Vanished(old)) => {
                // The file is back (a git checkout, an editor's save-by-rename): so is its draft.
                self.untrash_draft(&draft.slug)?;
                let draft = self.draft(&draft.slug)?;
                self.reconcile(run, &draft, Some(old), &state.draft_hash, &path)
            }
            // An opened file is the writer's own: its draft going to the trash unlinks it.
            (true, _) if run.files_only => self.forget(run.key, &state.path),
            (true, Baseline::RemovedForTrash) if file_hash == state.draft_hash => {
                self.remove_for_trash(run, &draft, &path, &state.draft_hash)
            }
            (true, Baseline::Synced(old)) if &file_hash == old => {
                self.remove_for_trash(run, &draft, &path, &state.draft_hash)
            }
            (true, _) => {
                run.report.problems.push(FileNote::new(
                    path,
                    format!(
                        "changed, but its draft `{}` is in the trash; `byline untrash {}` to sync it",
                        draft.slug, draft.slug
                    ),
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
            (false, Baseline::RemovedForTrash | Baseline::Vanished(_)) => {
                self.write_draft_file(run, draft, &state.path)
            }
            (false, Baseline::Synced(old)) => {
                self.trash_draft(&draft.slug)?;
                run.report.trashed.push(DraftFile { path: state.path.clone(), slug: draft.slug.clone() });
                self.record(run.key, draft.id, &state.path, &Baseline::Vanished(old.clone()), &state.draft_hash)
            }
        }
    }

    /// A draft the folder has never seen: pair it with `<slug>.md` if that holds it, else write one.
    fn sync_unpaired_draft(&mut self, run: &mut Run<'_>, draft: &Draft) -> Result<()> {
        if draft.trashed_at.is_some() {
            return Ok(());
        }
        // The file it was read from (a site's page imported earlier), else `<slug>.md`.
        let from_origin = draft.origin.as_ref().and_then(|origin| {
            let path = Path::new(&origin.path);
            let relative = if path.is_absolute() { path.strip_prefix(run.dir).ok()? } else { path };
            Some(relative.to_string_lossy().replace('\\', "/"))
        });
        for path in from_origin.into_iter().chain([format!("{}.md", draft.slug)]) {
            if run.files.contains_key(&path) && !run.claimed.contains(&path) {
                run.claimed.insert(path.clone());
                return self.reconcile(run, draft, None, "", &path);
            }
        }
        let path = run.free_path(&run.new_draft_folder(draft), &draft.slug);
        self.write_draft_file(run, draft, &path)
    }

    /// Brings a live draft and its file in line, by which side changed since the baseline.
    fn reconcile(
        &mut self,
        run: &mut Run<'_>,
        draft: &Draft,
        file_before: Option<&str>,
        draft_before: &str,
        path: &str,
    ) -> Result<()> {
        let Some(file) = run.files.get(path) else { return Ok(()) };
        let (file_hash, absolute) = (file.hash.clone(), file.absolute.clone());
        let text = file_text(draft);
        let draft_hash = hash(text.as_bytes());
        if file_hash == draft_hash {
            return self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &draft_hash);
        }
        let file_changed = file_before != Some(file_hash.as_str());
        let library_changed = draft_hash != draft_before;
        match (file_changed, library_changed) {
            (false, false) => Ok(()),
            (false, true) => {
                if let Some(target) = jekyll_post_path(draft, path).filter(|target| !run.files.contains_key(target)) {
                    return self.publish_jekyll_draft(run, draft, path, &target, &file_hash);
                }
                // Only over the version we read: an edit made since the scan must not be lost.
                if !self.write_out(run, draft, path, &absolute, Expect::Hash(&file_hash))? {
                    run.report
                        .problems
                        .push(FileNote::new(path, "changed during the sync; it will be picked up next time"));
                    return Ok(());
                }
                self.record(run.key, draft.id, path, &Baseline::Synced(draft_hash.clone()), &draft_hash)
            }
            (true, false) => {
                let Some(prepared) = run.prepare(path, &absolute, &file_hash) else { return Ok(()) };
                let updated = self.apply_prepared(&draft.slug, prepared)?;
                run.report.updated.push(DraftFile { path: path.to_owned(), slug: draft.slug.clone() });
                let updated_hash = hash(file_text(&updated).as_bytes());
                self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &updated_hash)
            }
            (true, true) => self.keep_both(run, draft, path, &absolute, &file_hash),
        }
    }

    /// Both sides changed: the file's version enters the history, then the library's text is
    /// restored on top of it and written out. Nothing is lost; the writer is told where it is.
    fn keep_both(
        &mut self,
        run: &mut Run<'_>,
        draft: &Draft,
        path: &str,
        absolute: &Path,
        file_hash: &str,
    ) -> Result<()> {
        let Some(prepared) = run.prepare(path, absolute, file_hash) else { return Ok(()) };
        let before = self.history(&draft.slug)?.first().map(|r| r.id);
        self.apply_prepared(&draft.slug, prepared)?;
        let external = self.history(&draft.slug)?.first().map(|r| r.id).unwrap_or_default();
        let current = match before {
            Some(id) => self.restore_revision(&draft.slug, id)?,
            None => self.draft(&draft.slug)?,
        };
        run.report.conflicts.push(Conflict { path: path.to_owned(), slug: draft.slug.clone(), revision: external });
        if !self.write_out(run, &current, path, absolute, Expect::Hash(file_hash))? {
            // Edited again while we worked: that version is read next time, as another conflict.
            return self.record(run.key, draft.id, path, &Baseline::Synced(file_hash.to_owned()), UNCONFIRMED);
        }
        let text_hash = hash(file_text(&current).as_bytes());
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
        let adopted;
        let draft = match (&run.site, &draft.origin) {
            (Some(site), None) => {
                adopted = self.adopt_into_site(draft, site.kind, path)?;
                &adopted
            }
            _ => draft,
        };
        let absolute = run.dir.join(path);
        if let Some(parent) = absolute.parent() {
            create_dir_all(parent)?;
        }
        run.claimed.insert(path.to_owned());
        if !self.write_out(run, draft, path, &absolute, Expect::Absent)? {
            let message = format!("appeared during the sync; `{}` will be written next time", draft.slug);
            run.report.problems.push(FileNote::new(path, message));
            return Ok(());
        }
        let text_hash = hash(file_text(draft).as_bytes());
        self.record(run.key, draft.id, path, &Baseline::Synced(text_hash.clone()), &text_hash)
    }

    /// A draft born in Byline that enters a site is written in the site's dialect, and from
    /// then on it is that file's draft like any page read from the site.
    fn adopt_into_site(&mut self, draft: &Draft, kind: byline_frontmatter::SiteKind, path: &str) -> Result<Draft> {
        let base = file_front(draft, &byline_frontmatter::FrontMatter::default());
        let origin = byline_frontmatter::Origin {
            head: byline_frontmatter::write(&base, "", kind.flavor()),
            base,
            site: Some(kind),
            path: path.to_owned(),
        };
        crate::rows::drafts::store_origin(&self.conn, draft.id, Some(&origin))?;
        Ok(Draft { origin: Some(Box::new(origin)), ..draft.clone() })
    }

    /// Writes a draft's file (if it still matches `expect`) and its images; false if the file
    /// changed meanwhile and nothing was written.
    fn write_out(
        &mut self,
        run: &mut Run<'_>,
        draft: &Draft,
        path: &str,
        absolute: &Path,
        expect: Expect<'_>,
    ) -> Result<bool> {
        if !replace_verified(absolute, expect, file_text(draft).as_bytes())? {
            return Ok(false);
        }
        run.report.written.push(path.to_owned());
        let (images, skipped) = self.write_draft_images(&draft.slug, absolute)?;
        let folder = Path::new(path).parent().filter(|p| !p.as_os_str().is_empty());
        let in_folder = |image: String| folder.map_or(image.clone(), |f| format!("{}/{image}", f.to_string_lossy()));
        run.report.written.extend(images.into_iter().map(in_folder));
        run.report.problems.extend(skipped.into_iter().map(|message| FileNote::new(path, message)));
        Ok(true)
    }

    fn import_new_file(&mut self, run: &mut Run<'_>, path: &str) -> Result<()> {
        let Some(file) = run.files.get(path) else { return Ok(()) };
        let (file_hash, absolute) = (file.hash.clone(), file.absolute.clone());
        let Some(prepared) = run.prepare(path, &absolute, &file_hash) else { return Ok(()) };
        match self.import_one(prepared) {
            Ok(draft) => {
                run.report.created.push(DraftFile { path: path.to_owned(), slug: draft.slug.clone() });
                let draft_hash = hash(file_text(&draft).as_bytes());
                self.record(run.key, draft.id, path, &Baseline::Synced(file_hash), &draft_hash)
            }
            Err(err) => {
                run.report.problems.push(FileNote::new(path, err.to_string()));
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

/// Files modified within `min_age` of now. A time far in the future (another machine's clock)
/// does not count, or such a file would never be read.
fn young_files(files: &BTreeMap<String, FolderFile>, min_age: Option<Duration>) -> Vec<String> {
    let Some(min_age) = min_age else { return Vec::new() };
    let now = SystemTime::now();
    let (oldest_young, newest_plausible) = (now - min_age, now + Duration::from_secs(2));
    files
        .iter()
        .filter(|(_, file)| file.modified.is_some_and(|m| m > oldest_young && m < newest_plausible))
        .map(|(path, _)| path.clone())
        .collect()
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

fn remove_file(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(Error::Io { path: path.to_path_buf(), source: err })
        }
        _ => Ok(()),
    }
}
