//! The shell's error type and how every error crosses IPC: `{ code, message }`, where `code` is
//! stable for the UI to branch on and `message` is the one line the writer reads.

use serde::Serialize;
use ts_rs::TS;

/// Result of every app command.
pub type AppResult<T> = Result<T, AppError>;

/// Everything an app command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The library refused or failed; its message already says what to do.
    #[error(transparent)]
    Library(#[from] byline_library::Error),

    /// A link that is not http, https or mailto (or is disguised) was not opened.
    #[error("Byline opens only web and email links (http, https, mailto); it did not open `{0}`")]
    RefusedUrl(String),

    /// A path from the UI cannot be used as given.
    #[error("{0}")]
    InvalidPath(String),

    /// The system could not open a link or show a file.
    #[error("the system could not {action}: {source}")]
    Opener {
        /// What was attempted, e.g. "open https://example.org".
        action: String,
        /// Why the system opener failed.
        source: Box<tauri_plugin_opener::Error>,
    },

    /// The UI asked to run a menu item the menu does not have.
    #[error("the menu has no item `{0}`")]
    UnknownMenuItem(String),

    /// Spell checking failed: no dictionary for the draft's languages, or one unreadable.
    #[error(transparent)]
    Spell(#[from] byline_spell::SpellError),

    /// The editor sent more words to check at once than a window shows.
    #[error("{0} words is too many to check at once; the editor sends at most {max}", max = crate::spelling::MAX_BATCH)]
    TooManyWords(usize),

    /// A window operation failed.
    #[error("the window could not {action}: {source}")]
    Window {
        /// What was attempted.
        action: &'static str,
        /// Why it failed.
        source: Box<tauri::Error>,
    },
}

impl AppError {
    /// The stable code the UI sees, e.g. `not_found` or `refused`.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Library(error) => library_code(error),
            AppError::RefusedUrl(_) => "refused",
            AppError::InvalidPath(_) | AppError::UnknownMenuItem(_) | AppError::TooManyWords(_) => "invalid_input",
            AppError::Opener { .. } => "io",
            AppError::Window { .. } => "internal",
            AppError::Spell(error) => spell_code(error),
        }
    }
}

/// Exhaustive too: the UI stops asking for a language it is told has no dictionary.
fn spell_code(error: &byline_spell::SpellError) -> &'static str {
    use byline_spell::SpellError as E;
    match error {
        E::NoDictionary { .. } => "no_dictionary",
        E::Read { .. } => "io",
        E::Parse { .. } => "internal",
    }
}

/// Exhaustive on purpose: a new library error must be given a code here before the app builds.
fn library_code(error: &byline_library::Error) -> &'static str {
    use byline_library::{Error as E, StorageProblem};
    match error {
        E::DraftNotFound(_) | E::AuthorNotFound(_) | E::RevisionNotFound { .. } | E::AssetNotFound(_) => "not_found",
        E::SlugTaken(_) => "slug_taken",
        E::AuthorInUse { .. } => "author_in_use",
        E::InvalidStatus(_) | E::InvalidInput(_) | E::UnsupportedAsset { .. } | E::Import { .. } => "invalid_input",
        E::Trashed(_) => "trashed",
        E::Busy => "busy",
        E::DiskFull { .. } => "disk_full",
        E::ReadOnly { .. } => "read_only",
        E::Io { .. } => match error.storage_problem() {
            Some(StorageProblem::DiskFull) => "disk_full",
            Some(StorageProblem::ReadOnly) => "read_only",
            None => "io",
        },
        E::LibraryIsFile(_) | E::Backup { .. } => "io",
        E::Export(_) => "export",
        E::NotADatabase(_) | E::NewerSchema { .. } | E::Corrupt(_) | E::Sqlite(_) => "internal",
    }
}

/// How every command rejects: an [`AppError`] as it crosses IPC.
#[derive(Serialize, TS)]
pub struct IpcError {
    /// Stable, for the UI to branch on: `not_found`, `slug_taken`, `refused`, `disk_full`…
    pub code: &'static str,
    /// The one line the writer reads: what went wrong and what to do.
    pub message: String,
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        IpcError { code: self.code(), message: self.to_string() }.serialize(serializer)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::path::PathBuf;

    use byline_library::Error as E;
    use serde_json::json;

    use super::*;

    fn wire(error: impl Into<AppError>) -> serde_json::Value {
        serde_json::to_value(error.into()).unwrap()
    }

    #[test]
    fn library_errors_reach_the_ui_as_code_and_message() {
        assert_eq!(
            wire(E::DraftNotFound("my-post".into())),
            json!({ "code": "not_found", "message": "no draft with slug `my-post`; `byline list` shows the slugs" })
        );
        let in_use = E::AuthorInUse { slug: "ada".into(), drafts: vec!["a".into(), "b".into()] };
        assert_eq!(wire(in_use)["code"], "author_in_use");
        assert_eq!(wire(E::SlugTaken("x".into()))["code"], "slug_taken");
        assert_eq!(wire(E::Trashed("x".into()))["code"], "trashed");
        assert_eq!(wire(E::InvalidInput("title must not be blank".into()))["message"], "title must not be blank");
    }

    /// Each kind keeps its code and reaches the writer with the words that say what to do.
    #[test]
    fn every_kind_of_library_error_has_its_code_and_tells_the_writer_what_to_do() {
        let io = || std::io::Error::other("device went away");
        let cases = [
            (
                E::AuthorNotFound("a".into()),
                "not_found",
                "no author with slug `a`; `byline author list` shows the slugs",
            ),
            (
                E::RevisionNotFound { slug: "a".into(), id: 3 },
                "not_found",
                "draft `a` has no revision #3; `byline history a` lists its revisions",
            ),
            (E::AssetNotFound("ff".into()), "not_found", "no asset with hash `ff` in the library; add the file first"),
            (
                E::InvalidStatus("done".into()),
                "invalid_input",
                "unknown status `done`; use one of: idea, draft, review, ready, published",
            ),
            (
                E::UnsupportedAsset { file_name: "a.txt".into(), reason: "text".into() },
                "invalid_input",
                "`a.txt` is not a supported image (text); use PNG, JPEG, GIF, WebP, SVG or AVIF",
            ),
            (E::Import { path: PathBuf::from("/x.md"), message: "is empty".into() }, "invalid_input", "/x.md is empty"),
            (
                E::Busy,
                "busy",
                "The library is busy: another Byline window or command is writing to it. Try again in a moment.",
            ),
            (E::Io { path: PathBuf::from("/x"), source: io() }, "io", "cannot access /x: device went away"),
            (
                E::LibraryIsFile(PathBuf::from("/x")),
                "io",
                "library path /x is a file, not a folder; choose a folder for the library",
            ),
            (
                E::Backup { path: PathBuf::from("/b"), message: "full".into() },
                "io",
                "cannot back up the library to /b: full",
            ),
            (E::Export("template".into()), "export", "export failed: template"),
            (
                E::NotADatabase(PathBuf::from("/x/library.db")),
                "internal",
                "/x/library.db is not a Byline library database; move it aside or choose another library folder",
            ),
            (
                E::NewerSchema { found: 9, supported: 2 },
                "internal",
                "library was created by a newer Byline (schema 9, this build knows up to 2); upgrade Byline",
            ),
            (
                E::Corrupt("bad row".into()),
                "internal",
                "library data is damaged: bad row; restore library.db from a backup",
            ),
        ];
        for (error, code, message) in cases {
            let value = wire(error);
            assert_eq!(value, json!({ "code": code, "message": message }));
        }
    }

    #[test]
    fn a_full_or_read_only_disk_has_its_own_code_so_the_ui_can_say_not_saved_and_why() {
        use std::io::{Error as IoError, ErrorKind};
        let full = wire(E::DiskFull { path: PathBuf::from("/lib/library.db") });
        assert_eq!(full["code"], "disk_full");
        assert!(full["message"].as_str().unwrap().contains("the disk is full"), "{full}");
        let read_only =
            E::ReadOnly { path: PathBuf::from("/lib/library.db"), reason: "the disk is mounted read-only".into() };
        assert_eq!(wire(read_only)["code"], "read_only");
        let file_error = |kind| E::Io { path: PathBuf::from("/out/post.html"), source: IoError::from(kind) };
        assert_eq!(wire(file_error(ErrorKind::StorageFull))["code"], "disk_full");
        assert_eq!(wire(file_error(ErrorKind::ReadOnlyFilesystem))["code"], "read_only");
        assert_eq!(wire(file_error(ErrorKind::PermissionDenied))["code"], "read_only");
        assert_eq!(wire(file_error(ErrorKind::NotFound))["code"], "io");
    }

    #[test]
    fn shell_errors_have_their_own_codes() {
        let refused = wire(AppError::RefusedUrl("javascript:alert(1)".into()));
        assert_eq!(refused["code"], "refused");
        assert!(refused["message"].as_str().unwrap().contains("http, https, mailto"));
        assert_eq!(wire(AppError::InvalidPath("give a full path".into()))["code"], "invalid_input");
    }

    #[test]
    fn a_missing_dictionary_has_its_own_code_and_names_the_package_to_install() {
        let missing = wire(byline_spell::SpellError::NoDictionary { tags: vec!["pt_BR".into()] });
        assert_eq!(missing["code"], "no_dictionary");
        assert!(missing["message"].as_str().unwrap().contains("hunspell-pt-br"), "{missing}");
        let damaged = byline_spell::SpellError::Parse { name: "en_US".into(), message: "bad flag".into() };
        assert_eq!(wire(damaged)["code"], "internal");
        assert_eq!(wire(AppError::TooManyWords(5000))["code"], "invalid_input");
    }
}
