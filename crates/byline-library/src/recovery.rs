//! Keeping a library recoverable: automatic backups, and recovery from a damaged database.
//!
//! A damaged `library.db` is never written over. It is moved aside (with its WAL and shared-
//! memory files), the newest backup that passes an integrity check takes its place, and the
//! caller gets a [`RecoveryNotice`] that says exactly what happened and where the old file is.

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::store::DATABASE_FILE;
use crate::{Error, Library, Result};

/// Backups kept by [`Library::backup_if_due`].
pub const BACKUPS_KEPT: usize = 7;
/// Folder inside the library that holds automatic backups.
pub const BACKUP_DIR: &str = "backups";

/// What recovery did, for the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryNotice {
    /// Why the database was considered damaged.
    pub reason: String,
    /// Where the damaged database now is.
    pub moved_aside: PathBuf,
    /// The backup the library was restored from; None when no good backup existed.
    pub restored_from: Option<PathBuf>,
}

impl fmt::Display for RecoveryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the library database was damaged ({}); it was moved to {}", self.reason, self.moved_aside.display())?;
        match &self.restored_from {
            Some(backup) => write!(
                f,
                " and the library was restored from the backup {}; changes made after that backup may be in the moved file",
                backup.display()
            ),
            None => write!(
                f,
                "; no good backup was found, so an empty library was started (re-import your drafts folder with `byline sync DIR`)"
            ),
        }
    }
}

impl Library {
    /// Opens the library like [`Library::open`], but first checks the database; a damaged one
    /// is moved aside and replaced by the newest good backup, and the notice says so.
    pub fn open_or_recover(dir: &Path) -> Result<(Library, Option<RecoveryNotice>)> {
        let db_path = dir.join(DATABASE_FILE);
        let damage = if db_path.is_file() { diagnose(&db_path) } else { None };
        let Some(reason) = damage else {
            return Ok((Library::open(dir)?, None));
        };
        let moved_aside = move_aside(&db_path)?;
        let restored_from = newest_good_backup(&dir.join(BACKUP_DIR));
        if let Some(backup) = &restored_from {
            std::fs::copy(backup, &db_path).map_err(|source| Error::Io { path: db_path.clone(), source })?;
        }
        let library = Library::open(dir)?;
        Ok((library, Some(RecoveryNotice { reason, moved_aside, restored_from })))
    }

    /// Writes a backup into `backups/` if the newest one is older than `max_age` (or there is
    /// none), then keeps only the newest [`BACKUPS_KEPT`]. Returns the new backup's path.
    pub fn backup_if_due(&self, max_age: std::time::Duration) -> Result<Option<PathBuf>> {
        let dir = self.dir().join(BACKUP_DIR);
        let newest = list_backups(&dir).into_iter().next();
        let fresh = newest
            .and_then(|path| path.metadata().ok()?.modified().ok())
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age < max_age);
        let stats = self.stats()?;
        if fresh || stats.drafts + stats.trashed + stats.authors == 0 {
            return Ok(None);
        }
        let path = self.backup(None)?;
        for old in list_backups(&dir).into_iter().skip(BACKUPS_KEPT) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(path))
    }
}

/// Why the database at `path` is unusable, or None when it passes SQLite's quick check.
pub fn diagnose(path: &Path) -> Option<String> {
    match path.metadata() {
        Ok(meta) if meta.len() == 0 => return Some("the file is empty".into()),
        Ok(_) => {}
        Err(err) => return Some(format!("the file cannot be read: {err}")),
    }
    // Read-write, so a hot WAL is recovered the way a normal open would recover it.
    let conn = match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE) {
        Ok(conn) => conn,
        Err(err) => return Some(err.to_string()),
    };
    let verdict: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match verdict {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => None,
        Ok(lines) => Some(lines.join("; ")),
        Err(err) => Some(err.to_string()),
    }
}

/// Renames the database and its WAL/SHM files to `<name>.damaged-<time>`; returns the new path.
fn move_aside(db_path: &Path) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let target = db_path.with_file_name(format!("{DATABASE_FILE}.damaged-{stamp}"));
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", db_path.display()));
        let to = PathBuf::from(format!("{}{suffix}", target.display()));
        if from.exists() {
            std::fs::rename(&from, &to).map_err(|source| Error::Io { path: from.clone(), source })?;
        }
    }
    Ok(target)
}

/// Backup files, newest first (their names sort by time).
fn list_backups(dir: &Path) -> Vec<PathBuf> {
    let mut backups: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "db"))
        .collect();
    backups.sort();
    backups.reverse();
    backups
}

fn newest_good_backup(dir: &Path) -> Option<PathBuf> {
    list_backups(dir).into_iter().find(|backup| backup_is_good(backup))
}

/// A full integrity check of a backup, opened immutable so checking never changes it.
fn backup_is_good(path: &Path) -> bool {
    let uri = format!("file:{}?immutable=1", path.display());
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let Ok(conn) = Connection::open_with_flags(uri, flags) else { return false };
    conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).is_ok_and(|verdict| verdict == "ok")
}
