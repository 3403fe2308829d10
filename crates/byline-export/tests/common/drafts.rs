//! The repository's sample drafts (`drafts/`) as export contexts, rendered as an export renders
//! them, with the chart embedded: the shared input of the DOCX, EPUB and PDF tests. Included
//! with `#[path]` by each test crate that needs it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use base64::Engine;
use byline_export::{ArticleContext, AuthorContext, TocItem};
use byline_render::RenderOptions;
use chrono::DateTime;

/// The repository's `drafts/` folder.
pub fn drafts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts")
}

/// `drafts/images/error-chart.png` as the `data:` URL an export embeds.
pub fn chart_url() -> String {
    let png = std::fs::read(drafts_dir().join("images/error-chart.png")).unwrap();
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(png))
}

/// Markdown rendered as an export renders it, the chart resolved to its `data:` URL.
pub fn render(markdown: &str) -> byline_render::Rendered {
    let chart = chart_url();
    let resolver = move |url: &str| (url == "images/error-chart.png").then(|| chart.clone());
    byline_render::render(
        markdown,
        &RenderOptions { omit_source_lines: true, resolve_url: Some(&resolver), ..Default::default() },
    )
}

/// The draft `file` of `drafts/` with its own front matter, credited to `authors`.
pub fn draft_article(file: &str, authors: Vec<AuthorContext>) -> ArticleContext {
    let source = std::fs::read_to_string(drafts_dir().join(file)).unwrap();
    let draft = byline_frontmatter::parse(&source).unwrap();
    let rendered = render(&draft.body);
    let front = draft.front;
    let published = front.date.unwrap_or_else(|| DateTime::parse_from_rfc3339("2026-07-21T00:00:00Z").unwrap());
    ArticleContext {
        slug: file.trim_end_matches(".md").into(),
        title: front.title.unwrap(),
        subtitle: front.subtitle,
        description: front.summary.unwrap_or_default(),
        language: "en".into(),
        canonical_url: front.canonical_url,
        cover_image: None,
        published: Some(published),
        modified: front.updated.unwrap_or(published),
        tags: front.tags,
        authors,
        body_html: rendered.html,
        toc: rendered.toc.into_iter().map(TocItem::from).collect(),
        word_count: rendered.stats.words,
        reading_minutes: rendered.stats.reading_minutes,
        related: Vec::new(),
        discuss_url: None,
    }
}
