//! A title that follows its first heading keeps following through the drafts folder: the file
//! written back carries the title as front matter, and reading that file again (Byline's own
//! write, or an outside edit of the body) must not turn it into a title the writer typed.

#![allow(clippy::unwrap_used)]

use byline_library::{DraftChange, Library, NewDraft, SaveMode};

#[test]
fn a_title_following_its_heading_keeps_following_through_the_drafts_folder() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    let mut lib = Library::open(&root.path().join("library")).unwrap();
    let slug = lib.create_draft(NewDraft::default()).unwrap().slug;
    let body = DraftChange { body: Some("# Lantern Street Notes\n\nFirst lines.\n".into()), ..Default::default() };
    lib.update_draft(&slug, body, SaveMode::Autosave).unwrap();
    lib.sync_folder(&folder).unwrap();
    // Reading back what Byline itself wrote changes nothing.
    lib.sync_folder(&folder).unwrap();
    let draft = lib.draft(&slug).unwrap();
    assert_eq!((draft.title.as_str(), draft.title_from_body), ("Lantern Street Notes", true));

    let file = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md"));
    let file = file.unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Lantern Street Notes"), "{text}");
    // An outside editor changes the heading and leaves the front matter's title as it was.
    std::fs::write(&file, text.replace("# Lantern Street Notes", "# Lantern Street at Night")).unwrap();
    lib.sync_folder(&folder).unwrap();
    let draft = lib.draft(&slug).unwrap();
    assert_eq!((draft.title.as_str(), draft.title_from_body), ("Lantern Street at Night", true));

    // And the app's next heading change still moves the title.
    let body = DraftChange { body: Some("# Lantern Street, Revised\n".into()), ..Default::default() };
    let draft = lib.update_draft(&slug, body, SaveMode::Autosave).unwrap();
    lib.sync_folder(&folder).unwrap();
    assert_eq!(lib.draft(&slug).unwrap().title, "Lantern Street, Revised");
    assert!(draft.title_from_body);
}
