//! The whole contract in small: bytes outside the edited entry stay, line endings stay, several
//! edits apply at once, and blocks the scanner cannot be sure of are refused.

use serde_json::json;

use super::*;

#[test]
fn zero_edits_return_the_identical_block() {
    for block in [HUGO, &jekyll(), "", "a: 1", "{a: 1}\n", "- not a map\n", "a: *undefined\n"] {
        assert_eq!(apply(block, &[]), Ok(block.to_owned()));
    }
}

#[test]
fn setting_one_key_changes_only_its_line() {
    let out = edit(HUGO, &[set(&["title"], json!("Moved to Hugo"))]);
    assert_eq!(out, HUGO.replace("title: \"Moving to Hugo\"", "title: \"Moved to Hugo\""));
    let out = edit(HUGO, &[set(&["weight"], json!(11))]);
    assert_eq!(out, HUGO.replace("weight: 10", "weight: 11"));
}

#[test]
fn key_text_and_trailing_comment_stay() {
    assert_eq!(edit("title: Old # keep me\n", &[set(&["title"], json!("New"))]), "title: New # keep me\n");
    assert_eq!(edit("\"title\":   Old\n", &[set(&["title"], json!("New"))]), "\"title\":   New\n");
    assert_eq!(edit("'my key': 'a' # c\n", &[set(&["my key"], json!("b"))]), "'my key': 'b' # c\n");
    assert_eq!(edit("k:   # later\n", &[set(&["k"], json!("v"))]), "k: v   # later\n");
}

#[test]
fn line_endings_and_missing_final_newline_are_kept() {
    let block = jekyll();
    let out = edit(&block, &[set(&["layout"], json!("page")), set(&["comments"], json!(true))]);
    assert_eq!(out, block.replace("layout: post", "layout: page") + "comments: true\r\n");
    assert_eq!(edit("a: 1\r\nb: 2", &[set(&["c"], json!(3))]), "a: 1\r\nb: 2\r\nc: 3");
    assert_eq!(edit("a: 1\nb: 2", &[set(&["b"], json!(["x"]))]), "a: 1\nb:\n  - x");
    assert_eq!(edit("a: 1\nb: 2", &[remove(&["b"])]), "a: 1");
    assert_eq!(edit("a: 1\nb: 2", &[remove(&["a"])]), "b: 2");
}

#[test]
fn several_edits_at_once_in_an_unusually_ordered_file() {
    let block = "weight: 3\n# why\nz_last: ok\ntitle: Old\ndraft: true\n";
    let out = edit(
        block,
        &[set(&["title"], json!("New")), remove(&["draft"]), set(&["tags"], json!(["a"])), set(&["weight"], json!(4))],
    );
    assert_eq!(out, "weight: 4\n# why\nz_last: ok\ntitle: New\ntags:\n  - a\n");
}

#[test]
fn unsafe_blocks_are_refused() {
    let title = || [set(&["title"], json!("x"))];
    for block in [
        "title: a\ntitle: b\n",
        "{title: a}\n",
        "- a\n- b\n",
        "just text\n",
        "title: a\n---\nother: b\n",
        "a:\n\tb: 1\n",
        "title: &t a\nother: *t\n",
        "base: &b x\ntitle: *b\n",
        "title: !!str 12\n",
        "title: [a, *b]\nb: &b x\n",
        "? title\n: complex\n",
        "title: a\r b\n",
        "title: a\u{2028}b\n",
    ] {
        let reason = refused(block, &title());
        assert!(!reason.is_empty(), "{block:?}");
    }
    assert!(refused("title: a\n", &[set(&["title"], json!(1)), remove(&["title"])]).contains("overlap"));
    assert!(refused("p: 1\n", &[set(&["p", "q"], json!(1))]).contains("not a block mapping"));
    assert!(refused("p: {q: 1}\n", &[set(&["p", "q"], json!(2))]).contains("not a block mapping"));
    assert!(refused("a: 1\n", &[Edit { path: Vec::new(), value: None }]).contains("empty"));
}

#[test]
fn anchors_elsewhere_do_not_block_other_keys() {
    let block = "base: &b x\nalias: *b\ntitle: T\n";
    assert_eq!(edit(block, &[set(&["title"], json!("U"))]), "base: &b x\nalias: *b\ntitle: U\n");
}
