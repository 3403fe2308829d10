//! Rule 1, nothing but the edited entry changes, and several edits in one go.

use serde_json::json;

use super::*;

// --- Rule 1: nothing but the edited entry changes ----------------------------------------------

#[test]
fn zero_edits_return_the_block_unchanged() {
    for block in [ZOLA, HUGO, "", "title = \"x\"", "a = 1\r\nb = 2\r\n", "not = [valid"] {
        assert_eq!(apply(block, &[]).unwrap(), block);
    }
}

#[test]
fn a_block_that_does_not_parse_is_an_error() {
    assert!(apply("title = \n", &[set("title", json!("x"))]).is_err());
    assert!(apply("a = 1\na = 2\n", &[set("a", json!(3))]).is_err());
}

#[test]
fn crlf_lines_stay_crlf_for_set_add_and_remove() {
    let block = "# top\r\ntitle = \"a\"\r\ndraft = true\r\n\r\n[extra]\r\n# note\r\nx = 1\r\n";
    assert_eq!(
        edited(block, &[set("title", json!("b"))]),
        "# top\r\ntitle = \"b\"\r\ndraft = true\r\n\r\n[extra]\r\n# note\r\nx = 1\r\n"
    );
    assert_eq!(
        edited(block, &[set("weight", json!(3)), set("extra.y", json!(2))]),
        "# top\r\ntitle = \"a\"\r\ndraft = true\r\nweight = 3\r\n\r\n[extra]\r\n# note\r\nx = 1\r\ny = 2\r\n"
    );
    assert_eq!(edited(block, &[remove("draft")]), "# top\r\ntitle = \"a\"\r\n\r\n[extra]\r\n# note\r\nx = 1\r\n");
    assert_eq!(
        edited(block, &[set("taxonomies.tags", json!(["a"]))]),
        format!("{block}\r\n[taxonomies]\r\ntags = [\"a\"]\r\n")
    );
}

#[test]
fn a_block_without_final_newline_keeps_it_so() {
    let block = "title = \"x\"\ndraft = true";
    assert_eq!(edited(block, &[set("draft", json!(false))]), "title = \"x\"\ndraft = false");
    assert_eq!(edited(block, &[set("weight", json!(5))]), "title = \"x\"\ndraft = true\nweight = 5");
    assert_eq!(edited(block, &[remove("draft")]), "title = \"x\"\n");
    assert_eq!(edited(block, &[set("extra.a", json!(1))]), "title = \"x\"\ndraft = true\n\n[extra]\na = 1");
    assert_eq!(edited("[extra]", &[set("extra.a", json!(1))]), "[extra]\na = 1");
}

#[test]
fn the_empty_block_gets_its_first_key() {
    assert_eq!(edited("", &[set("title", json!("Hi"))]), "title = \"Hi\"\n");
    assert_eq!(edited("", &[set("extra.subtitle", json!("s"))]), "[extra]\nsubtitle = \"s\"\n");
}

#[test]
fn unicode_text_and_keys_are_kept_and_written() {
    let block = "title = \"Über ünïcödé 漢字\" # ✓\n\"clé\" = 'déjà'\n";
    assert_eq!(
        edited(block, &[set("title", json!("Größe — 東京"))]),
        "title = \"Größe — 東京\" # ✓\n\"clé\" = 'déjà'\n"
    );
    assert_eq!(edited(block, &[set("clé", json!("vu"))]), "title = \"Über ünïcödé 漢字\" # ✓\n\"clé\" = 'vu'\n");
    assert_eq!(edited(block, &[set("naïve key", json!(1))]), format!("{block}\"naïve key\" = 1\n"));
}

#[test]
fn a_set_to_the_same_value_changes_no_byte() {
    let block = "date = 2023-04-05T10:00:00+02:00\ntags = [ 'a',  'b' ]\nn = 0x10\n";
    let edits = [date("date", "2023-04-05T10:00:00+02:00"), set("tags", json!(["a", "b"])), set("n", json!(16))];
    assert_eq!(edited(block, &edits), block);
}

// --- Several edits, interleaved dotted keys ----------------------------------------------------

#[test]
fn several_edits_apply_in_order() {
    let out = edited(
        ZOLA,
        &[
            set("title", json!("New title")),
            date("updated", "2024-06-01T08:00:00Z"),
            remove("draft"),
            set("taxonomies.tags", json!(["rust"])),
            set("extra.image", json!("a.png")),
        ],
    );
    let expected = "\
# Imported from the old blog
title = \"New title\"
description = 'A first post'
date = 2023-04-05
updated = 2024-06-01T08:00:00Z
weight = 5
aliases = [\"/old/\"]

[taxonomies]
tags = [\"rust\"]
categories = [\"notes\"]

[extra]
# shown under the title
subtitle = \"A subtitle\"
toc = true
image = \"a.png\"
";
    assert_eq!(out, expected);
}

#[test]
fn interleaved_dotted_keys_are_not_regrouped() {
    // toml_edit's own printer would move `extra.b` up next to `extra.a`.
    let block = "extra.a = 1\ntitle = \"x\"\nextra.b = 2\n";
    assert_eq!(edited(block, &[set("title", json!("y"))]), "extra.a = 1\ntitle = \"y\"\nextra.b = 2\n");
}
