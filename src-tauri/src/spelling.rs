//! Spell checking for the editor: where byline-spell's checker meets the library's personal
//! dictionary and extra languages. The checker is built on first use (finding the installed
//! dictionaries, reading the personal words) and kept, with every dictionary it has parsed, so a
//! keystroke never pays for loading one.

use std::sync::{Mutex, PoisonError};

use byline_spell::{languages_for, system_language, InstalledDictionary, SpellChecker, MAX_SUGGESTIONS};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Most words one check may carry: the editor sends the visible text's new words in batches far
/// smaller than this; more is not a window's worth of prose.
pub const MAX_BATCH: usize = 2000;

/// Checked when neither the draft nor the locale names a language (the `C`/`POSIX` locale,
/// whose messages are English).
const FALLBACK_LANGUAGE: &str = "en";

/// `spelling_languages`: what a draft is checked in, for the Spelling Languages dialog.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SpellingLanguages {
    /// The draft's own language, else the system's, else English: always checked, listed first.
    pub primary: String,
    /// The installed dictionary `primary` is checked with, if one is installed.
    pub primary_dictionary: Option<String>,
    /// The writer's extra languages, kept in the library, in the writer's order.
    pub extras: Vec<String>,
}

/// The app's spell checker, built on first use.
#[derive(Default)]
pub struct Spelling {
    checker: Mutex<Option<SpellChecker>>,
}

impl Spelling {
    /// The words of `words` misspelled in the languages of a draft written in `language`.
    pub fn misspelled(&self, state: &AppState, language: Option<&str>, words: &[String]) -> AppResult<Vec<String>> {
        if words.len() > MAX_BATCH {
            return Err(AppError::TooManyWords(words.len()));
        }
        let languages = languages(state, language)?;
        self.with_checker(state, |checker| Ok(checker.misspelled(&languages, words)?))
    }

    /// Up to [`MAX_SUGGESTIONS`] replacements for `word` in the languages of a draft written in
    /// `language`.
    pub fn suggestions(&self, state: &AppState, language: Option<&str>, word: &str) -> AppResult<Vec<String>> {
        let languages = languages(state, language)?;
        self.with_checker(state, |checker| Ok(checker.suggestions(&languages, word, MAX_SUGGESTIONS)?))
    }

    /// Adds `word` to the library's personal dictionary and accepts it from now on.
    pub fn add_word(&self, state: &AppState, word: &str) -> AppResult<String> {
        let stored = state.with(|library| library.add_dictionary_word(word))?;
        self.with_checker(state, |checker| {
            checker.add_personal_word(&stored);
            Ok(stored)
        })
    }

    /// The languages a draft written in `language` is checked in, as the dialog shows them.
    pub fn languages(&self, state: &AppState, language: Option<&str>) -> AppResult<SpellingLanguages> {
        let primary = primary_language(language);
        let extras = state.with(|library| library.spelling_languages())?;
        let primary_dictionary =
            self.with_checker(state, |checker| Ok(checker.dictionary_for(&primary).map(|d| d.name.clone())))?;
        Ok(SpellingLanguages { primary, primary_dictionary, extras })
    }

    /// Every installed dictionary, sorted by name.
    pub fn installed(&self, state: &AppState) -> AppResult<Vec<InstalledDictionary>> {
        self.with_checker(state, |checker| Ok(checker.installed().to_vec()))
    }

    /// Runs `operation` on the checker under its lock, building it (with the library's personal
    /// words) the first time. The library lock is only ever taken inside this one, never the other
    /// way round, so the two cannot deadlock.
    fn with_checker<T>(
        &self,
        state: &AppState,
        operation: impl FnOnce(&mut SpellChecker) -> AppResult<T>,
    ) -> AppResult<T> {
        // A panic while checking leaves at worst a dictionary unparsed: keep serving.
        let mut guard = self.checker.lock().unwrap_or_else(PoisonError::into_inner);
        let checker = match guard.as_mut() {
            Some(checker) => checker,
            None => {
                let mut checker = SpellChecker::new();
                checker.set_personal_words(state.with(|library| library.dictionary_words())?);
                guard.insert(checker)
            }
        };
        operation(checker)
    }
}

/// The draft's own language, else the system's, else [`FALLBACK_LANGUAGE`].
fn primary_language(language: Option<&str>) -> String {
    let system = system_language();
    languages_for(language, system.as_deref(), &[]).into_iter().next().unwrap_or_else(|| FALLBACK_LANGUAGE.into())
}

/// Every language a draft written in `language` is checked in: its own first, then the extras.
fn languages(state: &AppState, language: Option<&str>) -> AppResult<Vec<String>> {
    let extras = state.with(|library| library.spelling_languages())?;
    Ok(languages_for(Some(&primary_language(language)), None, &extras))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use byline_library::Library;

    use super::*;

    fn state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(dir.path()).unwrap();
        (dir, AppState::new(library))
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn misspelled_words_come_back_and_an_added_word_stops_being_one() {
        let (_dir, state) = state();
        let spelling = Spelling::default();
        let text = words("Teh quikc brown fox Zorblat");
        let wrong = spelling.misspelled(&state, Some("en-US"), &text).unwrap();
        assert_eq!(wrong, ["Teh", "quikc", "Zorblat"]);
        spelling.add_word(&state, "Zorblat").unwrap();
        assert_eq!(spelling.misspelled(&state, Some("en-US"), &text).unwrap(), ["Teh", "quikc"]);
        // A checker built afresh (the next launch) reads the word back from the library.
        assert_eq!(Spelling::default().misspelled(&state, Some("en-US"), &text).unwrap(), ["Teh", "quikc"]);
    }

    #[test]
    fn extra_languages_from_the_library_are_checked_too() {
        let (_dir, state) = state();
        let spelling = Spelling::default();
        let text = words("house maison");
        assert_eq!(spelling.misspelled(&state, Some("en-GB"), &text).unwrap(), ["maison"]);
        state.with(|library| library.set_spelling_languages(&["fr".to_owned()])).unwrap();
        assert!(spelling.misspelled(&state, Some("en-GB"), &text).unwrap().is_empty());
        let shown = spelling.languages(&state, Some("en-GB")).unwrap();
        assert_eq!(shown.primary, "en-GB");
        assert_eq!(shown.primary_dictionary.as_deref(), Some("en_GB"));
        assert_eq!(shown.extras, ["fr"]);
    }

    #[test]
    fn suggestions_offer_the_intended_word() {
        let (_dir, state) = state();
        let suggestions = Spelling::default().suggestions(&state, Some("en"), "quikc").unwrap();
        assert!(suggestions.iter().any(|s| s == "quick"), "{suggestions:?}");
        assert!(suggestions.len() <= MAX_SUGGESTIONS);
    }

    #[test]
    fn a_language_without_a_dictionary_and_an_oversized_batch_are_refused_with_their_codes() {
        let (_dir, state) = state();
        let spelling = Spelling::default();
        let error = spelling.misspelled(&state, Some("tlh"), &words("nuqneH")).unwrap_err();
        assert_eq!(error.code(), "no_dictionary");
        assert!(error.to_string().contains("hunspell-tlh"), "{error}");
        let error = spelling.misspelled(&state, Some("en"), &vec!["word".to_owned(); MAX_BATCH + 1]).unwrap_err();
        assert_eq!(error.code(), "invalid_input");
    }
}
