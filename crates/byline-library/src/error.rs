//! The library's error type: every variant displays as one line that tells the writer what to do.

use std::path::PathBuf;

/// Result alias used throughout the library.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong in the library store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No draft (live or trashed) has this slug.
    #[error("no draft with slug `{0}`; `byline list` shows the slugs")]
    DraftNotFound(String),

    /// No author has this slug.
    #[error("no author with slug `{0}`; `byline author list` shows the slugs")]
    AuthorNotFound(String),

    /// The draft exists but has no revision with this number.
    #[error("draft `{slug}` has no revision #{id}; `byline history {slug}` lists its revisions")]
    RevisionNotFound {
        /// Slug of the draft.
        slug: String,
        /// Revision number that was asked for.
        id: i64,
    },

    /// A requested slug is already used (or, for drafts, was retired).
    #[error("the slug `{0}` is already taken; choose another slug")]
    SlugTaken(String),

    /// The author is credited on drafts and no replacement author was given.
    #[error(
        "author `{slug}` is credited on {count} draft(s) ({list}); reassign them to another author first",
        count = drafts.len(),
        list = drafts.join(", ")
    )]
    AuthorInUse {
        /// Slug of the author that could not be removed.
        slug: String,
        /// Slugs of the drafts that credit the author.
        drafts: Vec<String>,
    },

    /// A status name that is not one of the five known statuses.
    #[error("unknown status `{0}`; use one of: idea, draft, review, ready, published")]
    InvalidStatus(String),

    /// Input that cannot be stored as given; the message says what and how to fix it.
    #[error("{0}")]
    InvalidInput(String),

    /// Bytes that are not one of the supported image formats.
    #[error("`{file_name}` is not a supported image ({reason}); use PNG, JPEG, GIF, WebP, SVG or AVIF")]
    UnsupportedAsset {
        /// File name the bytes came with.
        file_name: String,
        /// Why the bytes were rejected.
        reason: String,
    },

    /// No stored asset has this hash.
    #[error("no asset with hash `{0}` in the library; add the file first")]
    AssetNotFound(String),

    /// The library path points at a file.
    #[error("library path {} is a file, not a folder; choose a folder for the library", .0.display())]
    LibraryIsFile(PathBuf),

    /// `library.db` exists but is not an SQLite database.
    #[error("{} is not a Byline library database; move it aside or choose another library folder", .0.display())]
    NotADatabase(PathBuf),

    /// The database schema is newer than this build understands.
    #[error("library was created by a newer Byline (schema {found}, this build knows up to {supported}); upgrade Byline")]
    NewerSchema {
        /// Schema version found in the database.
        found: i64,
        /// Newest schema version this build knows.
        supported: i64,
    },

    /// The draft is in the trash and cannot be edited.
    #[error("draft `{0}` is in the trash; `byline untrash {0}` first")]
    Trashed(String),

    /// Stored data could not be read back (hand-edited or damaged database).
    #[error("library data is damaged: {0}; restore library.db from a backup")]
    Corrupt(String),

    /// A file or folder given to import cannot be imported; `message` says why, after the path.
    #[error("{} {message}", path.display())]
    Import {
        /// The file or folder.
        path: PathBuf,
        /// What is wrong with it and what to do.
        message: String,
    },

    /// Exporting failed (template or rendering problem).
    #[error("export failed: {0}")]
    Export(String),

    /// The library could not be backed up to `path`.
    #[error("cannot back up the library to {}: {message}", path.display())]
    Backup {
        /// Where the backup was to be written.
        path: PathBuf,
        /// Why it failed.
        message: String,
    },

    /// Another process kept the library locked for longer than the 5 s busy timeout.
    #[error("the library is busy in another Byline window or command; try again in a moment")]
    Busy,

    /// An SQLite error that has no more specific variant.
    #[error("library database error: {0}")]
    Sqlite(#[source] rusqlite::Error),

    /// A file-system operation failed.
    #[error("cannot access {}: {source}", path.display())]
    Io {
        /// Path that could not be accessed.
        path: PathBuf,
        /// Underlying I/O error.
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Error::Busy,
            _ => Error::Sqlite(error),
        }
    }
}
