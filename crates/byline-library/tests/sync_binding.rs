//! Binding a library to a drafts folder and forgetting it again (the app's "Drafts folder" setting).

#![allow(clippy::unwrap_used)]

use byline_library::{Library, NewDraft};

#[test]
fn the_most_recently_bound_folder_comes_last_and_unbinding_forgets_it() {
    let root = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&root.path().join("library")).unwrap();
    let first = lib.bind_sync_folder(&root.path().join("first")).unwrap();
    let second = lib.bind_sync_folder(&root.path().join("second")).unwrap();
    assert!(first.is_dir() && second.is_dir(), "bound folders are created");
    assert_eq!(lib.sync_folders().unwrap(), vec![first.clone(), second.clone()]);

    // Binding an older folder again makes it the current one.
    lib.bind_sync_folder(&first).unwrap();
    assert_eq!(lib.sync_folders().unwrap(), vec![second.clone(), first.clone()]);

    assert!(lib.unbind_sync_folder(&first).unwrap());
    assert_eq!(lib.sync_folders().unwrap(), vec![second]);
    assert!(!lib.unbind_sync_folder(&first).unwrap(), "already unbound");
}

#[test]
fn unbinding_leaves_the_files_and_rebinding_keeps_both_versions() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    let mut lib = Library::open(&root.path().join("library")).unwrap();
    lib.create_draft(NewDraft { title: "Kept".into(), body: "In the library.\n".into(), ..NewDraft::default() })
        .unwrap();
    lib.sync_folder(&folder).unwrap();
    assert!(lib.unbind_sync_folder(&folder).unwrap());
    assert!(folder.join("kept.md").is_file(), "the files stay");

    let text = std::fs::read_to_string(folder.join("kept.md")).unwrap();
    std::fs::write(folder.join("kept.md"), text.replace("In the library.", "Edited while unbound.")).unwrap();
    lib.bind_sync_folder(&folder).unwrap();
    lib.sync_folder(&folder).unwrap();
    assert_eq!(lib.draft("kept").unwrap().body.trim(), "In the library.");
    let bodies: Vec<String> =
        lib.history("kept").unwrap().iter().map(|r| lib.revision("kept", r.id).unwrap().snapshot.body).collect();
    assert!(bodies.iter().any(|b| b.trim() == "Edited while unbound."), "{bodies:#?}");
}
