//! What checking can fail with.

use std::path::PathBuf;

/// Result of the spell checker's fallible operations.
pub type Result<T> = std::result::Result<T, SpellError>;

/// Everything the spell checker can fail with.
#[derive(Debug, thiserror::Error)]
pub enum SpellError {
    /// None of the languages asked for has a dictionary on this system.
    #[error("no spelling dictionary is installed for {}; install one (e.g. the hunspell-{} package)", .tags.join(", "), package_hint(.tags))]
    NoDictionary {
        /// The tags asked for, as given.
        tags: Vec<String>,
    },

    /// A dictionary file could not be read.
    #[error("cannot read the spelling dictionary {}: {source}", .path.display())]
    Read {
        /// The `.aff` or `.dic` file.
        path: PathBuf,
        /// Why reading failed.
        source: std::io::Error,
    },

    /// A dictionary's files are not a Hunspell dictionary spellbook understands.
    #[error("the spelling dictionary {name} is damaged: {message}")]
    Parse {
        /// The dictionary's name, e.g. `en_US`.
        name: String,
        /// What the parser reported.
        message: String,
    },
}

/// The Debian/Ubuntu package name for the first tag, e.g. `en-us` for `en_US`: the most likely
/// way a writer gets the dictionary.
fn package_hint(tags: &[String]) -> String {
    tags.first().map_or_else(|| "en-us".to_owned(), |tag| tag.replace('_', "-").to_ascii_lowercase())
}
