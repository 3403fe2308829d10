//! A full or read-only disk: every write fails with an error that says what happened, where,
//! and what to do; nothing is marked saved, the library keeps its previous text and stays
//! healthy, and the same write succeeds once the disk has room (or is writable) again.
//!
//! The disks are real: a small tmpfs per test (see `scratch_disk`), so this needs root; without
//! it each test prints a SKIP line and passes.

#![allow(clippy::unwrap_used)]

mod scratch_disk;

use std::path::Path;

use byline_library::publish::{ArticleFormat, ExportOptions, ImageMode};
use byline_library::{DraftChange, Error, Library, NewDraft, SaveMode, StorageProblem};
use scratch_disk::ScratchDisk;

const FIRST: &str = "The first paragraph, safely saved.\n";

fn library_with_draft(dir: &Path) -> (Library, String) {
    let mut lib = Library::open(dir).unwrap();
    let draft =
        lib.create_draft(NewDraft { title: "Harbour".into(), body: FIRST.into(), ..NewDraft::default() }).unwrap();
    (lib, draft.slug)
}

/// A save big enough that the WAL must grow.
fn save(lib: &mut Library, slug: &str, body: &str) -> byline_library::Result<()> {
    let change = DraftChange { body: Some(body.to_owned()), ..DraftChange::default() };
    lib.update_draft(slug, change, SaveMode::Autosave).map(|_| ())
}

fn longer_text(marker: &str) -> String {
    format!("{FIRST}{marker}\n{}", "More words typed by the writer. ".repeat(2000))
}

#[test]
fn a_save_on_a_full_disk_fails_clearly_keeps_the_previous_text_and_succeeds_once_space_is_freed() {
    let Some(disk) = ScratchDisk::mount_or_skip("full disk save", "8m") else { return };
    let dir = disk.path().join("library");
    let (mut lib, slug) = library_with_draft(&dir);
    disk.fill();

    let err = save(&mut lib, &slug, &longer_text("typed on a full disk")).unwrap_err();
    assert_eq!(err.storage_problem(), Some(StorageProblem::DiskFull), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("the disk is full"), "what happened: {message}");
    assert!(message.contains(&dir.join("library.db").display().to_string()), "where: {message}");
    assert!(message.contains("free some space"), "what to do: {message}");
    assert_eq!(lib.draft(&slug).unwrap().body, FIRST, "the library keeps the previous text");

    disk.free();
    assert!(lib.integrity_check().unwrap().is_empty(), "the failed save left the library healthy");
    let typed = longer_text("typed after freeing space");
    save(&mut lib, &slug, &typed).unwrap();
    drop(lib);
    let reopened = Library::open(&dir).unwrap();
    assert_eq!(reopened.draft(&slug).unwrap().body, typed, "the later save is stored");
    assert!(reopened.integrity_check().unwrap().is_empty());
}

#[test]
fn a_library_on_a_read_only_disk_opens_for_reading_and_refuses_saves_clearly() {
    let Some(disk) = ScratchDisk::mount_or_skip("read-only disk save", "8m") else { return };
    let dir = disk.path().join("library");
    let (lib, slug) = library_with_draft(&dir);
    drop(lib);
    disk.set_read_only(true).unwrap();

    // A WAL library needs its shared-memory file to open; on a read-only disk it cannot be
    // made, so opening itself is what fails, and it must say why.
    match Library::open(&dir) {
        Ok(mut lib) => {
            assert_eq!(lib.draft(&slug).unwrap().body, FIRST);
            let err = save(&mut lib, &slug, "lost?").unwrap_err();
            assert_read_only(&err, &dir);
        }
        Err(err) => assert_read_only(&err, &dir),
    }
    let err = Library::open_or_recover(&dir).map(|_| ()).unwrap_err();
    assert_read_only(&err, &dir);

    disk.set_read_only(false).unwrap();
    let (mut lib, notice) = Library::open_or_recover(&dir).unwrap();
    assert!(notice.is_none(), "a read-only library is not damaged and is never moved aside: {notice:?}");
    assert_eq!(lib.draft(&slug).unwrap().body, FIRST);
    save(&mut lib, &slug, "Writable again.\n").unwrap();
    assert_eq!(lib.draft(&slug).unwrap().body, "Writable again.\n");
}

fn assert_read_only(err: &Error, dir: &Path) {
    assert_eq!(err.storage_problem(), Some(StorageProblem::ReadOnly), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("read-only"), "what happened: {message}");
    assert!(message.contains(&dir.display().to_string()), "where: {message}");
    assert!(message.contains("make it writable"), "what to do: {message}");
}

#[test]
fn a_read_only_database_file_refuses_saves_clearly() {
    let Some(disk) = ScratchDisk::mount_or_skip("read-only database file", "8m") else { return };
    let dir = disk.path().join("library");
    let (lib, slug) = library_with_draft(&dir);
    drop(lib);
    let db = dir.join("library.db");
    // Root ignores permission bits; the immutable flag stops even root from opening it for writing.
    let Ok(status) = std::process::Command::new("chattr").arg("+i").arg(&db).status() else {
        println!("SKIP read-only database file: chattr is not installed");
        return;
    };
    assert!(status.success(), "chattr +i {}", db.display());
    let outcome = Library::open(&dir).and_then(|mut lib| {
        let read = lib.draft(&slug)?.body;
        save(&mut lib, &slug, "lost?").map(|()| read)
    });
    std::process::Command::new("chattr").arg("-i").arg(&db).status().unwrap();
    let err = outcome.unwrap_err();
    assert_read_only(&err, &dir);
    let mut lib = Library::open(&dir).unwrap();
    assert_eq!(lib.draft(&slug).unwrap().body, FIRST, "nothing was written");
    save(&mut lib, &slug, "Writable again.\n").unwrap();
}

#[test]
fn folder_sync_into_a_full_disk_fails_clearly_and_writes_once_space_is_freed() {
    let Some(disk) = ScratchDisk::mount_or_skip("folder sync on a full disk", "2m") else { return };
    let home = tempfile::tempdir().unwrap();
    let (mut lib, slug) = library_with_draft(&home.path().join("library"));
    let folder = disk.path().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    disk.fill();

    let err = lib.sync_folder(&folder).unwrap_err();
    assert_eq!(err.storage_problem(), Some(StorageProblem::DiskFull), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("the disk is full") && message.contains(&folder.display().to_string()), "{message}");
    assert!(message.contains("free some space"), "{message}");
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.file_name()).collect();
    assert!(left.is_empty(), "no partial or temporary file is left behind: {left:?}");
    assert_eq!(lib.draft(&slug).unwrap().body, FIRST);

    disk.free();
    let report = lib.sync_folder(&folder).unwrap();
    assert_eq!(report.written, vec![format!("{slug}.md")]);
    assert!(std::fs::read_to_string(folder.join(format!("{slug}.md"))).unwrap().contains(FIRST.trim()));
}

#[test]
fn folder_sync_into_a_read_only_folder_fails_clearly() {
    let Some(disk) = ScratchDisk::mount_or_skip("folder sync on a read-only disk", "2m") else { return };
    let home = tempfile::tempdir().unwrap();
    let (mut lib, slug) = library_with_draft(&home.path().join("library"));
    let folder = disk.path().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    disk.set_read_only(true).unwrap();

    let err = lib.sync_folder(&folder).unwrap_err();
    disk.set_read_only(false).unwrap();
    assert_eq!(err.storage_problem(), Some(StorageProblem::ReadOnly), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("read-only") && message.contains(&folder.display().to_string()), "{message}");
    assert_eq!(lib.draft(&slug).unwrap().body, FIRST);
    assert!(lib.integrity_check().unwrap().is_empty());
}

#[test]
fn export_and_backup_into_a_full_or_read_only_target_fail_clearly_and_leave_no_partial_file() {
    let Some(disk) = ScratchDisk::mount_or_skip("export to a full disk", "2m") else { return };
    let home = tempfile::tempdir().unwrap();
    let (lib, slug) = library_with_draft(&home.path().join("library"));
    let page = disk.path().join("harbour.html");
    let backup = disk.path().join("library-copy.db");

    disk.fill();
    let err = lib.export_article_to(&slug, &html_page(), &page).unwrap_err();
    assert_eq!(err.storage_problem(), Some(StorageProblem::DiskFull), "{err:?}");
    assert!(err.to_string().contains("the disk is full") && err.to_string().contains("harbour.html"), "{err}");
    let err = lib.backup(Some(&backup)).unwrap_err();
    assert_eq!(err.storage_problem(), Some(StorageProblem::DiskFull), "{err:?}");
    assert!(err.to_string().contains("library-copy.db"), "{err}");
    assert_eq!(files_in(disk.path()), vec!["filler.bin"], "no partial page, backup or temp file");
    disk.free();

    disk.set_read_only(true).unwrap();
    let err = lib.export_article_to(&slug, &html_page(), &page).unwrap_err();
    let backup_err = lib.backup(Some(&backup)).unwrap_err();
    disk.set_read_only(false).unwrap();
    assert_eq!(err.storage_problem(), Some(StorageProblem::ReadOnly), "{err:?}");
    assert!(err.to_string().contains("read-only") && err.to_string().contains("harbour.html"), "{err}");
    assert_eq!(backup_err.storage_problem(), Some(StorageProblem::ReadOnly), "{backup_err:?}");

    lib.export_article_to(&slug, &html_page(), &page).unwrap();
    assert!(std::fs::read_to_string(&page).unwrap().contains("Harbour"));
}

fn html_page() -> ExportOptions {
    ExportOptions {
        format: ArticleFormat::Html,
        images: ImageMode::Embed,
        include_email: false,
        template_dir: None,
        share: true,
        smart: false,
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}
