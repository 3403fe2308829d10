//! Template overrides from a folder, their errors, and the Markdown export.
#![allow(clippy::unwrap_used)]

mod common;

use byline_export::{markdown, ExportError, Exporter, Flavor, PageOptions};
use byline_frontmatter::FrontMatter;
use common::*;

#[test]
fn a_file_in_the_template_dir_overrides_the_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("partials")).unwrap();
    std::fs::write(dir.path().join("partials/author_card.html"), "<p class=\"mine\">{{ author.name }}</p>\n").unwrap();
    let exporter = Exporter::with_template_dir(dir.path()).unwrap();
    let html = exporter.article_page(&evil_article(), &PageOptions::default()).unwrap();
    assert!(html.contains("<p class=\"mine\">Eve &lt;/script&gt;"), "overrides are auto-escaped too");
    assert!(!html.contains("<section class=\"author-card"));
    assert!(html.contains("<h1 class=\"p-name\">"), "other templates stay the default ones");
}

#[test]
fn a_syntax_error_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.html"), "<h1>\n{{ article.title }}\n{% if %}\n").unwrap();
    let err = Exporter::with_template_dir(dir.path()).err().unwrap();
    match &err {
        ExportError::TemplateSyntax { name, line, .. } => {
            assert_eq!((name.as_str(), *line), ("article.html", 3))
        }
        other => panic!("unexpected {other}"),
    }
    assert!(err.to_string().starts_with("template article.html, line 3: "), "{err}");
}

#[test]
fn a_missing_template_dir_is_a_clear_error() {
    let err = Exporter::with_template_dir(std::path::Path::new("/no/such/dir")).err().unwrap();
    assert!(err.to_string().starts_with("cannot read template /no/such/dir:"), "{err}");
}

#[test]
fn markdown_export_per_flavor() {
    let front = FrontMatter {
        title: Some("Lifetimes, slowly".into()),
        summary: Some("A slow walk.".into()),
        date: Some(date("2024-05-01T10:00:00+02:00")),
        status: Some("published".into()),
        tags: vec!["rust".into()],
        authors: vec!["Ada Quill".into()],
        ..Default::default()
    };
    let body = "Body text.\n";
    assert_eq!(
        markdown(&front, body, Flavor::Hugo),
        "---\ntitle: Lifetimes, slowly\ndescription: A slow walk.\ndate: 2024-05-01T10:00:00+02:00\ndraft: false\ntags:\n- rust\nauthors:\n- Ada Quill\n---\n\nBody text.\n"
    );
    assert_eq!(
        markdown(&front, body, Flavor::Zola),
        "+++\ntitle = \"Lifetimes, slowly\"\ndescription = \"A slow walk.\"\ndate = 2024-05-01T10:00:00+02:00\ndraft = false\nauthors = [\"Ada Quill\"]\n\n[taxonomies]\ntags = [\"rust\"]\n\n[extra]\nstatus = \"published\"\n+++\n\nBody text.\n"
    );
    assert_eq!(
        markdown(&front, body, Flavor::Jekyll),
        "---\nlayout: post\ntitle: Lifetimes, slowly\ndescription: A slow walk.\ndate: 2024-05-01 10:00:00 +0200\ntags:\n- rust\nauthor: Ada Quill\n---\n\nBody text.\n"
    );
    let byline = markdown(&front, body, Flavor::Byline);
    let doc = byline_frontmatter::parse(&byline).unwrap();
    assert_eq!((doc.front, doc.body.as_str()), (front, body));
}
