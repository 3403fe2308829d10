//! Keeping a library recoverable: automatic backups, and recovery from a damaged database.
//!
//! A damaged `library.db` is never written over. It is moved aside (with its WAL and shared-
//! memory files), the newest backup that passes an integrity check takes its place, and the
//! caller gets a [`RecoveryNotice`] that says exactly what happened and where the old file is.
//! With no good backup, a library bound to a drafts folder is rebuilt from that folder: the
//! binding is kept in a sidecar file ([`BOUND_FOLDER_FILE`]) precisely so that it survives the
//! database it describes.

use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::store::DATABASE_FILE;
use crate::{Error, Library, Result};

/// Backups kept by [`Library::backup_if_due`].
pub const BACKUPS_KEPT: usize = 7;

/// How often the library is backed up automatically (into `backups/` inside it) when opened.
pub const AUTOMATIC_BACKUP_INTERVAL: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
/// Folder inside the library that holds automatic backups.
pub const BACKUP_DIR: &str = "backups";
/// File beside `library.db` naming the drafts folder the library is bound to (one path, UTF-8).
pub const BOUND_FOLDER_FILE: &str = "drafts-folder.txt";
/// Lock file that keeps two processes from recovering the same library at once.
const RECOVERY_LOCK_FILE: &str = ".recovery.lock";

/// What recovery did, for the writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryNotice {
    /// Why the database was considered damaged.
    pub reason: String,
    /// Where the damaged database now is.
    pub moved_aside: PathBuf,
    /// The backup the library was restored from; None when no good backup existed.
    pub restored_from: Option<PathBuf>,
    /// With no good backup: what was recovered from the bound drafts folder, if there is one.
    pub drafts_folder: Option<FolderRecovery>,
}

/// A library rebuilt from its drafts folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderRecovery {
    /// The drafts folder the damaged library was bound to.
    pub folder: PathBuf,
    /// Drafts recovered from its files.
    pub drafts: usize,
    /// Files that could not be imported, one line each (file and reason).
    pub skipped: Vec<String>,
    /// Why nothing could be imported (folder missing, sync failed); None when the import ran.
    pub failed: Option<String>,
}

impl fmt::Display for RecoveryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the library database was damaged ({}); it was moved to {}",
            self.reason,
            self.moved_aside.display()
        )?;
        match (&self.restored_from, &self.drafts_folder) {
            (Some(backup), _) => write!(
                f,
                " and the library was restored from the backup {}; changes made after that backup may be in the moved file",
                backup.display()
            ),
            (None, Some(recovery)) => write!(f, "; {recovery}"),
            (None, None) => write!(
                f,
                "; no good backup was found, so an empty library was started (re-import your drafts folder with `byline sync DIR`)"
            ),
        }
    }
}

impl fmt::Display for FolderRecovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let folder = self.folder.display();
        if let Some(why) = &self.failed {
            return write!(
                f,
                "no good backup was found and the drafts folder {folder} could not be imported ({why}), so an empty \
                 library was started; once the folder is back, run `byline sync {folder}`"
            );
        }
        write!(
            f,
            "no good backup was found, so a new library was made from the drafts folder {folder}: {} draft(s) recovered \
             (their earlier revisions are only in the moved file)",
            self.drafts
        )?;
        if !self.skipped.is_empty() {
            write!(f, "; {} file(s) could not be read: {}", self.skipped.len(), self.skipped.join("; "))?;
        }
        Ok(())
    }
}

impl Library {
    /// Opens the library like [`Library::open`], but first checks the database; a damaged one
    /// is moved aside and replaced by the newest good backup (or rebuilt from the bound drafts
    /// folder), and the notice says so.
    pub fn open_or_recover(dir: &Path) -> Result<(Library, Option<RecoveryNotice>)> {
        let db_path = dir.join(DATABASE_FILE);
        // The whole-file check reads every page: only a file not as Byline closed it needs it.
        if !db_path.is_file() || crate::clean_close::closed_cleanly(dir) || diagnose(&db_path).is_none() {
            let library = Library::open(dir)?;
            // Refreshing the record here covers bindings made by older builds; failing to is
            // not worth refusing to open over, as the binding itself is safe in the database.
            let _ = library.remember_bound_folder();
            return Ok((library, None));
        }
        // Another process may be recovering this library right now: take turns, then look again.
        let _lock = lock_recovery(dir)?;
        let Some(reason) = diagnose(&db_path) else {
            return Ok((Library::open(dir)?, None));
        };
        let restored_from = newest_good_backup(&dir.join(BACKUP_DIR));
        // Copied beside the database first, so the damaged file is replaced by one rename.
        let staged = match &restored_from {
            Some(backup) => Some(stage_copy(backup, &db_path)?),
            None => None,
        };
        let moved_aside = move_aside(&db_path)?;
        if let Some(staged) = &staged {
            std::fs::rename(staged, &db_path).map_err(|source| Error::Io { path: db_path.clone(), source })?;
        }
        let mut library = Library::open(dir)?;
        let drafts_folder = match restored_from {
            Some(_) => None,
            None => bound_folder(dir, &moved_aside).map(|folder| library.recover_from_folder(folder)),
        };
        Ok((library, Some(RecoveryNotice { reason, moved_aside, restored_from, drafts_folder })))
    }

    /// Writes [`BOUND_FOLDER_FILE`] to match the library's current drafts folder (removing it
    /// when none is bound). Called whenever the binding changes, and at every open.
    pub fn remember_bound_folder(&self) -> Result<()> {
        let path = self.dir().join(BOUND_FOLDER_FILE);
        let Some(folder) = self.sync_folders()?.pop() else {
            return match std::fs::remove_file(&path) {
                Err(source) if source.kind() != std::io::ErrorKind::NotFound => Err(Error::Io { path, source }),
                _ => Ok(()),
            };
        };
        let text = format!("{}\n", folder.to_string_lossy());
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(());
        }
        crate::fs_atomic::write_atomic(&path, text.as_bytes())
    }

    /// Imports the drafts folder into this (fresh) library, binding it again.
    fn recover_from_folder(&mut self, folder: PathBuf) -> FolderRecovery {
        let mut recovery = FolderRecovery { folder, drafts: 0, skipped: Vec::new(), failed: None };
        if !recovery.folder.is_dir() {
            // Syncing would create an empty folder in its place and bind that.
            recovery.failed = Some("the folder does not exist (unmounted or moved?)".into());
            return recovery;
        }
        match self.sync_folder(&recovery.folder) {
            Ok(report) => {
                recovery.drafts = report.created.len();
                recovery.skipped = report.problems.iter().map(ToString::to_string).collect();
            }
            Err(err) => recovery.failed = Some(err.to_string()),
        }
        recovery
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
        // Counting rows reads every page of the drafts table: only when a backup may be due.
        if fresh || self.holds_nothing()? {
            return Ok(None);
        }
        let path = self.backup(None)?;
        for old in list_backups(&dir).into_iter().skip(BACKUPS_KEPT) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(path))
    }
}

/// Why the database at `path` is damaged, or None when it passes SQLite's quick check or
/// cannot be checked for a reason that is not damage (busy, read-only, no permission): then
/// opening it reports that reason instead, and a healthy file is never moved aside.
pub fn diagnose(path: &Path) -> Option<String> {
    if path.metadata().ok()?.len() == 0 {
        return Some("the file is empty".into());
    }
    // Read-write, so a hot WAL is recovered the way a normal open would recover it.
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).ok()?;
    conn.busy_timeout(crate::store::BUSY_TIMEOUT).ok()?;
    let verdict: rusqlite::Result<Vec<String>> =
        conn.prepare("PRAGMA quick_check").and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect());
    match verdict {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => None,
        Ok(lines) => Some(lines.join("; ")),
        Err(err) if is_damage(&err) => Some(err.to_string()),
        Err(_) => None,
    }
}

fn is_damage(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
}

/// Holds an exclusive lock on the library's recovery lock file until dropped.
fn lock_recovery(dir: &Path) -> Result<File> {
    let path = dir.join(RECOVERY_LOCK_FILE);
    let file = File::create(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
    file.lock().map_err(|source| Error::Io { path, source })?;
    Ok(file)
}

/// Copies `backup` to a temporary name beside `db_path`; returns that name.
fn stage_copy(backup: &Path, db_path: &Path) -> Result<PathBuf> {
    let staged = db_path.with_file_name(format!("{DATABASE_FILE}.restoring-{}", std::process::id()));
    let copied = std::fs::copy(backup, &staged).and_then(|_| File::open(&staged)?.sync_all());
    if let Err(source) = copied {
        let _ = std::fs::remove_file(&staged);
        return Err(Error::Io { path: staged, source });
    }
    Ok(staged)
}

/// The drafts folder a damaged library was bound to: from the sidecar record, else from the
/// damaged database itself if that table can still be read.
fn bound_folder(dir: &Path, damaged: &Path) -> Option<PathBuf> {
    let recorded = std::fs::read_to_string(dir.join(BOUND_FOLDER_FILE)).ok();
    if let Some(line) = recorded.as_deref().map(str::trim).filter(|line| !line.is_empty()) {
        return Some(PathBuf::from(line));
    }
    let uri = format!("{}?mode=ro", file_uri(damaged));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(uri, flags).ok()?;
    // A file of an older schema has no `files_only`: every folder it knows is a drafts folder.
    let latest = |sql: &str| conn.query_row(sql, [], |row| row.get::<_, String>(0));
    let dir = match latest("SELECT dir FROM sync_folders WHERE files_only = 0 ORDER BY bound_at DESC LIMIT 1") {
        Err(rusqlite::Error::QueryReturnedNoRows) => return None,
        Err(_) => latest("SELECT dir FROM sync_folders ORDER BY bound_at DESC LIMIT 1").ok()?,
        Ok(dir) => dir,
    };
    Some(PathBuf::from(dir))
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
    let uri = format!("{}?immutable=1", file_uri(path));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let Ok(conn) = Connection::open_with_flags(uri, flags) else { return false };
    conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).is_ok_and(|verdict| verdict == "ok")
}

/// `path` as an SQLite `file:` URI, with the characters URIs reserve escaped.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('%', "%25").replace('?', "%3f").replace('#', "%23");
    format!("file:{text}")
}
