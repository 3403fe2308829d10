//! Where keys are found, added and removed: nested mappings, new entries and parents, and
//! what a removal takes along.

use serde_json::json;

use super::*;

#[test]
fn nested_keys_are_edited_in_place() {
    let out = edit(HUGO, &[set(&["author", "name"], json!("John Roe"))]);
    assert_eq!(out, HUGO.replace("name: Jane Doe   #", "name: John Roe   #"));
    let out = edit(HUGO, &[set(&["author", "email"], json!("j@example.com"))]);
    assert_eq!(
        out,
        HUGO.replace("  url: https://example.com\n", "  url: https://example.com\n  email: j@example.com\n")
    );
    let deep = "params:\n  social:\n    x: a\nz: 1\n";
    assert_eq!(edit(deep, &[set(&["params", "social", "x"], json!("b"))]), "params:\n  social:\n    x: b\nz: 1\n");
    assert_eq!(
        edit(deep, &[set(&["params", "social", "y"], json!("c"))]),
        "params:\n  social:\n    x: a\n    \"y\": c\nz: 1\n"
    );
}

#[test]
fn new_keys_go_after_the_last_entry_of_their_mapping() {
    let block = "# head\ntitle: T\nlist:\n  - a\n\n# trailing note\n";
    assert_eq!(
        edit(block, &[set(&["slug"], json!("my-post"))]),
        "# head\ntitle: T\nlist:\n  - a\nslug: my-post\n\n# trailing note\n"
    );
    assert_eq!(
        edit(block, &[set(&["params", "subtitle"], json!("Sub: title"))]),
        "# head\ntitle: T\nlist:\n  - a\nparams:\n  subtitle: \"Sub: title\"\n\n# trailing note\n"
    );
    assert_eq!(edit("params:\nx: 1\n", &[set(&["params", "s"], json!("v"))]), "params:\n  s: v\nx: 1\n");
    assert_eq!(edit("", &[set(&["title"], json!("T"))]), "title: T\n");
    assert_eq!(edit("# only a comment\n", &[set(&["a b"], json!(1))]), "# only a comment\na b: 1\n");
    assert_eq!(edit("a: 1\n", &[set(&["yes"], json!("x")), set(&["k"], json!({}))]), "a: 1\n\"yes\": x\nk: {}\n");
}

#[test]
fn removing_takes_the_whole_entry_and_nothing_else() {
    let out = edit(HUGO, &[remove(&["categories"])]);
    assert_eq!(out, HUGO.replace("categories:\n  - web\n  - tools\n", ""));
    let out = edit(HUGO, &[remove(&["description"])]);
    assert_eq!(out, HUGO.replace("description: >-\n  A long summary that the theme\n  shows under the title.\n", ""));
    let out = edit(HUGO, &[remove(&["author", "url"])]);
    assert_eq!(out, HUGO.replace("  url: https://example.com\n", ""));
    let flow = "a: [1,\n  2]\nb: \"x\n  y\"\nc: 3\n";
    assert_eq!(edit(flow, &[remove(&["a"])]), "b: \"x\n  y\"\nc: 3\n");
    assert_eq!(edit(flow, &[remove(&["b"])]), "a: [1,\n  2]\nc: 3\n");
    assert_eq!(edit(flow, &[set(&["a"], json!([3]))]), "a: [3]\nb: \"x\n  y\"\nc: 3\n");
}

#[test]
fn removing_a_mappings_last_key_removes_the_mapping() {
    let block = "a: 1\nparams:\n  # only child\n  subtitle: S\nz: 2\n";
    assert_eq!(edit(block, &[remove(&["params", "subtitle"])]), "a: 1\nz: 2\n");
    let deep = "p:\n  q:\n    r: 1\n  s: 2\n";
    assert_eq!(edit(deep, &[remove(&["p", "q", "r"])]), "p:\n  s: 2\n");
}

#[test]
fn removing_a_missing_key_changes_nothing() {
    assert_eq!(edit(HUGO, &[remove(&["nope"]), remove(&["author", "nope"]), remove(&["x", "y"])]), HUGO);
}

#[test]
fn comments_indented_under_an_entry_go_when_it_goes() {
    let block = "desc: >-\n  text\nold: x\n  # was y\n\n# top\nnext: 1\n";
    assert_eq!(edit(block, &[remove(&["old"])]), "desc: >-\n  text\n\n# top\nnext: 1\n");
    // Kept when the entry is set; a block scalar there would swallow it, so quotes are used.
    assert_eq!(
        edit(block, &[set(&["old"], json!("a\nb"))]),
        "desc: >-\n  text\nold: \"a\\nb\"\n  # was y\n\n# top\nnext: 1\n"
    );
}
