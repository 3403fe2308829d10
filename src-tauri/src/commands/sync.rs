//! The drafts folder setting: bind, show and unbind the folder kept in sync with the library.

use std::path::PathBuf;

use tauri::{AppHandle, State};

use crate::drafts_folder::{self, FolderSync};
use crate::error::AppResult;
use crate::state::AppState;

/// Binds the library to `dir` and starts keeping them in sync; returns the folder as bound.
#[tauri::command]
pub async fn bind_drafts_folder(app: AppHandle, state: State<'_, AppState>, sync: State<'_, FolderSync>, dir: PathBuf) -> AppResult<String> {
    drafts_folder::bind(&app, &state, &sync, &dir)
}

/// The folder being kept in sync, or null.
#[tauri::command]
pub async fn drafts_folder(sync: State<'_, FolderSync>) -> AppResult<Option<String>> {
    Ok(sync.current().map(|dir| dir.to_string_lossy().into_owned()))
}

/// Stops syncing and forgets the folder; its files stay.
#[tauri::command]
pub async fn unbind_drafts_folder(state: State<'_, AppState>, sync: State<'_, FolderSync>) -> AppResult<()> {
    drafts_folder::unbind(&state, &sync)
}
