//! A damaged library with no good backup but a bound drafts folder is rebuilt from that folder,
//! and the writer is told how many drafts came back, from where, and where the damaged file is.

#![allow(clippy::unwrap_used)]

mod db_damage;

use std::path::{Path, PathBuf};

use byline_library::recovery::BOUND_FOLDER_FILE;
use byline_library::{Library, NewDraft};
use db_damage::damage;
use tempfile::TempDir;

const BODIES: [(&str, &str); 3] = [
    ("Harbour notes", "The harbour opens at six.\n"),
    ("Why parsers fail loudly", "Because silence lies.\n"),
    ("Tide tables", "High water at noon.\n"),
];

/// A library synced with a drafts folder, no backups, closed and checkpointed.
fn bound_library() -> (TempDir, PathBuf, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let (dir, folder) = (home.path().join("library"), home.path().join("drafts"));
    let mut lib = Library::open(&dir).unwrap();
    for (title, body) in BODIES {
        lib.create_draft(NewDraft { title: title.into(), body: body.into(), ..NewDraft::default() }).unwrap();
    }
    lib.sync_folder(&folder).unwrap();
    drop(lib);
    let db = dir.join("library.db");
    rusqlite::Connection::open(&db).unwrap().pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
    assert!(!dir.join("backups").exists(), "the test needs a library without backups");
    (home, dir, folder.canonicalize().unwrap())
}

fn bodies(lib: &Library) -> Vec<String> {
    let mut bodies: Vec<String> = lib
        .list_drafts(&Default::default())
        .unwrap()
        .iter()
        .map(|summary| lib.draft(&summary.slug).unwrap().body)
        .collect();
    bodies.sort();
    bodies
}

fn expected_bodies() -> Vec<String> {
    let mut bodies: Vec<String> = BODIES.iter().map(|(_, body)| (*body).to_owned()).collect();
    bodies.sort();
    bodies
}

#[test]
fn each_kind_of_damage_without_a_backup_rebuilds_the_library_from_its_drafts_folder() {
    for how in ["truncated", "zeroed", "garbage"] {
        let (_home, dir, folder) = bound_library();
        let db = dir.join("library.db");
        damage(&db, how);
        let damaged_bytes = std::fs::read(&db).unwrap();

        let (lib, notice) = Library::open_or_recover(&dir).unwrap();
        let notice = notice.unwrap_or_else(|| panic!("{how}: the damage was not noticed"));
        assert!(notice.restored_from.is_none(), "{how}");
        let recovered = notice.drafts_folder.clone().unwrap_or_else(|| panic!("{how}: no folder recovery: {notice}"));
        assert_eq!(
            (recovered.folder.as_path(), recovered.drafts, recovered.failed.as_deref()),
            (folder.as_path(), 3, None),
            "{how}"
        );
        assert_eq!(bodies(&lib), expected_bodies(), "{how}: every draft's text is back");
        assert_eq!(
            std::fs::read(&notice.moved_aside).unwrap(),
            damaged_bytes,
            "{how}: the damaged file is kept as it was"
        );
        let told = notice.to_string();
        for part in ["3 draft(s) recovered", &folder.display().to_string(), &notice.moved_aside.display().to_string()] {
            assert!(told.contains(part), "{how}: the notice says {part:?}: {told}");
        }
        assert_eq!(lib.sync_folders().unwrap(), vec![folder.clone()], "{how}: the folder is bound again");
        assert!(lib.integrity_check().unwrap().is_empty(), "{how}");
    }
}

#[test]
fn the_rebuilt_library_keeps_syncing_without_duplicating_or_rewriting_files() {
    let (_home, dir, folder) = bound_library();
    damage(&dir.join("library.db"), "zeroed");
    let before = folder_texts(&folder);
    let (mut lib, _) = Library::open_or_recover(&dir).unwrap();
    let report = lib.sync_folder(&folder).unwrap();
    assert!(report.created.is_empty() && report.written.is_empty(), "a second sync finds nothing new: {report:?}");
    assert_eq!(folder_texts(&folder), before, "the writer's files are untouched");
    assert_eq!(lib.stats().unwrap().drafts, 3);
}

fn folder_texts(folder: &Path) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    texts.sort();
    texts
}

#[test]
fn the_bound_folder_record_follows_bind_and_unbind() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("library");
    let mut lib = Library::open(&dir).unwrap();
    let record = dir.join(BOUND_FOLDER_FILE);
    assert!(!record.exists());
    let bound = lib.bind_sync_folder(&home.path().join("drafts")).unwrap();
    assert_eq!(std::fs::read_to_string(&record).unwrap().trim(), bound.to_string_lossy());
    let other = lib.bind_sync_folder(&home.path().join("elsewhere")).unwrap();
    assert_eq!(std::fs::read_to_string(&record).unwrap().trim(), other.to_string_lossy(), "the newest binding wins");
    lib.unbind_sync_folder(&other).unwrap();
    assert_eq!(std::fs::read_to_string(&record).unwrap().trim(), bound.to_string_lossy());
    lib.unbind_sync_folder(&bound).unwrap();
    assert!(!record.exists(), "no binding, no record");
}

#[test]
fn without_the_record_the_binding_is_read_from_the_damaged_database_if_it_can_be() {
    let (_home, dir, folder) = bound_library();
    std::fs::remove_file(dir.join(BOUND_FOLDER_FILE)).unwrap();
    let db = dir.join("library.db");
    // Smash only the revisions table: the damage is real, the folder binding still readable.
    let (page_size, root): (i64, i64) = {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let page_size = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
        let root =
            conn.query_row("SELECT rootpage FROM sqlite_schema WHERE name = 'revisions'", [], |r| r.get(0)).unwrap();
        (page_size, root)
    };
    let mut bytes = std::fs::read(&db).unwrap();
    let start = usize::try_from((root - 1) * page_size).unwrap();
    let end = start + usize::try_from(page_size).unwrap();
    bytes[start..end].iter_mut().enumerate().for_each(|(i, b)| *b = (i * 31 % 253) as u8);
    std::fs::write(&db, bytes).unwrap();

    let (lib, notice) = Library::open_or_recover(&dir).unwrap();
    let recovered = notice.unwrap().drafts_folder.unwrap();
    assert_eq!((recovered.folder, recovered.drafts), (folder, 3));
    assert_eq!(bodies(&lib), expected_bodies());
}

#[test]
fn a_missing_drafts_folder_is_named_and_never_created_empty() {
    let (_home, dir, folder) = bound_library();
    let moved = folder.with_file_name("drafts-unmounted");
    std::fs::rename(&folder, &moved).unwrap();
    damage(&dir.join("library.db"), "garbage");

    let (lib, notice) = Library::open_or_recover(&dir).unwrap();
    let notice = notice.unwrap();
    let recovered = notice.drafts_folder.clone().unwrap();
    assert!(recovered.failed.as_deref().is_some_and(|why| why.contains("does not exist")), "{recovered:?}");
    let told = notice.to_string();
    assert!(told.contains(&format!("byline sync {}", folder.display())), "says what to do: {told}");
    assert!(!folder.exists(), "no empty folder was made in place of the missing one");
    assert_eq!(lib.stats().unwrap().drafts, 0);
}

#[test]
fn a_backup_still_wins_over_the_drafts_folder() {
    let (_home, dir, _folder) = bound_library();
    let lib = Library::open(&dir).unwrap();
    let backup = lib.backup_if_due(std::time::Duration::ZERO).unwrap().unwrap();
    drop(lib);
    damage(&dir.join("library.db"), "zeroed");
    let (_, notice) = Library::open_or_recover(&dir).unwrap();
    let notice = notice.unwrap();
    assert_eq!(notice.restored_from, Some(backup), "the backup keeps revisions the folder does not have");
    assert!(notice.drafts_folder.is_none());
}
