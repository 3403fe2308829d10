//! The library itself, links and files handed to the system, and quitting.

use std::path::PathBuf;

use tauri::{AppHandle, State, WebviewWindow};

use crate::error::AppResult;
use crate::ipc::LibraryInfo;
use crate::state::AppState;
use crate::{links, window};

/// Where the library is and how much it holds.
#[tauri::command]
pub async fn library_info(state: State<'_, AppState>) -> AppResult<LibraryInfo> {
    state.with(|library| LibraryInfo::of(library))
}

/// Opens an http, https or mailto link in the system browser or mail client; refuses the rest.
#[tauri::command]
pub async fn open_external(app: AppHandle, url: String) -> AppResult<()> {
    links::open_external(&app, &url)
}

/// Shows an exported file in the system file manager.
#[tauri::command]
pub async fn reveal_path(app: AppHandle, path: PathBuf) -> AppResult<()> {
    links::reveal_path(&app, &path)
}

/// Closes the window once the UI has saved (the alternative to the window's own `destroy()`).
#[tauri::command]
pub async fn quit_app(window: WebviewWindow) -> AppResult<()> {
    window::finish_close(&window)
}
