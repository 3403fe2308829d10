//! Markdown files opened one by one (`byline-app FILE.md`, File › Open File…): each is one draft
//! linked to its file, and nothing else in its folder is read or written.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use byline_library::{DraftChange, Library, NewDraft, SaveMode};

/// A Hugo-style page with front matter another tool wrote: keys Byline does not know, a date in
/// the site's own style, and a trailing space the file must keep.
const PAGE: &str = "---\ntitle: \"Night Ferry\"\ndate: 2024-03-09T21:15:00+01:00\nweight: 40\ncustom_param: keep me\n---\n\nThe last boat leaves at ten. \n\n## Deck\n\nSalt on the rail.\n";

fn library(root: &Path) -> Library {
    Library::open(&root.join("library")).unwrap()
}

fn body_change(body: &str) -> DraftChange {
    DraftChange { body: Some(body.to_owned()), ..DraftChange::default() }
}

#[test]
fn opening_a_file_makes_one_linked_draft_and_leaves_its_bytes_and_its_neighbours_alone() {
    let root = tempfile::tempdir().unwrap();
    let notes = root.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    std::fs::write(notes.join("night-ferry.md"), PAGE).unwrap();
    std::fs::write(notes.join("shopping.md"), "eggs\n").unwrap();
    let mut lib = library(root.path());
    lib.create_draft(NewDraft { title: "Elsewhere".into(), body: "Not here.\n".into(), ..NewDraft::default() })
        .unwrap();

    let opened = lib.open_file(&notes.join("night-ferry.md")).unwrap();
    let draft = lib.draft(&opened.slug).unwrap();
    assert_eq!(draft.title, "Night Ferry");
    assert!(draft.body.contains("The last boat leaves at ten."), "{}", draft.body);
    assert_eq!(std::fs::read_to_string(notes.join("night-ferry.md")).unwrap(), PAGE, "opening changes no byte");
    let mut names: Vec<String> =
        std::fs::read_dir(&notes).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["night-ferry.md", "shopping.md"], "no other draft is written beside an opened file");
    assert_eq!(lib.list_drafts(&Default::default()).unwrap().len(), 2, "the neighbour was not imported");

    let again = lib.open_file(&notes.join("./night-ferry.md")).unwrap();
    assert_eq!(again.slug, opened.slug, "a file opened twice is one draft");
    assert_eq!(lib.opened_files_folders().unwrap(), vec![notes.canonicalize().unwrap()]);
    assert!(lib.sync_folders().unwrap().is_empty(), "an opened file's folder is no drafts folder");
}

#[test]
fn edits_reach_the_file_outside_edits_reach_the_draft_and_both_at_once_keep_both() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("ferry.md");
    std::fs::write(&file, PAGE).unwrap();
    let mut lib = library(root.path());
    let slug = lib.open_file(&file).unwrap().slug;

    // Edited in Byline: the file follows, its front matter as the other tool wrote it.
    let body = lib.draft(&slug).unwrap().body.replace("Salt on the rail.", "Salt on the rail, and gulls.");
    lib.update_draft(&slug, body_change(&body), SaveMode::Checkpoint).unwrap();
    lib.open_file(&file).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Salt on the rail, and gulls."), "{text}");
    assert!(text.contains("custom_param: keep me") && text.contains("weight: 40"), "{text}");
    assert!(text.contains("date: 2024-03-09T21:15:00+01:00"), "{text}");

    // Edited outside: the draft follows.
    std::fs::write(&file, text.replace("gulls", "gannets")).unwrap();
    lib.open_file(&file).unwrap();
    assert!(lib.draft(&slug).unwrap().body.contains("gannets"));

    // Both: the library keeps its text, the file's version is a revision, nothing is lost.
    let body = lib.draft(&slug).unwrap().body.replace("ten.", "eleven.");
    lib.update_draft(&slug, body_change(&body), SaveMode::Checkpoint).unwrap();
    let outside = std::fs::read_to_string(&file).unwrap().replace("gannets", "terns");
    std::fs::write(&file, &outside).unwrap();
    let report = lib.open_file(&file).unwrap().report;
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert!(lib.draft(&slug).unwrap().body.contains("eleven."));
    let bodies: Vec<String> =
        lib.history(&slug).unwrap().iter().map(|r| lib.revision(&slug, r.id).unwrap().snapshot.body).collect();
    assert!(bodies.iter().any(|b| b.contains("terns")), "the file's version is kept: {bodies:#?}");
}

#[test]
fn a_file_in_the_drafts_folder_opens_its_own_draft() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    let mut lib = library(root.path());
    lib.create_draft(NewDraft { title: "Harbour".into(), body: "Boats.\n".into(), ..NewDraft::default() }).unwrap();
    lib.bind_sync_folder(&folder).unwrap();
    lib.sync_folder(&folder).unwrap();

    assert_eq!(lib.open_file(&folder.join("harbour.md")).unwrap().slug, "harbour");
    // A file new to the folder is synced and opened, once.
    std::fs::write(folder.join("pier.md"), "# Pier\n\nPlanks.\n").unwrap();
    let pier = lib.open_file(&folder.join("pier.md")).unwrap().slug;
    assert_eq!(lib.draft(&pier).unwrap().title, "Pier");
    assert_eq!(lib.list_drafts(&Default::default()).unwrap().len(), 2);
    assert_eq!(lib.open_file(&folder.join("pier.md")).unwrap().slug, pier);
    assert!(lib.opened_files_folders().unwrap().is_empty());
}

#[test]
fn trashing_an_opened_files_draft_never_deletes_the_writers_file() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("letter.md");
    std::fs::write(&file, "# Letter\n\nDear Ines,\n").unwrap();
    let mut lib = library(root.path());
    let slug = lib.open_file(&file).unwrap().slug;
    lib.trash_draft(&slug).unwrap();
    let other = root.path().join("other.md");
    std::fs::write(&other, "# Other\n").unwrap();
    lib.open_file(&other).unwrap();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "# Letter\n\nDear Ines,\n");

    // Opened again, it is a draft again.
    let reopened = lib.open_file(&file).unwrap().slug;
    assert!(lib.draft(&reopened).unwrap().trashed_at.is_none());
}

#[test]
fn what_cannot_be_opened_says_which_file_and_why() {
    let root = tempfile::tempdir().unwrap();
    let mut lib = library(root.path());
    let text = root.path().join("notes.docx");
    std::fs::write(&text, "PK").unwrap();
    let not_markdown = lib.open_file(&text).unwrap_err().to_string();
    assert!(not_markdown.contains("notes.docx") && not_markdown.contains("Markdown"), "{not_markdown}");
    let missing = lib.open_file(&root.path().join("gone.md")).unwrap_err().to_string();
    assert!(missing.contains("gone.md"), "{missing}");
    let inside = root.path().join("library").join("x.md");
    std::fs::write(&inside, "# X\n").unwrap();
    let refused = lib.open_file(&inside).unwrap_err().to_string();
    assert!(refused.contains("library"), "{refused}");
    assert!(lib.list_drafts(&Default::default()).unwrap().is_empty(), "nothing was imported");
}
