use proptest::prelude::*;
use serde_json::json;

use super::apply;
use crate::edit::{Edit, NewValue};

fn path(dotted: &str) -> Vec<String> {
    dotted.split('.').map(str::to_owned).collect()
}

fn set(key: &str, value: serde_json::Value) -> Edit {
    Edit {
        path: path(key),
        value: Some(NewValue::Json(value)),
    }
}

fn date(key: &str, text: &str) -> Edit {
    Edit {
        path: path(key),
        value: Some(NewValue::Date(text.to_owned())),
    }
}

fn remove(key: &str) -> Edit {
    Edit {
        path: path(key),
        value: None,
    }
}

#[track_caller]
fn edited(block: &str, edits: &[Edit]) -> String {
    match apply(block, edits) {
        Ok(text) => text,
        Err(e) => panic!("{e}\nblock:\n{block}"),
    }
}

/// `block` with the line `old` (exactly one) replaced by `new`.
#[track_caller]
fn replaced(block: &str, old: &str, new: &str) -> String {
    assert_eq!(block.matches(old).count(), 1, "`{old}` must occur once");
    block.replacen(old, new, 1)
}

/// A Zola page as written by hand over the years.
const ZOLA: &str = "\
# Imported from the old blog
title = \"Hello, Wörld\"
description = 'A first post'
date = 2023-04-05
updated = 2024-01-01T10:00:00Z
draft = true # not yet
weight = 5
aliases = [\"/old/\"]

[taxonomies]
tags = [\"rust\", \"wasm\"]
categories = [\"notes\"]

[extra]
# shown under the title
subtitle = \"A subtitle\"
toc = true
";

/// A Hugo page with TOML front matter: string dates, indented params.
const HUGO: &str = "\
title = 'Spring notes'
date = 2021-03-01T09:30:00+01:00
lastmod = \"2020-02-02\"
tags = ['go', 'hugo']

[params]
  author = 'Ann'
  # the cover image
  cover = 'img/a.png'
";

// --- Rule 1: nothing but the edited entry changes ----------------------------------------------

#[test]
fn zero_edits_return_the_block_unchanged() {
    for block in [
        ZOLA,
        HUGO,
        "",
        "title = \"x\"",
        "a = 1\r\nb = 2\r\n",
        "not = [valid",
    ] {
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
    assert_eq!(
        edited(block, &[remove("draft")]),
        "# top\r\ntitle = \"a\"\r\n\r\n[extra]\r\n# note\r\nx = 1\r\n"
    );
    assert_eq!(
        edited(block, &[set("taxonomies.tags", json!(["a"]))]),
        format!("{block}\r\n[taxonomies]\r\ntags = [\"a\"]\r\n")
    );
}

#[test]
fn a_block_without_final_newline_keeps_it_so() {
    let block = "title = \"x\"\ndraft = true";
    assert_eq!(
        edited(block, &[set("draft", json!(false))]),
        "title = \"x\"\ndraft = false"
    );
    assert_eq!(
        edited(block, &[set("weight", json!(5))]),
        "title = \"x\"\ndraft = true\nweight = 5"
    );
    assert_eq!(edited(block, &[remove("draft")]), "title = \"x\"\n");
    assert_eq!(
        edited(block, &[set("extra.a", json!(1))]),
        "title = \"x\"\ndraft = true\n\n[extra]\na = 1"
    );
    assert_eq!(
        edited("[extra]", &[set("extra.a", json!(1))]),
        "[extra]\na = 1"
    );
}

#[test]
fn the_empty_block_gets_its_first_key() {
    assert_eq!(edited("", &[set("title", json!("Hi"))]), "title = \"Hi\"\n");
    assert_eq!(
        edited("", &[set("extra.subtitle", json!("s"))]),
        "[extra]\nsubtitle = \"s\"\n"
    );
}

#[test]
fn unicode_text_and_keys_are_kept_and_written() {
    let block = "title = \"Über ünïcödé 漢字\" # ✓\n\"clé\" = 'déjà'\n";
    assert_eq!(
        edited(block, &[set("title", json!("Größe — 東京"))]),
        "title = \"Größe — 東京\" # ✓\n\"clé\" = 'déjà'\n"
    );
    assert_eq!(
        edited(block, &[set("clé", json!("vu"))]),
        "title = \"Über ünïcödé 漢字\" # ✓\n\"clé\" = 'vu'\n"
    );
    assert_eq!(
        edited(block, &[set("naïve key", json!(1))]),
        format!("{block}\"naïve key\" = 1\n")
    );
}

#[test]
fn a_set_to_the_same_value_changes_no_byte() {
    let block = "date = 2023-04-05T10:00:00+02:00\ntags = [ 'a',  'b' ]\nn = 0x10\n";
    let edits = [
        date("date", "2023-04-05T10:00:00+02:00"),
        set("tags", json!(["a", "b"])),
        set("n", json!(16)),
    ];
    assert_eq!(edited(block, &edits), block);
}

// --- Rule 2: the parent in any form ------------------------------------------------------------

#[test]
fn keys_in_a_table_header_are_edited_in_place() {
    let out = edited(ZOLA, &[set("extra.subtitle", json!("Another"))]);
    assert_eq!(
        out,
        replaced(ZOLA, "subtitle = \"A subtitle\"", "subtitle = \"Another\"")
    );
    let out = edited(
        ZOLA,
        &[set("taxonomies.tags", json!(["rust", "wasm", "cli"]))],
    );
    assert_eq!(
        out,
        replaced(
            ZOLA,
            "tags = [\"rust\", \"wasm\"]",
            "tags = [\"rust\", \"wasm\", \"cli\"]"
        )
    );
}

#[test]
fn keys_in_an_inline_table_are_edited_inside_the_braces() {
    let block = "title = \"x\"\ntaxonomies = { tags = [\"a\"], categories = [\"b\"] }\n";
    assert_eq!(
        edited(block, &[set("taxonomies.tags", json!(["a", "c"]))]),
        "title = \"x\"\ntaxonomies = { tags = [\"a\", \"c\"], categories = [\"b\"] }\n"
    );
    assert_eq!(
        edited(block, &[set("taxonomies.series", json!("s"))]),
        "title = \"x\"\ntaxonomies = { tags = [\"a\"], categories = [\"b\"], series = \"s\" }\n"
    );
    assert_eq!(
        edited(block, &[remove("taxonomies.tags")]),
        "title = \"x\"\ntaxonomies = { categories = [\"b\"] }\n"
    );
    assert_eq!(
        edited(block, &[remove("taxonomies.categories")]),
        "title = \"x\"\ntaxonomies = { tags = [\"a\"] }\n"
    );
    assert_eq!(
        edited("t = {}\n", &[set("t.a", json!(1))]),
        "t = { a = 1 }\n"
    );
}

#[test]
fn keys_given_as_dotted_keys_stay_dotted_and_in_place() {
    let block = "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = true\n";
    assert_eq!(
        edited(block, &[set("extra.toc", json!(false))]),
        "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = false\n"
    );
    assert_eq!(
        edited(block, &[set("extra.image", json!("i.png"))]),
        "title = \"x\"\nextra.subtitle = \"s\"\ndraft = false\nextra.toc = true\nextra.image = \"i.png\"\n"
    );
    assert_eq!(
        edited(block, &[remove("extra.subtitle")]),
        "title = \"x\"\ndraft = false\nextra.toc = true\n"
    );
    let nested = "[extra]\nsocial.mastodon = \"@a\"\n";
    assert_eq!(
        edited(nested, &[set("extra.social.github", json!("a"))]),
        "[extra]\nsocial.mastodon = \"@a\"\nsocial.github = \"a\"\n"
    );
}

// --- Rule 3: a set keeps the file's style ------------------------------------------------------

#[test]
fn a_set_keeps_the_key_the_spacing_and_the_trailing_comment() {
    let out = edited(ZOLA, &[set("draft", json!(false))]);
    assert_eq!(
        out,
        replaced(ZOLA, "draft = true # not yet", "draft = false # not yet")
    );
    let block = "  title   =\t\"x\"    #  note\n";
    assert_eq!(
        edited(block, &[set("title", json!("y"))]),
        "  title   =\t\"y\"    #  note\n"
    );
}

#[test]
fn a_basic_string_stays_basic_with_escapes() {
    let out = edited(ZOLA, &[set("title", json!("Say \"hi\" \\ go\ttab\u{1}"))]);
    assert_eq!(
        out,
        replaced(
            ZOLA,
            "title = \"Hello, Wörld\"",
            r#"title = "Say \"hi\" \\ go\ttab\u0001""#
        )
    );
    // A line break in a one-line string is written as an escape, so the layout stays one line.
    let out = edited(ZOLA, &[set("title", json!("two\nlines"))]);
    assert_eq!(
        out,
        replaced(ZOLA, "title = \"Hello, Wörld\"", r#"title = "two\nlines""#)
    );
}

#[test]
fn a_literal_string_stays_literal_when_the_text_allows() {
    let out = edited(ZOLA, &[set("description", json!("C:\\path \"quoted\""))]);
    assert_eq!(
        out,
        replaced(
            ZOLA,
            "description = 'A first post'",
            "description = 'C:\\path \"quoted\"'"
        )
    );
    let out = edited(ZOLA, &[set("description", json!("It's here"))]);
    assert_eq!(
        out,
        replaced(
            ZOLA,
            "description = 'A first post'",
            "description = \"It's here\""
        )
    );
    let out = edited(ZOLA, &[set("description", json!("a\nb"))]);
    assert_eq!(
        out,
        replaced(
            ZOLA,
            "description = 'A first post'",
            r#"description = "a\nb""#
        )
    );
}

#[test]
fn multi_line_strings_stay_multi_line_when_the_text_has_line_breaks() {
    let block =
        "summary = \"\"\"\nFirst line.\nSecond \"line\".\n\"\"\"\nnote = '''\nraw \\ text\n'''\n";
    assert_eq!(
        edited(
            block,
            &[set("summary", json!("One.\nTwo \"\"\" three\\.\n"))]
        ),
        "summary = \"\"\"\nOne.\nTwo \\\"\\\"\" three\\\\.\n\"\"\"\nnote = '''\nraw \\ text\n'''\n"
    );
    assert_eq!(
        edited(block, &[set("note", json!("C:\\new\nlines\n"))]),
        "summary = \"\"\"\nFirst line.\nSecond \"line\".\n\"\"\"\nnote = '''\nC:\\new\nlines\n'''\n"
    );
    // Without line breaks, the one-line form of the same quotes.
    assert_eq!(
        edited(block, &[set("summary", json!("Short."))]),
        "summary = \"Short.\"\nnote = '''\nraw \\ text\n'''\n"
    );
    assert_eq!(
        edited(block, &[set("note", json!("short"))]),
        "summary = \"\"\"\nFirst line.\nSecond \"line\".\n\"\"\"\nnote = 'short'\n"
    );
    // `'''` inside the text cannot be a literal string: it becomes a multi-line basic one.
    assert_eq!(
        edited(block, &[set("note", json!("a '''\nb"))]),
        "summary = \"\"\"\nFirst line.\nSecond \"line\".\n\"\"\"\nnote = \"\"\"\na '''\nb\"\"\"\n"
    );
}

#[test]
fn multi_line_strings_in_a_crlf_block_use_crlf() {
    let block = "summary = \"\"\"\r\nold\r\ntext\"\"\"\r\n";
    assert_eq!(
        edited(block, &[set("summary", json!("new\ntext"))]),
        "summary = \"\"\"\r\nnew\r\ntext\"\"\"\r\n"
    );
}

#[test]
fn a_plus_line_inside_a_string_never_becomes_a_line_of_the_block() {
    let block = "summary = \"\"\"\nold\n\"\"\"\n";
    assert_eq!(
        edited(block, &[set("summary", json!("a\n+++\nb"))]),
        "summary = \"a\\n+++\\nb\"\n"
    );
}

#[test]
fn one_line_arrays_keep_their_spacing_and_quotes() {
    assert_eq!(
        edited(HUGO, &[set("tags", json!(["go", "hugo", "toml"]))]),
        replaced(
            HUGO,
            "tags = ['go', 'hugo']",
            "tags = ['go', 'hugo', 'toml']"
        )
    );
    let block = "tags = [ \"a\" , \"b\" ]\n";
    assert_eq!(
        edited(block, &[set("tags", json!(["c", "a", "b", "d"]))]),
        "tags = [ \"c\" , \"a\" , \"b\" , \"d\" ]\n"
    );
    assert_eq!(edited(block, &[set("tags", json!([]))]), "tags = []\n");
    assert_eq!(
        edited("tags = []\n", &[set("tags", json!(["a", "b"]))]),
        "tags = [\"a\", \"b\"]\n"
    );
    assert_eq!(
        edited(ZOLA, &[set("aliases", json!(["/old/", "/older/"]))]),
        replaced(
            ZOLA,
            "aliases = [\"/old/\"]",
            "aliases = [\"/old/\", \"/older/\"]"
        )
    );
}

#[test]
fn multi_line_arrays_keep_indentation_trailing_commas_and_comments() {
    let block = "tags = [\n    \"rust\",  # the language\n    \"wasm\",\n]\ndraft = true\n";
    assert_eq!(
        edited(block, &[set("tags", json!(["rust", "wasm", "cli"]))]),
        "tags = [\n    \"rust\",  # the language\n    \"wasm\",\n    \"cli\",\n]\ndraft = true\n"
    );
    assert_eq!(
        edited(block, &[set("tags", json!(["rust"]))]),
        "tags = [\n    \"rust\",\n]\ndraft = true\n"
    );
    let no_trailing = "tags = [\n  'rust',\n  'wasm'\n]\n";
    assert_eq!(
        edited(no_trailing, &[set("tags", json!(["rust", "wasm", "cli"]))]),
        "tags = [\n  'rust',\n  'wasm',\n  'cli'\n]\n"
    );
    assert_eq!(
        edited(no_trailing, &[set("tags", json!(["wasm"]))]),
        "tags = [\n  'wasm'\n]\n"
    );
    let crlf = "tags = [\r\n\t\"a\",\r\n]\r\n";
    assert_eq!(
        edited(crlf, &[set("tags", json!(["a", "b"]))]),
        "tags = [\r\n\t\"a\",\r\n\t\"b\",\r\n]\r\n"
    );
}

#[test]
fn a_date_on_a_native_datetime_stays_native() {
    assert_eq!(
        edited(ZOLA, &[date("date", "2023-05-06")]),
        replaced(ZOLA, "date = 2023-04-05", "date = 2023-05-06")
    );
    assert_eq!(
        edited(ZOLA, &[date("updated", "2024-02-03T04:05:06Z")]),
        replaced(
            ZOLA,
            "updated = 2024-01-01T10:00:00Z",
            "updated = 2024-02-03T04:05:06Z"
        )
    );
    assert_eq!(
        edited(HUGO, &[date("date", "2021-03-05T10:00:00+01:00")]),
        replaced(
            HUGO,
            "date = 2021-03-01T09:30:00+01:00",
            "date = 2021-03-05T10:00:00+01:00"
        )
    );
    // A new date key is a native datetime too.
    let out = edited("title = \"x\"\n", &[date("date", "2021-03-01 09:30:00")]);
    assert_eq!(out, "title = \"x\"\ndate = 2021-03-01 09:30:00\n");
}

#[test]
fn a_date_on_a_string_stays_a_string_in_the_same_quotes() {
    assert_eq!(
        edited(HUGO, &[date("lastmod", "2021-03-09")]),
        replaced(HUGO, "lastmod = \"2020-02-02\"", "lastmod = \"2021-03-09\"")
    );
    let block = "date = '2020-02-02'\n";
    assert_eq!(
        edited(block, &[date("date", "2020-03-03")]),
        "date = '2020-03-03'\n"
    );
}

#[test]
fn a_date_that_toml_cannot_read_is_written_as_a_string() {
    assert_eq!(
        edited(ZOLA, &[date("date", "March 5, 2021")]),
        replaced(ZOLA, "date = 2023-04-05", "date = \"March 5, 2021\"")
    );
    // Valid TOML 1.1, but the `toml` crate Byline reads with wants the seconds.
    assert_eq!(
        edited(ZOLA, &[date("date", "2023-04-05T10:00")]),
        replaced(ZOLA, "date = 2023-04-05", "date = \"2023-04-05T10:00\"")
    );
}

#[test]
fn numbers_and_booleans_are_written_plainly() {
    let out = edited(
        ZOLA,
        &[set("weight", json!(-12)), set("draft", json!(false))],
    );
    let expected = replaced(ZOLA, "weight = 5", "weight = -12");
    assert_eq!(out, replaced(&expected, "draft = true", "draft = false"));
    let out = edited(ZOLA, &[set("weight", json!(2.5))]);
    assert_eq!(out, replaced(ZOLA, "weight = 5", "weight = 2.5"));
    // A string can become a number: the key and the comment stay.
    let block = "weight = \"5\" # legacy\n";
    assert_eq!(
        edited(block, &[set("weight", json!(5))]),
        "weight = 5 # legacy\n"
    );
}

#[test]
fn an_object_on_an_inline_table_stays_inline() {
    let block = "author = { name = \"Ann\", url = \"https://a.example\" }\n";
    assert_eq!(
        edited(
            block,
            &[set(
                "author",
                json!({"name": "Bo", "url": "https://a.example", "mail": "b@x"})
            )]
        ),
        "author = { name = \"Bo\", url = \"https://a.example\", mail = \"b@x\" }\n"
    );
    assert_eq!(
        edited(block, &[set("author", json!({"url": "https://a.example"}))]),
        "author = { url = \"https://a.example\" }\n"
    );
    // A value that was not a table becomes an inline table.
    assert_eq!(
        edited(
            "author = \"Ann\"\n",
            &[set("author", json!({"name": "Ann", "n": 1}))]
        ),
        "author = { name = \"Ann\", n = 1 }\n"
    );
}

#[test]
fn an_object_on_a_table_header_is_applied_key_by_key() {
    let out = edited(
        ZOLA,
        &[set(
            "extra",
            json!({"subtitle": "New", "toc": true, "series": "notes"}),
        )],
    );
    let expected = replaced(ZOLA, "subtitle = \"A subtitle\"", "subtitle = \"New\"");
    assert_eq!(out, format!("{expected}series = \"notes\"\n"));
    let out = edited(ZOLA, &[set("extra", json!({"toc": true}))]);
    assert_eq!(out, replaced(ZOLA, "subtitle = \"A subtitle\"\n", ""));
}

#[test]
fn an_object_for_a_missing_key_becomes_a_table_at_the_end() {
    let block = "title = \"x\"\n";
    assert_eq!(
        edited(
            block,
            &[set("extra", json!({"subtitle": "s", "links": {"a": 1}}))]
        ),
        "title = \"x\"\n\n[extra]\nsubtitle = \"s\"\nlinks = { a = 1 }\n"
    );
    assert_eq!(
        edited(ZOLA, &[set("extra.social", json!({"github": "ann"}))]),
        format!("{ZOLA}\n[extra.social]\ngithub = \"ann\"\n")
    );
}

#[test]
fn null_removes_the_key() {
    assert_eq!(
        edited(ZOLA, &[set("weight", serde_json::Value::Null)]),
        replaced(ZOLA, "weight = 5\n", "")
    );
}

// --- Rule 4: where new keys go -----------------------------------------------------------------

#[test]
fn a_new_top_level_key_goes_after_the_last_top_level_key() {
    assert_eq!(
        edited(ZOLA, &[set("slug", json!("hello"))]),
        replaced(
            ZOLA,
            "aliases = [\"/old/\"]\n",
            "aliases = [\"/old/\"]\nslug = \"hello\"\n"
        )
    );
}

#[test]
fn a_new_top_level_key_goes_above_the_first_header_and_its_comment() {
    let block = "# Page\n\n# Tags of the page\n[taxonomies]\ntags = []\n";
    assert_eq!(
        edited(block, &[set("title", json!("T"))]),
        "# Page\n\ntitle = \"T\"\n# Tags of the page\n[taxonomies]\ntags = []\n"
    );
    assert_eq!(
        edited("[extra]\na = 1\n", &[set("title", json!("T"))]),
        "title = \"T\"\n[extra]\na = 1\n"
    );
}

#[test]
fn a_new_key_in_a_table_goes_after_its_last_entry_with_its_indentation() {
    assert_eq!(
        edited(ZOLA, &[set("extra.image", json!("cover.png"))]),
        format!("{ZOLA}image = \"cover.png\"\n")
    );
    assert_eq!(
        edited(ZOLA, &[set("taxonomies.series", json!(["a"]))]),
        replaced(
            ZOLA,
            "categories = [\"notes\"]\n",
            "categories = [\"notes\"]\nseries = [\"a\"]\n"
        )
    );
    assert_eq!(
        edited(HUGO, &[set("params.subtitle", json!("Sub"))]),
        format!("{HUGO}  subtitle = \"Sub\"\n")
    );
    // An empty table gets its key right under the header, before the comments that follow.
    let block = "[extra]\n\n# other\n[more]\nx = 1\n";
    assert_eq!(
        edited(block, &[set("extra.a", json!(1))]),
        "[extra]\na = 1\n\n# other\n[more]\nx = 1\n"
    );
}

#[test]
fn a_missing_table_is_created_at_the_end_after_a_blank_line() {
    let block = "title = \"x\"\ndate = 2023-04-05\n";
    assert_eq!(
        edited(block, &[set("extra.subtitle", json!("s")), set("taxonomies.tags", json!(["a"]))]),
        "title = \"x\"\ndate = 2023-04-05\n\n[extra]\nsubtitle = \"s\"\n\n[taxonomies]\ntags = [\"a\"]\n"
    );
    // A table known only from a deeper header gets a header of its own.
    let block = "[extra.social]\ngithub = \"a\"\n";
    assert_eq!(
        edited(block, &[set("extra.subtitle", json!("s"))]),
        "[extra.social]\ngithub = \"a\"\n\n[extra]\nsubtitle = \"s\"\n"
    );
}

// --- Rule 5: removing --------------------------------------------------------------------------

#[test]
fn a_removed_key_takes_only_its_own_lines() {
    assert_eq!(
        edited(ZOLA, &[remove("draft")]),
        replaced(ZOLA, "draft = true # not yet\n", "")
    );
    // The comment above `subtitle` stays: it may be about what follows too.
    assert_eq!(
        edited(ZOLA, &[remove("extra.subtitle")]),
        replaced(ZOLA, "subtitle = \"A subtitle\"\n", "")
    );
    let block = "tags = [\n  \"a\",\n  \"b\",\n]\ndraft = true\n";
    assert_eq!(edited(block, &[remove("tags")]), "draft = true\n");
    // Removing what is not there changes nothing.
    assert_eq!(edited(ZOLA, &[remove("nope"), remove("extra.nope")]), ZOLA);
}

#[test]
fn a_table_left_empty_goes_when_nothing_in_it_is_a_comment() {
    let block = "title = \"x\"\n\n[taxonomies]\ntags = [\"a\"]\n\n[extra]\nk = 1\n";
    assert_eq!(
        edited(block, &[remove("taxonomies.tags")]),
        "title = \"x\"\n\n[extra]\nk = 1\n"
    );
    assert_eq!(
        edited(block, &[remove("extra.k")]),
        "title = \"x\"\n\n[taxonomies]\ntags = [\"a\"]\n"
    );
    let inline = "title = \"x\"\ntaxonomies = { tags = [\"a\"] }\n";
    assert_eq!(
        edited(inline, &[remove("taxonomies.tags")]),
        "title = \"x\"\n"
    );
}

#[test]
fn a_table_left_empty_stays_when_it_holds_a_comment() {
    // Comment inside the table, above the removed key.
    let removed = edited(ZOLA, &[remove("extra.subtitle"), remove("extra.toc")]);
    assert_eq!(
        removed,
        replaced(ZOLA, "subtitle = \"A subtitle\"\ntoc = true\n", "")
    );
    // Comment above the header, or on it.
    let above = "title = \"x\"\n\n# Zola wants this\n[extra]\nk = 1\n";
    assert_eq!(
        edited(above, &[remove("extra.k")]),
        "title = \"x\"\n\n# Zola wants this\n[extra]\n"
    );
    let on = "[extra] # kept\nk = 1\n";
    assert_eq!(edited(on, &[remove("extra.k")]), "[extra] # kept\n");
}

#[test]
fn removing_a_whole_table_takes_its_header_body_and_separating_blank_line() {
    assert_eq!(
        edited(ZOLA, &[remove("taxonomies")]),
        replaced(
            ZOLA,
            "[taxonomies]\ntags = [\"rust\", \"wasm\"]\ncategories = [\"notes\"]\n\n",
            ""
        )
    );
    assert_eq!(
        edited(ZOLA, &[remove("extra")]),
        replaced(
            ZOLA,
            "\n[extra]\n# shown under the title\nsubtitle = \"A subtitle\"\ntoc = true\n",
            ""
        )
    );
    let dotted = "extra.a = 1\ntitle = \"x\"\nextra.b = 2\n";
    assert_eq!(edited(dotted, &[remove("extra")]), "title = \"x\"\n");
}

// --- Rule 6: errors ----------------------------------------------------------------------------

#[test]
fn a_path_through_a_value_is_an_error() {
    assert!(apply(ZOLA, &[set("title.sub", json!(1))]).is_err());
    assert!(apply(ZOLA, &[set("aliases.x", json!(1))]).is_err());
    assert!(apply(ZOLA, &[remove("weight.x")]).is_err());
}

#[test]
fn an_array_of_tables_is_an_error() {
    let block = "title = \"x\"\n[[extra.links]]\nurl = \"a\"\n";
    assert!(apply(block, &[set("extra.links.url", json!("b"))]).is_err());
    assert!(apply(block, &[set("extra.links", json!([]))]).is_err());
    assert!(apply(block, &[remove("extra.links")]).is_err());
    assert!(apply(block, &[remove("extra")]).is_err());
    // Elsewhere in the block it is no obstacle.
    assert_eq!(
        edited(block, &[set("title", json!("y"))]),
        "title = \"y\"\n[[extra.links]]\nurl = \"a\"\n"
    );
}

#[test]
fn a_table_cannot_become_a_value() {
    assert!(apply(ZOLA, &[set("extra", json!("flat"))]).is_err());
}

#[test]
fn an_empty_path_is_an_error() {
    let edit = Edit {
        path: Vec::new(),
        value: Some(NewValue::Json(json!(1))),
    };
    assert!(apply(ZOLA, &[edit]).is_err());
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
    assert_eq!(
        edited(block, &[set("title", json!("y"))]),
        "extra.a = 1\ntitle = \"y\"\nextra.b = 2\n"
    );
}

// --- Property: one edit on generated blocks ----------------------------------------------------

#[derive(Debug, Clone)]
enum GenValue {
    Basic(String),
    Literal(String),
    Int(i64),
    Bool(bool),
    Date(&'static str),
    DateString(&'static str),
    Array {
        items: Vec<String>,
        multi_line: bool,
        trailing_comma: bool,
        literal: bool,
    },
}

#[derive(Debug, Clone)]
struct GenEntry {
    key: String,
    value: GenValue,
    comment_above: bool,
    trailing_comment: bool,
    blank_before: bool,
}

/// How a table is written: `[name]`, `name.key = …` lines, or `name = { … }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Header,
    Dotted,
    Inline,
}

#[derive(Debug, Clone)]
struct GenTable {
    name: &'static str,
    form: Form,
    comment_above: bool,
    entries: Vec<GenEntry>,
}

#[derive(Debug, Clone)]
struct GenBlock {
    top_comment: bool,
    top: Vec<GenEntry>,
    tables: Vec<GenTable>,
    crlf: bool,
    final_newline: bool,
}

const DATES: [&str; 4] = [
    "2023-04-05",
    "2021-03-01T09:30:00+01:00",
    "2024-01-01T10:00:00Z",
    "2020-02-02 08:00:00",
];

/// Text with quotes of both kinds, backslashes and non-ASCII letters.
fn text_strategy() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.!?/éü漢'\"\\\\-]{0,12}"
}

/// Text a literal string can hold.
fn literal_text_strategy() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.!?/éü漢\"\\\\-]{0,12}"
}

fn value_strategy() -> impl Strategy<Value = GenValue> {
    prop_oneof![
        text_strategy().prop_map(GenValue::Basic),
        literal_text_strategy().prop_map(GenValue::Literal),
        any::<i32>().prop_map(|i| GenValue::Int(i.into())),
        any::<bool>().prop_map(GenValue::Bool),
        prop::sample::select(DATES.to_vec()).prop_map(GenValue::Date),
        prop::sample::select(DATES.to_vec()).prop_map(GenValue::DateString),
        (
            prop::collection::vec("[a-z]{1,6}", 0..4),
            any::<bool>(),
            any::<bool>(),
            any::<bool>()
        )
            .prop_map(
                |(items, multi_line, trailing_comma, literal)| GenValue::Array {
                    items,
                    multi_line,
                    trailing_comma,
                    literal,
                }
            ),
    ]
}

fn entries_strategy(keys: &'static [&'static str]) -> impl Strategy<Value = Vec<GenEntry>> {
    prop::collection::vec(
        (
            prop::sample::select(keys.to_vec()),
            value_strategy(),
            prop::bool::weighted(0.4),
            prop::bool::weighted(0.3),
            prop::bool::weighted(0.2),
        ),
        0..5,
    )
    .prop_map(|entries| {
        let mut seen = std::collections::HashSet::new();
        entries
            .into_iter()
            .filter(|(key, ..)| seen.insert(*key))
            .map(
                |(key, value, trailing_comment, comment_above, blank_before)| GenEntry {
                    key: key.to_owned(),
                    value,
                    comment_above,
                    trailing_comment,
                    blank_before,
                },
            )
            .collect()
    })
}

const TOP_KEYS: &[&str] = &[
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "weight",
    "aliases",
    "slug",
];
const EXTRA_KEYS: &[&str] = &["subtitle", "toc", "image", "series"];
const TAXONOMY_KEYS: &[&str] = &["tags", "categories"];

fn table_strategy(
    keys: &'static [&'static str],
) -> impl Strategy<Value = (Form, bool, Vec<GenEntry>)> {
    (
        prop::sample::select(vec![Form::Header, Form::Header, Form::Dotted, Form::Inline]),
        prop::bool::weighted(0.4),
        entries_strategy(keys),
    )
}

fn block_strategy() -> impl Strategy<Value = GenBlock> {
    (
        any::<bool>(),
        entries_strategy(TOP_KEYS),
        prop::option::of(table_strategy(TAXONOMY_KEYS)),
        prop::option::of(table_strategy(EXTRA_KEYS)),
        any::<bool>(),
        prop::bool::weighted(0.8),
    )
        .prop_map(
            |(top_comment, top, taxonomies, extra, crlf, final_newline)| {
                let mut tables = Vec::new();
                for (name, table) in [("taxonomies", taxonomies), ("extra", extra)] {
                    if let Some((form, comment_above, entries)) = table {
                        tables.push(GenTable {
                            name,
                            form,
                            comment_above,
                            entries,
                        });
                    }
                }
                GenBlock {
                    top_comment,
                    top,
                    tables,
                    crlf,
                    final_newline,
                }
            },
        )
}

fn basic_text(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The value's lines (more than one for multi-line arrays, unless `one_line`).
fn value_lines(value: &GenValue, one_line: bool) -> Vec<String> {
    match value {
        GenValue::Basic(s) => vec![basic_text(s)],
        GenValue::Literal(s) => vec![format!("'{s}'")],
        GenValue::Int(i) => vec![i.to_string()],
        GenValue::Bool(b) => vec![b.to_string()],
        GenValue::Date(d) => vec![(*d).to_owned()],
        GenValue::DateString(d) => vec![format!("\"{d}\"")],
        GenValue::Array {
            items,
            multi_line,
            trailing_comma,
            literal,
        } => {
            let quote = |s: &String| {
                if *literal {
                    format!("'{s}'")
                } else {
                    format!("\"{s}\"")
                }
            };
            let quoted: Vec<String> = items.iter().map(quote).collect();
            if *multi_line && !one_line && !items.is_empty() {
                let mut lines = vec!["[".to_owned()];
                for (i, item) in quoted.iter().enumerate() {
                    let comma = if i + 1 < quoted.len() || *trailing_comma {
                        ","
                    } else {
                        ""
                    };
                    lines.push(format!("  {item}{comma}"));
                }
                lines.push("]".to_owned());
                lines
            } else {
                vec![format!("[{}]", quoted.join(", "))]
            }
        }
    }
}

/// Where things are in a rendered block, in line numbers (`split('\n')` indices).
#[derive(Debug, Default)]
struct Layout {
    /// (table name, "" for the top level; key; the entry's lines). An inline table's entries
    /// all have its one line.
    entries: Vec<(String, String, std::ops::Range<usize>)>,
    /// Header line of each `[name]` table.
    headers: Vec<(String, usize)>,
    /// Every table that exists in the block, and its form.
    tables: Vec<(String, Form)>,
    /// Line of each inline table.
    inline: Vec<(String, usize)>,
}

impl Layout {
    fn form(&self, table: &str) -> Option<Form> {
        self.tables
            .iter()
            .find(|(n, _)| n == table)
            .map(|(_, f)| *f)
    }

    fn header(&self, table: &str) -> Option<usize> {
        self.headers
            .iter()
            .find(|(n, _)| n == table)
            .map(|(_, l)| *l)
    }
}

fn push_entries(
    lines: &mut Vec<String>,
    layout: &mut Layout,
    table: &str,
    key_prefix: &str,
    entries: &[GenEntry],
) {
    for entry in entries {
        if entry.blank_before {
            lines.push(String::new());
        }
        if entry.comment_above {
            lines.push(format!("# about {}", entry.key));
        }
        let start = lines.len();
        let mut value = value_lines(&entry.value, false);
        if entry.trailing_comment {
            if let Some(last) = value.last_mut() {
                last.push_str(" # note");
            }
        }
        for (i, line) in value.into_iter().enumerate() {
            if i == 0 {
                lines.push(format!("{key_prefix}{} = {line}", entry.key));
            } else {
                lines.push(line);
            }
        }
        layout
            .entries
            .push((table.to_owned(), entry.key.clone(), start..lines.len()));
    }
}

fn render(block: &GenBlock) -> (String, Layout) {
    let mut lines: Vec<String> = Vec::new();
    let mut layout = Layout::default();
    if block.top_comment {
        lines.push("# front matter".to_owned());
    }
    push_entries(&mut lines, &mut layout, "", "", &block.top);
    // Dotted keys and inline tables belong to the top level, so they come before any header.
    for table in block.tables.iter().filter(|t| t.form != Form::Header) {
        if table.comment_above {
            lines.push(format!("# the {} table", table.name));
        }
        if table.form == Form::Dotted {
            if !table.entries.is_empty() {
                layout.tables.push((table.name.to_owned(), Form::Dotted));
            }
            push_entries(
                &mut lines,
                &mut layout,
                table.name,
                &format!("{}.", table.name),
                &table.entries,
            );
            continue;
        }
        let entries: Vec<String> = table
            .entries
            .iter()
            .map(|e| format!("{} = {}", e.key, value_lines(&e.value, true).concat()))
            .collect();
        let line = lines.len();
        if entries.is_empty() {
            lines.push(format!("{} = {{}}", table.name));
        } else {
            lines.push(format!("{} = {{ {} }}", table.name, entries.join(", ")));
        }
        for entry in &table.entries {
            layout
                .entries
                .push((table.name.to_owned(), entry.key.clone(), line..line + 1));
        }
        layout.tables.push((table.name.to_owned(), Form::Inline));
        layout.inline.push((table.name.to_owned(), line));
    }
    for table in block.tables.iter().filter(|t| t.form == Form::Header) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        if table.comment_above {
            lines.push(format!("# the {} table", table.name));
        }
        layout.headers.push((table.name.to_owned(), lines.len()));
        layout.tables.push((table.name.to_owned(), Form::Header));
        lines.push(format!("[{}]", table.name));
        push_entries(&mut lines, &mut layout, table.name, "", &table.entries);
    }
    let le = if block.crlf { "\r\n" } else { "\n" };
    let mut text = lines.join(le);
    if block.final_newline && !lines.is_empty() {
        text.push_str(le);
    }
    (text, layout)
}

#[derive(Debug, Clone)]
enum GenNew {
    Str(String),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
    Date(&'static str),
}

fn new_strategy() -> impl Strategy<Value = GenNew> {
    prop_oneof![
        text_strategy().prop_map(GenNew::Str),
        any::<i32>().prop_map(|i| GenNew::Int(i.into())),
        any::<bool>().prop_map(GenNew::Bool),
        prop::collection::vec("[a-z]{1,6}", 0..4).prop_map(GenNew::List),
        prop::sample::select(DATES.to_vec()).prop_map(GenNew::Date),
        prop::sample::select(vec!["not a date", "2023-04-05T10:00"]).prop_map(GenNew::Date),
    ]
}

fn new_value(new: &GenNew) -> NewValue {
    match new {
        GenNew::Str(s) => NewValue::Json(json!(s)),
        GenNew::Int(i) => NewValue::Json(json!(i)),
        GenNew::Bool(b) => NewValue::Json(json!(b)),
        GenNew::List(items) => NewValue::Json(json!(items)),
        GenNew::Date(text) => NewValue::Date((*text).to_owned()),
    }
}

/// What the `toml` crate should read for `new` set where `old` was.
fn expected_toml(new: &GenNew, old: Option<&toml::Value>) -> toml::Value {
    match new {
        GenNew::Date(text) => match (old, text.parse::<toml::value::Datetime>()) {
            (Some(toml::Value::String(_)), _) | (_, Err(_)) => {
                toml::Value::String((*text).to_owned())
            }
            (_, Ok(datetime)) => toml::Value::Datetime(datetime),
        },
        GenNew::Str(s) => toml::Value::String(s.clone()),
        GenNew::Int(i) => toml::Value::Integer(*i),
        GenNew::Bool(b) => toml::Value::Boolean(*b),
        GenNew::List(items) => toml::Value::Array(
            items
                .iter()
                .map(|s| toml::Value::String(s.clone()))
                .collect(),
        ),
    }
}

fn table_mut<'a>(root: &'a mut toml::Table, table: &str) -> &'a mut toml::Table {
    if table.is_empty() {
        return root;
    }
    let entry = root
        .entry(table.to_owned())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    match entry {
        toml::Value::Table(inner) => inner,
        _ => panic!("{table} is not a table"),
    }
}

fn value_in(root: &toml::Table, table: &str, key: &str) -> Option<toml::Value> {
    let parent = if table.is_empty() {
        Some(root)
    } else {
        root.get(table).and_then(toml::Value::as_table)
    };
    parent.and_then(|p| p.get(key)).cloned()
}

/// `new` is `old[..a] + middle + old[b..]` for `changed = a..b`: returns `middle`.
fn middle<'a>(
    old: &[&str],
    new: &'a [&'a str],
    changed: std::ops::Range<usize>,
) -> Option<&'a [&'a str]> {
    let (head, tail) = (&old[..changed.start], &old[changed.end..]);
    if new.len() < head.len() + tail.len() || !new.starts_with(head) || !new.ends_with(tail) {
        return None;
    }
    Some(&new[head.len()..new.len() - tail.len()])
}

/// `new` is `old` with lines inserted at one place: returns (place, inserted lines).
fn insertion<'a>(old: &[&str], new: &'a [&'a str]) -> Option<(usize, &'a [&'a str])> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len() - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix + suffix == old.len() && new.len() >= old.len())
        .then(|| (prefix, &new[prefix..new.len() - suffix]))
}

/// `new` is `old` minus the lines in `gone` and minus some blank lines.
fn removal_only(old: &[&str], new: &[&str], gone: &[usize]) -> bool {
    let mut rest = old
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, l)| *l);
    for line in new {
        loop {
            match rest.next() {
                Some(next) if next == *line => break,
                Some(next) if is_blank(next) => {}
                _ => return false,
            }
        }
    }
    rest.all(is_blank)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn fail(what: &str, before: &str, after: &str) -> TestCaseError {
    TestCaseError::fail(format!(
        "{what}\n--- before\n{before}\n--- after\n{after}\n---"
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn one_edit_changes_only_its_entry(
        block in block_strategy(),
        kind in 0u8..3,
        pick in any::<prop::sample::Index>(),
        target_table in 0u8..3,
        new in new_strategy(),
    ) {
        let (text, layout) = render(&block);
        prop_assert_eq!(apply(&text, &[]).unwrap(), text.clone());
        let old_toml: toml::Table = toml::from_str(&text).unwrap();

        // Set (kind 0) or remove (kind 2) an existing entry when there is one; otherwise add.
        let existing = (!layout.entries.is_empty() && kind != 1)
            .then(|| &layout.entries[pick.index(layout.entries.len())]);
        let (table, key, lines) = match existing {
            Some((table, key, lines)) => (table.clone(), key.clone(), Some(lines.clone())),
            None => {
                let table = ["", "extra", "taxonomies"][usize::from(target_table)];
                (table.to_owned(), "added".to_owned(), None)
            }
        };
        let mut full = if table.is_empty() { vec![] } else { vec![table.clone()] };
        full.push(key.clone());
        let removing = lines.is_some() && kind == 2;
        let edit = Edit { path: full, value: (!removing).then(|| new_value(&new)) };
        let out = match apply(&text, std::slice::from_ref(&edit)) {
            Ok(out) => out,
            Err(e) => return Err(fail(&e.to_string(), &text, "")),
        };

        // The re-read gives the new value and the old values of everything else.
        let mut expected = old_toml.clone();
        let parent = table_mut(&mut expected, &table);
        let old_value = parent.get(&key).cloned();
        if removing {
            parent.remove(&key);
        } else {
            parent.insert(key.clone(), expected_toml(&new, old_value.as_ref()));
        }
        let actual: toml::Table = toml::from_str(&out).unwrap();
        let emptied = removing
            && !table.is_empty()
            && expected.get(&table).and_then(toml::Value::as_table).is_some_and(toml::Table::is_empty);
        let pruned = emptied && !actual.contains_key(&table);
        if pruned {
            expected.remove(&table);
        }
        if actual != expected {
            return Err(fail(&format!("read back {actual:?}\nexpected {expected:?}"), &text, &out));
        }

        // Line endings follow the block's (a block without a line break has none to follow).
        let crlf = block.crlf && text.contains('\n');
        let (crlf_breaks, breaks) = (out.matches("\r\n").count(), out.matches('\n').count());
        prop_assert_eq!(crlf_breaks, if crlf { breaks } else { 0 }, "{:?}", out);

        // A block without a final line break gains one on its last line when a line is added
        // after it; compare as if both had it.
        let le = if crlf { "\r\n" } else { "\n" };
        let ended = |t: &str| if t.is_empty() || t.ends_with('\n') { t.to_owned() } else { format!("{t}{le}") };
        let (old_text, new_text) = (ended(&text), ended(&out));
        let old_lines: Vec<&str> = old_text.split('\n').collect();
        let new_lines: Vec<&str> = new_text.split('\n').collect();
        let form = layout.form(&table);
        let entry_start = match form {
            Some(Form::Dotted) => format!("{table}.{key} = "),
            Some(Form::Inline) => format!("{table} = {{"),
            Some(Form::Header) | None => format!("{key} = "),
        };

        if old_value.as_ref() == value_in(&actual, &table, &key).as_ref() {
            // Nothing changed: no byte either.
            prop_assert_eq!(&out, &text);
        } else if let Some(lines) = lines {
            if emptied {
                // A `[table]` emptied goes exactly when no comment is right above its header, on
                // it or in it; dotted keys' tables vanish, empty inline tables go.
                let commented = layout.header(&table).is_some_and(|header| {
                    let next = layout.headers.iter().map(|(_, l)| *l).filter(|l| *l > header).min().unwrap_or(old_lines.len());
                    (header.saturating_sub(1)..next)
                        .filter(|i| !lines.contains(i))
                        .any(|i| old_lines[i].trim_start().starts_with('#'))
                });
                prop_assert_eq!(pruned, !commented, "\n--- before\n{}\n--- after\n{}", text, out);
            }
            if pruned && form == Some(Form::Header) {
                let mut gone: Vec<usize> = lines.clone().collect();
                gone.extend(layout.header(&table));
                prop_assert!(removal_only(&old_lines, &new_lines, &gone), "\n--- before\n{}\n--- after\n{}", text, out);
            } else {
                let Some(between) = middle(&old_lines, &new_lines, lines.clone()) else {
                    return Err(fail("other lines changed", &text, &out));
                };
                let kept_line = !removing || (form == Some(Form::Inline) && !pruned);
                if kept_line {
                    prop_assert!(between.first().is_some_and(|l| l.starts_with(&entry_start)), "{:?}", between);
                    if form == Some(Form::Inline) { prop_assert_eq!(between.len(), 1); }
                } else {
                    prop_assert!(between.is_empty(), "{:?}", between);
                }
            }
        } else if form == Some(Form::Inline) {
            // A new key inside the braces: only the inline table's line changes.
            let line = layout.inline.iter().find(|(n, _)| *n == table).map(|(_, l)| *l).unwrap();
            let Some(between) = middle(&old_lines, &new_lines, line..line + 1) else {
                return Err(fail("other lines changed", &text, &out));
            };
            prop_assert_eq!(between.len(), 1);
            prop_assert!(between[0].starts_with(&entry_start), "{:?}", between);
        } else {
            let Some((at, inserted)) = insertion(&old_lines, &new_lines) else {
                return Err(fail("not an insertion", &text, &out));
            };
            let created = form.is_none() && !table.is_empty();
            let new_key = if created { format!("{key} = ") } else { entry_start.clone() };
            let header = format!("[{table}]{}", if crlf { "\r" } else { "" });
            prop_assert_eq!(inserted.iter().filter(|l| l.starts_with(&new_key)).count(), 1, "{:?}", inserted);
            for line in inserted {
                let allowed = line.starts_with(&new_key) || (created && (is_blank(line) || *line == header));
                prop_assert!(allowed, "inserted {:?}", inserted);
            }
            let first_header = layout.headers.iter().map(|(_, l)| *l).min().unwrap_or(old_lines.len());
            match layout.header(&table) {
                Some(header_line) => {
                    let next = layout.headers.iter().map(|(_, l)| *l).filter(|l| *l > header_line).min().unwrap_or(old_lines.len());
                    prop_assert!(at > header_line && at <= next, "key outside its table");
                }
                // Top-level and dotted keys go before the first header.
                None if !created => prop_assert!(at <= first_header, "top-level key after a header"),
                None => prop_assert!(at + inserted.len() + 1 >= new_lines.len(), "new table not at the end"),
            }
        }
    }
}
