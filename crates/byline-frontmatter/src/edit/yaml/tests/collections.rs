//! Lists, mappings, numbers, booleans and null: the old shape's layout is kept, a new shape
//! takes the file's own indentation.

use serde_json::json;

use super::*;

#[test]
fn flow_lists_keep_their_spacing_and_quotes() {
    let out = edit(HUGO, &[set(&["tags"], json!(["hugo", "go", "static sites", "yes"]))]);
    assert_eq!(out, HUGO.replace("[hugo, \"static sites\"]", "[hugo, go, static sites, \"yes\"]"));
    assert_eq!(restyled("[ a, b ] # c", json!(["x", "y,z"])), "k: [ x, \"y,z\" ] # c\n");
    assert_eq!(restyled("['a','b']", json!(["x", "a: b", "it's", "[y]"])), "k: [x,'a: b',it's,'[y]']\n");
    assert_eq!(restyled("[a]", json!([])), "k: []\n");
    assert_eq!(restyled("[a]", json!([1, true, null])), "k: [1, true, null]\n");
}

#[test]
fn block_lists_keep_their_item_indentation() {
    let out = edit(HUGO, &[set(&["categories"], json!(["web", "go"]))]);
    assert_eq!(out, HUGO.replace("  - tools\n", "  - go\n"));
    let block = jekyll();
    let out = edit(&block, &[set(&["tags"], json!(["ruby", "jekyll", "#1"]))]);
    assert_eq!(out, block.replace("- 'static'\r\n", "- jekyll\r\n- '#1'\r\n"));
    assert_eq!(edit("t:\n  - a\nn: 1\n", &[set(&["t"], json!([]))]), "t: []\nn: 1\n");
}

#[test]
fn changed_shapes_use_the_file_indentation() {
    // The file nests with 4 spaces and writes `- ` items flush with their key.
    let block = "a:\n    b: 1\nlist:\n- x\ntitle: T\n";
    assert_eq!(edit(block, &[set(&["title"], json!(["p", "q"]))]), "a:\n    b: 1\nlist:\n- x\ntitle:\n- p\n- q\n");
    assert_eq!(edit(block, &[set(&["list"], json!("one"))]), "a:\n    b: 1\nlist: one\ntitle: T\n");
    let nested = json!({"name": "Jo", "links": ["a", {"x": 1, "y": [2]}], "empty": {}});
    assert_eq!(
        edit(block, &[set(&["title"], nested)]),
        "a:\n    b: 1\nlist:\n- x\ntitle:\n    name: Jo\n    links:\n    - a\n    - x: 1\n      \"y\":\n      - 2\n    empty: {}\n"
    );
    assert_eq!(edit("k: v\n", &[set(&["k"], json!([["a"], {}]))]), "k:\n  - - a\n  - {}\n");
}

#[test]
fn numbers_booleans_and_null_are_plain() {
    assert_eq!(restyled("\"old\"", json!(12)), "k: 12\n");
    assert_eq!(restyled("old", json!(1.5)), "k: 1.5\n");
    assert_eq!(restyled("'x'", json!(true)), "k: true\n");
    assert_eq!(restyled("-3", json!(-4)), "k: -4\n");
    assert_eq!(restyled("~", json!(null)), "k: ~\n");
    assert_eq!(restyled("x", json!(null)), "k: null\n");
    assert_eq!(edit("k:\nn: 1\n", &[set(&["k"], json!("now set"))]), "k: now set\nn: 1\n");
}
