//! The spell checker: installed dictionaries loaded on first use and kept, plus the writer's
//! personal words.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use spellbook::Dictionary;

use crate::error::{Result, SpellError};
use crate::installed::{best_match, dictionary_dirs, find_installed, InstalledDictionary};

/// Most suggestions offered for one word: a menu longer than this is read by nobody.
pub const MAX_SUGGESTIONS: usize = 8;

/// Checks words against the installed dictionaries of the languages asked for.
pub struct SpellChecker {
    installed: Vec<InstalledDictionary>,
    /// Parsed dictionaries by their `.aff` file's real path, so `fr_FR` and `fr_CA` symlinked to
    /// `fr` are parsed (seconds, tens of megabytes) once.
    loaded: HashMap<PathBuf, Arc<Dictionary>>,
    personal: HashSet<String>,
}

impl Default for SpellChecker {
    fn default() -> Self {
        Self::new()
    }
}

impl SpellChecker {
    /// A checker over the dictionaries in [`dictionary_dirs`].
    pub fn new() -> Self {
        Self::with_dirs(&dictionary_dirs())
    }

    /// A checker over the dictionaries in `dirs` only.
    pub fn with_dirs(dirs: &[PathBuf]) -> Self {
        Self { installed: find_installed(dirs), loaded: HashMap::new(), personal: HashSet::new() }
    }

    /// The dictionaries found, sorted by name.
    pub fn installed(&self) -> &[InstalledDictionary] {
        &self.installed
    }

    /// The installed dictionary `tag` is checked with, if any.
    pub fn dictionary_for(&self, tag: &str) -> Option<&InstalledDictionary> {
        best_match(&self.installed, tag)
    }

    /// Replaces the personal words (the library's dictionary, read at start-up).
    pub fn set_personal_words(&mut self, words: impl IntoIterator<Item = String>) {
        self.personal = words.into_iter().collect();
    }

    /// Accepts `word` from now on.
    pub fn add_personal_word(&mut self, word: &str) {
        self.personal.insert(word.to_owned());
    }

    /// Stops accepting `word` unless a dictionary does.
    pub fn remove_personal_word(&mut self, word: &str) {
        self.personal.remove(word);
    }

    /// The words of `words` that no dictionary of `languages` and no personal word accepts,
    /// each once, in the order given. Fails when no language has an installed dictionary.
    pub fn misspelled(&mut self, languages: &[String], words: &[String]) -> Result<Vec<String>> {
        let dictionaries = self.dictionaries(languages)?;
        let mut seen = HashSet::with_capacity(words.len());
        let misspelled = words
            .iter()
            .filter(|word| seen.insert(word.as_str()))
            .filter(|word| !self.is_personal(word) && !dictionaries.iter().any(|d| d.check(word)))
            .cloned()
            .collect();
        Ok(misspelled)
    }

    /// Up to `limit` (at most [`MAX_SUGGESTIONS`]) replacements for `word`, the first
    /// language's first.
    pub fn suggestions(&mut self, languages: &[String], word: &str, limit: usize) -> Result<Vec<String>> {
        let limit = limit.min(MAX_SUGGESTIONS);
        let mut suggestions: Vec<String> = Vec::new();
        let mut found = Vec::new();
        for dictionary in self.dictionaries(languages)? {
            dictionary.suggest(word, &mut found);
            for suggestion in found.drain(..) {
                if suggestions.len() < limit && !suggestions.contains(&suggestion) {
                    suggestions.push(suggestion);
                }
            }
        }
        Ok(suggestions)
    }

    /// Personal words match as added, and a word added in lowercase matches any capitalisation
    /// (as Hunspell treats its own lowercase entries).
    fn is_personal(&self, word: &str) -> bool {
        self.personal.contains(word) || self.personal.contains(&word.to_lowercase())
    }

    /// The parsed dictionaries for `languages`, each once, loading any not loaded yet.
    fn dictionaries(&mut self, languages: &[String]) -> Result<Vec<Arc<Dictionary>>> {
        let files: Vec<(String, PathBuf, PathBuf)> = languages
            .iter()
            .filter_map(|tag| self.dictionary_for(tag))
            .map(|d| (d.name.clone(), d.aff.clone(), d.dic.clone()))
            .collect();
        if files.is_empty() {
            return Err(SpellError::NoDictionary { tags: languages.to_vec() });
        }
        let mut dictionaries: Vec<Arc<Dictionary>> = Vec::with_capacity(files.len());
        for (name, aff, dic) in files {
            let key = aff.canonicalize().unwrap_or(aff.clone());
            let dictionary = match self.loaded.get(&key) {
                Some(dictionary) => Arc::clone(dictionary),
                None => {
                    let dictionary = Arc::new(load(&name, &aff, &dic)?);
                    self.loaded.insert(key, Arc::clone(&dictionary));
                    dictionary
                }
            };
            if !dictionaries.iter().any(|seen| Arc::ptr_eq(seen, &dictionary)) {
                dictionaries.push(dictionary);
            }
        }
        Ok(dictionaries)
    }
}

/// Parses one dictionary from its two files.
fn load(name: &str, aff: &Path, dic: &Path) -> Result<Dictionary> {
    let aff_text = read_text(name, aff)?;
    let dic_text = read_text(name, dic)?;
    Dictionary::new(&aff_text, &dic_text)
        .map_err(|error| SpellError::Parse { name: name.to_owned(), message: error.to_string() })
}

/// A dictionary file as text. Byline reads UTF-8 dictionaries (`SET UTF-8`, what every current
/// distribution ships); a byte-order mark, which some `.dic` files start with, is dropped.
fn read_text(name: &str, path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| SpellError::Read { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|_| SpellError::Parse {
        name: name.to_owned(),
        message: format!("{} is not UTF-8 text", path.display()),
    })?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}
