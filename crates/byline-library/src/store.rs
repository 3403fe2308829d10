//! Opening a library: the folder, the SQLite connection and its settings, migrations, the clock,
//! plus library-wide reports (stats, integrity check).

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, Savepoint, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::model::LibraryStats;

/// Schema migrations in order; entry `i` moves the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_folder_sync.sql"),
    include_str!("migrations/0003_fast_lists_and_saves.sql"),
    include_str!("migrations/0004_file_origin.sql"),
    include_str!("migrations/0005_discuss_url.sql"),
    include_str!("migrations/0006_personal_dictionary.sql"),
    include_str!("migrations/0007_titles_and_goals.sql"),
    include_str!("migrations/0008_first_run.sql"),
    include_str!("migrations/0009_opened_files.sql"),
];

/// Newest schema version this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How much of the database file is read through a memory map instead of read() copies.
const MMAP_BYTES: i64 = 256 * 1024 * 1024;

/// Page cache size in KiB (SQLite takes a negative `cache_size` as KiB).
const CACHE_KIB: i64 = 16 * 1024;

/// How long a write waits for another process's write lock before failing with [`Error::Busy`].
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Name of the database file inside the library folder.
pub const DATABASE_FILE: &str = "library.db";

/// Source of "now"; injectable so tests can drive autosave coalescing.
pub type Clock = Box<dyn Fn() -> DateTime<Utc> + Send>;

/// A Byline library: one folder holding `library.db`.
pub struct Library {
    pub(crate) conn: Connection,
    dir: PathBuf,
    clock: Clock,
    /// The database file's fingerprint when opened, to tell at close whether this session
    /// accounts for every change to it ([`clean_close`](crate::clean_close)).
    opened_as: Option<String>,
}

impl Drop for Library {
    fn drop(&mut self) {
        crate::clean_close::record(&self.conn, &self.dir, self.opened_as.as_deref());
    }
}

impl fmt::Debug for Library {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Library").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Library {
    /// Opens (creating if needed) the library in `dir`, migrating its schema to the current version.
    pub fn open(dir: &Path) -> Result<Library> {
        Library::open_with_clock(dir, Box::new(Utc::now))
    }

    /// Like [`Library::open`], with `clock` as the source of "now" for every timestamp.
    pub fn open_with_clock(dir: &Path, clock: Clock) -> Result<Library> {
        prepare_dir(dir)?;
        let db_path = dir.join(DATABASE_FILE);
        let conn = Connection::open(&db_path).map_err(|e| not_a_database(e, &db_path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found = schema_version(&conn).map_err(|e| not_a_database(e, &db_path))?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found, supported: SCHEMA_VERSION });
        }
        configure(&conn).map_err(|e| e.at_database(&db_path))?;
        let opened_as = crate::clean_close::fingerprint(dir);
        let mut library = Library { conn, dir: dir.to_path_buf(), clock, opened_as };
        let now = library.now();
        migrate(&mut library.conn, now).map_err(|e| e.at_database(&db_path))?;
        Ok(library)
    }

    /// The library folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Replaces the source of "now" (tests use this to simulate typing over time).
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Counts of live drafts, trashed drafts, revisions, authors and assets.
    pub fn stats(&self) -> Result<LibraryStats> {
        let count = |sql: &str| -> Result<usize> {
            let n: i64 = self.conn.query_row(sql, [], |row| row.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok(LibraryStats {
            drafts: count("SELECT count(*) FROM drafts WHERE trashed_at IS NULL")?,
            trashed: count("SELECT count(*) FROM drafts WHERE trashed_at IS NOT NULL")?,
            revisions: count("SELECT count(*) FROM revisions")?,
            authors: count("SELECT count(*) FROM authors")?,
            assets: count("SELECT count(*) FROM blobs")?,
        })
    }

    /// True when the library holds no draft (live or trashed) and no author: nothing to lose.
    pub(crate) fn holds_nothing(&self) -> Result<bool> {
        let empty = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM drafts) AND NOT EXISTS (SELECT 1 FROM authors)",
            [],
            |row| row.get(0),
        )?;
        Ok(empty)
    }

    /// Checks the database; returns one line per problem, so an empty list means healthy.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines = stmt.query_map([], |row| row.get::<_, String>(0))?;
        for line in lines {
            let line = line?;
            if line != "ok" {
                problems.push(line);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let violations = stmt.query_map([], |row| {
            Ok(format!(
                "table {} row {} refers to a missing row of {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?.map_or_else(|| "?".to_string(), |id| id.to_string()),
                row.get::<_, String>(2)?
            ))
        })?;
        for violation in violations {
            problems.push(violation?);
        }
        if let Err(e) = self.conn.execute("INSERT INTO drafts_fts(drafts_fts) VALUES ('integrity-check')", []) {
            problems.push(format!("search index: {e}"));
        }
        let unindexed: i64 = self.conn.query_row(
            "SELECT count(*) FROM drafts WHERE id NOT IN (SELECT rowid FROM drafts_fts)",
            [],
            |row| row.get(0),
        )?;
        if unindexed > 0 {
            problems.push(format!("search index: {unindexed} draft(s) missing"));
        }
        Ok(problems)
    }

    /// The current time from the injected clock, at the precision the database stores.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        (self.clock)().trunc_subsecs(6)
    }

    /// Fails with [`Error::ReadOnly`] before a write starts on a database SQLite could only
    /// open read-only, instead of with "attempt to write a readonly database" half-way in.
    fn ensure_writable(&self) -> Result<()> {
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(Error::read_only_database(&self.dir.join(DATABASE_FILE)));
        }
        Ok(())
    }

    /// Starts a write transaction that takes the write lock up front, so two processes
    /// (CLI and app) queue on `busy_timeout` instead of failing to upgrade a read lock.
    /// Inside [`Library::atomically`] it is a savepoint, so the outer transaction decides.
    pub(crate) fn write_tx(&mut self) -> Result<WriteTx<'_>> {
        self.ensure_writable()?;
        let db_path = self.dir.join(DATABASE_FILE);
        let located = |e: rusqlite::Error| Error::from(e).at_database(&db_path);
        if self.conn.is_autocommit() {
            Ok(WriteTx::Top(self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(located)?))
        } else {
            Ok(WriteTx::Nested(self.conn.savepoint().map_err(located)?))
        }
    }

    /// Runs `work` as one transaction: all of its writes land together, or none do.
    /// Nested calls become savepoints of the enclosing transaction.
    pub(crate) fn atomically<T>(&mut self, work: impl FnOnce(&mut Library) -> Result<T>) -> Result<T> {
        let nested = !self.conn.is_autocommit();
        let (begin, commit, rollback) = if nested {
            ("SAVEPOINT atomically", "RELEASE atomically", "ROLLBACK TO atomically; RELEASE atomically")
        } else {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        };
        self.ensure_writable()?;
        self.conn.execute_batch(begin).map_err(|e| Error::from(e).at_database(&self.dir.join(DATABASE_FILE)))?;
        // A transaction left open by a panic would silently swallow every later write of a
        // long-running app, so roll back before letting the panic continue.
        let outcome = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self))) {
            Ok(outcome) => outcome,
            Err(panic) => {
                let _ = self.conn.execute_batch(rollback);
                std::panic::resume_unwind(panic);
            }
        };
        let result = outcome.and_then(|value| {
            self.conn.execute_batch(commit)?;
            Ok(value)
        });
        if result.is_err() {
            // The error that made us roll back (or the failed commit) is the one worth reporting.
            let _ = self.conn.execute_batch(rollback);
        }
        result.map_err(|e| e.at_database(&self.dir.join(DATABASE_FILE)))
    }
}

/// A write transaction, or a savepoint inside an enclosing [`Library::atomically`].
pub(crate) enum WriteTx<'a> {
    /// A top-level `BEGIN IMMEDIATE` transaction.
    Top(Transaction<'a>),
    /// A savepoint nested in an outer transaction.
    Nested(Savepoint<'a>),
}

impl WriteTx<'_> {
    /// Commits (or releases the savepoint); dropping without commit rolls back.
    pub(crate) fn commit(self) -> Result<()> {
        // A full disk usually shows only here, when the WAL grows; name the file that could not.
        let db_path = PathBuf::from(self.path().unwrap_or_default());
        let committed = match self {
            WriteTx::Top(tx) => tx.commit(),
            WriteTx::Nested(sp) => sp.commit(),
        };
        committed.map_err(|e| Error::from(e).at_database(&db_path))
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            WriteTx::Top(tx) => tx,
            WriteTx::Nested(sp) => sp,
        }
    }
}

fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::LibraryIsFile(dir.to_path_buf()));
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })
}

fn not_a_database(error: rusqlite::Error, path: &Path) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase(path.to_path_buf()),
        _ => Error::from(error).at_database(path),
    }
}

fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::InvalidInput(format!(
            "the library database could not switch to WAL journaling (got `{mode}`); put the library on a local disk"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Search and listing read thousands of pages: with the default 2 MB cache and read() copies
    // into it, copying pages dominated them. Mapped pages are read in place and shared with the
    // OS cache; the larger cache keeps the WAL's pages and hot index pages between queries.
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    crate::search::register_ranking(conn)?;
    Ok(())
}

/// Applies every pending migration, each in its own transaction together with its version bump,
/// so a crash mid-way leaves the schema at a well-defined version.
fn migrate(conn: &mut Connection, now: DateTime<Utc>) -> Result<()> {
    // Already current: no write lock, so opening never queues behind another writer, and a
    // library on a read-only disk still opens for reading.
    if schema_version(conn)? >= SCHEMA_VERSION {
        return Ok(());
    }
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Re-read inside the lock: another process may have migrated meanwhile.
        if schema_version(&tx)? >= version {
            continue;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)", (version, fmt_time(now)))?;
        tx.commit()?;
    }
    Ok(())
}

/// Formats a time the way the database stores it (sortable text).
pub(crate) fn fmt_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Reads a stored time from column `idx`.
pub(crate) fn time_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(idx)?;
    parse_time(&text, idx)
}

/// Reads an optional stored time from column `idx`.
pub(crate) fn opt_time_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|text| parse_time(&text, idx)).transpose()
}

fn parse_time(text: &str, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// Reads a JSON column from `idx`.
pub(crate) fn json_col<T: serde::de::DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))
}

/// Reads a non-negative count column from `idx`.
pub(crate) fn usize_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<usize> {
    let n: i64 = row.get(idx)?;
    usize::try_from(n).map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Integer, Box::new(e)))
}

/// Serializes a value for a JSON column.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Corrupt(format!("cannot encode JSON: {e}")))
}

/// `query_row` that maps "no row" to `missing()`.
pub(crate) fn row_or<T>(result: rusqlite::Result<T>, missing: impl FnOnce() -> Error) -> Result<T> {
    result.optional()?.ok_or_else(missing)
}
