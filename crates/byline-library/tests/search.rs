//! Search: ranking, snippets, query safety, the trash, and text saved by autosaves.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{DraftChange, Error, Library, NewDraft, SaveMode, SearchHit};

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
    for query in ["\"", "*", "AND(", "c++", "-rust", "\"unclosed", "title:rust", "NEAR(a b)", "a OR", "^x", "(", "🙂"]
    {
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
    f.lib
        .update_draft(
            &d.slug,
            DraftChange { body: Some("rewritten phrasing".into()), ..Default::default() },
            SaveMode::Autosave,
        )
        .unwrap();
    assert!(f.lib.search("original", 10).unwrap().is_empty());
    assert_eq!(f.lib.search("phrasing", 10).unwrap().len(), 1);
    f.lib
        .update_draft(&d.slug, DraftChange { tags: Some(vec!["zebra".into()]), ..Default::default() }, SaveMode::Edit)
        .unwrap();
    assert_eq!(f.lib.search("zebra", 10).unwrap().len(), 1);

    f.lib.trash_draft(&d.slug).unwrap();
    assert!(f.lib.search("phrasing", 10).unwrap().is_empty());
    f.lib.untrash_draft(&d.slug).unwrap();
    assert_eq!(f.lib.search("phrasing", 10).unwrap().len(), 1);
    f.lib.restore_revision(&d.slug, 1).unwrap();
    assert_eq!(f.lib.search("original", 10).unwrap()[0].slug, d.slug);
}

fn slugs(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.slug.as_str()).collect()
}

fn new_body(text: &str) -> DraftChange {
    DraftChange { body: Some(text.to_string()), ..Default::default() }
}

/// Guards the deferred re-indexing of autosaves: they only mark the draft stale, so search (in
/// this process or another one, like the CLI next to the app) must catch up before it answers.
#[test]
fn search_finds_what_an_autosave_burst_saved_even_from_another_process() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Harbour log", "the first morning")).unwrap();
    for word in ["lantern", "compass", "mooring"] {
        f.clock.advance_secs(2);
        f.lib.update_draft(&d.slug, new_body(&format!("the {word} at dusk")), SaveMode::Autosave).unwrap();
    }
    let other = Library::open(f.lib.dir()).unwrap();
    for lib in [&other, &f.lib] {
        let hits = lib.search("mooring", 10).unwrap();
        assert_eq!(slugs(&hits), [d.slug.as_str()]);
        assert_eq!(hits[0].snippet_html, "the <mark>mooring</mark> at dusk");
        assert!(lib.search("lantern", 10).unwrap().is_empty(), "text replaced within the burst");
        assert!(lib.search("morning", 10).unwrap().is_empty(), "text replaced by the burst");
    }
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

#[test]
fn a_draft_trashed_mid_burst_is_hidden_found_again_when_untrashed_and_emptied_cleanly() {
    let mut f = common::fixture();
    let d = f.lib.create_draft(common::draft("Notes", "old words")).unwrap();
    f.lib.update_draft(&d.slug, new_body("fresh sentence"), SaveMode::Autosave).unwrap();
    f.lib.trash_draft(&d.slug).unwrap();
    assert!(f.lib.search("fresh", 10).unwrap().is_empty());
    f.lib.untrash_draft(&d.slug).unwrap();
    assert_eq!(slugs(&f.lib.search("fresh", 10).unwrap()), [d.slug.as_str()]);

    f.lib.update_draft(&d.slug, new_body("newer sentence"), SaveMode::Autosave).unwrap();
    f.lib.trash_draft(&d.slug).unwrap();
    assert_eq!(f.lib.empty_trash().unwrap(), 1);
    assert!(f.lib.search("sentence", 10).unwrap().is_empty());
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

/// Guards the two-step search (score every match from the index, then read rows and build
/// snippets for the hits only): it must answer exactly what one ranked query over everything
/// did, ties at the cut included (the most recently updated of equal scores stays).
#[test]
fn ranking_and_snippets_match_one_query_over_every_match_including_ties_and_the_trash() {
    let mut f = common::fixture();
    let mut trashed = Vec::new();
    for i in 0..24 {
        f.clock.advance_secs(1);
        // Same-length titles and identical bodies score exactly alike: a run of ties.
        let body = match i % 4 {
            0 | 1 => "a river runs past the garden window".to_string(),
            2 => format!("river notes {i} river river and a long walk by the harbour wall"),
            _ => format!("harbour {i} without the word"),
        };
        let slug = f.lib.create_draft(common::draft(&format!("Entry {}", (b'a' + i) as char), &body)).unwrap().slug;
        if i % 5 == 0 {
            trashed.push(slug);
        }
    }
    for slug in &trashed {
        f.lib.trash_draft(slug).unwrap();
    }
    let conn = rusqlite::Connection::open(f.lib.dir().join(byline_library::DATABASE_FILE)).unwrap();
    let reference = |fts: &str, limit: i64| -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT d.slug, snippet(drafts_fts, -1, '<mark>', '</mark>', '…', 24),
                        bm25(drafts_fts, 10.0, 5.0, 3.0, 1.0, 5.0) AS score
                 FROM drafts_fts JOIN drafts d ON d.id = drafts_fts.rowid
                 WHERE drafts_fts MATCH ?1 AND d.trashed_at IS NULL
                 ORDER BY score, d.updated DESC LIMIT ?2",
            )
            .unwrap();
        stmt.query_map(rusqlite::params![fts, limit], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for (query, fts, limit) in [
        ("river", "\"river\"*", 3),
        ("river", "\"river\"*", 8),
        ("river", "\"river\"*", 100),
        ("garden win", "\"garden\" \"win\"*", 4),
        ("harb", "\"harb\"*", 5),
    ] {
        let expected = reference(fts, limit);
        assert!(!expected.is_empty(), "{query}");
        let got: Vec<(String, String)> =
            f.lib.search(query, limit as usize).unwrap().into_iter().map(|h| (h.slug, h.snippet_html)).collect();
        assert_eq!(got, expected, "{query} (limit {limit})");
    }
}
