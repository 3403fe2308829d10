//! Changes made on both sides while nothing was watching, reconciled by the next `sync`/`watch`.

#![allow(clippy::unwrap_used)]

mod sync_support;

use byline_library::folder_sync::WatchOptions;
use byline_library::{DraftChange, Library, NewDraft, SaveMode};
use sync_support::{draft_file, library_dir, Live};

fn edit(lib: &mut Library, slug: &str, body: &str) {
    let change = DraftChange { body: Some(body.into()), ..DraftChange::default() };
    lib.update_draft(slug, change, SaveMode::Edit).unwrap();
}

#[test]
fn offline_changes_on_both_sides_are_all_kept_by_the_next_watch() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    let mut lib = Library::open(&library_dir(root.path())).unwrap();
    for title in ["Only file", "Only library", "Both", "Deleted", "Untouched"] {
        lib.create_draft(NewDraft { title: title.into(), body: format!("{title}: first.\n"), ..NewDraft::default() })
            .unwrap();
    }
    lib.sync_folder(&folder).unwrap();

    // Offline: the folder and the library change independently.
    std::fs::write(folder.join("only-file.md"), draft_file("Only file", "Changed in the folder.\n")).unwrap();
    edit(&mut lib, "only-library", "Changed in the library.\n");
    std::fs::write(folder.join("both.md"), draft_file("Both", "Both: the folder's side.\n")).unwrap();
    edit(&mut lib, "both", "Both: the library's side.\n");
    std::fs::remove_file(folder.join("deleted.md")).unwrap();
    std::fs::write(folder.join("brand-new.md"), "# Brand new\n\nWritten offline.\n").unwrap();

    let live = Live::resume(root, folder, lib, WatchOptions::default());
    let first = live.report_lines();
    assert!(first.iter().any(|l| l.contains("conflict") && l.contains("both.md")), "{first:#?}");
    assert_eq!(live.body("only-file").trim(), "Changed in the folder.");
    assert!(live.file_text("only-library.md").contains("Changed in the library."));
    assert_eq!(live.body("both").trim(), "Both: the library's side.");
    assert!(live.every_body("both").iter().any(|b| b.trim() == "Both: the folder's side."));
    assert!(live.lib.draft("deleted").unwrap().trashed_at.is_some(), "a deleted file sends its draft to the trash");
    assert!(live.lib.draft("brand-new").unwrap().body.contains("Written offline."));
    assert!(live.file_text("untouched.md").contains("Untouched: first."));
}
