//! Site generators' template tags in the preview while typing: the fast path and the block
//! cache render a document with tags exactly as a whole render does.

use byline_preview::Preview;
use byline_render::{RenderOptions, Renderer};

/// Renders `doc` after `before` on the same renderer (an edit) and checks it equals one
/// sanitizer pass over the whole document.
fn edit(renderer: &Preview, before: &str, doc: &str) -> String {
    renderer.render(before);
    let html = renderer.render(doc).html;
    assert_eq!(html, Renderer::shared().render_whole(doc, &RenderOptions::default()).html, "{before:?} -> {doc:?}");
    html
}

#[test]
fn a_highlight_block_moves_with_enter_typed_above_it() {
    // The block is one trusted unit with one `data-line`: shifted, not re-rendered wrongly.
    let renderer = Preview::new();
    let doc = "Intro.\n\n{% highlight ruby %}\nx = 1\n\ny = 2\n{% endhighlight %}\n\nAfter.\n";
    let html = edit(&renderer, "", doc);
    assert_eq!(html.matches("data-line=").count(), 3, "intro, block, after: {html}");
    assert!(html.contains("<div data-line=\"3\" class=\"bl-template-pair\">"), "{html}");
    let html = edit(&renderer, doc, &doc.replace("Intro.", "Intro\nsplit."));
    assert!(html.contains("<div data-line=\"4\" class=\"bl-template-pair\">"), "{html}");
    assert!(html.contains("<p data-line=\"10\">After.</p>"), "{html}");
}

#[test]
fn typing_the_closing_tag_turns_the_lines_above_into_code_and_back() {
    let renderer = Preview::new();
    let open = "Before.\n\n{{< highlight go >}}\n\nfunc a_b_c() {}\n\n";
    let closer = "{{< /highlight >}}";
    let mut previous = format!("{open}\n\nAfter.\n");
    for end in 1..=closer.len() {
        let doc = format!("{open}{}\n\nAfter.\n", &closer[..end]);
        edit(&renderer, &previous, &doc);
        previous = doc;
    }
    assert!(renderer.render(&previous).html.contains("data-lang=\"go\""));
    let html = edit(&renderer, &previous, &previous.replace(closer, "{{< /highlight"));
    assert!(html.contains("<p data-line=\"5\">func a_b_c() {}</p>"), "back to Markdown: {html}");
}

#[test]
fn typing_inside_a_paragraph_with_a_tag_renders_as_from_scratch() {
    let renderer = Preview::new();
    let mut doc = String::from("One {{ site.url }} two.\n\nPlain.\n");
    for c in "x {% raw %}*y*{% endraw %} {{".chars() {
        let before = doc.clone();
        doc.insert(4, c);
        edit(&renderer, &before, &doc);
    }
}

#[test]
fn a_paragraph_without_tags_keeps_the_typing_fast_path_in_a_document_with_tags() {
    let renderer = Preview::new();
    let doc = "{{< figure src=\"a.png\" >}}\n\nPlain *text*.\n\n{% raw %}\nx\n{% endraw %}\n\nTail {{ y }}.\n";
    renderer.render(doc);
    let before = renderer.block_cache_stats();
    let edited = doc.replace("Plain *text*", "Plain *text* now");
    let html = edit(&renderer, doc, &edited);
    // `edit` renders `doc` again first: unchanged, the last render as it is.
    let after = renderer.block_cache_stats();
    assert_eq!(after.misses - before.misses, 1, "only the edited paragraph is sanitized again");
    assert_eq!(after.hits - before.hits, 0, "the paragraph was patched into the last render");
    assert!(html.contains("<p data-line=\"3\">Plain <em>text</em> now.</p>"), "{html}");
}
