//! Revision history: autosave coalescing, checkpoints, restore, and a property test over random editing.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{DraftChange, Error, SaveMode, Status};
use proptest::prelude::*;

fn body(text: &str) -> DraftChange {
    DraftChange { body: Some(text.to_string()), ..Default::default() }
}

fn reasons(lib: &byline_library::Library, slug: &str) -> Vec<String> {
    lib.history(slug).unwrap().into_iter().map(|r| r.reason).collect()
}

#[test]
fn a_minute_of_typing_makes_two_autosave_revisions() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Typing", "")).unwrap();
    let mut text = String::new();
    for i in 0..60 {
        f.clock.advance_secs(1);
        text.push_str(&format!("word{i} "));
        f.lib.update_draft(&d.slug, body(&text), SaveMode::Autosave).unwrap();
    }
    let history = f.lib.history(&d.slug).unwrap();
    assert_eq!(reasons(&f.lib, &d.slug), ["autosave", "autosave", "create"]);
    assert_eq!(history.iter().map(|r| r.id).collect::<Vec<_>>(), [3, 2, 1]);
    // The newest revision holds the newest text and the time of the last save.
    assert_eq!(f.lib.revision(&d.slug, 3).unwrap().snapshot.body, text);
    assert_eq!(history[0].created, f.clock.now());
    assert_eq!(history[0].word_count, 60);
    // The first burst ended with what was typed before its 30 seconds ran out.
    assert_eq!(f.lib.revision(&d.slug, 2).unwrap().snapshot.body.split_whitespace().count(), 30);
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

#[test]
fn a_checkpoint_splits_a_burst() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Split", "")).unwrap();
    for i in 0..10 {
        f.clock.advance_secs(1);
        f.lib.update_draft(&d.slug, body(&format!("a{i}")), SaveMode::Autosave).unwrap();
    }
    let closed = f.lib.checkpoint(&d.slug).unwrap().expect("a burst was open");
    assert_eq!((closed.id, closed.reason.as_str()), (2, "autosave"));
    assert_eq!(f.lib.checkpoint(&d.slug).unwrap(), None);
    for i in 0..5 {
        f.clock.advance_secs(1);
        f.lib.update_draft(&d.slug, body(&format!("b{i}")), SaveMode::Autosave).unwrap();
    }
    assert_eq!(reasons(&f.lib, &d.slug), ["autosave", "autosave", "create"]);

    f.clock.advance_secs(1);
    f.lib.update_draft(&d.slug, body("saved on purpose"), SaveMode::Checkpoint).unwrap();
    f.clock.advance_secs(1);
    f.lib.update_draft(&d.slug, body("typing again"), SaveMode::Autosave).unwrap();
    assert_eq!(reasons(&f.lib, &d.slug), ["autosave", "checkpoint", "autosave", "autosave", "create"]);
}

#[test]
fn a_clock_that_jumps_back_starts_a_new_burst() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Clock", "")).unwrap();
    f.lib.update_draft(&d.slug, body("one"), SaveMode::Autosave).unwrap();
    f.clock.advance_secs(-3600);
    f.lib.update_draft(&d.slug, body("two"), SaveMode::Autosave).unwrap();
    f.clock.advance_secs(1);
    f.lib.update_draft(&d.slug, body("three"), SaveMode::Autosave).unwrap();
    assert_eq!(reasons(&f.lib, &d.slug), ["autosave", "autosave", "create"]);
}

#[test]
fn an_identical_save_adds_nothing_and_keeps_updated() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Same", "text")).unwrap();
    f.clock.advance_secs(100);
    for mode in [SaveMode::Autosave, SaveMode::Checkpoint, SaveMode::Edit] {
        let after = f.lib.update_draft(&d.slug, body("text"), mode).unwrap();
        assert_eq!(after.updated, d.updated);
    }
    assert_eq!(f.lib.history(&d.slug).unwrap().len(), 1);
}

#[test]
fn metadata_changes_are_revisions_too() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Meta", "text")).unwrap();
    f.lib
        .update_draft(&d.slug, DraftChange { status: Some(Status::Review), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    f.lib
        .update_draft(&d.slug, DraftChange { tags: Some(vec!["x".into()]), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(reasons(&f.lib, &d.slug), ["edit", "edit", "create"]);
    let rev = f.lib.revision(&d.slug, 2).unwrap();
    assert_eq!((rev.snapshot.status, rev.snapshot.tags.len()), (Status::Review, 0));
}

#[test]
fn restore_adds_a_revision_and_keeps_everything() {
    let mut f = common::fixture();
    f.lib.add_author(common::author("Ada")).unwrap();
    f.lib.add_author(common::author("Bob")).unwrap();
    let new = byline_library::NewDraft { authors: vec!["ada".into(), "bob".into()], ..common::draft("V1", "first") };
    let d = f.lib.create_draft(new).unwrap();
    let change = DraftChange {
        title: Some("V2".into()),
        body: Some("second".into()),
        authors: Some(vec!["ada".into()]),
        ..Default::default()
    };
    f.lib.update_draft(&d.slug, change, SaveMode::Edit).unwrap();
    f.lib.remove_author("bob", Some("ada")).unwrap();

    let restored = f.lib.restore_revision(&d.slug, 1).unwrap();
    assert_eq!((restored.title.as_str(), restored.body.as_str()), ("V1", "first"));
    // Bob no longer exists, so only Ada is credited.
    assert_eq!(restored.authors.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["ada"]);
    assert_eq!(reasons(&f.lib, &d.slug), ["restore of #1", "edit", "create"]);
    assert_eq!(f.lib.revision(&d.slug, 2).unwrap().snapshot.body, "second");

    let err = f.lib.revision(&d.slug, 42).unwrap_err();
    assert!(matches!(err, Error::RevisionNotFound { id: 42, .. }));
    assert_eq!(err.to_string(), "draft `v1` has no revision #42; `byline history v1` lists its revisions");
}

#[derive(Debug, Clone)]
enum Step {
    Type(String, u8),
    Edit(String),
    Retitle(String),
    Checkpoint,
    Restore(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => ("[a-c ]{0,6}", 0u8..40).prop_map(|(t, s)| Step::Type(t, s)),
        1 => "[a-c]{0,4}".prop_map(Step::Edit),
        1 => "[A-C]{1,4}".prop_map(Step::Retitle),
        1 => Just(Step::Checkpoint),
        1 => any::<u8>().prop_map(Step::Restore),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn history_never_loses_the_latest_content(steps in prop::collection::vec(step(), 1..40)) {
        let mut f = common::fixture();
        let slug = f.lib.create_draft(common::draft("Start", "")).unwrap().slug;
        let mut text = String::new();
        for step in steps {
            match step {
                Step::Type(more, secs) => {
                    f.clock.advance_secs(i64::from(secs));
                    text.push_str(&more);
                    f.lib.update_draft(&slug, body(&text), SaveMode::Autosave).unwrap();
                }
                Step::Edit(new) => {
                    f.clock.advance_secs(1);
                    text = new;
                    f.lib.update_draft(&slug, body(&text), SaveMode::Edit).unwrap();
                }
                Step::Retitle(title) => {
                    f.lib.update_draft(&slug, DraftChange { title: Some(title), ..Default::default() }, SaveMode::Autosave).unwrap();
                }
                Step::Checkpoint => { f.lib.checkpoint(&slug).unwrap(); }
                Step::Restore(pick) => {
                    let history = f.lib.history(&slug).unwrap();
                    let id = history[usize::from(pick) % history.len()].id;
                    text = f.lib.restore_revision(&slug, id).unwrap().body;
                }
            }
            let draft = f.lib.draft(&slug).unwrap();
            prop_assert_eq!(&draft.body, &text);
            let history = f.lib.history(&slug).unwrap();
            let newest = f.lib.revision(&slug, history[0].id).unwrap();
            prop_assert_eq!(&newest.snapshot, &byline_library::DraftSnapshot::from(&draft));
        }
        let history = f.lib.history(&slug).unwrap();
        for (i, summary) in history.iter().enumerate() {
            prop_assert_eq!(summary.id, (history.len() - i) as i64);
            let revision = f.lib.revision(&slug, summary.id).unwrap();
            prop_assert_eq!(&revision.summary(), summary);
            prop_assert_eq!(revision.bytes, revision.snapshot.body.len());
        }
        prop_assert!(f.lib.integrity_check().unwrap().is_empty());
    }
}

// E2E finding: Ctrl+S right after an autosave added no "checkpoint" to the history.
#[test]
fn a_checkpoint_of_autosaved_text_labels_that_revision_a_checkpoint() {
    let mut f = common::fixture();
    let draft = f.lib.create_draft(byline_library::NewDraft { title: "Labels".into(), ..Default::default() }).unwrap();
    let change = byline_library::DraftChange { body: Some("typed".into()), ..Default::default() };
    f.lib.update_draft(&draft.slug, change.clone(), byline_library::SaveMode::Autosave).unwrap();
    f.lib.update_draft(&draft.slug, change, byline_library::SaveMode::Checkpoint).unwrap();
    let history = f.lib.history(&draft.slug).unwrap();
    assert_eq!(history.len(), 2, "no duplicate revision for identical text");
    assert_eq!(history[0].reason, "checkpoint");
}

#[test]
fn restore_brings_back_the_discuss_link() {
    let mut f = common::fixture();
    let new = byline_library::NewDraft {
        discuss_url: Some("https://forum.example.com/t/7".into()),
        ..common::draft("Linked", "text")
    };
    let d = f.lib.create_draft(new).unwrap();
    let cleared = DraftChange { discuss_url: Some(None), ..Default::default() };
    assert_eq!(f.lib.update_draft(&d.slug, cleared, SaveMode::Edit).unwrap().discuss_url, None);
    assert_eq!(
        f.lib.revision(&d.slug, 1).unwrap().snapshot.discuss_url.as_deref(),
        Some("https://forum.example.com/t/7")
    );
    let restored = f.lib.restore_revision(&d.slug, 1).unwrap();
    assert_eq!(restored.discuss_url.as_deref(), Some("https://forum.example.com/t/7"));
}

#[test]
fn a_revision_saved_before_discuss_links_existed_still_loads_and_restores() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Old", "old text")).unwrap();
    let linked = DraftChange {
        body: Some("new text".into()),
        discuss_url: Some(Some("https://forum.example.com/t/8".into())),
        ..Default::default()
    };
    f.lib.update_draft(&d.slug, linked, SaveMode::Edit).unwrap();
    let dir = f.lib.dir().to_path_buf();
    drop(f.lib);
    // What a schema-4 Byline wrote: revision metadata with no discuss_url key at all.
    let conn = rusqlite::Connection::open(dir.join("library.db")).unwrap();
    let changed =
        conn.execute("UPDATE revisions SET meta = json_remove(meta, '$.discuss_url') WHERE seq = 1", []).unwrap();
    assert_eq!(changed, 1);
    drop(conn);

    let mut lib = byline_library::Library::open(&dir).unwrap();
    assert_eq!(lib.revision(&d.slug, 1).unwrap().snapshot.discuss_url, None);
    let restored = lib.restore_revision(&d.slug, 1).unwrap();
    assert_eq!((restored.body.as_str(), restored.discuss_url), ("old text", None));
}
