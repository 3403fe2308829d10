//! Byline's spell checker: the system's Hunspell dictionaries (`/usr/share/hunspell`), checked
//! in-process with spellbook, a pure-Rust Hunspell reader.
//!
//! Why not the webview's own checker: WebKitGTK checks only when its web context is configured
//! with languages, results and suggestions differ per platform, and CodeMirror, which draws the
//! text itself, never sees what it marked, so it cannot skip code, links or front matter. Here
//! the editor sends the words it wants checked (prose only, chosen by the Markdown syntax tree)
//! and draws the underlines itself, the same on every system.
//!
//! The writer's personal words and extra languages are stored in the library (byline-library);
//! the shell hands them to [`SpellChecker`], which knows nothing of the library.

mod checker;
mod error;
mod installed;
mod language;

pub use checker::{SpellChecker, MAX_SUGGESTIONS};
pub use error::{Result, SpellError};
pub use installed::{dictionary_dirs, find_installed, InstalledDictionary, DIRS_VARIABLE};
pub use language::{languages_for, locale_language, system_language};
