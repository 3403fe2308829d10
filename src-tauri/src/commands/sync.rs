//! The drafts folder setting: bind, show and unbind the folder kept in sync with the library.

use std::path::PathBuf;

use tauri::{AppHandle, State};

use crate::drafts_folder::{self, FolderSync};
use crate::error::AppResult;
use crate::ipc::DraftsFolder;
use crate::state::AppState;

/// Binds the library to `dir` (a site's root means its content folder) and starts keeping them
/// in sync; returns the folder as bound and the site it is in.
#[tauri::command]
pub async fn bind_drafts_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    sync: State<'_, FolderSync>,
    dir: PathBuf,
) -> AppResult<DraftsFolder> {
    drafts_folder::bind(&app, &state, &sync, &dir).map(DraftsFolder::of)
}

/// The folder being kept in sync and the site it is in, or null.
#[tauri::command]
pub async fn drafts_folder(sync: State<'_, FolderSync>) -> AppResult<Option<DraftsFolder>> {
    Ok(sync.current().map(DraftsFolder::of))
}

/// Stops syncing and forgets the folder; its files stay.
#[tauri::command]
pub async fn unbind_drafts_folder(state: State<'_, AppState>, sync: State<'_, FolderSync>) -> AppResult<()> {
    drafts_folder::unbind(&state, &sync)
}
