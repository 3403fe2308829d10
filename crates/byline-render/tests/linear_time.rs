//! Pathological inputs that made parts of the pipeline quadratic: each must render (correctly)
//! in about linear time. There is no timing assertion: under quadratic code they just hang.

use byline_render::{plain_text, Renderer};

fn render(markdown: &str) -> String {
    Renderer::new().render(markdown).html
}

fn link(text: &str) -> String {
    format!("<a href=\"http://{text}\" rel=\"noopener noreferrer\">{text}</a>")
}

#[test]
fn bare_url_followed_by_many_closing_parens() {
    let parens = ")".repeat(100_000);
    let html = render(&format!("www.a.com{parens}"));
    assert!(html.contains(&format!("{}{parens}</p>", link("www.a.com"))), "{}", &html[..200]);
}

#[test]
fn bare_url_with_nested_parens() {
    let html = render(&format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(100_000)));
    let kept = format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(50_000));
    assert!(html.contains(&format!("{}{}</p>", link(&kept), ")".repeat(50_000))), "{}", &html[..200]);
}

#[test]
fn one_megabyte_bare_url() {
    let url = format!("www.example.com/{}", "ab/".repeat(350_000));
    let html = render(&url);
    assert!(html.contains(&link(&url)), "{}", &html[..200]);
}

#[test]
fn many_url_candidates_in_one_word() {
    let html = render(&"(www.".repeat(100_000));
    assert!(!html.contains("<a"), "{}", &html[..200]);
    let html = render(&format!("{}a.b)", "_www.".repeat(100_000)));
    assert_eq!(html.matches("<a ").count(), 1, "{}", &html[..200]);
}

#[test]
fn many_equal_headings() {
    let r = Renderer::new().render(&"# Same\n".repeat(50_000));
    assert_eq!(r.toc.last().map(|e| e.id.as_str()), Some("bl-same-49999"));
}

#[test]
fn many_text_pieces_and_paragraphs() {
    let html = render(&"a[".repeat(200_000));
    assert!(html.ends_with("a[</p>\n"), "{}", &html[html.len() - 50..]);
    let text = plain_text(&"word\n\n".repeat(200_000), usize::MAX);
    assert_eq!(text.matches("word").count(), 200_000);
}

#[test]
fn many_template_openers_without_closers_on_one_line() {
    let html = render(&"{{ {% {{< {{% '\"".repeat(50_000));
    assert!(!html.contains("bl-template"), "{}", &html[..200]);
}

#[test]
fn many_template_tags_with_quotes_that_pair_across_tags() {
    // From each `'`, the next `'` closes it three tags on: each tag spans three, and no scan
    // runs far past the tag it finds.
    let html = render(&"{{ ' }}{{< \" >}}".repeat(30_000));
    assert_eq!(html.matches("bl-template-tag").count(), 20_000, "{}", &html[..200]);
}

#[test]
fn many_highlight_openers_and_blocks() {
    // Openers that never close, then many small blocks: pairing and checking stay linear.
    let unclosed = "{{< highlight go >}}\n\n".repeat(20_000);
    assert_eq!(render(&unclosed).matches("bl-template-block").count(), 20_000);
    let blocks = "{% raw %}\nx\n{% endraw %}\n\n".repeat(20_000);
    let r = Renderer::new().render(&blocks);
    assert_eq!(r.html.matches("bl-template-pair").count(), 20_000);
    assert_eq!(r.stats, byline_render::text_stats(&blocks));
}
