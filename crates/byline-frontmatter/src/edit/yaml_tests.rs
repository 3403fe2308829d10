use proptest::prelude::*;
use serde_json::json;

use super::*;

fn path(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}
fn set(keys: &[&str], value: Value) -> Edit {
    Edit {
        path: path(keys),
        value: Some(NewValue::Json(value)),
    }
}
fn date(keys: &[&str], text: &str) -> Edit {
    Edit {
        path: path(keys),
        value: Some(NewValue::Date(text.to_owned())),
    }
}
fn remove(keys: &[&str]) -> Edit {
    Edit {
        path: path(keys),
        value: None,
    }
}
fn edit(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(out) => out,
        Err(e) => panic!("{e} for block {block:?}"),
    }
}
fn refused(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(out) => panic!("edited {block:?} into {out:?}"),
        Err(EditError(reason)) => reason,
    }
}
/// The text `value` gets for `key` in a one-key block whose old value was `old`.
fn restyled(old: &str, value: Value) -> String {
    edit(&format!("k: {old}\n"), &[set(&["k"], value)])
}

const HUGO: &str = "\
# Written by hugo new
title: \"Moving to Hugo\"
date: 2018-01-02 11:21:40 +0100
draft: false
description: >-
  A long summary that the theme
  shows under the title.

# taxonomy
tags: [hugo, \"static sites\"]
categories:
  - web
  - tools
author:
  name: Jane Doe   # display name
  url: https://example.com
weight: 10
summary:
series: ~
";

fn jekyll() -> String {
    [
        "layout: post",
        "date: \"2023-01-29 18:30:22 2023 -0800\"",
        "title: 'Jekyll''s way'",
        "tags:",
        "- ruby",
        "- 'static'",
        "permalink: /blog/jekyll/",
        "",
    ]
    .join("\r\n")
}

#[test]
fn zero_edits_return_the_identical_block() {
    for block in [
        HUGO,
        &jekyll(),
        "",
        "a: 1",
        "{a: 1}\n",
        "- not a map\n",
        "a: *undefined\n",
    ] {
        assert_eq!(apply(block, &[]), Ok(block.to_owned()));
    }
}

#[test]
fn setting_one_key_changes_only_its_line() {
    let out = edit(HUGO, &[set(&["title"], json!("Moved to Hugo"))]);
    assert_eq!(
        out,
        HUGO.replace("title: \"Moving to Hugo\"", "title: \"Moved to Hugo\"")
    );
    let out = edit(HUGO, &[set(&["weight"], json!(11))]);
    assert_eq!(out, HUGO.replace("weight: 10", "weight: 11"));
}

#[test]
fn key_text_and_trailing_comment_stay() {
    assert_eq!(
        edit("title: Old # keep me\n", &[set(&["title"], json!("New"))]),
        "title: New # keep me\n"
    );
    assert_eq!(
        edit("\"title\":   Old\n", &[set(&["title"], json!("New"))]),
        "\"title\":   New\n"
    );
    assert_eq!(
        edit("'my key': 'a' # c\n", &[set(&["my key"], json!("b"))]),
        "'my key': 'b' # c\n"
    );
    assert_eq!(
        edit("k:   # later\n", &[set(&["k"], json!("v"))]),
        "k: v   # later\n"
    );
}

#[test]
fn plain_stays_plain_only_when_it_reads_back_as_the_same_text() {
    assert_eq!(restyled("old", json!("new words")), "k: new words\n");
    assert_eq!(
        restyled("old", json!("https://example.com/a#b")),
        "k: https://example.com/a#b\n"
    );
    assert_eq!(
        restyled("old", json!("Ünïcødé ✓ 日本")),
        "k: Ünïcødé ✓ 日本\n"
    );
    assert_eq!(
        restyled("old", json!("say \"hi\", it's")),
        "k: say \"hi\", it's\n"
    );
    for (text, written) in [
        ("yes", "\"yes\""),
        ("null", "\"null\""),
        ("~", "\"~\""),
        ("1.0", "\"1.0\""),
        ("12", "\"12\""),
        ("true", "\"true\""),
        ("2024-05-01", "\"2024-05-01\""),
        ("a: b", "\"a: b\""),
        ("#x", "\"#x\""),
        ("x #y", "\"x #y\""),
        (" lead", "\" lead\""),
        ("trail ", "\"trail \""),
        ("", "\"\""),
        ("- item", "\"- item\""),
        ("[x]", "\"[x]\""),
    ] {
        assert_eq!(
            restyled("old", json!(text)),
            format!("k: {written}\n"),
            "{text:?}"
        );
    }
}

#[test]
fn single_quotes_stay_with_doubled_quotes() {
    assert_eq!(restyled("'old'", json!("it's")), "k: 'it''s'\n");
    assert_eq!(restyled("'old'", json!("yes")), "k: 'yes'\n");
    assert_eq!(
        restyled("'old'", json!("bell\u{7}")),
        "k: \"bell\\u0007\"\n"
    );
}

#[test]
fn double_quotes_stay_with_escapes() {
    assert_eq!(restyled("\"old\"", json!("plain")), "k: \"plain\"\n");
    assert_eq!(
        restyled("\"old\"", json!("a \"q\" \\ b\nc\td\u{1}\u{2028}")),
        "k: \"a \\\"q\\\" \\\\ b\\nc\\td\\u0001\\u2028\"\n"
    );
}

#[test]
fn block_scalars_keep_indicator_and_indentation() {
    let out = edit(HUGO, &[set(&["description"], json!("A short summary."))]);
    assert!(
        out.contains("description: >-\n  A short summary.\n\n# taxonomy\n"),
        "{out}"
    );
    let out = edit(
        HUGO,
        &[set(&["description"], json!("First line.\nSecond line."))],
    );
    assert!(
        out.contains("description: >-\n  First line.\n\n  Second line.\n\n# taxonomy"),
        "{out}"
    );
    let block = "body: |\n    one\n    two\nnext: 1\n";
    assert_eq!(
        edit(block, &[set(&["body"], json!("uno\n\ndos\n"))]),
        "body: |\n    uno\n\n    dos\nnext: 1\n"
    );
    // The chomping indicator follows the new text's trailing line breaks.
    assert_eq!(
        edit(block, &[set(&["body"], json!("uno"))]),
        "body: |-\n    uno\nnext: 1\n"
    );
    assert_eq!(
        edit(block, &[set(&["body"], json!("uno\n\n"))]),
        "body: |+\n    uno\n\nnext: 1\n"
    );
    // Folding cannot hold an indented line: the text is double-quoted instead.
    let folded = "k: >\n  old\n";
    assert_eq!(
        edit(folded, &[set(&["k"], json!("a\n  b"))]),
        "k: \"a\\n  b\"\n"
    );
    assert_eq!(
        edit("k: |-\n  x\n", &[set(&["k"], json!("  indented"))]),
        "k: |2-\n    indented\n"
    );
}

#[test]
fn text_with_line_breaks_becomes_a_literal_block() {
    assert_eq!(
        restyled("old # note", json!("one\ntwo")),
        "k: |- # note\n  one\n  two\n"
    );
    assert_eq!(
        restyled("'old'", json!("one\ntwo\n")),
        "k: |\n  one\n  two\n"
    );
    assert_eq!(restyled("\"old\"", json!("one\ntwo")), "k: \"one\\ntwo\"\n");
    assert_eq!(
        edit("", &[set(&["k"], json!("one\ntwo"))]),
        "k: \"one\\ntwo\"\n"
    );
}

#[test]
fn dates_keep_the_old_quoting() {
    let out = edit(HUGO, &[date(&["date"], "2019-03-04 05:06:07 +0100")]);
    assert_eq!(
        out,
        HUGO.replace("2018-01-02 11:21:40 +0100", "2019-03-04 05:06:07 +0100")
    );
    let block = jekyll();
    let out = edit(&block, &[date(&["date"], "2024-02-03 04:05:06 2024 -0800")]);
    assert_eq!(
        out,
        block.replace("2023-01-29 18:30:22 2023", "2024-02-03 04:05:06 2024")
    );
    assert_eq!(
        edit("date: 2020-01-01\n", &[date(&["date"], "2021-02-03")]),
        "date: 2021-02-03\n"
    );
    assert_eq!(
        edit("d: '2020-01-01'\n", &[date(&["d"], "2021-02-03")]),
        "d: '2021-02-03'\n"
    );
    assert_eq!(
        edit("a: 1\n", &[date(&["date"], "2021-02-03T04:05:06Z")]),
        "a: 1\ndate: 2021-02-03T04:05:06Z\n"
    );
}

#[test]
fn flow_lists_keep_their_spacing_and_quotes() {
    let out = edit(
        HUGO,
        &[set(&["tags"], json!(["hugo", "go", "static sites", "yes"]))],
    );
    assert_eq!(
        out,
        HUGO.replace(
            "[hugo, \"static sites\"]",
            "[hugo, go, static sites, \"yes\"]"
        )
    );
    assert_eq!(
        restyled("[ a, b ] # c", json!(["x", "y,z"])),
        "k: [ x, \"y,z\" ] # c\n"
    );
    assert_eq!(
        restyled("['a','b']", json!(["x", "a: b", "it's", "[y]"])),
        "k: [x,'a: b',it's,'[y]']\n"
    );
    assert_eq!(restyled("[a]", json!([])), "k: []\n");
    assert_eq!(
        restyled("[a]", json!([1, true, null])),
        "k: [1, true, null]\n"
    );
}

#[test]
fn block_lists_keep_their_item_indentation() {
    let out = edit(HUGO, &[set(&["categories"], json!(["web", "go"]))]);
    assert_eq!(out, HUGO.replace("  - tools\n", "  - go\n"));
    let block = jekyll();
    let out = edit(&block, &[set(&["tags"], json!(["ruby", "jekyll", "#1"]))]);
    assert_eq!(
        out,
        block.replace("- 'static'\r\n", "- jekyll\r\n- '#1'\r\n")
    );
    assert_eq!(
        edit("t:\n  - a\nn: 1\n", &[set(&["t"], json!([]))]),
        "t: []\nn: 1\n"
    );
}

#[test]
fn changed_shapes_use_the_file_indentation() {
    // The file nests with 4 spaces and writes `- ` items flush with their key.
    let block = "a:\n    b: 1\nlist:\n- x\ntitle: T\n";
    assert_eq!(
        edit(block, &[set(&["title"], json!(["p", "q"]))]),
        "a:\n    b: 1\nlist:\n- x\ntitle:\n- p\n- q\n"
    );
    assert_eq!(
        edit(block, &[set(&["list"], json!("one"))]),
        "a:\n    b: 1\nlist: one\ntitle: T\n"
    );
    let nested = json!({"name": "Jo", "links": ["a", {"x": 1, "y": [2]}], "empty": {}});
    assert_eq!(
        edit(block, &[set(&["title"], nested)]),
        "a:\n    b: 1\nlist:\n- x\ntitle:\n    name: Jo\n    links:\n    - a\n    - x: 1\n      \"y\":\n      - 2\n    empty: {}\n"
    );
    assert_eq!(
        edit("k: v\n", &[set(&["k"], json!([["a"], {}]))]),
        "k:\n  - - a\n  - {}\n"
    );
}

#[test]
fn numbers_booleans_and_null_are_plain() {
    assert_eq!(restyled("\"old\"", json!(12)), "k: 12\n");
    assert_eq!(restyled("old", json!(1.5)), "k: 1.5\n");
    assert_eq!(restyled("'x'", json!(true)), "k: true\n");
    assert_eq!(restyled("-3", json!(-4)), "k: -4\n");
    assert_eq!(restyled("~", json!(null)), "k: ~\n");
    assert_eq!(restyled("x", json!(null)), "k: null\n");
    assert_eq!(
        edit("k:\nn: 1\n", &[set(&["k"], json!("now set"))]),
        "k: now set\nn: 1\n"
    );
}

#[test]
fn nested_keys_are_edited_in_place() {
    let out = edit(HUGO, &[set(&["author", "name"], json!("John Roe"))]);
    assert_eq!(
        out,
        HUGO.replace("name: Jane Doe   #", "name: John Roe   #")
    );
    let out = edit(HUGO, &[set(&["author", "email"], json!("j@example.com"))]);
    assert_eq!(
        out,
        HUGO.replace(
            "  url: https://example.com\n",
            "  url: https://example.com\n  email: j@example.com\n"
        )
    );
    let deep = "params:\n  social:\n    x: a\nz: 1\n";
    assert_eq!(
        edit(deep, &[set(&["params", "social", "x"], json!("b"))]),
        "params:\n  social:\n    x: b\nz: 1\n"
    );
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
    assert_eq!(
        edit("params:\nx: 1\n", &[set(&["params", "s"], json!("v"))]),
        "params:\n  s: v\nx: 1\n"
    );
    assert_eq!(edit("", &[set(&["title"], json!("T"))]), "title: T\n");
    assert_eq!(
        edit("# only a comment\n", &[set(&["a b"], json!(1))]),
        "# only a comment\na b: 1\n"
    );
    assert_eq!(
        edit(
            "a: 1\n",
            &[set(&["yes"], json!("x")), set(&["k"], json!({}))]
        ),
        "a: 1\n\"yes\": x\nk: {}\n"
    );
}

#[test]
fn line_endings_and_missing_final_newline_are_kept() {
    let block = jekyll();
    let out = edit(
        &block,
        &[
            set(&["layout"], json!("page")),
            set(&["comments"], json!(true)),
        ],
    );
    assert_eq!(
        out,
        block.replace("layout: post", "layout: page") + "comments: true\r\n"
    );
    assert_eq!(
        edit("a: 1\r\nb: 2", &[set(&["c"], json!(3))]),
        "a: 1\r\nb: 2\r\nc: 3"
    );
    assert_eq!(
        edit("a: 1\nb: 2", &[set(&["b"], json!(["x"]))]),
        "a: 1\nb:\n  - x"
    );
    assert_eq!(edit("a: 1\nb: 2", &[remove(&["b"])]), "a: 1");
    assert_eq!(edit("a: 1\nb: 2", &[remove(&["a"])]), "b: 2");
}

#[test]
fn removing_takes_the_whole_entry_and_nothing_else() {
    let out = edit(HUGO, &[remove(&["categories"])]);
    assert_eq!(out, HUGO.replace("categories:\n  - web\n  - tools\n", ""));
    let out = edit(HUGO, &[remove(&["description"])]);
    assert_eq!(
        out,
        HUGO.replace(
            "description: >-\n  A long summary that the theme\n  shows under the title.\n",
            ""
        )
    );
    let out = edit(HUGO, &[remove(&["author", "url"])]);
    assert_eq!(out, HUGO.replace("  url: https://example.com\n", ""));
    let flow = "a: [1,\n  2]\nb: \"x\n  y\"\nc: 3\n";
    assert_eq!(edit(flow, &[remove(&["a"])]), "b: \"x\n  y\"\nc: 3\n");
    assert_eq!(edit(flow, &[remove(&["b"])]), "a: [1,\n  2]\nc: 3\n");
    assert_eq!(
        edit(flow, &[set(&["a"], json!([3]))]),
        "a: [3]\nb: \"x\n  y\"\nc: 3\n"
    );
}

#[test]
fn removing_a_mappings_last_key_removes_the_mapping() {
    let block = "a: 1\nparams:\n  # only child\n  subtitle: S\nz: 2\n";
    assert_eq!(
        edit(block, &[remove(&["params", "subtitle"])]),
        "a: 1\nz: 2\n"
    );
    let deep = "p:\n  q:\n    r: 1\n  s: 2\n";
    assert_eq!(edit(deep, &[remove(&["p", "q", "r"])]), "p:\n  s: 2\n");
}

#[test]
fn removing_a_missing_key_changes_nothing() {
    assert_eq!(
        edit(
            HUGO,
            &[
                remove(&["nope"]),
                remove(&["author", "nope"]),
                remove(&["x", "y"])
            ]
        ),
        HUGO
    );
}

#[test]
fn several_edits_at_once_in_an_unusually_ordered_file() {
    let block = "weight: 3\n# why\nz_last: ok\ntitle: Old\ndraft: true\n";
    let out = edit(
        block,
        &[
            set(&["title"], json!("New")),
            remove(&["draft"]),
            set(&["tags"], json!(["a"])),
            set(&["weight"], json!(4)),
        ],
    );
    assert_eq!(
        out,
        "weight: 4\n# why\nz_last: ok\ntitle: New\ntags:\n  - a\n"
    );
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
    assert!(refused(
        "title: a\n",
        &[set(&["title"], json!(1)), remove(&["title"])]
    )
    .contains("overlap"));
    assert!(refused("p: 1\n", &[set(&["p", "q"], json!(1))]).contains("not a block mapping"));
    assert!(refused("p: {q: 1}\n", &[set(&["p", "q"], json!(2))]).contains("not a block mapping"));
    assert!(refused(
        "a: 1\n",
        &[Edit {
            path: Vec::new(),
            value: None
        }]
    )
    .contains("empty"));
}

#[test]
fn anchors_elsewhere_do_not_block_other_keys() {
    let block = "base: &b x\nalias: *b\ntitle: T\n";
    assert_eq!(
        edit(block, &[set(&["title"], json!("U"))]),
        "base: &b x\nalias: *b\ntitle: U\n"
    );
}

#[test]
fn comments_indented_under_an_entry_go_when_it_goes() {
    let block = "desc: >-\n  text\nold: x\n  # was y\n\n# top\nnext: 1\n";
    assert_eq!(
        edit(block, &[remove(&["old"])]),
        "desc: >-\n  text\n\n# top\nnext: 1\n"
    );
    // Kept when the entry is set; a block scalar there would swallow it, so quotes are used.
    assert_eq!(
        edit(block, &[set(&["old"], json!("a\nb"))]),
        "desc: >-\n  text\nold: \"a\\nb\"\n  # was y\n\n# top\nnext: 1\n"
    );
}

#[test]
fn block_scalar_lines_that_look_like_comments_belong_to_it() {
    let block = "body: |\n  text\n  # not a comment\nnext: 1\n";
    assert_eq!(edit(block, &[remove(&["body"])]), "next: 1\n");
    assert_eq!(
        edit(block, &[set(&["body"], json!("new\n"))]),
        "body: |\n  new\nnext: 1\n"
    );
}

// ---- property test -------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Style0 {
    Plain(String),
    Single(String),
    Double(String),
    Flow(Vec<String>, bool),
    List(Vec<String>, usize),
    Number(i64),
    Nested(String, String),
    Folded(Vec<String>),
    Literal(Vec<String>),
    Empty,
    Tilde,
    Date,
}

#[derive(Debug, Clone)]
struct GenEntry {
    key: String,
    style: Style0,
    comment: bool,
    before: Vec<String>,
}

const POOL: [&str; 10] = [
    "title",
    "date",
    "draft",
    "tags",
    "categories",
    "summary",
    "weight",
    "slug",
    "author",
    "series",
];

fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,6}( [a-z0-9]{1,5}){0,2}"
}
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,12}",
        "[a-zé✓日 ]{1,10}",
        word(),
        Just("yes".to_owned()),
        Just("null".to_owned()),
        Just("1.0".to_owned()),
        Just("2024-05-01".to_owned()),
        Just("a: b".to_owned()),
        Just("#x".to_owned()),
        Just(" lead".to_owned()),
        Just("line one\nline two".to_owned()),
        Just("ends\n".to_owned()),
        Just("tab\there".to_owned()),
        Just("it's \"q\"".to_owned()),
    ]
}

fn style() -> impl Strategy<Value = Style0> {
    let printable = "[ -~éü✓]{0,10}";
    prop_oneof![
        word().prop_map(Style0::Plain),
        printable.prop_map(Style0::Single),
        printable.prop_map(Style0::Double),
        (prop::collection::vec(word(), 0..4), any::<bool>()).prop_map(|(w, q)| Style0::Flow(w, q)),
        (
            prop::collection::vec(word(), 1..4),
            prop_oneof![Just(0usize), Just(2usize)]
        )
            .prop_map(|(w, i)| Style0::List(w, i)),
        any::<i64>().prop_map(Style0::Number),
        (word(), word()).prop_map(|(a, b)| Style0::Nested(a, b)),
        prop::collection::vec(word(), 1..3).prop_map(Style0::Folded),
        prop::collection::vec(word(), 1..3).prop_map(Style0::Literal),
        Just(Style0::Empty),
        Just(Style0::Tilde),
        Just(Style0::Date),
    ]
}

fn entries() -> impl Strategy<Value = Vec<GenEntry>> {
    let extra = prop_oneof![
        3 => Just(Vec::new()),
        1 => Just(vec![String::new()]),
        1 => Just(vec!["# a note".to_owned()]),
        1 => Just(vec![String::new(), "  # indented note".to_owned()]),
    ];
    prop::sample::subsequence(POOL.to_vec(), 1..6)
        .prop_shuffle()
        .prop_flat_map(move |keys| {
            let n = keys.len();
            prop::collection::vec((style(), any::<bool>(), extra.clone()), n).prop_map(
                move |parts| {
                    keys.iter()
                        .zip(parts)
                        .map(|(key, (style, comment, before))| GenEntry {
                            key: (*key).to_owned(),
                            style,
                            comment,
                            before,
                        })
                        .collect()
                },
            )
        })
}

/// The block's lines (without endings) and each entry's first and last line, and the last
/// line a removal takes (comments indented under the entry go with it).
fn lay_out(
    entries: &[GenEntry],
    header: bool,
    footer: bool,
) -> (Vec<String>, Vec<(usize, usize, usize)>) {
    let mut lines = Vec::new();
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    if header {
        lines.push("# front matter".to_owned());
    }
    let mut after_block_scalar = false;
    for e in entries {
        // After a block scalar an indented `#` line is more of its text, not a comment.
        let before = e.before.iter().map(|l| {
            if after_block_scalar {
                l.trim_start()
            } else {
                l
            }
        });
        lines.extend(before.map(str::to_owned));
        if let Some(span) = spans
            .last_mut()
            .filter(|_| lines.last().is_some_and(|l| l.starts_with("  #")))
        {
            span.2 = lines.len() - 1;
        }
        after_block_scalar = matches!(e.style, Style0::Folded(_) | Style0::Literal(_));
        let start = lines.len();
        let note = if e.comment { " # note" } else { "" };
        let k = &e.key;
        match &e.style {
            Style0::Plain(w) => lines.push(format!("{k}: {w}{note}")),
            Style0::Single(s) => lines.push(format!("{k}: '{}'{note}", s.replace('\'', "''"))),
            Style0::Double(s) => {
                lines.push(format!(
                    "{k}: \"{}\"{note}",
                    s.replace('\\', "\\\\").replace('"', "\\\"")
                ));
            }
            Style0::Flow(items, quoted) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|w| {
                        if *quoted {
                            format!("\"{w}\"")
                        } else {
                            w.clone()
                        }
                    })
                    .collect();
                lines.push(format!("{k}: [{}]{note}", items.join(", ")));
            }
            Style0::List(items, indent) => {
                lines.push(format!("{k}:{note}"));
                lines.extend(
                    items
                        .iter()
                        .map(|w| format!("{}- {w}", " ".repeat(*indent))),
                );
            }
            Style0::Number(n) => lines.push(format!("{k}: {n}{note}")),
            Style0::Nested(a, b) => {
                lines.push(format!("{k}:"));
                lines.push(format!("  name: {a}"));
                lines.push(format!("  url: {b}{note}"));
            }
            Style0::Folded(parts) => {
                lines.push(format!("{k}: >-{note}"));
                lines.extend(parts.iter().map(|w| format!("  {w}")));
            }
            Style0::Literal(parts) => {
                lines.push(format!("{k}: |{note}"));
                lines.extend(parts.iter().map(|w| format!("    {w}")));
            }
            Style0::Empty => lines.push(format!("{k}:{note}")),
            Style0::Tilde => lines.push(format!("{k}: ~{note}")),
            Style0::Date => lines.push(format!("{k}: 2018-01-02 11:21:40 +0100{note}")),
        }
        spans.push((start, lines.len() - 1, lines.len() - 1));
    }
    if footer {
        lines.push(String::new());
        lines.push("# end".to_owned());
    }
    (lines, spans)
}

#[derive(Debug, Clone)]
enum Op {
    Set(prop::sample::Index, NewValue),
    Add(NewValue),
    Remove(prop::sample::Index),
    /// Sets or removes `url` inside the first nested mapping, if there is one.
    Nested(Option<NewValue>),
}

fn new_value() -> impl Strategy<Value = NewValue> {
    prop_oneof![
        4 => any_text().prop_map(|s| NewValue::Json(Value::String(s))),
        2 => prop::collection::vec(any_text(), 0..4).prop_map(|v| NewValue::Json(json!(v))),
        1 => any::<i32>().prop_map(|n| NewValue::Json(json!(n))),
        1 => any::<bool>().prop_map(|b| NewValue::Json(json!(b))),
        1 => Just(NewValue::Json(json!({"name": "N", "tags": ["x"]}))),
        1 => prop_oneof![Just("2019-03-04 05:06:07 +0100"), Just("2024-05-01"), Just("2023-01-29 18:30:22 2023 -0800")]
            .prop_map(|d| NewValue::Date(d.to_owned())),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), new_value()).prop_map(|(i, v)| Op::Set(i, v)),
        1 => new_value().prop_map(Op::Add),
        1 => any::<prop::sample::Index>().prop_map(Op::Remove),
        1 => prop::option::of(new_value()).prop_map(Op::Nested),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn one_edit_touches_only_its_entry(
        entries in entries(),
        header in any::<bool>(),
        footer in any::<bool>(),
        crlf in any::<bool>(),
        op in op(),
    ) {
        let eol = if crlf { "\r\n" } else { "\n" };
        let (lines, spans) = lay_out(&entries, header, footer);
        let block: String = lines.iter().map(|l| format!("{l}{eol}")).collect();
        prop_assert_eq!(apply(&block, &[]), Ok(block.clone()));
        let mut expected = parse_map(&block).unwrap();

        let (edit, (start, end)) = match &op {
            Op::Set(i, v) => {
                let i = i.index(entries.len());
                (Edit { path: vec![entries[i].key.clone()], value: Some(v.clone()) }, (spans[i].0, spans[i].1))
            }
            Op::Remove(i) => {
                let i = i.index(entries.len());
                (Edit { path: vec![entries[i].key.clone()], value: None }, (spans[i].0, spans[i].2))
            }
            Op::Nested(v) => {
                let Some(i) = entries.iter().position(|e| matches!(e.style, Style0::Nested(..))) else {
                    return Ok(());
                };
                let url = spans[i].0 + 2;
                (Edit { path: vec![entries[i].key.clone(), "url".to_owned()], value: v.clone() }, (url, url))
            }
            Op::Add(v) => {
                let at = spans.last().map_or(0, |s| s.1 + 1);
                (Edit { path: vec!["added".to_owned()], value: Some(v.clone()) }, (at, at.wrapping_sub(1)))
            }
        };
        let out = apply(&block, std::slice::from_ref(&edit));
        prop_assert!(out.is_ok(), "{:?} on {:?}: {:?}", edit, block, out);
        let out = out.unwrap();

        let before: Vec<&str> = block.split_inclusive('\n').collect();
        let after: Vec<&str> = out.split_inclusive('\n').collect();
        let kept_tail = &before[end.wrapping_add(1)..];
        prop_assert_eq!(&after[..start], &before[..start], "{}", out);
        prop_assert!(after.len() >= start + kept_tail.len(), "{}", out);
        prop_assert_eq!(&after[after.len() - kept_tail.len()..], kept_tail, "{}", out);
        let changed = &after[start..after.len() - kept_tail.len()];
        match &edit.value {
            None => prop_assert!(changed.is_empty(), "{}", out),
            Some(_) => prop_assert!(!changed.is_empty() && changed.iter().all(|l| l.ends_with(eol)), "{}", out),
        }

        match &edit.value {
            Some(v) => json_set(&mut expected, &edit.path, v),
            None => json_remove(&mut expected, &edit.path),
        }
        prop_assert_eq!(parse_map(&out).unwrap(), expected);
    }
}
