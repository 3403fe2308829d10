//! Drafts: creation, slugs, editing, listing, the trash, and all-or-nothing failures.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{DraftChange, DraftFilter, DraftSort, Error, NewDraft, SaveMode, Status};
use serde_json::json;

#[test]
fn a_new_draft_gets_a_slug_from_its_title_and_a_create_revision() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Héllo, Wörld: Rust & C++!", "one two three")).unwrap();
    assert_eq!(d.slug, "hello-world-rust-c");
    assert_eq!(d.status, Status::Draft);
    assert_eq!(d.word_count, 3);
    assert_eq!(d.created, f.clock.now());
    assert_eq!(d.updated, f.clock.now());
    let history = f.lib.history(&d.slug).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].id, history[0].reason.as_str()), (1, "create"));
    assert_eq!(f.lib.draft(&d.slug).unwrap(), d);
}

#[test]
fn every_field_round_trips_and_blank_optionals_become_none() {
    let mut f = common::fixture();
    let created = "2024-03-01T10:00:00Z".parse().unwrap();
    let mut extra = serde_json::Map::new();
    extra.insert("series".into(), json!({"name": "Rust", "part": 2}));
    let new = NewDraft {
        title: "  Full  ".into(),
        subtitle: Some("Sub".into()),
        summary: Some("   ".into()),
        body: "# Heading\n\nText.".into(),
        status: Status::Review,
        tags: vec![" Rust ".into(), "rust".into(), "web   dev".into(), "".into()],
        slug: Some("My Custom Slug".into()),
        language: Some("en".into()),
        canonical_url: Some("https://example.com/full".into()),
        cover_image: Some("images/cover.png".into()),
        created: Some(created),
        extra,
        ..NewDraft::default()
    };
    let d = f.lib.create_draft(new).unwrap();
    assert_eq!(d.slug, "my-custom-slug");
    assert_eq!(d.title, "Full");
    assert_eq!(d.summary, None);
    assert_eq!(d.tags, ["Rust", "web dev"]);
    assert_eq!(d.created, created);
    assert_eq!(d.updated, created);
    assert_eq!(d.extra["series"]["part"], 2);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["status"], "review");
    assert_eq!(json["created"], "2024-03-01T10:00:00Z");
}

#[test]
fn a_blank_title_follows_the_body_and_unknown_statuses_are_refused_clearly() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("   ", "# Harbour Lights\n\nx")).unwrap();
    assert_eq!((d.title.as_str(), d.title_from_body), ("Harbour Lights", true));
    let err = "finished".parse::<Status>().unwrap_err();
    assert_eq!(err.to_string(), "unknown status `finished`; use one of: idea, draft, review, ready, published");
    assert_eq!(" PUBLISHED ".parse::<Status>().unwrap(), Status::Published);
}

#[test]
fn slugs_are_unique_including_trashed_drafts() {
    let mut f = common::fixture();
    let a = f.lib.create_draft(common::draft("Same", "")).unwrap();
    f.lib.trash_draft(&a.slug).unwrap();
    let b = f.lib.create_draft(common::draft("Same", "")).unwrap();
    let c = f.lib.create_draft(common::draft("Same", "")).unwrap();
    assert_eq!((a.slug.as_str(), b.slug.as_str(), c.slug.as_str()), ("same", "same-2", "same-3"));
    let err = f.lib.create_draft(NewDraft { slug: Some("same-2".into()), ..common::draft("Other", "") }).unwrap_err();
    assert!(matches!(&err, Error::SlugTaken(s) if s == "same-2"), "{err:?}");
}

#[test]
fn slugs_of_emptied_drafts_are_not_handed_out_again() {
    let mut f = common::fixture();
    let a = f.lib.create_draft(common::draft("Gone", "")).unwrap();
    f.lib.trash_draft(&a.slug).unwrap();
    assert_eq!(f.lib.empty_trash().unwrap(), 1);
    let b = f.lib.create_draft(common::draft("Gone", "")).unwrap();
    assert_eq!(b.slug, "gone-2");
    // Asked for by name, the old slug may come back.
    let c = f.lib.create_draft(NewDraft { slug: Some("gone".into()), ..common::draft("Gone", "") }).unwrap();
    assert_eq!(c.slug, "gone");
}

#[test]
fn renaming_keeps_the_slug() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("First title", "")).unwrap();
    let change = DraftChange { title: Some("A completely new title".into()), ..Default::default() };
    let renamed = f.lib.update_draft(&d.slug, change, SaveMode::Edit).unwrap();
    assert_eq!(renamed.slug, "first-title");
    assert_eq!(renamed.title, "A completely new title");
    assert_eq!(f.lib.draft("first-title").unwrap().title, "A completely new title");
}

#[test]
fn edits_change_fields_and_updated_but_a_no_op_changes_nothing() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("T", "old body")).unwrap();
    f.clock.advance_secs(60);
    let change = DraftChange {
        body: Some("new body here".into()),
        subtitle: Some(Some("now with a subtitle".into())),
        tags: Some(vec!["a".into(), "B".into()]),
        extra: Some(serde_json::Map::from_iter([("k".to_string(), json!(1))])),
        ..Default::default()
    };
    let edited = f.lib.update_draft(&d.slug, change, SaveMode::Edit).unwrap();
    assert_eq!(edited.body, "new body here");
    assert_eq!(edited.word_count, 3);
    assert_eq!(edited.subtitle.as_deref(), Some("now with a subtitle"));
    assert_eq!(edited.updated, f.clock.now());
    assert_eq!(edited.created, d.created);

    f.clock.advance_secs(60);
    let same = f
        .lib
        .update_draft(&d.slug, DraftChange { body: Some("new body here".into()), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(same, edited);
    assert_eq!(f.lib.history(&d.slug).unwrap().len(), 2);

    let cleared = f
        .lib
        .update_draft(&d.slug, DraftChange { subtitle: Some(None), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(cleared.subtitle, None);
}

#[test]
fn publishing_stamps_the_publication_time_once() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("P", "")).unwrap();
    assert_eq!(d.published, None);
    f.clock.advance_secs(10);
    let published = f
        .lib
        .update_draft(&d.slug, DraftChange { status: Some(Status::Published), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(published.published, Some(f.clock.now()));
    let stamp = published.published;
    f.clock.advance_secs(10);
    let again = f
        .lib
        .update_draft(&d.slug, DraftChange { title: Some("P2".into()), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(again.published, stamp);
}

#[test]
fn missing_drafts_name_the_slug_and_the_way_out() {
    let f = common::fixture();
    let err = f.lib.draft("nope").unwrap_err();
    assert_eq!(err.to_string(), "no draft with slug `nope`; `byline list` shows the slugs");
}

#[test]
fn trash_hides_drafts_blocks_edits_and_untrash_brings_them_back() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Bin me", "")).unwrap();
    f.lib.trash_draft(&d.slug).unwrap();
    f.lib.trash_draft(&d.slug).unwrap();
    assert!(f.lib.list_drafts(&DraftFilter::default()).unwrap().is_empty());
    let trash = f.lib.list_drafts(&DraftFilter { trashed: true, ..Default::default() }).unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].trashed_at, Some(f.clock.now()));
    assert!(f.lib.draft(&d.slug).unwrap().trashed_at.is_some());

    let err = f
        .lib
        .update_draft(&d.slug, DraftChange { body: Some("x".into()), ..Default::default() }, SaveMode::Autosave)
        .unwrap_err();
    assert_eq!(err.to_string(), "draft `bin-me` is in the trash; `byline untrash bin-me` first");
    assert!(matches!(f.lib.restore_revision(&d.slug, 1), Err(Error::Trashed(_))));

    f.lib.untrash_draft(&d.slug).unwrap();
    assert_eq!(f.lib.count_drafts(&DraftFilter::default()).unwrap(), 1);
    assert_eq!(f.lib.draft(&d.slug).unwrap().trashed_at, None);
}

#[test]
fn emptying_the_trash_destroys_only_trashed_drafts_and_their_history() {
    let mut f = common::fixture();
    let keep = f.lib.create_draft(common::draft("Keep", "shared body")).unwrap();
    let gone = f.lib.create_draft(common::draft("Gone", "shared body")).unwrap();
    f.lib
        .update_draft(
            &gone.slug,
            DraftChange { body: Some("only in gone".into()), ..Default::default() },
            SaveMode::Edit,
        )
        .unwrap();
    f.lib.trash_draft(&gone.slug).unwrap();
    assert_eq!(f.lib.stats().unwrap().revisions, 3);

    assert_eq!(f.lib.empty_trash().unwrap(), 1);
    assert!(matches!(f.lib.draft(&gone.slug), Err(Error::DraftNotFound(_))));
    assert_eq!(f.lib.draft(&keep.slug).unwrap().body, "shared body");
    let stats = f.lib.stats().unwrap();
    assert_eq!((stats.drafts, stats.trashed, stats.revisions), (1, 0, 1));
    assert_eq!(f.lib.revision(&keep.slug, 1).unwrap().snapshot.body, "shared body");
    assert_eq!(f.lib.empty_trash().unwrap(), 0);
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

#[test]
fn lists_filter_sort_and_page() {
    let mut f = common::fixture();
    f.lib.add_author(common::author("Ada Lovelace")).unwrap();
    f.lib.add_author(common::author("Grace Hopper")).unwrap();
    for (title, tags, status, authors) in [
        ("Banana", vec!["Food"], Status::Idea, vec!["ada-lovelace"]),
        ("apple", vec!["food", "Tech"], Status::Draft, vec!["grace-hopper"]),
        ("Cherry", vec!["tech"], Status::Draft, vec!["ada-lovelace", "grace-hopper"]),
    ] {
        f.clock.advance_secs(5);
        let new = NewDraft {
            tags: tags.into_iter().map(String::from).collect(),
            status,
            authors: authors.into_iter().map(String::from).collect(),
            ..common::draft(title, "")
        };
        f.lib.create_draft(new).unwrap();
    }
    let titles = |filter: DraftFilter| -> Vec<String> {
        f.lib.list_drafts(&filter).unwrap().into_iter().map(|d| d.title).collect()
    };
    assert_eq!(titles(DraftFilter::default()), ["Cherry", "apple", "Banana"]);
    assert_eq!(titles(DraftFilter { sort: DraftSort::Title, ..Default::default() }), ["apple", "Banana", "Cherry"]);
    assert_eq!(titles(DraftFilter { tag: Some("FOOD".into()), ..Default::default() }), ["apple", "Banana"]);
    assert_eq!(titles(DraftFilter { tag: Some("none".into()), ..Default::default() }), Vec::<String>::new());
    assert_eq!(titles(DraftFilter { status: Some(Status::Draft), ..Default::default() }), ["Cherry", "apple"]);
    assert_eq!(titles(DraftFilter { author: Some("grace-hopper".into()), ..Default::default() }), ["Cherry", "apple"]);
    assert_eq!(titles(DraftFilter { author: Some("ada lovelace".into()), ..Default::default() }), ["Cherry", "Banana"]);
    assert_eq!(titles(DraftFilter { limit: Some(1), offset: 1, ..Default::default() }), ["apple"]);
    assert_eq!(f.lib.count_drafts(&DraftFilter { tag: Some("tech".into()), ..Default::default() }).unwrap(), 2);

    let cherry = &f.lib.list_drafts(&DraftFilter::default()).unwrap()[0];
    assert_eq!(cherry.authors, ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(cherry.tags, ["tech"]);
}

#[test]
fn failed_operations_leave_the_library_unchanged() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Existing", "body")).unwrap();
    let before = f.lib.stats().unwrap();
    let drafts_before = f.lib.list_drafts(&DraftFilter::default()).unwrap();

    let err = f.lib.create_draft(NewDraft { authors: vec!["ghost".into()], ..common::draft("New", "x") }).unwrap_err();
    assert!(matches!(&err, Error::AuthorNotFound(s) if s == "ghost"), "{err:?}");
    let bad_edit =
        DraftChange { body: Some("changed".into()), authors: Some(vec!["ghost".into()]), ..Default::default() };
    assert!(f.lib.update_draft(&d.slug, bad_edit, SaveMode::Edit).is_err());
    let no_goal = DraftChange { body: Some("changed".into()), word_goal: Some(Some(0)), ..Default::default() };
    assert!(f.lib.update_draft(&d.slug, no_goal, SaveMode::Edit).is_err());
    assert!(f.lib.add_asset(b"not an image", "x.txt").is_err());
    assert!(f.lib.restore_revision(&d.slug, 99).is_err());

    assert_eq!(f.lib.stats().unwrap(), before);
    assert_eq!(f.lib.list_drafts(&DraftFilter::default()).unwrap(), drafts_before);
    assert_eq!(f.lib.draft(&d.slug).unwrap(), d);
    assert!(f.lib.search("new", 10).unwrap().is_empty());
}

#[test]
fn tags_match_case_insensitively_beyond_ascii() {
    let mut f = common::fixture();
    let new = NewDraft { tags: vec!["Äpfel".into(), "äPFEL".into(), "Größe".into()], ..common::draft("Obst", "") };
    let d = f.lib.create_draft(new).unwrap();
    assert_eq!(d.tags, ["Äpfel", "Größe"]);
    let filter = DraftFilter { tag: Some(" äpfel ".into()), ..Default::default() };
    assert_eq!(f.lib.count_drafts(&filter).unwrap(), 1);
}

#[test]
fn a_failure_late_in_a_save_rolls_back_everything_before_it() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Existing", "old words")).unwrap();
    // Make the last step of a save (writing the revision) fail, after the draft row,
    // its tags and its search entry have already been written inside the transaction.
    let db = rusqlite::Connection::open(f.lib.dir().join("library.db")).unwrap();
    db.execute_batch(
        "CREATE TRIGGER fail_boom BEFORE INSERT ON revisions WHEN NEW.title = 'Boom'
         BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
    )
    .unwrap();
    let before = f.lib.stats().unwrap();

    let new = NewDraft { tags: vec!["kaboom".into()], ..common::draft("Boom", "explosive words") };
    assert!(f.lib.create_draft(new).is_err());
    let change = DraftChange { title: Some("Boom".into()), body: Some("explosive words".into()), ..Default::default() };
    assert!(f.lib.update_draft(&d.slug, change, SaveMode::Edit).is_err());

    assert_eq!(f.lib.stats().unwrap(), before);
    assert_eq!(f.lib.draft(&d.slug).unwrap(), d);
    assert!(f.lib.search("explosive", 10).unwrap().is_empty());
    assert_eq!(f.lib.count_drafts(&DraftFilter { tag: Some("kaboom".into()), ..Default::default() }).unwrap(), 0);
    db.execute_batch("DROP TRIGGER fail_boom").unwrap();
    assert_eq!(f.lib.create_draft(common::draft("Boom", "")).unwrap().slug, "boom");
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

#[test]
fn changes_from_the_ui_tell_absent_fields_from_cleared_ones() {
    let change: DraftChange =
        serde_json::from_str(r#"{"subtitle": null, "summary": "s", "status": "review", "tags": ["a"]}"#).unwrap();
    assert_eq!(change.subtitle, Some(None));
    assert_eq!(change.summary, Some(Some("s".into())));
    assert_eq!(change.language, None);
    assert_eq!(change.status, Some(Status::Review));
    assert!(serde_json::from_str::<DraftChange>(r#"{"titel": "typo"}"#).is_err());
    let filter: DraftFilter = serde_json::from_str(r#"{"sort": "title", "trashed": true}"#).unwrap();
    assert_eq!((filter.sort, filter.trashed, filter.limit), (DraftSort::Title, true, None));
    let mode: SaveMode = serde_json::from_str(r#""checkpoint""#).unwrap();
    assert_eq!(mode, SaveMode::Checkpoint);
}

/// Guards the one-statement list (tags and credits folded in as JSON): every row carries its own
/// tags and author names, in order, whatever characters they hold, in every sort and in the trash.
#[test]
fn lists_carry_each_drafts_tags_and_credits_in_order_whatever_they_contain() {
    let mut f = common::fixture();
    let bare = f.lib.create_draft(common::draft("Bare", "no tags, no authors")).unwrap();
    let zoe = f.lib.add_author(common::author("Zoë \"Z\" O'Brien, Jr.")).unwrap();
    let ada = f.lib.add_author(common::author("Ada [x] \\ Lovelace")).unwrap();
    let tags = ["zeta", "Alpha \"quoted\", really", "back\\slash", "日本語", "[]"];
    f.clock.advance_secs(5);
    let rich = NewDraft {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        authors: vec![ada.slug.clone(), zoe.slug.clone()],
        ..common::draft("Rich", "")
    };
    let rich = f.lib.create_draft(rich).unwrap();

    let check = |f: &common::Fixture, filter: DraftFilter| {
        let list = f.lib.list_drafts(&filter).unwrap();
        let rich_row = list.iter().find(|d| d.slug == rich.slug).unwrap();
        assert_eq!(rich_row.tags, tags, "{filter:?}");
        assert_eq!(rich_row.authors, ["Ada [x] \\ Lovelace", "Zoë \"Z\" O'Brien, Jr."], "{filter:?}");
        let bare_row = list.iter().find(|d| d.slug == bare.slug).unwrap();
        assert!(bare_row.tags.is_empty() && bare_row.authors.is_empty(), "{filter:?}");
    };
    for sort in [DraftSort::Updated, DraftSort::Created, DraftSort::Title] {
        check(&f, DraftFilter { sort, ..Default::default() });
    }
    f.lib.trash_draft(&rich.slug).unwrap();
    f.lib.trash_draft(&bare.slug).unwrap();
    check(&f, DraftFilter { trashed: true, ..Default::default() });
}

#[test]
fn the_discuss_link_takes_only_web_addresses_and_clears_when_blank() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Discussed", "")).unwrap();
    let set = |url: &str| DraftChange { discuss_url: Some(Some(url.to_string())), ..Default::default() };
    let d2 = f.lib.update_draft(&d.slug, set("  HTTPS://forum.example.com/t/1?x=1#y  "), SaveMode::Edit).unwrap();
    assert_eq!(d2.discuss_url.as_deref(), Some("HTTPS://forum.example.com/t/1?x=1#y"));
    for bad in [
        "javascript:alert(1)",
        "data:text/html,hi",
        "//forum.example.com",
        "/t/1",
        "http://",
        "https://a b",
        "https://x\"y",
    ] {
        let err = f.lib.update_draft(&d.slug, set(bad), SaveMode::Edit).unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput(m) if m.contains("discuss_url") && m.contains("http(s)")),
            "{bad}: {err:?}"
        );
        let created = f.lib.create_draft(NewDraft { discuss_url: Some(bad.into()), ..common::draft("Bad", "") });
        assert!(matches!(created, Err(Error::InvalidInput(_))), "{bad}: {created:?}");
    }
    assert_eq!(f.lib.draft(&d.slug).unwrap().discuss_url.as_deref(), Some("HTTPS://forum.example.com/t/1?x=1#y"));
    let cleared = f.lib.update_draft(&d.slug, set("   "), SaveMode::Edit).unwrap();
    assert_eq!(cleared.discuss_url, None);
}
