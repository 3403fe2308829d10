//! The first run: the welcome draft and the author prompt, offered once to a new library only.

#![allow(clippy::unwrap_used)]

mod common;

use byline_library::{FirstRun, Library, WELCOME};

#[test]
fn a_new_library_gets_the_welcome_draft_once_with_a_revision_like_any_draft() {
    let mut f = common::fixture();
    let first = f.lib.welcome_if_new().unwrap();
    let slug = first.welcome.clone().expect("a new library gets the welcome draft");
    assert!(first.ask_for_author, "no author yet: the prompt is shown");

    let draft = f.lib.draft(&slug).unwrap();
    assert_eq!(draft.body, WELCOME);
    assert_eq!(draft.title, "Welcome to Byline");
    assert_eq!(slug, "welcome-to-byline");
    assert!(draft.authors.is_empty());
    assert_eq!(f.lib.history(&slug).unwrap().len(), 1);
    assert!(f.lib.integrity_check().unwrap().is_empty());

    // Every later opening, in this session or the next, finds it already offered.
    assert_eq!(f.lib.welcome_if_new().unwrap(), FirstRun { welcome: None, ask_for_author: true });
    let path = f.lib.dir().to_path_buf();
    drop(f.lib);
    let mut lib = Library::open(&path).unwrap();
    assert_eq!(lib.welcome_if_new().unwrap().welcome, None);
    assert_eq!(lib.stats().unwrap().drafts, 1);
}

#[test]
fn the_welcome_never_comes_back_once_deleted() {
    let mut f = common::fixture();
    let slug = f.lib.welcome_if_new().unwrap().welcome.unwrap();
    f.lib.trash_draft(&slug).unwrap();
    assert_eq!(f.lib.welcome_if_new().unwrap().welcome, None, "trashed");
    assert_eq!(f.lib.empty_trash().unwrap(), 1);
    assert_eq!(f.lib.stats().unwrap().drafts + f.lib.stats().unwrap().trashed, 0);
    assert_eq!(f.lib.welcome_if_new().unwrap().welcome, None, "deleted for good");
    let path = f.lib.dir().to_path_buf();
    drop(f.lib);
    assert_eq!(Library::open(&path).unwrap().welcome_if_new().unwrap().welcome, None, "after a reopening");
}

#[test]
fn a_library_that_ever_held_a_draft_or_an_author_gets_neither_welcome_nor_prompt() {
    let nothing = FirstRun { welcome: None, ask_for_author: false };

    let mut live = common::fixture();
    live.lib.create_draft(common::draft("Mine", "my words")).unwrap();
    assert_eq!(live.lib.welcome_if_new().unwrap(), nothing, "a live draft");
    assert_eq!(live.lib.stats().unwrap().drafts, 1);

    let mut trashed = common::fixture();
    let slug = trashed.lib.create_draft(common::draft("Binned", "")).unwrap().slug;
    trashed.lib.trash_draft(&slug).unwrap();
    assert_eq!(trashed.lib.welcome_if_new().unwrap(), nothing, "a draft in the trash");

    // Written by the CLI, then destroyed, all before the app ever opened the library.
    let mut purged = common::fixture();
    let slug = purged.lib.create_draft(common::draft("Gone", "")).unwrap().slug;
    purged.lib.trash_draft(&slug).unwrap();
    purged.lib.empty_trash().unwrap();
    assert_eq!(purged.lib.welcome_if_new().unwrap(), nothing, "drafts emptied from the trash");

    let mut author = common::fixture();
    author.lib.add_author(common::author("Ada Writer")).unwrap();
    assert_eq!(author.lib.welcome_if_new().unwrap(), nothing, "an author profile");
    assert_eq!(author.lib.stats().unwrap().drafts, 0);
}

#[test]
fn the_author_prompt_ends_with_a_profile_or_with_not_now() {
    let mut created = common::fixture();
    assert!(created.lib.welcome_if_new().unwrap().ask_for_author);
    let ada =
        created.lib.add_author(byline_library::NewAuthor { make_default: true, ..common::author("Ada") }).unwrap();
    assert!(!created.lib.welcome_if_new().unwrap().ask_for_author, "a profile exists now");
    let credited = created.lib.create_draft(common::draft("Next", "")).unwrap();
    assert_eq!(credited.authors.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), [ada.slug.as_str()]);

    let mut dismissed = common::fixture();
    assert!(dismissed.lib.welcome_if_new().unwrap().ask_for_author);
    dismissed.lib.dismiss_author_prompt().unwrap();
    assert!(!dismissed.lib.welcome_if_new().unwrap().ask_for_author);
    let path = dismissed.lib.dir().to_path_buf();
    drop(dismissed.lib);
    let mut reopened = Library::open(&path).unwrap();
    assert_eq!(reopened.welcome_if_new().unwrap(), FirstRun { welcome: None, ask_for_author: false });
    // Removing every author later does not bring the prompt back either.
    assert_eq!(reopened.authors().unwrap().len(), 0);
}

#[test]
fn a_library_set_up_without_the_welcome_stays_empty() {
    let mut f = common::fixture();
    f.lib.skip_welcome().unwrap();
    f.lib.skip_welcome().unwrap();
    assert_eq!(f.lib.welcome_if_new().unwrap(), FirstRun { welcome: None, ask_for_author: false });
    assert_eq!(f.lib.stats().unwrap().drafts, 0);

    // Skipping after the welcome was offered changes nothing that happened.
    let mut offered = common::fixture();
    let slug = offered.lib.welcome_if_new().unwrap().welcome.unwrap();
    offered.lib.skip_welcome().unwrap();
    assert_eq!(offered.lib.draft(&slug).unwrap().body, WELCOME);
    assert_eq!(offered.lib.welcome_if_new().unwrap().welcome, None);
}

#[test]
fn the_welcome_shows_off_the_preview() {
    let options = byline_render::RenderOptions { omit_source_lines: true, ..Default::default() };
    let html = byline_render::render(WELCOME, &options).html;
    for tag in ["<h1", "<h2", "<em>", "<strong>", "<ul>", "<a ", "<blockquote>", "<table>", "class=\"hl-"] {
        assert!(html.contains(tag), "the welcome's preview lacks {tag}: {html}");
    }
}
