//! The drafts folder: binding the library to a folder of Markdown files and keeping them in
//! step from a background thread.
//!
//! The watcher runs a [`FolderWatcher`] on its own [`Library`] connection to the same library
//! folder (SQLite WAL lets both connections work), so a long first sync never holds the lock the
//! UI's commands need. It reports to the UI with `folder-sync` (the [`SyncReport`]) and
//! `folder-sync-error` (`{message}`) events.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use byline_library::folder_sync::{FolderWatcher, SyncReport, WatchOptions};
use byline_library::placement::drafts_working_folder;
use byline_library::Library;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Event carrying a [`SyncReport`] each time the watcher changed something.
pub const SYNC_EVENT: &str = "folder-sync";
/// Event carrying `{message}` when the watch cannot run (it retries by itself).
pub const SYNC_ERROR_EVENT: &str = "folder-sync-error";

/// How long a failed watch (folder unmounted, library busy) waits before starting again.
const RETRY_AFTER: Duration = Duration::from_secs(5);

/// Payload of [`SYNC_ERROR_EVENT`].
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SyncError {
    /// What went wrong and what the watcher does about it, for the writer.
    pub message: String,
}

/// The running watcher, if a folder is bound; managed by Tauri.
#[derive(Default)]
pub struct FolderSync {
    running: Mutex<Option<Running>>,
    /// One watch per folder of files the writer opened one by one (only those files are synced).
    opened: Mutex<HashMap<PathBuf, Running>>,
}

/// One watcher thread and the flag that ends it.
struct Running {
    dir: PathBuf,
    stop: Arc<AtomicBool>,
    thread: JoinHandle<()>,
}

/// What a watcher keeps in step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Watched {
    /// The drafts folder, every file in it.
    DraftsFolder,
    /// The files opened from one folder, and nothing else in it.
    OpenedFiles,
}

impl FolderSync {
    /// The folder being kept in sync, if any.
    pub fn current(&self) -> Option<PathBuf> {
        self.lock().as_ref().map(|running| running.dir.clone())
    }

    /// Starts watching `dir` (already bound and canonical), stopping any earlier watch first.
    pub fn start<R: Runtime>(&self, app: &AppHandle<R>, library_dir: &Path, dir: PathBuf) -> AppResult<()> {
        let mut running = self.lock();
        if let Some(old) = running.take() {
            old.finish();
        }
        *running = Some(Running::start(app, library_dir, dir, Watched::DraftsFolder)?);
        Ok(())
    }

    /// Keeps the opened files in `dir` (a folder of opened files, canonical) in step, unless
    /// they already are.
    pub fn watch_opened<R: Runtime>(&self, app: &AppHandle<R>, library_dir: &Path, dir: PathBuf) -> AppResult<()> {
        let mut opened = self.opened.lock().unwrap_or_else(PoisonError::into_inner);
        if let std::collections::hash_map::Entry::Vacant(slot) = opened.entry(dir) {
            let running = Running::start(app, library_dir, slot.key().clone(), Watched::OpenedFiles)?;
            slot.insert(running);
        }
        Ok(())
    }

    /// Stops every watch, the drafts folder's and the opened files', waiting for each.
    pub fn stop_all(&self) {
        self.stop();
        let opened = std::mem::take(&mut *self.opened.lock().unwrap_or_else(PoisonError::into_inner));
        opened.into_values().for_each(Running::finish);
    }

    /// Stops the watcher and waits for it (its current reconciliation finishes first); returns
    /// the folder it watched.
    pub fn stop(&self) -> Option<PathBuf> {
        let running = self.lock().take()?;
        let dir = running.dir.clone();
        running.finish();
        Some(dir)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Running>> {
        // The guarded value is only a thread handle: a panic elsewhere cannot leave it half-made.
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Running {
    fn start<R: Runtime>(app: &AppHandle<R>, library_dir: &Path, dir: PathBuf, what: Watched) -> AppResult<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let (app, library_dir, watched, flag) = (app.clone(), library_dir.to_path_buf(), dir.clone(), stop.clone());
        let name = if what == Watched::DraftsFolder { "drafts-folder" } else { "opened-files" };
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || watch_until_stopped(&app, &library_dir, &watched, what, &flag))
            .map_err(|source| AppError::InvalidPath(format!("cannot start watching {}: {source}", dir.display())))?;
        Ok(Running { dir, stop, thread })
    }

    fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        if self.thread.join().is_err() {
            eprintln!("byline-app: the drafts folder watcher of {} stopped with a panic", self.dir.display());
        }
    }
}

/// Binds the library to `dir` (created if missing; a site's root means its content folder) and
/// starts watching it; the folder the app used before is unbound, since the app keeps one
/// drafts folder. Returns the canonical folder.
pub fn bind<R: Runtime>(app: &AppHandle<R>, state: &AppState, sync: &FolderSync, dir: &Path) -> AppResult<PathBuf> {
    let library_dir = state.with(|library| Ok(library.dir().to_path_buf()))?;
    let dir = working_folder(dir, &library_dir)?;
    let previous = sync.stop();
    let bound = state.with(|library| {
        let bound = library.bind_sync_folder(&dir)?;
        if let Some(previous) = previous.filter(|previous| *previous != bound) {
            library.unbind_sync_folder(&previous)?;
        }
        Ok(bound)
    })?;
    sync.start(app, &library_dir, bound.clone())?;
    Ok(bound)
}

/// The folder Byline will work in for a chosen `dir`, by the library's placement rules
/// ([`drafts_working_folder`]: a site's root means its content folder). The chosen folder must
/// be a full path: a relative one would be taken from wherever the app was started.
pub fn working_folder(dir: &Path, library_dir: &Path) -> AppResult<PathBuf> {
    if !dir.is_absolute() {
        return Err(AppError::InvalidPath(format!(
            "the drafts folder must be a full path (starting at the root), not `{}`; choose it with “Choose folder…”",
            dir.display()
        )));
    }
    Ok(drafts_working_folder(dir, library_dir)?)
}

/// Stops syncing and forgets the binding; the files stay where they are.
pub fn unbind(state: &AppState, sync: &FolderSync) -> AppResult<()> {
    let Some(dir) = sync.stop() else { return Ok(()) };
    state.with(|library| library.unbind_sync_folder(&dir).map(|_| ()))
}

/// At launch: resumes watching the most recently bound folder, if any, and the opened files.
pub fn resume<R: Runtime>(app: &AppHandle<R>, library: &Library, sync: &FolderSync) -> AppResult<()> {
    for dir in library.opened_files_folders()? {
        sync.watch_opened(app, library.dir(), dir)?;
    }
    match library.sync_folders()?.pop() {
        Some(dir) => sync.start(app, library.dir(), dir),
        None => Ok(()),
    }
}

/// The watcher thread: runs until stopped; a failure is reported and retried after a pause.
fn watch_until_stopped<R: Runtime>(
    app: &AppHandle<R>,
    library_dir: &Path,
    dir: &Path,
    what: Watched,
    stop: &AtomicBool,
) {
    let label = if what == Watched::DraftsFolder { "Drafts folder" } else { "Opened files in" };
    while !stop.load(Ordering::Relaxed) {
        match watch(app, library_dir, dir, what, stop) {
            Ok(()) => return,
            Err(error) => {
                let message =
                    format!("{label} {}: {error}. Trying again in {} s.", dir.display(), RETRY_AFTER.as_secs());
                eprintln!("byline-app: {message}");
                // Nobody listening (the window is gone) is not a failure of the sync.
                let _ = app.emit(SYNC_ERROR_EVENT, SyncError { message });
                pause(stop, RETRY_AFTER);
            }
        }
    }
}

fn watch<R: Runtime>(
    app: &AppHandle<R>,
    library_dir: &Path,
    dir: &Path,
    what: Watched,
    stop: &AtomicBool,
) -> byline_library::Result<()> {
    let mut library = Library::open(library_dir)?;
    let (mut watcher, first) = match what {
        Watched::DraftsFolder => FolderWatcher::start(&mut library, dir, WatchOptions::default())?,
        Watched::OpenedFiles => FolderWatcher::start_opened(&mut library, dir, WatchOptions::default())?,
    };
    publish(app, &first);
    watcher.run(&mut library, stop, |report| publish(app, report))
}

/// Tells the UI (and the log) what a reconciliation did. Sent even when empty after the first
/// sync, so the UI learns the watch is up.
fn publish<R: Runtime>(app: &AppHandle<R>, report: &SyncReport) {
    for line in report.lines() {
        eprintln!("byline-app: drafts folder: {line}");
    }
    let _ = app.emit(SYNC_EVENT, report);
}

/// Sleeps up to `total`, waking early when `stop` is set.
fn pause(stop: &AtomicBool, total: Duration) {
    let until = Instant::now() + total;
    while !stop.load(Ordering::Relaxed) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    // The placement rules themselves are tested where they live, in `byline_library::placement`.
    #[test]
    fn a_relative_drafts_folder_is_refused_and_the_library_rules_apply() {
        let root = tempfile::tempdir().unwrap();
        let library = root.path().join("library");
        std::fs::create_dir(&library).unwrap();
        let relative = working_folder(Path::new("drafts"), &library).unwrap_err();
        assert!(relative.to_string().contains("full path"), "{relative}");
        let inside = working_folder(&library.join("drafts"), &library).unwrap_err();
        assert!(inside.to_string().contains("inside the library folder"), "{inside}");
        assert_eq!(inside.code(), "invalid_input");
        assert!(working_folder(&root.path().join("drafts"), &library).is_ok());
    }
}
