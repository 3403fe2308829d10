//! A live watch for the sync tests: a library, a drafts folder and a `FolderWatcher` running on
//! its own connection in a thread, like `byline watch` next to the app.
#![allow(dead_code, missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use byline_library::folder_sync::{FolderWatcher, SyncReport, WatchOptions};
use byline_library::{DraftChange, Library, NewDraft, SaveMode};
use tempfile::TempDir;

/// How long any awaited effect may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(8);

pub struct Live {
    pub root: TempDir,
    pub folder: PathBuf,
    /// The "app": another connection to the same library.
    pub lib: Library,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    pub reports: Arc<Mutex<Vec<SyncReport>>>,
}

pub fn library_dir(root: &Path) -> PathBuf {
    root.join("library")
}

impl Live {
    /// A watch over an empty folder and a library holding drafts with these titles.
    pub fn start(titles: &[&str]) -> Live {
        Live::start_with(titles, WatchOptions::default())
    }

    pub fn start_with(titles: &[&str], options: WatchOptions) -> Live {
        let root = tempfile::tempdir().unwrap();
        let folder = root.path().join("drafts");
        let mut lib = Library::open(&library_dir(root.path())).unwrap();
        for title in titles {
            lib.create_draft(NewDraft {
                title: (*title).into(),
                body: format!("First words of {title}.\n"),
                ..NewDraft::default()
            })
            .unwrap();
        }
        Live::resume(root, folder, lib, options)
    }

    /// Starts the watcher over an existing library and folder.
    pub fn resume(root: TempDir, folder: PathBuf, lib: Library, options: WatchOptions) -> Live {
        let stop = Arc::new(AtomicBool::new(false));
        let reports = Arc::new(Mutex::new(Vec::new()));
        let (ready, started) = mpsc::channel();
        let thread = {
            let (stop, reports, folder) = (stop.clone(), reports.clone(), folder.clone());
            let dir = library_dir(root.path());
            std::thread::spawn(move || {
                let mut watcher_lib = Library::open(&dir).unwrap();
                let (mut watcher, first) = FolderWatcher::start(&mut watcher_lib, &folder, options).unwrap();
                reports.lock().unwrap().push(first);
                ready.send(()).unwrap();
                watcher.run(&mut watcher_lib, &stop, |report| reports.lock().unwrap().push(report.clone())).unwrap();
            })
        };
        started.recv_timeout(PATIENCE).expect("the watcher starts");
        Live { root, folder, lib, stop, thread: Some(thread), reports }
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.folder.join(name)
    }

    /// Polls `check` until it holds; fails the test after [`PATIENCE`].
    pub fn wait_for(&self, what: &str, mut check: impl FnMut(&Live) -> bool) -> Duration {
        let start = Instant::now();
        while !check(self) {
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; reports: {:#?}",
                self.reports.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        start.elapsed()
    }

    pub fn body(&self, slug: &str) -> String {
        self.lib.draft(slug).unwrap().body
    }

    /// The draft's current body and the body of every revision.
    pub fn every_body(&self, slug: &str) -> Vec<String> {
        let mut bodies = vec![self.body(slug)];
        for summary in self.lib.history(slug).unwrap() {
            bodies.push(self.lib.revision(slug, summary.id).unwrap().snapshot.body);
        }
        bodies
    }

    /// An edit in the "app", as its own revision.
    pub fn app_edit(&mut self, slug: &str, body: &str) {
        let change = DraftChange { body: Some(body.to_owned()), ..DraftChange::default() };
        self.lib.update_draft(slug, change, SaveMode::Edit).unwrap();
    }

    pub fn file_text(&self, name: &str) -> String {
        std::fs::read_to_string(self.file(name)).unwrap_or_default()
    }

    /// Every report line so far.
    pub fn report_lines(&self) -> Vec<String> {
        self.reports.lock().unwrap().iter().flat_map(SyncReport::lines).collect()
    }

    /// Stops the watcher and waits for its thread.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the watcher thread ends cleanly");
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A file in Byline's format with this title and body.
pub fn draft_file(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n\n{body}")
}
