//! Authors: profiles, the single default author, credits, removal and reassignment.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{AuthorChange, DraftFilter, Error, NewAuthor, NewDraft};
use indexmap::IndexMap;

#[test]
fn the_first_author_is_the_default_and_new_drafts_credit_them() {
    let mut f = common::fixture();
    assert_eq!(f.lib.default_author().unwrap(), None);
    let ada = f.lib.add_author(common::author("Ada Lovelace")).unwrap();
    let bob = f.lib.add_author(common::author("Bob")).unwrap();
    assert!(ada.is_default && !bob.is_default);
    assert_eq!(ada.slug, "ada-lovelace");

    let d = f.lib.create_draft(common::draft("Credited", "")).unwrap();
    assert_eq!(d.authors.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["ada-lovelace"]);

    let new = NewDraft { authors: vec!["bob".into(), "ada-lovelace".into(), "bob".into()], ..common::draft("Two", "") };
    let two = f.lib.create_draft(new).unwrap();
    assert_eq!(two.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Bob", "Ada Lovelace"]);
}

#[test]
fn exactly_one_author_is_default() {
    let mut f = common::fixture();
    f.lib.add_author(common::author("Ada")).unwrap();
    f.lib.add_author(NewAuthor { make_default: true, ..common::author("Bob") }).unwrap();
    f.lib.add_author(common::author("Cy")).unwrap();
    assert_eq!(f.lib.default_author().unwrap().unwrap().slug, "bob");
    f.lib.set_default_author("cy").unwrap();
    let defaults: Vec<_> = f.lib.authors().unwrap().into_iter().filter(|a| a.is_default).map(|a| a.slug).collect();
    assert_eq!(defaults, ["cy"]);

    // Removing the default hands the role to the oldest remaining author.
    f.lib.remove_author("cy", None).unwrap();
    assert_eq!(f.lib.default_author().unwrap().unwrap().slug, "ada");
}

#[test]
fn a_full_profile_round_trips_with_social_links_in_order() {
    let mut f = common::fixture();
    let avatar = f.lib.add_asset(&common::png(b"me"), "me.png").unwrap();
    let mut social = IndexMap::new();
    social.insert("mastodon".to_string(), "https://example.social/@ada".to_string());
    social.insert("github".to_string(), "https://github.com/ada".to_string());
    let new = NewAuthor {
        slug: Some("ada".into()),
        short_bio: Some("Writes about engines.".into()),
        bio: Some("Long *Markdown* bio.".into()),
        avatar: Some(avatar.hash.to_uppercase()),
        website: Some("https://ada.example".into()),
        location: Some("London".into()),
        role: Some("Analyst".into()),
        email: Some("ada@example.com".into()),
        social: social.clone(),
        ..common::author("  Ada   Lovelace ")
    };
    let ada = f.lib.add_author(new).unwrap();
    assert_eq!(ada.name, "Ada Lovelace");
    assert_eq!(ada.avatar.as_deref(), Some(avatar.hash.as_str()));
    assert_eq!(ada.social.keys().collect::<Vec<_>>(), ["mastodon", "github"]);
    assert_eq!(f.lib.author("ada").unwrap(), ada);

    f.clock.advance_secs(5);
    let change = AuthorChange { location: Some(None), role: Some(Some("Mathematician".into())), ..Default::default() };
    let changed = f.lib.update_author("ada", change).unwrap();
    assert_eq!((changed.location, changed.role.as_deref()), (None, Some("Mathematician")));
    assert_eq!(changed.updated, f.clock.now());
    assert_eq!(changed.slug, "ada");
}

#[test]
fn bad_author_input_is_refused() {
    let mut f = common::fixture();
    assert!(matches!(f.lib.add_author(common::author("  ")), Err(Error::InvalidInput(_))));
    let err = f.lib.add_author(NewAuthor { avatar: Some("abc".into()), ..common::author("A") }).unwrap_err();
    assert!(matches!(err, Error::AssetNotFound(_)), "{err:?}");
    f.lib.add_author(common::author("Ada")).unwrap();
    let err = f.lib.add_author(NewAuthor { slug: Some("ada".into()), ..common::author("Other") }).unwrap_err();
    assert!(matches!(err, Error::SlugTaken(_)), "{err:?}");
    assert_eq!(f.lib.add_author(common::author("Ada")).unwrap().slug, "ada-2");
    assert!(matches!(f.lib.author("nobody"), Err(Error::AuthorNotFound(_))));
}

#[test]
fn removing_a_credited_author_is_refused_with_the_drafts_named() {
    let mut f = common::fixture();
    f.lib.add_author(common::author("Ada")).unwrap();
    f.lib.create_draft(common::draft("Zeta", "")).unwrap();
    f.lib.create_draft(common::draft("Alpha", "")).unwrap();
    let before = f.lib.stats().unwrap();
    let err = f.lib.remove_author("ada", None).unwrap_err();
    match &err {
        Error::AuthorInUse { slug, drafts } => {
            assert_eq!(slug, "ada");
            assert_eq!(drafts, &["alpha", "zeta"]);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        "author `ada` is credited on 2 draft(s) (alpha, zeta); reassign them to another author first"
    );
    assert_eq!(f.lib.stats().unwrap(), before);
}

#[test]
fn reassigning_keeps_credit_positions_and_never_credits_twice() {
    let mut f = common::fixture();
    for name in ["Ada", "Bob", "Cy"] {
        f.lib.add_author(common::author(name)).unwrap();
    }
    let credit = |slugs: &[&str]| slugs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    f.lib.create_draft(NewDraft { authors: credit(&["cy", "bob", "ada"]), ..common::draft("One", "") }).unwrap();
    f.lib.create_draft(NewDraft { authors: credit(&["bob", "ada"]), ..common::draft("Two", "") }).unwrap();

    f.lib.remove_author("bob", Some("ada")).unwrap();
    let names = |slug: &str| f.lib.draft(slug).unwrap().authors.into_iter().map(|a| a.slug).collect::<Vec<_>>();
    assert_eq!(names("one"), ["cy", "ada"]);
    assert_eq!(names("two"), ["ada"]);
    assert!(matches!(f.lib.author("bob"), Err(Error::AuthorNotFound(_))));
    // The reassignment is part of each draft's history.
    assert_eq!(f.lib.history("two").unwrap()[0].reason, "edit");
    assert_eq!(f.lib.revision("two", 2).unwrap().snapshot.authors, ["ada"]);
    assert_eq!(f.lib.count_drafts(&DraftFilter { author: Some("ada".into()), ..Default::default() }).unwrap(), 2);
    assert!(matches!(f.lib.remove_author("ada", Some("ada")), Err(Error::InvalidInput(_))));
    assert!(matches!(f.lib.remove_author("ada", Some("ghost")), Err(Error::AuthorNotFound(_))));
    assert!(f.lib.integrity_check().unwrap().is_empty());
}

#[test]
fn authors_are_found_by_slug_or_name() {
    let mut f = common::fixture();
    f.lib.add_author(NewAuthor { slug: Some("al".into()), ..common::author("Ada Lovelace") }).unwrap();
    let find = |q: &str| f.lib.find_author_by_name_or_slug(q).unwrap().map(|a| a.slug);
    assert_eq!(find("al").as_deref(), Some("al"));
    assert_eq!(find("ada lovelace").as_deref(), Some("al"));
    assert_eq!(find("Ádá  Lovelace").as_deref(), None);
    assert_eq!(find("nobody"), None);
    assert_eq!(find(""), None);
}
