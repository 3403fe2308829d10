//! Spell checking: the editor's words checked in a draft's languages, suggestions, the personal
//! dictionary and the writer's extra languages (kept in the library).

use byline_spell::InstalledDictionary;
use tauri::State;

use crate::error::AppResult;
use crate::spelling::{Spelling, SpellingLanguages};
use crate::state::AppState;

/// The words of `words` misspelled in a draft written in `language` (its `language` field;
/// null for the system's), each once.
#[tauri::command]
pub async fn check_spelling(
    state: State<'_, AppState>,
    spelling: State<'_, Spelling>,
    language: Option<String>,
    words: Vec<String>,
) -> AppResult<Vec<String>> {
    spelling.misspelled(&state, language.as_deref(), &words)
}

/// Replacements for `word`, best first, at most eight.
#[tauri::command]
pub async fn spelling_suggestions(
    state: State<'_, AppState>,
    spelling: State<'_, Spelling>,
    language: Option<String>,
    word: String,
) -> AppResult<Vec<String>> {
    spelling.suggestions(&state, language.as_deref(), &word)
}

/// Adds `word` to the personal dictionary; returns it as stored.
#[tauri::command]
pub async fn add_dictionary_word(
    state: State<'_, AppState>,
    spelling: State<'_, Spelling>,
    word: String,
) -> AppResult<String> {
    spelling.add_word(&state, &word)
}

/// What a draft written in `language` is checked in: its primary language and the extras.
#[tauri::command]
pub async fn spelling_languages(
    state: State<'_, AppState>,
    spelling: State<'_, Spelling>,
    language: Option<String>,
) -> AppResult<SpellingLanguages> {
    spelling.languages(&state, language.as_deref())
}

/// Replaces the extra languages checked in every draft; returns them as stored.
#[tauri::command]
pub async fn set_spelling_languages(state: State<'_, AppState>, tags: Vec<String>) -> AppResult<Vec<String>> {
    state.with(|library| library.set_spelling_languages(&tags))
}

/// Every installed Hunspell dictionary, sorted by name.
#[tauri::command]
pub async fn installed_dictionaries(
    state: State<'_, AppState>,
    spelling: State<'_, Spelling>,
) -> AppResult<Vec<InstalledDictionary>> {
    spelling.installed(&state)
}
