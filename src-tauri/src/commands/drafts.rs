//! Drafts, their history, the trash and search.

use byline_library::{
    Draft, DraftChange, DraftFilter, DraftSummary, NewDraft, Revision, RevisionSummary, SaveMode, SearchHit,
};
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// Drafts matching `filter`, for the sidebar.
#[tauri::command]
pub async fn list_drafts(state: State<'_, AppState>, filter: DraftFilter) -> AppResult<Vec<DraftSummary>> {
    state.with(|library| library.list_drafts(&filter))
}

/// How many drafts match `filter`.
#[tauri::command]
pub async fn count_drafts(state: State<'_, AppState>, filter: DraftFilter) -> AppResult<usize> {
    state.with(|library| library.count_drafts(&filter))
}

/// One draft with its body and authors.
#[tauri::command]
pub async fn get_draft(state: State<'_, AppState>, slug: String) -> AppResult<Draft> {
    state.with(|library| library.draft(&slug))
}

/// Creates a draft.
#[tauri::command]
pub async fn create_draft(state: State<'_, AppState>, draft: NewDraft) -> AppResult<Draft> {
    state.with(|library| library.create_draft(draft))
}

/// Saves a change to a draft as an autosave, a checkpoint or a discrete edit.
#[tauri::command]
pub async fn save_draft(
    state: State<'_, AppState>,
    slug: String,
    change: DraftChange,
    mode: SaveMode,
) -> AppResult<Draft> {
    state.with(|library| library.update_draft(&slug, change, mode))
}

/// Moves a draft to the trash.
#[tauri::command]
pub async fn trash_draft(state: State<'_, AppState>, slug: String) -> AppResult<()> {
    state.with(|library| library.trash_draft(&slug))
}

/// Brings a draft back from the trash.
#[tauri::command]
pub async fn untrash_draft(state: State<'_, AppState>, slug: String) -> AppResult<()> {
    state.with(|library| library.untrash_draft(&slug))
}

/// Destroys every trashed draft; returns how many.
#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> AppResult<usize> {
    state.with(|library| library.empty_trash())
}

/// A draft's revisions, newest first.
#[tauri::command]
pub async fn history(state: State<'_, AppState>, slug: String) -> AppResult<Vec<RevisionSummary>> {
    state.with(|library| library.history(&slug))
}

/// One revision with its full snapshot.
#[tauri::command]
pub async fn get_revision(state: State<'_, AppState>, slug: String, id: i64) -> AppResult<Revision> {
    state.with(|library| library.revision(&slug, id))
}

/// Restores a revision (recorded as a new revision).
#[tauri::command]
pub async fn restore_revision(state: State<'_, AppState>, slug: String, id: i64) -> AppResult<Draft> {
    state.with(|library| library.restore_revision(&slug, id))
}

/// Full-text search over drafts, best first, with highlighted snippets.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String, limit: usize) -> AppResult<Vec<SearchHit>> {
    state.with(|library| library.search(&query, limit))
}
