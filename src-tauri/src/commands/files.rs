//! Markdown files opened from outside the library: File › Open File…, files dropped on the window,
//! and those the app was started with.

use std::path::PathBuf;

use tauri::{AppHandle, State};

use crate::error::AppResult;
use crate::opened_files::{self, OpenedFiles, StartupFiles};

/// Opens each file as its draft, linked to the file; the files that cannot be opened are
/// reported one line each, the others open anyway.
#[tauri::command]
pub async fn open_files(app: AppHandle, paths: Vec<PathBuf>) -> AppResult<OpenedFiles> {
    Ok(opened_files::open_all(&app, &paths))
}

/// What the files the app was started with opened as (once; empty after).
#[tauri::command]
pub async fn take_startup_files(startup: State<'_, StartupFiles>) -> AppResult<OpenedFiles> {
    Ok(startup.take())
}
