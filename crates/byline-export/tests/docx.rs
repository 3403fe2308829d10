//! The sample article exported as DOCX and read back by a second reader, python-docx (through
//! `tests/docx_read.py`), so the test does not only agree with the writer's own idea of OOXML.
//! Needs python3 with python-docx (`scripts/setup-test.sh` installs it); set
//! BYLINE_SKIP_DOCX_READER=1 to skip the read-back on a machine without them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use byline_export::{docx, ArticleContext, AuthorContext};
use chrono::DateTime;
use serde_json::Value;

#[path = "common/drafts.rs"]
mod drafts;

use drafts::{draft_article, render};

/// A 1×1 PNG, for Mara's avatar.
const AVATAR: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn sample_article() -> ArticleContext {
    let mara = AuthorContext {
        role: Some("Staff engineer, developer tools".into()),
        short_bio: Some("Mara builds parsers and the error messages around them.".into()),
        bio_html: Some(render("Mara has written **three** configuration languages and regrets two of them.").html),
        avatar_url: Some(AVATAR.into()),
        website: Some("https://mara.example.org/".into()),
        location: Some("Uppsala".into()),
        ..AuthorContext::new("mara-lindqvist", "Mara Lindqvist")
    };
    ArticleContext {
        modified: DateTime::parse_from_rfc3339("2026-09-20T18:00:00+02:00").unwrap(),
        ..draft_article("parser-error-messages.md", vec![mara, AuthorContext::new("tomas-okafor", "Tomás Okafor")])
    }
}

fn skip_reader() -> bool {
    std::env::var_os("BYLINE_SKIP_DOCX_READER").is_some()
}

/// What `docx_read.py` reports about the file.
fn read_back(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.docx");
    std::fs::write(&path, bytes).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx_read.py");
    let setup = "run `scripts/setup-test.sh` (it installs python-docx), or set BYLINE_SKIP_DOCX_READER=1 to skip";
    let output = match Command::new("python3").arg(&script).arg(&path).output() {
        Ok(output) => output,
        Err(err) => panic!("python3 is needed to read the DOCX back ({err}); {setup}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(3), "python-docx is not installed: {stderr}; {setup}");
    assert!(output.status.success(), "python-docx could not read the export:\n{stderr}");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn texts_in_style<'v>(report: &'v Value, style: &str) -> Vec<&'v str> {
    let paragraphs = report["paragraphs"].as_array().unwrap();
    paragraphs.iter().filter(|p| p["style"] == style).map(|p| p["text"].as_str().unwrap()).collect()
}

#[test]
fn python_docx_reads_the_sample_article_back() {
    if skip_reader() {
        eprintln!("BYLINE_SKIP_DOCX_READER is set: skipping the python-docx read-back");
        return;
    }
    let bytes = docx(&sample_article()).unwrap();
    let report = read_back(&bytes);
    let parts = report["parsed_parts"].as_array().unwrap();
    assert!(parts.iter().any(|part| part == "word/document.xml"), "document.xml parsed as XML: {parts:?}");

    assert_eq!(texts_in_style(&report, "Title"), ["What a Small Parser Taught Me About Error Messages"]);
    assert_eq!(texts_in_style(&report, "Heading 1"), Vec::<&str>::new(), "the body's # title is not repeated");
    assert_eq!(
        texts_in_style(&report, "Heading 2"),
        ["The first version", "Counting the cost", "What good messages have in common", "The result", "Written by"]
    );
    assert_eq!(texts_in_style(&report, "Heading 3"), ["Mara Lindqvist", "Tomás Okafor"]);
    let byline = texts_in_style(&report, "Byline");
    assert_eq!(byline, ["By Mara Lindqvist and Tomás Okafor · September 14, 2026 · 2 min read"]);
    let code = texts_in_style(&report, "Source Code");
    assert_eq!(code.len(), 4, "Rust, Python, SQL and bash: {code:?}");
    assert!(code[0].starts_with("fn parse_line(line: &str)"), "{}", code[0]);
    assert!(code[1].contains("\n    for err in errors:\n"), "lines and indentation kept: {}", code[1]);
    let list = texts_in_style(&report, "List Paragraph");
    assert!(list.contains(&"☒ Every error names its line"), "{list:?}");
    assert!(list.contains(&"☐ Every error suggests a fix (we are at 80%)"), "{list:?}");
    assert!(texts_in_style(&report, "Body Text").iter().any(|t| t.contains("Mara has written three")), "bio");

    let tables = report["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0][0][0], "Category");
    assert_eq!(tables[0][2][0], "Unclosed quote");
    assert_eq!(tables[0][2][1], "188");
    assert_eq!(report["table_header_rows"][0], 1);

    let footnotes = report["footnotes"].as_array().unwrap();
    assert_eq!(footnotes.len(), 2);
    assert!(footnotes[0]["text"].as_str().unwrap().starts_with("The categories were assigned by hand"));
    assert_eq!(report["footnote_references"], 2);

    let media = report["media"].as_array().unwrap();
    assert_eq!(media.len(), 2, "the chart and Mara's avatar: {media:?}");
    let chart = std::fs::read(drafts::drafts_dir().join("images/error-chart.png")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let copies_of_chart = media
        .iter()
        .filter(|name| {
            let mut entry = archive.by_name(name.as_str().unwrap()).unwrap();
            let mut contents = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut contents).unwrap();
            contents == chart
        })
        .count();
    assert_eq!(copies_of_chart, 1, "the article's one image is in word/media, once");
    assert_eq!(report["inline_shapes"], 2);
    assert_eq!(report["inline_shape_sizes"][0], serde_json::json!([80 * 9525, 64 * 9525]), "80x64 px at 96 dpi");

    let core = &report["core"];
    assert_eq!(core["title"], "What a Small Parser Taught Me About Error Messages");
    assert_eq!(core["author"], "Mara Lindqvist; Tomás Okafor");
    assert_eq!(core["keywords"], "rust, parsing, developer-experience");
    assert_eq!(core["subject"], "Pointing at the exact byte is cheap; explaining what to do next is the real work.");
    assert_eq!(core["language"], "en");
    assert_eq!(core["created"], "2026-09-14T07:30:00+00:00");
    assert_eq!(core["modified"], "2026-09-20T16:00:00+00:00");
}

#[test]
fn the_same_article_exports_to_the_same_bytes() {
    let article = sample_article();
    let first = docx(&article).unwrap();
    assert_eq!(first, docx(&article).unwrap());
    assert_eq!(&first[..2], b"PK");
}

#[test]
fn python_docx_reads_bare_and_odd_articles() {
    if skip_reader() {
        eprintln!("BYLINE_SKIP_DOCX_READER is set: skipping the python-docx read-back");
        return;
    }
    let footnote_with_table = "Note.[^t]\n\n[^t]: Numbers:\n\n    | a | b |\n    |---|---|\n    | 1 |\n";
    for markdown in ["", "## Only a heading\n", footnote_with_table, "| a |\n|---|\n\n| b |\n|---|\n"] {
        let mut article = sample_article();
        article.body_html = render(markdown).html;
        article.authors.clear();
        article.subtitle = None;
        article.tags.clear();
        article.published = None;
        let report = read_back(&docx(&article).unwrap());
        assert_eq!(texts_in_style(&report, "Title"), ["What a Small Parser Taught Me About Error Messages"]);
        assert_eq!(report["core"]["created"], "2026-09-20T16:00:00+00:00", "unpublished: created is modified");
        assert_eq!(report["core"]["keywords"], "");
    }
}
