//! Rule 3: a set keeps the file's style: key, spacing, comments, quotes, array layout, dates.

use serde_json::json;

use super::*;

// --- Rule 3: a set keeps the file's style ------------------------------------------------------

#[test]
fn a_set_keeps_the_key_the_spacing_and_the_trailing_comment() {
    let out = edited(ZOLA, &[set("draft", json!(false))]);
    assert_eq!(out, replaced(ZOLA, "draft = true # not yet", "draft = false # not yet"));
    let block = "  title   =\t\"x\"    #  note\n";
    assert_eq!(edited(block, &[set("title", json!("y"))]), "  title   =\t\"y\"    #  note\n");
}

#[test]
fn a_basic_string_stays_basic_with_escapes() {
    let out = edited(ZOLA, &[set("title", json!("Say \"hi\" \\ go\ttab\u{1}"))]);
    assert_eq!(out, replaced(ZOLA, "title = \"Hello, Wörld\"", r#"title = "Say \"hi\" \\ go\ttab\u0001""#));
    // A line break in a one-line string is written as an escape, so the layout stays one line.
    let out = edited(ZOLA, &[set("title", json!("two\nlines"))]);
    assert_eq!(out, replaced(ZOLA, "title = \"Hello, Wörld\"", r#"title = "two\nlines""#));
}

#[test]
fn a_literal_string_stays_literal_when_the_text_allows() {
    let out = edited(ZOLA, &[set("description", json!("C:\\path \"quoted\""))]);
    assert_eq!(out, replaced(ZOLA, "description = 'A first post'", "description = 'C:\\path \"quoted\"'"));
    let out = edited(ZOLA, &[set("description", json!("It's here"))]);
    assert_eq!(out, replaced(ZOLA, "description = 'A first post'", "description = \"It's here\""));
    let out = edited(ZOLA, &[set("description", json!("a\nb"))]);
    assert_eq!(out, replaced(ZOLA, "description = 'A first post'", r#"description = "a\nb""#));
}

#[test]
fn multi_line_strings_stay_multi_line_when_the_text_has_line_breaks() {
    let block = "summary = \"\"\"\nFirst line.\nSecond \"line\".\n\"\"\"\nnote = '''\nraw \\ text\n'''\n";
    assert_eq!(
        edited(block, &[set("summary", json!("One.\nTwo \"\"\" three\\.\n"))]),
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
    assert_eq!(edited(block, &[set("summary", json!("new\ntext"))]), "summary = \"\"\"\r\nnew\r\ntext\"\"\"\r\n");
}

#[test]
fn a_plus_line_inside_a_string_never_becomes_a_line_of_the_block() {
    let block = "summary = \"\"\"\nold\n\"\"\"\n";
    assert_eq!(edited(block, &[set("summary", json!("a\n+++\nb"))]), "summary = \"a\\n+++\\nb\"\n");
}

#[test]
fn one_line_arrays_keep_their_spacing_and_quotes() {
    assert_eq!(
        edited(HUGO, &[set("tags", json!(["go", "hugo", "toml"]))]),
        replaced(HUGO, "tags = ['go', 'hugo']", "tags = ['go', 'hugo', 'toml']")
    );
    let block = "tags = [ \"a\" , \"b\" ]\n";
    assert_eq!(
        edited(block, &[set("tags", json!(["c", "a", "b", "d"]))]),
        "tags = [ \"c\" , \"a\" , \"b\" , \"d\" ]\n"
    );
    assert_eq!(edited(block, &[set("tags", json!([]))]), "tags = []\n");
    assert_eq!(edited("tags = []\n", &[set("tags", json!(["a", "b"]))]), "tags = [\"a\", \"b\"]\n");
    assert_eq!(
        edited(ZOLA, &[set("aliases", json!(["/old/", "/older/"]))]),
        replaced(ZOLA, "aliases = [\"/old/\"]", "aliases = [\"/old/\", \"/older/\"]")
    );
}

#[test]
fn multi_line_arrays_keep_indentation_trailing_commas_and_comments() {
    let block = "tags = [\n    \"rust\",  # the language\n    \"wasm\",\n]\ndraft = true\n";
    assert_eq!(
        edited(block, &[set("tags", json!(["rust", "wasm", "cli"]))]),
        "tags = [\n    \"rust\",  # the language\n    \"wasm\",\n    \"cli\",\n]\ndraft = true\n"
    );
    assert_eq!(edited(block, &[set("tags", json!(["rust"]))]), "tags = [\n    \"rust\",\n]\ndraft = true\n");
    let no_trailing = "tags = [\n  'rust',\n  'wasm'\n]\n";
    assert_eq!(
        edited(no_trailing, &[set("tags", json!(["rust", "wasm", "cli"]))]),
        "tags = [\n  'rust',\n  'wasm',\n  'cli'\n]\n"
    );
    assert_eq!(edited(no_trailing, &[set("tags", json!(["wasm"]))]), "tags = [\n  'wasm'\n]\n");
    let crlf = "tags = [\r\n\t\"a\",\r\n]\r\n";
    assert_eq!(edited(crlf, &[set("tags", json!(["a", "b"]))]), "tags = [\r\n\t\"a\",\r\n\t\"b\",\r\n]\r\n");
}

#[test]
fn a_date_on_a_native_datetime_stays_native() {
    assert_eq!(edited(ZOLA, &[date("date", "2023-05-06")]), replaced(ZOLA, "date = 2023-04-05", "date = 2023-05-06"));
    assert_eq!(
        edited(ZOLA, &[date("updated", "2024-02-03T04:05:06Z")]),
        replaced(ZOLA, "updated = 2024-01-01T10:00:00Z", "updated = 2024-02-03T04:05:06Z")
    );
    assert_eq!(
        edited(HUGO, &[date("date", "2021-03-05T10:00:00+01:00")]),
        replaced(HUGO, "date = 2021-03-01T09:30:00+01:00", "date = 2021-03-05T10:00:00+01:00")
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
    assert_eq!(edited(block, &[date("date", "2020-03-03")]), "date = '2020-03-03'\n");
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
    let out = edited(ZOLA, &[set("weight", json!(-12)), set("draft", json!(false))]);
    let expected = replaced(ZOLA, "weight = 5", "weight = -12");
    assert_eq!(out, replaced(&expected, "draft = true", "draft = false"));
    let out = edited(ZOLA, &[set("weight", json!(2.5))]);
    assert_eq!(out, replaced(ZOLA, "weight = 5", "weight = 2.5"));
    // A string can become a number: the key and the comment stay.
    let block = "weight = \"5\" # legacy\n";
    assert_eq!(edited(block, &[set("weight", json!(5))]), "weight = 5 # legacy\n");
}

#[test]
fn an_object_on_an_inline_table_stays_inline() {
    let block = "author = { name = \"Ann\", url = \"https://a.example\" }\n";
    assert_eq!(
        edited(block, &[set("author", json!({"name": "Bo", "url": "https://a.example", "mail": "b@x"}))]),
        "author = { name = \"Bo\", url = \"https://a.example\", mail = \"b@x\" }\n"
    );
    assert_eq!(
        edited(block, &[set("author", json!({"url": "https://a.example"}))]),
        "author = { url = \"https://a.example\" }\n"
    );
    // A value that was not a table becomes an inline table.
    assert_eq!(
        edited("author = \"Ann\"\n", &[set("author", json!({"name": "Ann", "n": 1}))]),
        "author = { name = \"Ann\", n = 1 }\n"
    );
}

#[test]
fn an_object_on_a_table_header_is_applied_key_by_key() {
    let out = edited(ZOLA, &[set("extra", json!({"subtitle": "New", "toc": true, "series": "notes"}))]);
    let expected = replaced(ZOLA, "subtitle = \"A subtitle\"", "subtitle = \"New\"");
    assert_eq!(out, format!("{expected}series = \"notes\"\n"));
    let out = edited(ZOLA, &[set("extra", json!({"toc": true}))]);
    assert_eq!(out, replaced(ZOLA, "subtitle = \"A subtitle\"\n", ""));
}

#[test]
fn an_object_for_a_missing_key_becomes_a_table_at_the_end() {
    let block = "title = \"x\"\n";
    assert_eq!(
        edited(block, &[set("extra", json!({"subtitle": "s", "links": {"a": 1}}))]),
        "title = \"x\"\n\n[extra]\nsubtitle = \"s\"\nlinks = { a = 1 }\n"
    );
    assert_eq!(
        edited(ZOLA, &[set("extra.social", json!({"github": "ann"}))]),
        format!("{ZOLA}\n[extra.social]\ngithub = \"ann\"\n")
    );
}

#[test]
fn null_removes_the_key() {
    assert_eq!(edited(ZOLA, &[set("weight", serde_json::Value::Null)]), replaced(ZOLA, "weight = 5\n", ""));
}
