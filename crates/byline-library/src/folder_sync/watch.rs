//! Keeping a drafts folder and the library reconciled live, for `byline watch` and the app.
//!
//! Three sources of work, all leading to the same hash-based reconciliation:
//! - the folder: one recursive watch (notify, through notify-debouncer-full so renames arrive as
//!   pairs); a path with events is read only once it has settled (see `settle`);
//! - the library: another process (the app, `byline edit`) committing is seen cheaply through
//!   SQLite's `PRAGMA data_version`, polled every [`WatchOptions::library_poll`];
//! - a periodic full rescan with fresh hashes, for events the OS dropped.
//!
//! Echoes of our own writes need no time window: the state table holds the hash of what was
//! written, so reading it back is recognised as "nothing changed", while any other content is a
//! change, however soon after.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, new_debouncer_opt, DebounceEventResult, Debouncer, NoCache, RecommendedCache,
};

use super::ignore::{is_editor_temp, is_synced_markdown};
use super::report::FileNote;
use super::settle::Settler;
use super::{HashCache, Scope, SyncReport};
use crate::placement::WorkingFolder;
use crate::{Error, Library, Result};

/// Timings of a live watch.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// How long notify-debouncer-full gathers events (and pairs renames) before handing them over.
    pub debounce: Duration,
    /// How long a file must stay unchanged (size, mtime, hash) before it is read.
    pub settle: Duration,
    /// How often to check whether another process changed the library.
    pub library_poll: Duration,
    /// How often to rescan the whole folder with fresh hashes, for lost events.
    pub rescan_every: Duration,
    /// Poll the folder instead of using the OS's change notifications (for file systems that
    /// have none; also used automatically when the native watcher cannot start).
    pub poll_files: bool,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            debounce: Duration::from_millis(100),
            settle: Duration::from_millis(200),
            library_poll: Duration::from_millis(300),
            rescan_every: Duration::from_secs(60),
            poll_files: false,
        }
    }
}

/// How often the polling fallback looks at the folder.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// The longest a step waits for events before checking the settling files and the library.
const TICK: Duration = Duration::from_millis(50);

/// A retry after a failed reconciliation (library busy, folder unmounted) waits this long.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// The OS watch, native or polling; dropping it stops it.
// Held only for its Drop, which ends the watch.
#[allow(dead_code)]
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Polling(Debouncer<PollWatcher, NoCache>),
}

/// A live two-way sync of one folder: call [`FolderWatcher::step`] in a loop.
pub struct FolderWatcher {
    folder: WorkingFolder,
    options: WatchOptions,
    backend: Backend,
    events: Receiver<DebounceEventResult>,
    settler: Settler,
    /// Paths that settled since the last reconciliation: their state, even "missing", is final.
    settled: HashSet<String>,
    cache: HashCache,
    data_version: i64,
    next_library_poll: Instant,
    next_rescan: Instant,
    dirty: bool,
    notices: Vec<String>,
    reported_problems: HashSet<FileNote>,
}

impl std::fmt::Debug for FolderWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatcher")
            .field("dir", &self.folder.path())
            .field("polling", &self.is_polling())
            .finish_non_exhaustive()
    }
}

impl FolderWatcher {
    /// Reconciles `dir` once, then starts watching it; returns the watcher and that first report.
    /// If the OS watch cannot start, it polls instead and the report's notices say so.
    pub fn start(library: &mut Library, dir: &Path, options: WatchOptions) -> Result<(FolderWatcher, SyncReport)> {
        // A site's root is synced as its content folder; events are watched (and paths named) there.
        let folder = library.chosen_drafts_folder(dir)?;
        Self::start_in(library, folder, options)
    }

    /// Like [`FolderWatcher::start`] for a folder of files the writer opened one by one
    /// ([`Library::open_file`]): only those files are synced, and the folder is watched alone,
    /// not the folders under it.
    pub fn start_opened(
        library: &mut Library,
        dir: &Path,
        options: WatchOptions,
    ) -> Result<(FolderWatcher, SyncReport)> {
        let folder = library.opened_files_folder(dir)?;
        Self::start_in(library, folder, options)
    }

    fn start_in(
        library: &mut Library,
        folder: WorkingFolder,
        options: WatchOptions,
    ) -> Result<(FolderWatcher, SyncReport)> {
        let mut cache = HashCache::default();
        let (mut report, _) =
            library.reconcile_folder(&folder, Scope { cache: Some(&mut cache), ..Scope::default() })?;
        let dir = folder.path();
        let mode = if folder.files_only() { RecursiveMode::NonRecursive } else { RecursiveMode::Recursive };
        let (sender, events) = channel();
        let backend = match (options.poll_files, start_native(dir, mode, &options, sender.clone())) {
            (false, Ok(native)) => native,
            (forced, native) => {
                let why = match native {
                    _ if forced => "polling was asked for".to_owned(),
                    Err(err) => format!("{err}; on Linux, raising fs.inotify.max_user_watches may fix this"),
                    Ok(_) => String::new(),
                };
                report.notices.push(format!(
                    "cannot get live change notifications for {} ({why}); checking it every {} ms instead",
                    dir.display(),
                    POLL_INTERVAL.as_millis()
                ));
                start_polling(dir, mode, &options, sender)?
            }
        };
        let now = Instant::now();
        let watcher = FolderWatcher {
            settler: Settler::new(options.settle),
            settled: HashSet::new(),
            next_library_poll: now + options.library_poll,
            next_rescan: now + options.rescan_every,
            data_version: data_version(library)?,
            // Changes made between the first reconciliation and the start of the watch.
            dirty: true,
            folder,
            options,
            backend,
            events,
            cache,
            notices: Vec::new(),
            reported_problems: HashSet::new(),
        };
        Ok((watcher, report))
    }

    /// The folder being watched (canonical).
    pub fn dir(&self) -> &Path {
        self.folder.path()
    }

    /// True when the folder is polled rather than watched through OS notifications.
    pub fn is_polling(&self) -> bool {
        matches!(self.backend, Backend::Polling(_))
    }

    /// Waits up to `timeout` for changes, then reconciles whatever settled or changed; returns
    /// what was done, or None when nothing was.
    pub fn step(&mut self, library: &mut Library, timeout: Duration) -> Result<Option<SyncReport>> {
        match self.events.recv_timeout(timeout.min(TICK)) {
            Ok(result) => self.absorb(result),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Error::InvalidInput(format!(
                    "the watch of {} stopped unexpectedly; start it again",
                    self.folder.path().display()
                )))
            }
        }
        while let Ok(result) = self.events.try_recv() {
            self.absorb(result);
        }
        let now = Instant::now();
        let settled = self.settler.settled(self.folder.path(), now);
        for path in &settled {
            self.cache.forget(path);
        }
        let mut reconcile = !settled.is_empty() || std::mem::take(&mut self.dirty);
        self.settled.extend(settled);
        if now >= self.next_library_poll {
            self.next_library_poll = now + self.options.library_poll;
            let version = data_version(library)?;
            reconcile |= version != self.data_version;
            self.data_version = version;
        }
        if now >= self.next_rescan {
            self.next_rescan = now + self.options.rescan_every;
            self.cache.clear();
            reconcile = true;
        }
        let mut report = if reconcile { self.reconcile(library) } else { SyncReport::default() };
        self.settled.clear();
        report.notices.append(&mut self.notices);
        Ok((!report.is_empty()).then_some(report))
    }

    /// Runs until `stop` is set, handing every non-empty report to `on_report`.
    pub fn run(
        &mut self,
        library: &mut Library,
        stop: &AtomicBool,
        mut on_report: impl FnMut(&SyncReport),
    ) -> Result<()> {
        while !stop.load(Ordering::Relaxed) {
            if let Some(report) = self.step(library, TICK)? {
                on_report(&report);
            }
        }
        Ok(())
    }

    fn reconcile(&mut self, library: &mut Library) -> SyncReport {
        let scope = Scope {
            unsettled: self.settler.unsettled(),
            cache: Some(&mut self.cache),
            min_age: Some(self.options.settle),
            confirmed_missing: Some(self.settled.clone()),
            opened: None,
        };
        let mut report = match library.reconcile_folder(&self.folder, scope) {
            Ok((report, deferred)) => {
                // Still being written, or gone only for now: looked at again once settled.
                let now = Instant::now();
                for path in deferred {
                    self.settler.touch(path, now);
                }
                report
            }
            Err(err) => {
                // Busy library, unmounted folder: say so once, and try again soon with a full rescan.
                self.next_rescan = Instant::now() + RETRY_AFTER;
                SyncReport {
                    problems: vec![FileNote::new(self.folder.path().display().to_string(), format!("{err}; retrying"))],
                    ..SyncReport::default()
                }
            }
        };
        report.problems.retain(|problem| self.reported_problems.insert(problem.clone()));
        report
    }

    /// Takes in one batch of debounced events.
    fn absorb(&mut self, result: DebounceEventResult) {
        let now = Instant::now();
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for err in errors {
                    self.notices
                        .push(format!("watching {}: {err}; rescanning the folder", self.folder.path().display()));
                }
                self.dirty = true;
                self.cache.clear();
                return;
            }
        };
        for event in events {
            if matches!(event.kind, EventKind::Access(_)) {
                continue;
            }
            if event.need_rescan() {
                self.dirty = true;
                self.cache.clear();
            }
            for path in &event.paths {
                let Some(relative) = self.relevant(path) else { continue };
                self.cache.forget(&relative);
                self.reported_problems.retain(|problem| problem.path != relative);
                self.settler.touch(relative, now);
            }
        }
    }

    /// The '/'-separated relative path of an event's path if sync cares about it: a Markdown
    /// file, a folder, or something gone that may have been a folder.
    fn relevant(&self, path: &Path) -> Option<String> {
        let relative = path.strip_prefix(self.folder.path()).ok()?.to_string_lossy().replace('\\', "/");
        if relative.is_empty() || relative.split('/').any(is_editor_temp) {
            return None;
        }
        let maybe_folder = path.is_dir() || (path.extension().is_none() && !path.exists());
        (is_synced_markdown(&relative) || maybe_folder).then_some(relative)
    }
}

impl Library {
    /// Keeps `dir` and the library reconciled until `stop` is set (see [`FolderWatcher`]);
    /// every non-empty report, the first one included, goes to `on_report`.
    pub fn watch_folder(&mut self, dir: &Path, stop: &AtomicBool, on_report: impl FnMut(&SyncReport)) -> Result<()> {
        self.watch_folder_with(dir, WatchOptions::default(), stop, on_report)
    }

    /// [`Library::watch_folder`] with explicit timings.
    pub fn watch_folder_with(
        &mut self,
        dir: &Path,
        options: WatchOptions,
        stop: &AtomicBool,
        mut on_report: impl FnMut(&SyncReport),
    ) -> Result<()> {
        let (mut watcher, report) = FolderWatcher::start(self, dir, options)?;
        if !report.is_empty() {
            on_report(&report);
        }
        watcher.run(self, stop, on_report)
    }
}

fn start_native(
    dir: &Path,
    mode: RecursiveMode,
    options: &WatchOptions,
    sender: std::sync::mpsc::Sender<DebounceEventResult>,
) -> notify::Result<Backend> {
    let mut debouncer = new_debouncer(options.debounce, None, sender)?;
    debouncer.watch(dir, mode)?;
    Ok(Backend::Native(debouncer))
}

fn start_polling(
    dir: &Path,
    mode: RecursiveMode,
    options: &WatchOptions,
    sender: std::sync::mpsc::Sender<DebounceEventResult>,
) -> Result<Backend> {
    let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
    let fail =
        |err: notify::Error| Error::InvalidInput(format!("cannot watch {} even by polling: {err}", dir.display()));
    let mut debouncer =
        new_debouncer_opt::<_, PollWatcher, NoCache>(options.debounce, None, sender, NoCache, config).map_err(fail)?;
    debouncer.watch(dir, mode).map_err(fail)?;
    Ok(Backend::Polling(debouncer))
}

/// SQLite's counter of commits made by other connections to this database.
fn data_version(library: &Library) -> Result<i64> {
    Ok(library.conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
}
