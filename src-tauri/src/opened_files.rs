//! Markdown files the writer opens from outside the library: `byline-app FILE.md…` (what the file
//! manager runs), a second launch handing its files to the running window, File › Open File… and
//! files dropped on the window. Each opens as its draft, linked to the file (the library's
//! `open_file`), and the file's folder is watched so outside edits arrive and saves go back.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use byline_library::folder_sync::is_markdown_file;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::drafts_folder::FolderSync;
use crate::error::AppResult;
use crate::state::AppState;

/// Event carrying [`OpenedFiles`] when a second launch handed files over.
pub const FILES_OPENED_EVENT: &str = "files-opened";

/// The drafts that files opened as, and the files that could not be opened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct OpenedFiles {
    /// The drafts' slugs, in the order the files were given (the last is shown).
    pub slugs: Vec<String>,
    /// One line per file that could not be opened: which file and why.
    pub problems: Vec<String>,
}

/// Files given on the command line, opened before the window showed, until the UI takes them.
#[derive(Default)]
pub struct StartupFiles(Mutex<Option<OpenedFiles>>);

impl StartupFiles {
    /// What the launch's files opened as; empty after the first call.
    pub fn take(&self) -> OpenedFiles {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take().unwrap_or_default()
    }

    fn set(&self, opened: OpenedFiles) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(opened);
    }
}

/// Opens one file as its draft and keeps it in step with the file.
pub fn open<R: Runtime>(app: &AppHandle<R>, path: &Path) -> AppResult<String> {
    let state = app.state::<AppState>();
    let (opened, library_dir) = state.with(|library| Ok((library.open_file(path)?, library.dir().to_path_buf())))?;
    for line in opened.report.lines() {
        eprintln!("byline-app: opened {}: {line}", opened.path.display());
    }
    if let Some(dir) = opened.watch {
        app.state::<FolderSync>().watch_opened(app, &library_dir, dir)?;
    }
    Ok(opened.slug)
}

/// Opens each file, collecting the drafts and, per file that failed, what went wrong.
pub fn open_all<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) -> OpenedFiles {
    let mut opened = OpenedFiles::default();
    for path in paths {
        match open(app, path) {
            Ok(slug) => opened.slugs.push(slug),
            Err(error) => {
                eprintln!("byline-app: cannot open {}: {error}", path.display());
                opened.problems.push(format!("Cannot open {}: {error}", path.display()));
            }
        }
    }
    opened
}

/// At launch: the command line's files, opened once the library is, kept for the UI.
pub fn open_at_launch<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) {
    if !paths.is_empty() {
        app.state::<StartupFiles>().set(open_all(app, paths));
    }
}

/// A second launch (the file manager opening another file) hands its files to this window.
pub fn handed_over<R: Runtime>(app: &AppHandle<R>, args: &[String], cwd: &str) {
    let paths = crate::args::files_to_open(args.iter().skip(1).map(Into::into), Path::new(cwd));
    if !paths.is_empty() && app.try_state::<AppState>().is_some() {
        let opened = open_all(app, &paths);
        let _ = app.emit(FILES_OPENED_EVENT, opened);
    }
    crate::window::focus_main(app);
}

/// Files dropped on the window: the Markdown ones open, as if handed over by a second launch.
pub fn dropped<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) {
    let markdown: Vec<PathBuf> = paths.iter().filter(|path| is_markdown_file(path)).cloned().collect();
    if !markdown.is_empty() {
        let _ = app.emit(FILES_OPENED_EVENT, open_all(app, &markdown));
    }
}
