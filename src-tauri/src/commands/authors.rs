//! Author profiles.

use byline_library::{Author, AuthorChange, NewAuthor};
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// Every author profile.
#[tauri::command]
pub async fn list_authors(state: State<'_, AppState>) -> AppResult<Vec<Author>> {
    state.with(|library| library.authors())
}

/// Adds an author profile.
#[tauri::command]
pub async fn add_author(state: State<'_, AppState>, author: NewAuthor) -> AppResult<Author> {
    state.with(|library| library.add_author(author))
}

/// Changes an author profile.
#[tauri::command]
pub async fn update_author(state: State<'_, AppState>, slug: String, change: AuthorChange) -> AppResult<Author> {
    state.with(|library| library.update_author(&slug, change))
}

/// Makes an author the default for new drafts.
#[tauri::command]
pub async fn set_default_author(state: State<'_, AppState>, slug: String) -> AppResult<()> {
    state.with(|library| library.set_default_author(&slug))
}

/// Removes an author, crediting their drafts to `reassign_to` if given.
#[tauri::command]
pub async fn remove_author(state: State<'_, AppState>, slug: String, reassign_to: Option<String>) -> AppResult<()> {
    state.with(|library| library.remove_author(&slug, reassign_to.as_deref()))
}
