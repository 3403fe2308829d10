//! Titles that follow the first heading until the writer types one, word goals, and the words
//! written per day.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::import::ImportOptions;
use byline_library::{DraftChange, Library, NewDraft, SaveMode, WritingDelta, UNTITLED};
use common::fixture;

fn body(text: &str) -> DraftChange {
    DraftChange { body: Some(text.to_string()), ..Default::default() }
}

fn untitled(lib: &mut Library) -> String {
    lib.create_draft(NewDraft::default()).unwrap().slug
}

#[test]
fn a_draft_without_a_typed_title_takes_its_first_heading_as_it_changes() {
    let mut f = fixture();
    let slug = untitled(&mut f.lib);
    let d = f.lib.draft(&slug).unwrap();
    assert_eq!((d.title.as_str(), d.title_from_body), (UNTITLED, true));

    let d = f.lib.update_draft(&slug, body("# Lantern Street Notes\n\nFirst lines."), SaveMode::Autosave).unwrap();
    assert_eq!(d.title, "Lantern Street Notes");
    let listed = f.lib.list_drafts(&Default::default()).unwrap();
    assert_eq!(listed[0].title, "Lantern Street Notes");

    let d = f.lib.update_draft(&slug, body("# Lantern Street, Revised\n"), SaveMode::Autosave).unwrap();
    assert_eq!(d.title, "Lantern Street, Revised");
    let d = f.lib.update_draft(&slug, body("no heading any more"), SaveMode::Autosave).unwrap();
    assert_eq!(d.title, UNTITLED);
}

#[test]
fn a_typed_title_wins_over_the_heading_until_the_field_is_cleared() {
    let mut f = fixture();
    let slug = untitled(&mut f.lib);
    f.lib.update_draft(&slug, body("# Lantern Street Notes\n"), SaveMode::Autosave).unwrap();
    let typed = DraftChange { title: Some("Night Walks".into()), ..Default::default() };
    let d = f.lib.update_draft(&slug, typed, SaveMode::Autosave).unwrap();
    assert_eq!((d.title.as_str(), d.title_from_body), ("Night Walks", false));

    let d = f.lib.update_draft(&slug, body("# A Different Heading\n"), SaveMode::Autosave).unwrap();
    assert_eq!(d.title, "Night Walks");
    // Persistently: a library opened again still holds the writer's title.
    let dir = f.lib.dir().to_path_buf();
    drop(f.lib);
    let mut lib = Library::open(&dir).unwrap();
    assert_eq!(lib.draft(&slug).unwrap().title, "Night Walks");

    let cleared = DraftChange { title: Some("  ".into()), ..Default::default() };
    let d = lib.update_draft(&slug, cleared, SaveMode::Autosave).unwrap();
    assert_eq!((d.title.as_str(), d.title_from_body), ("A Different Heading", true));
}

#[test]
fn the_current_title_sent_again_keeps_it_following_the_heading() {
    // A drafts-folder file written back carries the title it was written with.
    let mut f = fixture();
    let slug = untitled(&mut f.lib);
    f.lib.update_draft(&slug, body("# One\n"), SaveMode::Autosave).unwrap();
    let echoed = DraftChange { title: Some("One".into()), body: Some("# Two\n".into()), ..Default::default() };
    let d = f.lib.update_draft(&slug, echoed, SaveMode::Edit).unwrap();
    assert_eq!((d.title.as_str(), d.title_from_body), ("Two", true));
}

#[test]
fn a_restored_revision_brings_back_whether_the_title_followed_and_the_goal() {
    let mut f = fixture();
    let slug = untitled(&mut f.lib);
    let goal = DraftChange { body: Some("# Draft One\n".into()), word_goal: Some(Some(800)), ..Default::default() };
    f.lib.update_draft(&slug, goal, SaveMode::Checkpoint).unwrap();
    let typed = DraftChange { title: Some("Typed".into()), word_goal: Some(None), ..Default::default() };
    f.lib.update_draft(&slug, typed, SaveMode::Checkpoint).unwrap();
    let restored = f.lib.restore_revision(&slug, 2).unwrap();
    assert_eq!((restored.title.as_str(), restored.title_from_body, restored.word_goal), ("Draft One", true, Some(800)));
}

#[test]
fn a_word_goal_is_stored_cleared_and_never_zero() {
    let mut f = fixture();
    let d = f.lib.create_draft(NewDraft { word_goal: Some(2000), ..common::draft("Goals", "a b c") }).unwrap();
    assert_eq!((d.word_goal, d.title_from_body), (Some(2000), false));
    let d = f.lib.update_draft(&d.slug, DraftChange { word_goal: Some(None), ..Default::default() }, SaveMode::Edit);
    assert_eq!(d.unwrap().word_goal, None);
    let zero = DraftChange { word_goal: Some(Some(0)), ..Default::default() };
    let err = f.lib.update_draft("goals", zero, SaveMode::Edit).unwrap_err();
    assert!(err.to_string().contains("at least 1 word"), "{err}");
}

#[test]
fn imported_text_without_a_title_or_heading_takes_its_first_line() {
    let mut f = fixture();
    let dir = f.dir.path().join("notes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("shopping.txt"), "\n\n  Groceries for the *long* weekend\nmilk, bread\n").unwrap();
    std::fs::write(dir.join("walks.md"), "Intro line\n\n# Lantern Street Notes\n").unwrap();
    std::fs::write(dir.join("titled.md"), "---\ntitle: From Front Matter\n---\n# Heading\n").unwrap();
    let report = f.lib.import_paths(&[dir], &ImportOptions::default(), &mut |_| {}).unwrap();
    assert_eq!(report.drafts.len(), 3, "{report:?}");
    let titles = |title: &str| {
        let found = f.lib.list_drafts(&Default::default()).unwrap();
        let hit = found.iter().find(|d| d.title == title).map(|d| d.slug.clone());
        hit.map(|slug| f.lib.draft(&slug).unwrap().title_from_body)
    };
    assert_eq!(titles("Groceries for the long weekend"), Some(false));
    assert_eq!(titles("Lantern Street Notes"), Some(true));
    assert_eq!(titles("From Front Matter"), Some(false));
}

#[test]
fn words_written_add_up_per_day_and_deletions_stop_at_zero() {
    let mut f = fixture();
    let delta = |day: &str, typed: i32, pasted: u32| WritingDelta { day: day.into(), typed, pasted };
    assert_eq!(f.lib.writing_day("2026-12-03").unwrap().typed, 0);
    f.lib.add_writing(&delta("2026-12-03", 120, 0)).unwrap();
    let day = f.lib.add_writing(&delta("2026-12-03", 15, 40)).unwrap();
    assert_eq!((day.typed, day.pasted), (135, 40));
    let day = f.lib.add_writing(&delta("2026-12-03", -500, 0)).unwrap();
    assert_eq!((day.typed, day.pasted), (0, 40));
    assert_eq!(f.lib.writing_day("2026-12-04").unwrap().typed, 0);
    let err = f.lib.add_writing(&delta("03/12/2026", 1, 0)).unwrap_err();
    assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
}
