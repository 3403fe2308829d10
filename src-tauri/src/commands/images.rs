//! Images and the live preview.

use std::path::PathBuf;

use byline_library::draft_images::DraftImage;
use byline_library::Asset;
use byline_preview::{preview_css as core_preview_css, PreviewReply, PreviewRequest};
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// Copies an image chosen in the native open dialog (e.g. an avatar) into the library.
#[tauri::command]
pub async fn import_image(state: State<'_, AppState>, path: PathBuf) -> AppResult<Asset> {
    state.with(|library| library.import_image_file(&path))
}

/// An asset as a `data:` URL, to show an avatar.
#[tauri::command]
pub async fn asset_data_url(state: State<'_, AppState>, hash: String) -> AppResult<String> {
    state.with(|library| library.asset_data_url(&hash))
}

/// Stores an image pasted or dropped into a draft; returns its path and the Markdown to insert.
#[tauri::command]
pub async fn add_draft_image(
    state: State<'_, AppState>,
    slug: String,
    file_name: String,
    bytes: Vec<u8>,
) -> AppResult<DraftImage> {
    state.with(|library| library.add_draft_image(&slug, &file_name, &bytes))
}

/// The sanitized preview of the window's text after its edits, as blocks it does not hold yet
/// (or a request for the whole text when the edits do not apply to the text held).
#[tauri::command]
pub async fn update_preview(state: State<'_, AppState>, request: PreviewRequest) -> AppResult<PreviewReply> {
    state.update_preview(request)
}

/// CSS of the preview document (prose and code highlighting, light and dark).
#[tauri::command]
pub async fn preview_css() -> String {
    core_preview_css()
}
