//! author add, list, show, edit, remove, and the default author.

use crate::harness::Sandbox;

const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8,
    6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1,
    0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn full_profile_round_trips_and_first_author_is_default() {
    let s = Sandbox::new();
    let avatar = s.write("me.png", PNG);
    let bio = s.write("bio.md", "Long bio with **bold** text.\n");
    let slug = s.ok(&[
        "author",
        "add",
        "--name",
        "Ada Quill",
        "--bio",
        "Writes about parsers.",
        "--website",
        "https://ada.example.org",
        "--avatar",
        avatar.to_str().unwrap(),
        "--location",
        "Lisbon",
        "--role",
        "Engineer",
        "--email",
        "ada@example.org",
        "--social",
        "github=https://github.com/ada",
        "--social",
        "mastodon=https://example.social/@ada",
        "--long-bio-file",
        bio.to_str().unwrap(),
    ]);
    assert_eq!(slug.trim(), "ada-quill");
    let author = s.json(&["author", "show", "ada-quill", "--json"]);
    assert_eq!(author["name"], "Ada Quill");
    assert_eq!(author["role"], "Engineer");
    assert_eq!(author["is_default"], true);
    assert_eq!(author["social"]["github"], "https://github.com/ada");
    assert!(author["bio"].as_str().unwrap().contains("**bold**"));
    assert!(author["avatar"].as_str().unwrap().len() >= 32, "avatar stored as an asset hash");
    // A draft with no author gets the default.
    s.ok(&["new", "Credited"]);
    assert_eq!(s.json(&["show", "credited", "--json"])["authors"][0]["slug"], "ada-quill");
}

#[test]
fn default_can_move_and_edit_changes_fields() {
    let s = Sandbox::new();
    s.ok(&["author", "add", "--name", "First"]);
    s.ok(&["author", "add", "--name", "Second", "--default"]);
    let list = s.json(&["author", "list", "--json"]);
    let default: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["is_default"] == true)
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert_eq!(default, ["second"]);
    s.ok(&["author", "edit", "first", "--role", "Editor", "--name", "First Person"]);
    let first = s.json(&["author", "show", "first", "--json"]);
    assert_eq!(first["role"], "Editor");
    assert_eq!(first["name"], "First Person");
    assert_eq!(first["slug"], "first");
}

#[test]
fn removing_an_author_in_use_is_refused_unless_reassigned() {
    let s = Sandbox::new();
    s.ok(&["author", "add", "--name", "Old Hand"]);
    s.ok(&["author", "add", "--name", "New Hand"]);
    s.ok(&["new", "Their post", "--author", "old-hand"]);
    let before = s.state();
    let err = s.fails(&["author", "remove", "old-hand"]);
    assert!(err.contains("their-post"), "the refusal names the drafts: {err}");
    assert_eq!(before, s.state(), "a refused removal changes nothing");
    s.ok(&["author", "remove", "old-hand", "--reassign", "new-hand"]);
    assert_eq!(s.json(&["show", "their-post", "--json"])["authors"][0]["slug"], "new-hand");
    s.fails(&["author", "show", "old-hand"]);
}

#[test]
fn drafts_credit_authors_in_order() {
    let s = Sandbox::new();
    s.ok(&["author", "add", "--name", "Bea"]);
    s.ok(&["author", "add", "--name", "Cal"]);
    s.ok(&["new", "Two voices", "--author", "cal", "--author", "bea"]);
    let draft = s.json(&["show", "two-voices", "--json"]);
    let order: Vec<&str> = draft["authors"].as_array().unwrap().iter().map(|a| a["slug"].as_str().unwrap()).collect();
    assert_eq!(order, ["cal", "bea"]);
}
