//! The writing log: words written per day, which the status bar counts as "today".

use byline_library::{WritingDay, WritingDelta};
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// Adds a batch of words written (sent with an autosave) to its day; returns the day's totals.
#[tauri::command]
pub async fn add_writing(state: State<'_, AppState>, delta: WritingDelta) -> AppResult<WritingDay> {
    state.with(|library| library.add_writing(&delta))
}

/// The words written on `day` (`YYYY-MM-DD`, the writer's local date).
#[tauri::command]
pub async fn writing_day(state: State<'_, AppState>, day: String) -> AppResult<WritingDay> {
    state.with(|library| library.writing_day(&day))
}
