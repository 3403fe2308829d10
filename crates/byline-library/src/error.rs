//! The library's error type: every variant displays as one line that tells the writer what to do.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

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
    #[error(
        "library was created by a newer Byline (schema {found}, this build knows up to {supported}); upgrade Byline"
    )]
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

    /// Another process kept the library locked for longer than the busy timeout.
    #[error("The library is busy: another Byline window or command is writing to it. Try again in a moment.")]
    Busy,

    /// The disk holding `path` has no room left; the write was rolled back.
    #[error(
        "the disk is full: nothing could be written to {}, so nothing was saved; free some space on that disk, then save again",
        path.display()
    )]
    DiskFull {
        /// The file (usually `library.db`) that could not grow.
        path: PathBuf,
    },

    /// `path` cannot be written: a read-only disk, file or folder, or no permission.
    #[error(
        "{} cannot be written ({reason}), so nothing was saved; make it writable, or use a library in a writable folder",
        path.display()
    )]
    ReadOnly {
        /// The file or folder that refused the write.
        path: PathBuf,
        /// What refused it, e.g. "the disk is mounted read-only".
        reason: String,
    },

    /// An SQLite error that has no more specific variant.
    #[error("library database error: {0}")]
    Sqlite(#[source] rusqlite::Error),

    /// A file-system operation failed; a full or read-only disk is named as such.
    #[error("{}", io_message(path, source))]
    Io {
        /// Path that could not be accessed.
        path: PathBuf,
        /// Underlying I/O error.
        source: std::io::Error,
    },
}

/// What kind of storage problem an error is, for callers that branch on it (the app's codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// No space left on the disk (or the quota is used up).
    DiskFull,
    /// A read-only disk, file or folder, or no permission to write.
    ReadOnly,
}

impl Error {
    /// The storage problem behind this error, if it is one (including file errors while
    /// exporting or writing the drafts folder).
    pub fn storage_problem(&self) -> Option<StorageProblem> {
        match self {
            Error::DiskFull { .. } => Some(StorageProblem::DiskFull),
            Error::ReadOnly { .. } => Some(StorageProblem::ReadOnly),
            Error::Io { source, .. } => io_problem(source),
            _ => None,
        }
    }

    /// Names the database file in an SQLite error that is really a storage problem (full disk,
    /// read-only or unopenable file), so the writer learns what happened and where.
    pub(crate) fn at_database(self, db_path: &Path) -> Error {
        let Error::Sqlite(sqlite) = &self else { return self };
        match sqlite.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull { path: db_path.to_path_buf() },
            Some(ErrorCode::ReadOnly) => Error::read_only_database(db_path),
            // SQLite says only "unable to open" or "disk I/O error"; the file system knows why.
            Some(ErrorCode::CannotOpen | ErrorCode::SystemIoFailure | ErrorCode::PermissionDenied) => {
                match write_probe(db_path) {
                    Some((StorageProblem::DiskFull, _)) => Error::DiskFull { path: db_path.to_path_buf() },
                    Some((StorageProblem::ReadOnly, reason)) => Error::ReadOnly { path: db_path.to_path_buf(), reason },
                    None => self,
                }
            }
            _ => self,
        }
    }

    /// The database at `db_path` was opened read-only (SQLite falls back to that when it cannot
    /// open the file for writing); the reason names the disk or folder when they are the cause.
    pub(crate) fn read_only_database(db_path: &Path) -> Error {
        let reason = write_probe(db_path).map_or_else(
            || "the database file is read-only: it cannot be opened for writing".to_owned(),
            |(_, reason)| reason,
        );
        Error::ReadOnly { path: db_path.to_path_buf(), reason }
    }
}

/// Tries the write SQLite needs beside `db_path` (a new file in its folder, as for its journal)
/// and returns the storage problem that stops it, if any. The database file itself is never
/// opened here: closing a second descriptor would drop this process's SQLite locks on it.
fn write_probe(db_path: &Path) -> Option<(StorageProblem, String)> {
    let dir = db_path.parent()?;
    let probe = dir.join(format!(".byline-write-probe-{}", std::process::id()));
    let written = OpenOptions::new().write(true).create_new(true).open(&probe).and_then(|mut file| {
        file.write_all(&[0; 512])?;
        file.sync_all()
    });
    let _ = std::fs::remove_file(&probe);
    let error = written.err()?;
    io_problem(&error).map(|problem| (problem, io_reason(dir, &error)))
}

fn io_problem(error: &std::io::Error) -> Option<StorageProblem> {
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Some(StorageProblem::DiskFull),
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => Some(StorageProblem::ReadOnly),
        _ => None,
    }
}

/// Why a storage error happened, in the writer's words.
fn io_reason(path: &Path, error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::ReadOnlyFilesystem => "the disk is mounted read-only".to_owned(),
        ErrorKind::PermissionDenied => format!("no permission to write to {}", path.display()),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "the disk is full".to_owned(),
        _ => error.to_string(),
    }
}

/// The one line shown for a failed file-system operation.
fn io_message(path: &Path, error: &std::io::Error) -> String {
    match io_problem(error) {
        Some(StorageProblem::DiskFull) => {
            format!("the disk is full: cannot write {}; free some space on that disk, then try again", path.display())
        }
        Some(StorageProblem::ReadOnly) => format!(
            "cannot write {} ({}); make it writable or choose another location",
            path.display(),
            io_reason(path, error)
        ),
        None => format!("cannot access {}: {error}", path.display()),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            _ => Error::Sqlite(error),
        }
    }
}
