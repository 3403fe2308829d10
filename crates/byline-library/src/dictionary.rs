//! The writer's spelling preferences, kept in the library so they travel with it: the personal
//! dictionary ("Add to dictionary") and the extra languages checked in every draft.
//!
//! The library only stores them; checking is the spell checker's (byline-spell), which the shell
//! joins to these lists.

use crate::error::{Error, Result};
use crate::store::{fmt_time, Library};

/// Longest word the personal dictionary accepts: longer is a pasted sentence, not a word.
const MAX_WORD_CHARS: usize = 100;

/// Longest language tag accepted (BCP 47 tags in practice stay far below this).
const MAX_TAG_CHARS: usize = 35;

impl Library {
    /// Adds `word` to the personal dictionary; adding a word already there changes nothing.
    /// Returns the word as stored (trimmed).
    pub fn add_dictionary_word(&mut self, word: &str) -> Result<String> {
        let word = clean_word(word)?;
        let now = self.now();
        let tx = self.write_tx()?;
        tx.execute("INSERT OR IGNORE INTO dictionary_words (word, added) VALUES (?1, ?2)", (&word, fmt_time(now)))?;
        tx.commit()?;
        Ok(word)
    }

    /// Removes `word` from the personal dictionary; returns whether it was there.
    pub fn remove_dictionary_word(&mut self, word: &str) -> Result<bool> {
        let tx = self.write_tx()?;
        let removed = tx.execute("DELETE FROM dictionary_words WHERE word = ?1", [word.trim()])?;
        tx.commit()?;
        Ok(removed > 0)
    }

    /// Every word of the personal dictionary, sorted.
    pub fn dictionary_words(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached("SELECT word FROM dictionary_words ORDER BY word")?;
        let words = statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(words)
    }

    /// The languages checked in every draft besides its own, in the writer's order.
    pub fn spelling_languages(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached("SELECT tag FROM spelling_languages ORDER BY position")?;
        let tags = statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(tags)
    }

    /// Replaces the extra spelling languages; repeated tags are kept once. Returns the list as
    /// stored.
    pub fn set_spelling_languages(&mut self, tags: &[String]) -> Result<Vec<String>> {
        let mut cleaned: Vec<String> = Vec::with_capacity(tags.len());
        for tag in tags {
            let tag = clean_tag(tag)?;
            if !cleaned.contains(&tag) {
                cleaned.push(tag);
            }
        }
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM spelling_languages", [])?;
        for (position, tag) in cleaned.iter().enumerate() {
            tx.execute("INSERT INTO spelling_languages (tag, position) VALUES (?1, ?2)", (tag, position as i64))?;
        }
        tx.commit()?;
        Ok(cleaned)
    }
}

fn clean_word(word: &str) -> Result<String> {
    let word = word.trim();
    if word.is_empty() {
        return Err(Error::InvalidInput("a dictionary word cannot be empty".into()));
    }
    if word.chars().any(char::is_whitespace) {
        return Err(Error::InvalidInput(format!("`{word}` is more than one word; add words one at a time")));
    }
    if word.chars().count() > MAX_WORD_CHARS {
        return Err(Error::InvalidInput(format!("a dictionary word has at most {MAX_WORD_CHARS} characters")));
    }
    Ok(word.to_owned())
}

fn clean_tag(tag: &str) -> Result<String> {
    let tag = tag.trim();
    let well_formed = !tag.is_empty()
        && tag.len() <= MAX_TAG_CHARS
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && tag.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !well_formed {
        return Err(Error::InvalidInput(format!(
            "`{tag}` is not a language tag; use one like `en`, `en-GB` or `de_DE`"
        )));
    }
    Ok(tag.to_owned())
}

#[cfg(test)]
mod tests {
    use crate::{Error, Library};

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::open(dir.path()).expect("open library");
        (dir, library)
    }

    #[test]
    fn added_words_are_listed_sorted_once_and_survive_reopening() {
        let (dir, mut library) = library();
        assert_eq!(library.add_dictionary_word(" Byline ").expect("add"), "Byline");
        library.add_dictionary_word("Abelard").expect("add");
        library.add_dictionary_word("Byline").expect("adding twice is fine");
        drop(library);
        let library = Library::open(dir.path()).expect("reopen");
        assert_eq!(library.dictionary_words().expect("list"), ["Abelard", "Byline"]);
    }

    #[test]
    fn a_removed_word_is_gone_and_removing_it_again_reports_nothing_removed() {
        let (_dir, mut library) = library();
        library.add_dictionary_word("frobnicate").expect("add");
        assert!(library.remove_dictionary_word("frobnicate").expect("remove"));
        assert!(!library.remove_dictionary_word("frobnicate").expect("remove again"));
        assert!(library.dictionary_words().expect("list").is_empty());
    }

    #[test]
    fn empty_or_several_words_are_refused_with_a_clear_message() {
        let (_dir, mut library) = library();
        for bad in ["", "   ", "two words", &"x".repeat(101)] {
            let error = library.add_dictionary_word(bad).expect_err(bad);
            assert!(matches!(error, Error::InvalidInput(_)), "{bad}: {error:?}");
        }
        let error = library.add_dictionary_word("two words").expect_err("two words");
        assert!(error.to_string().contains("one at a time"), "{error}");
    }

    #[test]
    fn spelling_languages_keep_the_writers_order_without_repeats() {
        let (dir, mut library) = library();
        assert!(library.spelling_languages().expect("none yet").is_empty());
        let tags = ["fr".to_owned(), "de-DE".to_owned(), "fr".to_owned()];
        assert_eq!(library.set_spelling_languages(&tags).expect("set"), ["fr", "de-DE"]);
        drop(library);
        let mut library = Library::open(dir.path()).expect("reopen");
        assert_eq!(library.spelling_languages().expect("list"), ["fr", "de-DE"]);
        library.set_spelling_languages(&[]).expect("clear");
        assert!(library.spelling_languages().expect("cleared").is_empty());
    }

    #[test]
    fn a_malformed_language_tag_changes_nothing() {
        let (_dir, mut library) = library();
        library.set_spelling_languages(&["en-GB".to_owned()]).expect("set");
        for bad in ["", "fr fr", "../en", "1en"] {
            let error = library.set_spelling_languages(&["fr".to_owned(), bad.to_owned()]).expect_err(bad);
            assert!(matches!(error, Error::InvalidInput(_)), "{bad}: {error:?}");
        }
        assert_eq!(library.spelling_languages().expect("list"), ["en-GB"]);
    }
}
