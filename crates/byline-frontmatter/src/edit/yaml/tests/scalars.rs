//! Text values: plain, quoted and block scalars keep their style where the new text allows it,
//! and dates keep the old quoting.

use serde_json::json;

use super::*;

#[test]
fn plain_stays_plain_only_when_it_reads_back_as_the_same_text() {
    assert_eq!(restyled("old", json!("new words")), "k: new words\n");
    assert_eq!(restyled("old", json!("https://example.com/a#b")), "k: https://example.com/a#b\n");
    assert_eq!(restyled("old", json!("Ünïcødé ✓ 日本")), "k: Ünïcødé ✓ 日本\n");
    assert_eq!(restyled("old", json!("say \"hi\", it's")), "k: say \"hi\", it's\n");
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
        assert_eq!(restyled("old", json!(text)), format!("k: {written}\n"), "{text:?}");
    }
}

#[test]
fn single_quotes_stay_with_doubled_quotes() {
    assert_eq!(restyled("'old'", json!("it's")), "k: 'it''s'\n");
    assert_eq!(restyled("'old'", json!("yes")), "k: 'yes'\n");
    assert_eq!(restyled("'old'", json!("bell\u{7}")), "k: \"bell\\u0007\"\n");
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
    assert!(out.contains("description: >-\n  A short summary.\n\n# taxonomy\n"), "{out}");
    let out = edit(HUGO, &[set(&["description"], json!("First line.\nSecond line."))]);
    assert!(out.contains("description: >-\n  First line.\n\n  Second line.\n\n# taxonomy"), "{out}");
    let block = "body: |\n    one\n    two\nnext: 1\n";
    assert_eq!(edit(block, &[set(&["body"], json!("uno\n\ndos\n"))]), "body: |\n    uno\n\n    dos\nnext: 1\n");
    // The chomping indicator follows the new text's trailing line breaks.
    assert_eq!(edit(block, &[set(&["body"], json!("uno"))]), "body: |-\n    uno\nnext: 1\n");
    assert_eq!(edit(block, &[set(&["body"], json!("uno\n\n"))]), "body: |+\n    uno\n\nnext: 1\n");
    // Folding cannot hold an indented line: the text is double-quoted instead.
    let folded = "k: >\n  old\n";
    assert_eq!(edit(folded, &[set(&["k"], json!("a\n  b"))]), "k: \"a\\n  b\"\n");
    assert_eq!(edit("k: |-\n  x\n", &[set(&["k"], json!("  indented"))]), "k: |2-\n    indented\n");
}

#[test]
fn text_with_line_breaks_becomes_a_literal_block() {
    assert_eq!(restyled("old # note", json!("one\ntwo")), "k: |- # note\n  one\n  two\n");
    assert_eq!(restyled("'old'", json!("one\ntwo\n")), "k: |\n  one\n  two\n");
    assert_eq!(restyled("\"old\"", json!("one\ntwo")), "k: \"one\\ntwo\"\n");
    assert_eq!(edit("", &[set(&["k"], json!("one\ntwo"))]), "k: \"one\\ntwo\"\n");
}

#[test]
fn dates_keep_the_old_quoting() {
    let out = edit(HUGO, &[date(&["date"], "2019-03-04 05:06:07 +0100")]);
    assert_eq!(out, HUGO.replace("2018-01-02 11:21:40 +0100", "2019-03-04 05:06:07 +0100"));
    let block = jekyll();
    let out = edit(&block, &[date(&["date"], "2024-02-03 04:05:06 2024 -0800")]);
    assert_eq!(out, block.replace("2023-01-29 18:30:22 2023", "2024-02-03 04:05:06 2024"));
    assert_eq!(edit("date: 2020-01-01\n", &[date(&["date"], "2021-02-03")]), "date: 2021-02-03\n");
    assert_eq!(edit("d: '2020-01-01'\n", &[date(&["d"], "2021-02-03")]), "d: '2021-02-03'\n");
    assert_eq!(edit("a: 1\n", &[date(&["date"], "2021-02-03T04:05:06Z")]), "a: 1\ndate: 2021-02-03T04:05:06Z\n");
}

#[test]
fn block_scalar_lines_that_look_like_comments_belong_to_it() {
    let block = "body: |\n  text\n  # not a comment\nnext: 1\n";
    assert_eq!(edit(block, &[remove(&["body"])]), "next: 1\n");
    assert_eq!(edit(block, &[set(&["body"], json!("new\n"))]), "body: |\n  new\nnext: 1\n");
}
