//! Reading real-world front matter: aliases, formats, line endings and every way a file can be broken.
#![allow(clippy::unwrap_used)]

use byline_frontmatter::{parse, Format};

#[test]
fn a_file_without_front_matter_is_all_body() {
    let doc = parse("# Hello\n\nText.\n").unwrap();
    assert_eq!(doc.format, None);
    assert_eq!(doc.body, "# Hello\n\nText.\n");
    assert_eq!(doc.front, Default::default());
}

#[test]
fn hugo_yaml_with_aliases_is_understood() {
    let text = "---\ntitle: \"Borrowing, explained\"\ndescription: Why the checker says no\npublishDate: 2024-05-01\nlastmod: 2024-05-03 10:00\ndraft: false\ntags: [rust, ownership]\nauthor: Ada Lovelace\nimages: [/img/cover.png]\ncanonicalURL: https://example.com/borrowing/\nlocale: en-GB\ncategories: [programming]\nweight: 3\n---\n\nBody here.\n";
    let doc = parse(text).unwrap();
    let f = &doc.front;
    assert_eq!(doc.format, Some(Format::Yaml));
    assert_eq!(f.title.as_deref(), Some("Borrowing, explained"));
    assert_eq!(f.summary.as_deref(), Some("Why the checker says no"));
    assert_eq!(f.date.unwrap().to_rfc3339(), "2024-05-01T00:00:00+00:00");
    assert_eq!(f.updated.unwrap().to_rfc3339(), "2024-05-03T10:00:00+00:00");
    assert_eq!(f.draft, Some(false));
    assert_eq!(f.tags, ["rust", "ownership"]);
    assert_eq!(f.authors, ["Ada Lovelace"]);
    assert_eq!(f.image.as_deref(), Some("/img/cover.png"));
    assert_eq!(f.canonical_url.as_deref(), Some("https://example.com/borrowing/"));
    assert_eq!(f.language.as_deref(), Some("en-GB"));
    assert_eq!(f.extra.keys().collect::<Vec<_>>(), ["categories", "weight"]);
    assert_eq!(doc.body, "Body here.\n");
}

#[test]
fn zola_toml_with_taxonomies_and_extra() {
    let text = "+++\ntitle = \"Zola post\"\ndescription = \"Short\"\ndate = 2024-05-01T10:00:00+02:00\nupdated = 2024-05-02\nauthors = [\"Ada\", \"Grace\"]\n\n[taxonomies]\ntags = [\"rust\", \"web\"]\ncategories = [\"code\"]\n\n[extra]\nsubtitle = \"A subtitle\"\nmood = \"calm\"\n+++\nBody\n";
    let f = parse(text).unwrap().front;
    assert_eq!(f.title.as_deref(), Some("Zola post"));
    assert_eq!(f.date.unwrap().to_rfc3339(), "2024-05-01T10:00:00+02:00");
    assert_eq!(f.updated.unwrap().to_rfc3339(), "2024-05-02T00:00:00+00:00");
    assert_eq!(f.tags, ["rust", "web"]);
    assert_eq!(f.authors, ["Ada", "Grace"]);
    assert_eq!(f.subtitle.as_deref(), Some("A subtitle"));
    assert_eq!(f.extra["taxonomies"], serde_json::json!({"categories": ["code"]}));
    assert_eq!(f.extra["mood"], "calm");
}

#[test]
fn jekyll_dates_comma_tags_and_author_objects() {
    let text = "---\nlayout: post\ntitle: Jekyll\ndate: 2024-05-01 10:00:00 +0200\ntags: one, two ,three\nauthors:\n  - name: Ada\n  - Grace\nexcerpt: Hi\n---\nx";
    let f = parse(text).unwrap().front;
    assert_eq!(f.date.unwrap().to_rfc3339(), "2024-05-01T10:00:00+02:00");
    assert_eq!(f.tags, ["one", "two", "three"]);
    assert_eq!(f.authors, ["Ada", "Grace"]);
    assert_eq!(f.summary.as_deref(), Some("Hi"));
    assert_eq!(f.extra["layout"], "post");
}

#[test]
fn bom_crlf_and_empty_blocks_are_accepted() {
    let doc = parse("\u{feff}---\r\ntitle: Windows\r\n---\r\n\r\nBody\r\n").unwrap();
    assert_eq!(doc.front.title.as_deref(), Some("Windows"));
    assert_eq!(doc.body, "Body\r\n");
    let empty = parse("---\n---\nJust body").unwrap();
    assert_eq!(empty.front, Default::default());
    assert_eq!(empty.body, "Just body");
    assert_eq!(parse("+++\n+++\n").unwrap().format, Some(Format::Toml));
    assert_eq!(parse("---\n# only a comment\n---\n").unwrap().front, Default::default());
}

#[test]
fn scalars_are_accepted_as_text_and_nulls_as_missing() {
    let f = parse("---\ntitle: 2024\nsubtitle:\nslug: 1.0\ntags:\n---\n").unwrap().front;
    assert_eq!(f.title.as_deref(), Some("2024"));
    assert_eq!(f.subtitle, None);
    assert_eq!(f.slug.as_deref(), Some("1.0"));
    assert!(f.tags.is_empty());
}

fn err(text: &str) -> (usize, String) {
    let e = parse(text).expect_err("should be rejected");
    (e.line, e.to_string())
}

#[test]
fn unclosed_block_names_line_one_and_the_fix() {
    let (line, msg) = err("---\ntitle: x\n\nbody without end\n");
    assert_eq!(line, 1);
    assert_eq!(msg, "line 1: front matter opened on line 1 is never closed; add a `---` line after it");
    assert_eq!(err("+++\ntitle = 'x'\n").0, 1);
}

#[test]
fn yaml_syntax_errors_point_at_the_file_line() {
    // Line 4 of the file is the badly indented key.
    let (line, msg) = err("---\ntitle: x\ntags:\n  - a\n - b\n---\n");
    assert_eq!(line, 5, "{msg}");
    assert!(msg.starts_with("line 5: invalid YAML front matter"), "{msg}");
    let (line, _) = err("---\ntitle: x\nsummary: [unclosed\n---\n");
    assert!(line >= 3, "line {line}");
}

#[test]
fn tabs_for_indentation_are_rejected_with_a_line() {
    let (line, msg) = err("---\ntitle: x\ntags:\n\t- a\n---\n");
    assert_eq!(line, 4, "{msg}");
}

#[test]
fn toml_syntax_errors_point_at_the_file_line() {
    let (line, msg) = err("+++\ntitle = \"ok\"\ndate = \n+++\n");
    assert_eq!(line, 3, "{msg}");
    assert!(msg.contains("invalid TOML front matter"), "{msg}");
}

#[test]
fn a_list_is_not_front_matter() {
    let (line, msg) = err("---\n- a\n- b\n---\n");
    assert_eq!(line, 2);
    assert!(msg.contains("must be a mapping"), "{msg}");
}

#[test]
fn wrong_types_for_known_keys_name_the_key_and_its_line() {
    let (line, msg) = err("---\nslug: ok\ntitle: [1, 2]\n---\n");
    assert_eq!(
        (line, msg.as_str()),
        (3, "line 3: `title` must be text, but it is a list; write it as a single quoted string")
    );
    assert_eq!(err("---\ndraft: maybe\n---\n").0, 2);
}

// A site builds with a date Byline cannot read; losing the post over it would be worse.
#[test]
fn an_unreadable_date_is_kept_as_written_with_a_warning_on_its_line() {
    let doc = parse("---\ntitle: t\n\ndate: last tuesday\n---\n").unwrap();
    assert_eq!(doc.front.date, None);
    assert_eq!(doc.front.extra["date"], "last tuesday", "kept, so it is written back unchanged");
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].line, 4);
    assert!(
        doc.warnings[0].message.contains("`date` is not a date Byline can read: \"last tuesday\""),
        "{:?}",
        doc.warnings
    );
    assert_eq!(err("---\ndraft: maybe\n---\n").0, 2);
    assert_eq!(err("+++\n[extra]\nsubtitle = [1]\n+++\n").0, 3);
    assert_eq!(err("---\ntags: {a: 1}\n---\n").0, 2);
}

#[test]
fn garbage_never_panics() {
    let inputs: Vec<String> = vec![
        "---\n\u{0}\u{1}\u{2}\u{fffd}\n---\n".into(),
        "---\n: : :\n---\n".into(),
        "---\n&a [*a]\n---\n".into(),
        "---\n!!binary AAAA\n---\n".into(),
        "+++\n\u{0}=\n+++\n".into(),
        "---".into(),
        "+++".into(),
        "---\n---".into(),
        String::from_utf8_lossy(&(0u8..=255).collect::<Vec<_>>()).into_owned(),
        format!("---\n{}\n---\n", String::from_utf8_lossy(&(0u8..=255).rev().collect::<Vec<_>>())),
        "---\nkey: *undefined\n---\n".into(),
        "---\n? [complex, key]\n: value\n---\n".into(),
    ];
    for input in inputs {
        let _ = parse(&input);
    }
    assert!(parse("---\n\u{0}\u{1}\n---\n").is_err());
}

/// Found by fuzzing (fuzz/fuzz_targets/frontmatter.rs): YAML counts a lone `\r` as a line break,
/// so its line numbers ran past the end of the file.
#[test]
fn yaml_error_line_ignores_lone_carriage_returns() {
    let text = "---\nmerge:\n :<< { x: 1}\nnan: .nan\ndata: 1\r000-01-01\n---\n";
    let (line, msg) = err(text);
    assert!(line <= text.lines().count(), "line {line} is past the end: {msg}");
    let (line, msg) = err("---\na: 1\rb: 2\r\u{85}c: [\n---\n");
    assert_eq!(line, 3, "{msg}");
}

/// Found by the front-matter fuzz target: toml reported an error span inside a multi-byte
/// character, and finding its line sliced the text there and panicked.
#[test]
fn a_toml_error_next_to_a_multibyte_character_names_a_line_instead_of_panicking() {
    let text = "+++\ntitwle = \"\"\"\"\\\u{2328}i x\n+++\nBody.\n";
    let error = byline_frontmatter::parse(text).expect_err("the TOML is invalid");
    assert!((1..=4).contains(&error.line), "error on line {} of a 4-line file", error.line);
}

/// Found by fuzzing: a top-level `author` beside `params.author` kept the second in `params` on
/// reading, but Byline writes the first back as `authors`, and the next read lifted the params one.
#[test]
fn a_hugo_param_stays_in_params_when_the_top_level_has_the_field_under_another_name() {
    let text = "---\nauthor: Ada Writer\nparams:\n  author: {handle: ada}\n  subtitle: Kept here\n---\nBody\n";
    let front = parse(text).unwrap().front;
    assert_eq!(front.authors, ["Ada Writer"]);
    assert_eq!(front.subtitle.as_deref(), Some("Kept here"), "a field the top level lacks is lifted");
    assert_eq!(front.extra["params"], serde_json::json!({"author": {"handle": "ada"}}));
    for flavor in [byline_frontmatter::Flavor::Byline, byline_frontmatter::Flavor::Hugo] {
        let again = parse(&byline_frontmatter::write(&front, "Body\n", flavor)).unwrap().front;
        assert_eq!(
            (&again.authors, &again.subtitle, &again.extra),
            (&front.authors, &front.subtitle, &front.extra),
            "{flavor:?} output reads back the same"
        );
    }
}

#[test]
fn only_one_name_of_a_field_is_lifted_from_hugo_params() {
    let text = "---\ntitle: T\nparams:\n  authors: [Ada, Grace]\n  author: Someone Else\n---\n";
    let front = parse(text).unwrap().front;
    assert_eq!(front.authors, ["Ada", "Grace"]);
    assert_eq!(front.extra["params"], serde_json::json!({"author": "Someone Else"}));
}

/// Found by fuzzing: an empty top-level `author:` kept a `params.author` map in `params`, but
/// Byline writes no empty key back, and the next read lifted the map and failed on it.
#[test]
fn a_hugo_param_the_field_cannot_hold_stays_in_params_and_an_empty_top_level_key_is_no_value() {
    let text = "---\nauthor:\nparams:\n  author: {handle: ada}\n  subtitle: Lifted\n---\nBody\n";
    let front = parse(text).unwrap().front;
    assert!(front.authors.is_empty());
    assert_eq!(front.subtitle.as_deref(), Some("Lifted"));
    assert_eq!(front.extra["params"], serde_json::json!({"author": {"handle": "ada"}}));
    let again = parse(&byline_frontmatter::write(&front, "Body\n", byline_frontmatter::Flavor::Byline)).unwrap().front;
    assert_eq!(again, front, "Byline's output reads back the same");
    let lifted = parse("---\nauthor:\nparams:\n  author: Ada Writer\n---\n").unwrap().front;
    assert_eq!(lifted.authors, ["Ada Writer"], "an empty top-level key does not hold a param back");
}

#[test]
fn a_discuss_link_is_read_from_yaml_toml_and_hugo_params() {
    let yaml =
        parse("---\ntitle: T\ndiscuss_url: https://forum.example.com/t/1\nmood: calm\n---\nBody\n").unwrap().front;
    assert_eq!(yaml.discuss_url.as_deref(), Some("https://forum.example.com/t/1"));
    assert_eq!(yaml.extra.keys().collect::<Vec<_>>(), ["mood"], "not left among the unknown keys");
    let toml = parse("+++\ntitle = \"T\"\ndiscuss_url = \"https://forum.example.com/t/2\"\n+++\nBody\n").unwrap().front;
    assert_eq!(toml.discuss_url.as_deref(), Some("https://forum.example.com/t/2"));
    assert!(toml.extra.is_empty());
    let zola = parse("+++\ntitle = \"T\"\n\n[extra]\ndiscuss_url = \"https://forum.example.com/t/3\"\n+++\nBody\n")
        .unwrap()
        .front;
    assert_eq!(zola.discuss_url.as_deref(), Some("https://forum.example.com/t/3"));
    assert!(zola.extra.is_empty());
    let hugo =
        parse("---\ntitle: T\nparams:\n  discuss_url: https://forum.example.com/t/4\n---\nBody\n").unwrap().front;
    assert_eq!(hugo.discuss_url.as_deref(), Some("https://forum.example.com/t/4"));
    assert!(hugo.extra.is_empty());
}
