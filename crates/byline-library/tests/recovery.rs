//! A damaged library is moved aside, never written over, and restored from the newest good backup.

#![allow(clippy::unwrap_used)]

mod db_damage;

use std::path::Path;
use std::time::Duration;

use byline_library::recovery::BACKUPS_KEPT;
use byline_library::{Library, NewDraft};
use db_damage::damage;

fn library_with_draft(dir: &Path, title: &str) -> Library {
    let mut lib = Library::open(dir).unwrap();
    lib.create_draft(NewDraft {
        title: title.into(),
        body: "Words that must survive.\n".into(),
        ..NewDraft::default()
    })
    .unwrap();
    lib
}

#[test]
fn each_kind_of_damage_restores_the_newest_good_backup_and_keeps_the_damaged_file() {
    for how in ["truncated", "zeroed", "garbage", "empty", "header-smashed"] {
        let dir = tempfile::tempdir().unwrap();
        let lib = library_with_draft(dir.path(), "Backed up");
        let backup = lib.backup_if_due(Duration::ZERO).unwrap().expect("a backup is written");
        drop(lib);
        // Checkpoint the WAL so the damage hits the real content.
        let db = dir.path().join("library.db");
        rusqlite::Connection::open(&db).unwrap().pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
        damage(&db, how);
        let damaged_bytes = std::fs::read(&db).unwrap();

        let (lib, notice) = Library::open_or_recover(dir.path()).unwrap();
        let notice = notice.unwrap_or_else(|| panic!("{how}: damage was not noticed"));
        assert_eq!(notice.restored_from.as_deref(), Some(backup.as_path()), "{how}");
        assert_eq!(
            std::fs::read(&notice.moved_aside).unwrap(),
            damaged_bytes,
            "{how}: the damaged file is kept as it was"
        );
        assert!(notice.to_string().contains("moved to"), "{notice}");
        assert_eq!(lib.draft("backed-up").unwrap().body, "Words that must survive.\n", "{how}");
        assert!(lib.integrity_check().unwrap().is_empty(), "{how}");
    }
}

#[test]
fn without_a_backup_an_empty_library_starts_and_the_writer_is_told() {
    let dir = tempfile::tempdir().unwrap();
    drop(library_with_draft(dir.path(), "No backup"));
    let db = dir.path().join("library.db");
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
    damage(&db, "garbage");
    let (lib, notice) = Library::open_or_recover(dir.path()).unwrap();
    let notice = notice.unwrap();
    assert!(notice.restored_from.is_none());
    assert!(notice.to_string().contains("no good backup"), "{notice}");
    assert!(notice.moved_aside.exists());
    assert_eq!(lib.stats().unwrap().drafts, 0);
}

#[test]
fn a_healthy_library_opens_without_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    drop(library_with_draft(dir.path(), "Fine"));
    let (lib, notice) = Library::open_or_recover(dir.path()).unwrap();
    assert!(notice.is_none());
    assert_eq!(lib.stats().unwrap().drafts, 1);
}

#[test]
fn a_damaged_backup_is_skipped_for_an_older_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with_draft(dir.path(), "Layers");
    std::fs::create_dir_all(dir.path().join("backups")).unwrap();
    let good = lib.backup(Some(&dir.path().join("backups/library-20260101-000000.db"))).unwrap();
    let bad = dir.path().join("backups/library-20260102-000000.db");
    std::fs::write(&bad, b"not a database at all").unwrap();
    drop(lib);
    let db = dir.path().join("library.db");
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
    damage(&db, "zeroed");
    let (_, notice) = Library::open_or_recover(dir.path()).unwrap();
    assert_eq!(notice.unwrap().restored_from, Some(good));
}

#[test]
fn backups_are_taken_when_due_and_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with_draft(dir.path(), "Often");
    assert!(lib.backup_if_due(Duration::from_secs(3600)).unwrap().is_some(), "no backup yet: one is due");
    assert!(lib.backup_if_due(Duration::from_secs(3600)).unwrap().is_none(), "a fresh backup exists");
    for _ in 0..BACKUPS_KEPT + 2 {
        std::thread::sleep(Duration::from_millis(5)); // backup names carry the millisecond
        lib.backup_if_due(Duration::ZERO).unwrap();
    }
    let kept = std::fs::read_dir(dir.path().join("backups")).unwrap().count();
    assert_eq!(kept, BACKUPS_KEPT);
}
