//! Search: ranking, snippets, query safety, and the trash.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{DraftChange, Error, NewDraft, SaveMode};

#[test]
fn a_title_match_beats_a_body_match() {
    let mut f = common::fixture();
    f.lib.create_draft(common::draft("Gardening notes", "Tomatoes need sun. Also a word on borrowing.")).unwrap();
    f.lib.create_draft(common::draft("Borrowing in Rust", "Ownership explained with tomatoes.")).unwrap();
    let hits = f.lib.search("borrowing", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.slug.as_str()).collect::<Vec<_>>(), ["borrowing-in-rust", "gardening-notes"]);
    assert!(hits[0].rank > hits[1].rank);
    let hits = f.lib.search("tomatoes", 10).unwrap();
    assert_eq!(hits.len(), 2);
}

#[test]
fn tags_subtitles_and_diacritics_are_searchable_and_the_last_word_is_a_prefix() {
    let mut f = common::fixture();
    let new = NewDraft {
        subtitle: Some("A café crawl".into()),
        tags: vec!["travel".into()],
        ..common::draft("Lisbon", "Pastéis de nata everywhere.")
    };
    f.lib.create_draft(new).unwrap();
    for query in ["cafe", "CAFÉ", "travel", "pasteis", "past", "lisbon nat"] {
        assert_eq!(f.lib.search(query, 10).unwrap().len(), 1, "{query}");
    }
    assert!(f.lib.search("lisbon rome", 10).unwrap().is_empty());
    assert_eq!(f.lib.search("lisbon", 0).unwrap().len(), 0);
}

#[test]
fn snippets_mark_matches_in_escaped_html() {
    let mut f = common::fixture();
    let body = "Never paste <script>alert('x')</script> into a post about security & trust.";
    f.lib.create_draft(common::draft("Safety", body)).unwrap();
    let hits = f.lib.search("security", 10).unwrap();
    let snippet = &hits[0].snippet_html;
    assert!(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "{snippet}");
    assert!(snippet.contains("<mark>security</mark> &amp; trust"), "{snippet}");
    assert!(!snippet.contains("<script>"), "{snippet}");
}

#[test]
fn hostile_queries_never_error() {
    let mut f = common::fixture();
    f.lib.create_draft(common::draft("C++ and Rust", "Compare C++ templates with generics. AND OR NOT NEAR")).unwrap();
    for query in ["\"", "*", "AND(", "c++", "-rust", "\"unclosed", "title:rust", "NEAR(a b)", "a OR", "^x", "(", "🙂"] {
        assert!(f.lib.search(query, 10).is_ok(), "{query}");
    }
    assert_eq!(f.lib.search("c++", 10).unwrap().len(), 1);
    assert_eq!(f.lib.search("AND", 10).unwrap().len(), 1);
    assert!(matches!(f.lib.search("   ", 10), Err(Error::InvalidInput(_))));
}

#[test]
fn search_follows_edits_and_skips_the_trash() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Draft", "original wording")).unwrap();
    f.lib.update_draft(&d.slug, DraftChange { body: Some("rewritten phrasing".into()), ..Default::default() }, SaveMode::Autosave).unwrap();
    assert!(f.lib.search("original", 10).unwrap().is_empty());
    assert_eq!(f.lib.search("phrasing", 10).unwrap().len(), 1);
    f.lib.update_draft(&d.slug, DraftChange { tags: Some(vec!["zebra".into()]), ..Default::default() }, SaveMode::Edit).unwrap();
    assert_eq!(f.lib.search("zebra", 10).unwrap().len(), 1);

    f.lib.trash_draft(&d.slug).unwrap();
    assert!(f.lib.search("phrasing", 10).unwrap().is_empty());
    f.lib.untrash_draft(&d.slug).unwrap();
    assert_eq!(f.lib.search("phrasing", 10).unwrap().len(), 1);
    f.lib.restore_revision(&d.slug, 1).unwrap();
    assert_eq!(f.lib.search("original", 10).unwrap()[0].slug, d.slug);
}
