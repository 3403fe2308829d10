//! Opening libraries: creation, reopening, schema versions, bad paths, health checks.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{Error, Library, SCHEMA_VERSION};
use rusqlite::Connection;

#[test]
fn a_fresh_folder_becomes_a_library_with_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/library");
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.dir(), path);
    assert!(path.join("library.db").is_file());
    drop(lib);

    let conn = Connection::open(path.join("library.db")).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let recorded: i64 = conn.query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(recorded, SCHEMA_VERSION);
}

#[test]
fn reopening_keeps_the_drafts() {
    let mut f = common::fixture();
    let slug = f.lib.create_draft(common::draft("Kept", "still here")).unwrap().slug;
    let path = f.lib.dir().to_path_buf();
    drop(f.lib);

    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.draft(&slug).unwrap().body, "still here");
    assert!(lib.integrity_check().unwrap().is_empty());
}

#[test]
fn a_library_from_a_newer_byline_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Library::open(dir.path()).unwrap());
    let db = dir.path().join("library.db");
    Connection::open(&db).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();

    let err = Library::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NewerSchema { found, .. } if found == SCHEMA_VERSION + 5), "{err:?}");
    assert!(err.to_string().contains("upgrade Byline"), "{err}");
    let version: i64 = Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION + 5);
}

#[test]
fn a_file_is_not_a_library_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    let err = Library::open(&file).unwrap_err();
    assert!(matches!(err, Error::LibraryIsFile(_)), "{err:?}");
    assert!(err.to_string().contains("is a file, not a folder"), "{err}");
}

#[test]
fn a_garbage_database_file_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("library.db"), vec![b'x'; 4096]).unwrap();
    let err = Library::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::NotADatabase(_)), "{err:?}");
}

#[test]
fn a_busy_library_is_healthy_and_counts_add_up() {
    let mut f = common::fixture();
    let author = f.lib.add_author(common::author("Ada Lovelace")).unwrap();
    let asset = f.lib.add_asset(&common::png(b"a"), "a.png").unwrap();
    let d = f.lib.create_draft(common::draft("One", "body")).unwrap();
    f.lib.attach_asset(&d.slug, "img/a.png", &asset.hash).unwrap();
    let t = f.lib.create_draft(common::draft("Two", "body")).unwrap();
    f.lib.trash_draft(&t.slug).unwrap();

    let stats = f.lib.stats().unwrap();
    assert_eq!((stats.drafts, stats.trashed, stats.revisions, stats.authors, stats.assets), (1, 1, 2, 1, 1));
    assert_eq!(d.authors[0].slug, author.slug);
    assert_eq!(f.lib.integrity_check().unwrap(), Vec::<String>::new());
}

#[test]
fn library_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Library>();
}

#[test]
fn two_handles_on_one_library_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Library::open(dir.path()).unwrap();
    let mut cli = Library::open(dir.path()).unwrap();
    let from_app = app.create_draft(common::draft("From the app", "")).unwrap();
    let from_cli = cli.create_draft(common::draft("From the app", "")).unwrap();
    assert_eq!((from_app.slug.as_str(), from_cli.slug.as_str()), ("from-the-app", "from-the-app-2"));
    cli.trash_draft(&from_app.slug).unwrap();
    assert!(app.draft(&from_app.slug).unwrap().trashed_at.is_some());

    let writer = std::thread::spawn(move || {
        for i in 0..20 {
            cli.create_draft(common::draft(&format!("cli {i}"), "")).unwrap();
        }
    });
    for i in 0..20 {
        app.create_draft(common::draft(&format!("app {i}"), "")).unwrap();
    }
    writer.join().unwrap();
    assert_eq!(app.stats().unwrap().drafts, 41);
}

#[test]
fn an_older_library_is_migrated_in_place_keeping_its_drafts() {
    let mut f = common::fixture();
    let slug = f.lib.create_draft(common::draft("Old", "from schema 1")).unwrap().slug;
    let path = f.lib.dir().to_path_buf();
    drop(f.lib);
    // Turn the file back into a schema-1 library.
    let conn = Connection::open(path.join("library.db")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER drafts_end_the_first_run; DROP TRIGGER authors_end_the_first_run; DROP TABLE settings;
         DROP TABLE writing_days; ALTER TABLE drafts DROP COLUMN title_from_body; ALTER TABLE drafts DROP COLUMN word_goal;
         DROP TABLE dictionary_words; DROP TABLE spelling_languages;
         DROP TABLE sync_files; DROP TABLE sync_folders;
         DROP INDEX drafts_list_by_updated; DROP INDEX drafts_list_by_created; DROP INDEX drafts_list_by_title;
         DROP INDEX draft_tags_in_order; DROP INDEX draft_authors_in_order; DROP TABLE drafts_fts_stale;
         ALTER TABLE drafts DROP COLUMN origin; ALTER TABLE drafts DROP COLUMN discuss_url;
         DELETE FROM schema_migrations WHERE version > 1; PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);

    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.draft(&slug).unwrap().body, "from schema 1");
    let conn = Connection::open(path.join("library.db")).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let versions: Vec<i64> = conn
        .prepare("SELECT version FROM schema_migrations ORDER BY version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
    assert!(lib.integrity_check().unwrap().is_empty());
}

#[test]
fn a_schema_4_library_gains_discuss_links_and_keeps_its_drafts() {
    let mut f = common::fixture();
    let new = byline_library::NewDraft {
        canonical_url: Some("https://example.com/v4".into()),
        ..common::draft("From v4", "written before discuss links")
    };
    let slug = f.lib.create_draft(new).unwrap().slug;
    let path = f.lib.dir().to_path_buf();
    drop(f.lib);
    // Turn the file back into what a schema-4 Byline left behind.
    let conn = Connection::open(path.join("library.db")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER drafts_end_the_first_run; DROP TRIGGER authors_end_the_first_run; DROP TABLE settings;
         DROP TABLE writing_days; ALTER TABLE drafts DROP COLUMN title_from_body; ALTER TABLE drafts DROP COLUMN word_goal;
         DROP TABLE dictionary_words; DROP TABLE spelling_languages;
         ALTER TABLE sync_folders DROP COLUMN files_only;
         ALTER TABLE drafts DROP COLUMN discuss_url;
         UPDATE revisions SET meta = json_remove(meta, '$.discuss_url');
         DELETE FROM schema_migrations WHERE version > 4; PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);

    let mut lib = Library::open(&path).unwrap();
    let draft = lib.draft(&slug).unwrap();
    assert_eq!(draft.body, "written before discuss links");
    assert_eq!(draft.canonical_url.as_deref(), Some("https://example.com/v4"));
    assert_eq!(draft.discuss_url, None);
    let change = byline_library::DraftChange {
        discuss_url: Some(Some("https://forum.example.com/t/4".into())),
        ..Default::default()
    };
    let edited = lib.update_draft(&slug, change, byline_library::SaveMode::Edit).unwrap();
    assert_eq!(edited.discuss_url.as_deref(), Some("https://forum.example.com/t/4"));
    assert_eq!(lib.draft(&slug).unwrap().discuss_url.as_deref(), Some("https://forum.example.com/t/4"));
    let conn = Connection::open(path.join("library.db")).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    const { assert!(SCHEMA_VERSION >= 5) };
    assert!(lib.integrity_check().unwrap().is_empty());
}

/// Turns the library in `path` back into what a schema-7 Byline left behind.
fn back_to_schema_7(path: &std::path::Path) {
    let conn = Connection::open(path.join("library.db")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER drafts_end_the_first_run; DROP TRIGGER authors_end_the_first_run; DROP TABLE settings;
         ALTER TABLE sync_folders DROP COLUMN files_only;
         DELETE FROM schema_migrations WHERE version > 7; PRAGMA user_version = 7;",
    )
    .unwrap();
}

#[test]
fn a_schema_7_library_in_use_never_gets_the_welcome_and_an_empty_one_does() {
    let mut used = common::fixture();
    let slug = used.lib.create_draft(common::draft("From v7", "written before the first run existed")).unwrap().slug;
    let path = used.lib.dir().to_path_buf();
    drop(used.lib);
    back_to_schema_7(&path);
    let mut lib = Library::open(&path).unwrap();
    assert_eq!(lib.welcome_if_new().unwrap(), byline_library::FirstRun { welcome: None, ask_for_author: false });
    assert_eq!(lib.draft(&slug).unwrap().body, "written before the first run existed");
    assert_eq!(lib.stats().unwrap().drafts, 1);

    let empty = common::fixture();
    let path = empty.lib.dir().to_path_buf();
    drop(empty.lib);
    back_to_schema_7(&path);
    let mut lib = Library::open(&path).unwrap();
    assert!(lib.welcome_if_new().unwrap().welcome.is_some(), "a library never used is new");
    let version: i64 = lib_version(&path);
    assert_eq!(version, SCHEMA_VERSION);
    const { assert!(SCHEMA_VERSION >= 8) };
    assert!(lib.integrity_check().unwrap().is_empty());
}

fn lib_version(path: &std::path::Path) -> i64 {
    Connection::open(path.join("library.db")).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}
