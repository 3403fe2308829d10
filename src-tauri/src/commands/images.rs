//! Images and the live preview.

use std::path::PathBuf;

use byline_library::preview::{preview_css as core_preview_css, DraftImage};
use byline_library::Asset;
use byline_render::Rendered;
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
pub async fn add_draft_image(state: State<'_, AppState>, slug: String, file_name: String, bytes: Vec<u8>) -> AppResult<DraftImage> {
    state.with(|library| library.add_draft_image(&slug, &file_name, &bytes))
}

/// The sanitized preview of `markdown`, with the draft's images inline when `slug` is given.
#[tauri::command]
pub async fn render_preview(state: State<'_, AppState>, slug: Option<String>, markdown: String) -> AppResult<Rendered> {
    state.with(|library| library.render_preview(slug.as_deref(), &markdown))
}

/// CSS of the preview document (prose and code highlighting, light and dark).
#[tauri::command]
pub async fn preview_css() -> String {
    core_preview_css()
}
