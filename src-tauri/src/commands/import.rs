//! Importing Markdown files and folders: a site's root, its content folder, or any folder.

use std::path::PathBuf;

use byline_library::import::{ImportOptions, ImportReport};
use tauri::State;

use crate::error::AppResult;
use crate::ipc::import_sources;
use crate::state::AppState;

/// Imports every file it can from `paths` (chosen in the native picker) and reports, file by
/// file, what it made, skipped and warned about. The app offers no encoding or all-or-nothing
/// choice: a writer fixes the skipped files and imports them again, as the report says.
#[tauri::command]
pub async fn import_paths(state: State<'_, AppState>, paths: Vec<PathBuf>) -> AppResult<ImportReport> {
    state.with(|library| library.import_paths(import_sources(&paths)?, &ImportOptions::default(), &mut |_| {}))
}
