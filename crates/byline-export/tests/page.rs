//! The standalone article page: what readers, crawlers and social cards get.
#![allow(clippy::unwrap_used)]

mod common;

use byline_export::{json_ld, Exporter, PageOptions, Stylesheet};
use common::*;

fn page(article: &byline_export::ArticleContext) -> String {
    Exporter::new()
        .article_page(
            article,
            &PageOptions { generator: "Byline 0.1.0".into(), stylesheet: Stylesheet::Inline, share: true },
        )
        .unwrap()
}

/// Linked CSS keeps the theme (tested below) out of the snapshot, which then shows the page itself.
#[test]
fn rich_page_snapshot() {
    let options =
        PageOptions { generator: "Byline 0.1.0".into(), stylesheet: Stylesheet::Link("style.css".into()), share: true };
    insta::assert_snapshot!(Exporter::new().article_page(&rich_article_fixed_body(), &options).unwrap());
}

#[test]
fn inline_page_is_self_contained_with_theme_and_code_colours() {
    let html = page(&rich_article());
    assert!(html.contains("<style>\n/* Byline default theme"));
    assert!(html.contains("@media (prefers-color-scheme: dark)"));
    assert!(html.contains("@media print"));
    assert!(html.contains(byline_render::highlight_css().lines().nth(1).unwrap()));
    assert!(!html.contains("<link rel=\"stylesheet\""));
}

#[test]
fn head_carries_the_metadata() {
    let html = page(&rich_article());
    for needle in [
        "<!DOCTYPE html>\n<html lang=\"en-GB\">",
        "<meta charset=\"utf-8\">",
        "<title>Lifetimes, slowly</title>",
        "<meta name=\"author\" content=\"Ada Quill\">",
        "<meta name=\"author\" content=\"Bo Lindqvist\">",
        "<meta name=\"keywords\" content=\"Rust, C++, type systems\">",
        "<meta name=\"generator\" content=\"Byline 0.1.0\">",
        "<link rel=\"canonical\" href=\"https://blog.example.com/lifetimes-slowly/\">",
        "content=\"default-src &#39;none&#39;; img-src data: https: http: &#39;self&#39;; style-src &#39;unsafe-inline&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;\"",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:locale\" content=\"en_GB\">",
        "<meta property=\"article:published_time\" content=\"2024-05-01T10:00:00+02:00\">",
        "<meta property=\"article:modified_time\" content=\"2024-05-03T08:30:00+02:00\">",
        "<meta property=\"article:tag\" content=\"C++\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta name=\"twitter:creator\" content=\"@ada_quill\">",
        "<script type=\"application/ld+json\">",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    assert_eq!(html.matches("property=\"article:author\"").count(), 2);
    assert!(!html.contains("<script>"), "no JavaScript on the page");
}

#[test]
fn body_carries_bylines_cards_toc_and_related() {
    let html = page(&rich_article());
    assert!(html.contains("<article class=\"h-entry\">"));
    assert!(html.contains("<h1 class=\"p-name\">Lifetimes, slowly</h1>"));
    assert!(html.contains("<p class=\"p-summary subtitle\">What the borrow checker is really asking</p>"));
    assert!(html.contains("By <a class=\"p-author h-card\" href=\"https://ada.example.com/\">Ada Quill</a> and <span class=\"p-author h-card\">Bo Lindqvist</span></p>"));
    assert!(html.contains("<time class=\"dt-published\" datetime=\"2024-05-01T10:00:00+02:00\">May 1, 2024</time>"));
    assert!(html.contains("Updated <time class=\"dt-updated\""));
    assert!(html.contains("min read</span>"));
    assert!(html.contains("<nav class=\"toc\" aria-label=\"Table of contents\">"));
    assert!(html.contains("<div class=\"e-content\">"));
    assert_eq!(html.matches("<section class=\"author-card h-card\">").count(), 2);
    assert!(html.contains("alt=\"Ada Quill\""));
    assert!(html.contains("aria-label=\"Ada Quill on GitHub\""));
    assert!(html.contains("rel=\"me noopener\""));
    assert!(html.contains("<nav class=\"related\" aria-label=\"Related articles\">"));
    assert!(html.contains("href=\"borrowing.html\"><span class=\"related-title\">Borrowing in practice</span> <span class=\"related-subtitle\">Three refactors</span>"));
    assert!(!html.contains("rel=\"tag\""), "tags are a plain list in a standalone page");
    assert!(html.contains("<footer class=\"site-footer\">"));
}

#[test]
fn minimal_page_leaves_out_what_it_does_not_have() {
    let html = page(&minimal_article());
    assert!(html.contains("<html lang=\"en\">"));
    for absent in [
        "class=\"byline\"",
        "p-summary",
        "Written by",
        "Related articles",
        "Table of contents",
        "og:image",
        "og:locale",
        "keywords",
        "canonical",
        "dt-published",
        "twitter:creator",
    ] {
        assert!(!html.contains(absent), "unexpected {absent}");
    }
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
}

#[test]
fn linked_stylesheet_is_allowed_by_the_csp() {
    let options =
        PageOptions { generator: "Byline".into(), stylesheet: Stylesheet::Link("style.css".into()), share: true };
    let html = Exporter::new().article_page(&minimal_article(), &options).unwrap();
    assert!(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"));
    assert!(html.contains("style-src &#39;unsafe-inline&#39; &#39;self&#39;;"));
    assert!(!html.contains("<style>"));
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let html = page(&evil_article());
    assert!(!html.contains("<script>alert(1)"), "raw script in page");
    assert_eq!(html.matches("</script>").count(), 1, "only the JSON-LD script closes");
    assert!(html.contains(
        "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; ]]&gt;</title>"
    ));
    assert!(html.contains("<meta name=\"description\" content=\"&lt;/script&gt;"));
    assert!(html.contains(
        "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\"q\\\" 'a' \\u0026 ]]\\u003e"
    ));
}

#[test]
fn json_ld_describes_the_post_and_its_people() {
    let text = json_ld(&rich_article());
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["@type"], "BlogPosting");
    assert_eq!(value["headline"], "Lifetimes, slowly");
    assert_eq!(value["alternativeHeadline"], "What the borrow checker is really asking");
    assert_eq!(value["datePublished"], "2024-05-01T10:00:00+02:00");
    assert_eq!(value["dateModified"], "2024-05-03T08:30:00+02:00");
    assert_eq!(value["inLanguage"], "en-GB");
    assert_eq!(value["keywords"], serde_json::json!(["Rust", "C++", "type systems"]));
    assert_eq!(value["mainEntityOfPage"]["@id"], "https://blog.example.com/lifetimes-slowly/");
    assert_eq!(value["image"], "https://blog.example.com/cover.png");
    let ada = &value["author"][0];
    assert_eq!(ada["@type"], "Person");
    assert_eq!(ada["url"], "https://ada.example.com/");
    assert_eq!(ada["jobTitle"], "Staff engineer");
    assert_eq!(ada["sameAs"][0], "https://github.com/adaquill");
    assert!(ada.get("image").is_none(), "data: avatars are not crawlable");
    assert_eq!(value["author"][1]["image"], "https://bo.example.org/avatar.jpg");
    assert!(value["wordCount"].as_u64().unwrap() > 20);
}

#[test]
fn share_prompt_links_are_escaped_script_free_and_built_from_the_canonical_url() {
    let mut article = rich_article();
    article.title = "Ampersands & \"quotes\" <tags>".into();
    let html = page(&article);
    let start = html.find("<aside class=\"share\"").expect("the share prompt is shown");
    let prompt = &html[start..start + html[start..].find("</aside>").unwrap()];
    for label in ["Email", "Bluesky", "LinkedIn", "Hacker News", "Reddit", "X"] {
        assert!(prompt.contains(&format!(">{label}</a>")), "{label} missing from {prompt}");
    }
    let canonical = article.canonical_url.clone().unwrap();
    let encoded: String = canonical
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    assert!(
        prompt.contains(&format!(
            "https://news.ycombinator.com/submitlink?u={encoded}&amp;t=Ampersands%20%26%20%22quotes%22%20%3Ctags%3E"
        )),
        "{prompt}"
    );
    assert!(!prompt.contains("<script") && !prompt.contains("onclick") && !prompt.contains("javascript:"));
    assert!(!html.contains("<script>") && !html.contains("<script src"), "the page stays script-free");
}

#[test]
fn share_prompt_is_switchable_and_needs_a_canonical_url() {
    let off = PageOptions { generator: "Byline".into(), stylesheet: Stylesheet::Inline, share: false };
    assert!(!Exporter::new().article_page(&rich_article(), &off).unwrap().contains("class=\"share\""));
    assert!(!page(&minimal_article()).contains("class=\"share\""), "nothing to share without an address");
}

#[test]
fn discuss_link_shows_where_the_draft_has_one() {
    let html = page(&rich_article());
    assert!(html.contains(
        "<p class=\"discuss\"><a href=\"https://forum.example.com/t/lifetimes?from=blog&amp;ref=feed\" rel=\"noopener noreferrer\">Discuss this article</a></p>"
    ), "{html}");
    assert!(!page(&minimal_article()).contains("Discuss this article"));
}
