//! How Byline left `library.db` when it last closed it. SQLite's whole-file check reads every
//! page (seconds on a 10,000-draft library), so opening runs it only when the file is not
//! exactly as a clean close left it: after a crash (the write-ahead log still holds frames, or
//! the file changed after the last record), after another program wrote to it or replaced it,
//! or when there is no record at all.
//!
//! The record is the file's size, inode and modification and status-change times. The
//! status-change time moves with any write and cannot be set back by tools such as `touch`, so
//! a file that still matches is the one Byline closed.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::store::DATABASE_FILE;

/// File beside `library.db` holding its fingerprint from the last clean close.
pub const CLEAN_CLOSE_FILE: &str = ".closed-cleanly";

/// The database's fingerprint, or None when it cannot be read.
pub(crate) fn fingerprint(dir: &Path) -> Option<String> {
    let meta = fs::metadata(dir.join(DATABASE_FILE)).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(format!(
            "{} {} {}.{:09} {}.{:09}",
            meta.len(),
            meta.ino(),
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec()
        ))
    }
    #[cfg(not(unix))]
    {
        Some(format!("{} {:?}", meta.len(), meta.modified().ok()?))
    }
}

/// True when the database is exactly as Byline's last clean close left it, so the whole-file
/// check can be skipped.
pub(crate) fn closed_cleanly(dir: &Path) -> bool {
    if log_pending(dir) {
        return false;
    }
    match (fs::read_to_string(dir.join(CLEAN_CLOSE_FILE)), fingerprint(dir)) {
        (Ok(recorded), Some(now)) => recorded.trim() == now,
        _ => false,
    }
}

/// Records the close of a library opened when the file had fingerprint `at_open`. The log is
/// folded into the file first, so the record is of the file the next open will find. Nothing is
/// recorded (and an old record is removed) when the file cannot be accounted for: the checkpoint
/// was blocked by another process, or the file changed although this session wrote nothing.
pub(crate) fn record(conn: &Connection, dir: &Path, at_open: Option<&str>) {
    let checkpoint: rusqlite::Result<i64> = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0));
    let now = fingerprint(dir);
    let unexplained = conn.total_changes() == 0 && now.as_deref() != at_open;
    let path = record_path(dir);
    match now {
        Some(now) if checkpoint == Ok(0) && !log_pending(dir) && !unexplained => {
            // A session that only read (a CLI list or search) finds the record already true, and
            // an atomic write's fsyncs would cost it more than everything else it did.
            let record = format!("{now}\n");
            if fs::read_to_string(&path).is_ok_and(|old| old == record) {
                return;
            }
            // Failing to write the record only costs the next open a full check.
            let _ = crate::fs_atomic::write_atomic(&path, record.as_bytes());
        }
        _ => {
            let _ = fs::remove_file(&path);
        }
    }
}

fn record_path(dir: &Path) -> PathBuf {
    dir.join(CLEAN_CLOSE_FILE)
}

/// Whether the write-ahead log holds frames not yet in the file (a live or crashed writer).
fn log_pending(dir: &Path) -> bool {
    fs::metadata(dir.join(format!("{DATABASE_FILE}-wal"))).is_ok_and(|meta| meta.len() > 0)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::io::{Seek, SeekFrom, Write};

    use super::*;
    use crate::{Library, NewDraft};

    fn library_with_a_draft() -> (tempfile::TempDir, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("library");
        let mut library = Library::open(&dir).unwrap();
        library
            .create_draft(NewDraft { title: "Harbour".into(), body: "Tide tables.".into(), ..NewDraft::default() })
            .unwrap();
        drop(library);
        (root, dir)
    }

    #[test]
    fn a_library_closed_cleanly_and_untouched_skips_the_check() {
        let (_root, dir) = library_with_a_draft();
        assert!(closed_cleanly(&dir));
        // Reading it again (a CLI list or search) keeps the record true.
        let library = Library::open(&dir).unwrap();
        assert_eq!(library.stats().unwrap().drafts, 1);
        drop(library);
        assert!(closed_cleanly(&dir));
    }

    #[test]
    fn bytes_changed_behind_byline_s_back_need_the_check() {
        let (_root, dir) = library_with_a_draft();
        let mut file = fs::OpenOptions::new().write(true).open(dir.join(DATABASE_FILE)).unwrap();
        file.seek(SeekFrom::Start(4096 + 100)).unwrap();
        file.write_all(b"scribbled over by another program").unwrap();
        drop(file);
        assert!(!closed_cleanly(&dir));
    }

    #[test]
    fn a_session_that_never_closed_needs_the_check() {
        let (_root, dir) = library_with_a_draft();
        let mut library = Library::open(&dir).unwrap();
        library.create_draft(NewDraft { title: "Fog".into(), ..NewDraft::default() }).unwrap();
        // A crash: no close, the log still holds the new draft.
        std::mem::forget(library);
        assert!(!closed_cleanly(&dir));
    }

    #[test]
    fn a_file_changed_while_open_by_someone_else_is_not_recorded_as_clean() {
        let (_root, dir) = library_with_a_draft();
        let library = Library::open(&dir).unwrap();
        let other = Connection::open(dir.join(DATABASE_FILE)).unwrap();
        other.execute("UPDATE drafts SET title = 'Changed elsewhere'", []).unwrap();
        other.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
        drop(other);
        drop(library);
        assert!(!closed_cleanly(&dir));
    }
}
