//! Site generators' template tags (Hugo shortcodes, Liquid and Tera/Zola tags) in the preview:
//! kept byte for byte, shown as tags, never turned into Markdown; one test per case guarded.

use byline_render::{text_stats, RenderOptions, Renderer};

fn render(markdown: &str) -> String {
    Renderer::new().render(markdown).html
}

/// A chip as the sanitized HTML spells it (`"` needs no escape in text).
fn chip(tag: &str) -> String {
    let escaped = tag.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!("<code class=\"bl-template-tag\">{escaped}</code>")
}

/// Renders `doc` after `before` on the same renderer (an edit) and checks it equals one
/// sanitizer pass over the whole document.
fn edit(renderer: &Renderer, before: &str, doc: &str) -> String {
    renderer.render(before);
    let html = renderer.render(doc).html;
    assert_eq!(html, renderer.render_whole(doc, &RenderOptions::default()).html, "{before:?} -> {doc:?}");
    html
}

#[test]
fn code_in_a_highlight_block_is_not_markdown() {
    let html =
        render("{{< highlight text >}}\n# not_a_heading\n*not em* __not strong__\n- not a list\n{{< /highlight >}}\n");
    assert!(
        !html.contains("<h1") && !html.contains("<em>") && !html.contains("<strong>") && !html.contains("<li"),
        "{html}"
    );
    assert!(html.contains("# not_a_heading\n*not em* __not strong__\n- not a list\n</code></pre>"), "{html}");
    assert!(html.starts_with("<div data-line=\"1\" class=\"bl-template-pair\">"), "{html}");
}

#[test]
fn a_highlight_block_moves_with_enter_typed_above_it() {
    // The block is one trusted unit with one `data-line`: shifted, not re-rendered wrongly.
    let renderer = Renderer::new();
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
    let renderer = Renderer::new();
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
    let renderer = Renderer::new();
    let mut doc = String::from("One {{ site.url }} two.\n\nPlain.\n");
    for c in "x {% raw %}*y*{% endraw %} {{".chars() {
        let before = doc.clone();
        doc.insert(4, c);
        edit(&renderer, &before, &doc);
    }
}

#[test]
fn a_paragraph_without_tags_keeps_the_typing_fast_path_in_a_document_with_tags() {
    let renderer = Renderer::new();
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

#[test]
fn tags_in_code_spans_and_code_blocks_stay_code() {
    let html = render("`{{< x >}}` {{ y }}\n\n```\n{{< highlight go >}}\n{% raw %}\n```\n\n    {{ indented }}\n");
    assert!(html.contains("<code>{{&lt; x &gt;}}</code> <code class=\"bl-template-tag\">{{ y }}</code>"), "{html}");
    assert!(html.contains("<code>{{&lt; highlight go &gt;}}\n{% raw %}\n</code>"), "{html}");
    assert!(html.contains("<code>{{ indented }}\n</code>"), "{html}");
    assert_eq!(html.matches("bl-template-tag").count(), 1, "{html}");
}

#[test]
fn a_tag_partly_inside_a_code_span_is_not_a_tag() {
    let html = render("a `b {{ c` }} d\n");
    assert!(!html.contains("bl-template"), "{html}");
    assert!(html.contains("<code>b {{ c</code> }} d"), "{html}");
}

#[test]
fn a_line_that_is_only_a_tag_is_a_block_of_its_own() {
    let html = render("First line\n{{< figure src=\"k.png\" >}}\n{{ x }} then text\n*Em\n{{ y }}\nem*\n");
    assert!(html.contains("<p data-line=\"1\">First line</p>"), "{html}");
    let figure = chip("{{< figure src=\"k.png\" >}}");
    assert!(html.contains(&format!("<p data-line=\"2\" class=\"bl-template-block\">{figure}</p>")), "{html}");
    // Not alone on its line, or inside emphasis: inline.
    assert!(
        html.contains(&format!(
            "<p data-line=\"3\">{} then text\n<em>Em\n{}\nem</em></p>",
            chip("{{ x }}"),
            chip("{{ y }}")
        )),
        "{html}"
    );
}

#[test]
fn a_pipe_inside_a_tag_does_not_split_a_table_cell() {
    let html = render("| a | b |\n|---|---|\n| {{ x | upcase }} | 2 |\n");
    assert!(html.contains(&format!("<td>{}</td><td>2</td>", chip("{{ x | upcase }}"))), "{html}");
}

#[test]
fn a_tag_in_a_link_destination_keeps_the_link() {
    let html = render("[post]({{< ref \"a_b.md\" >}}) and [other]({{site.url}}/x_y)\n");
    assert!(
        html.contains("<a href=\"%7B%7B%3C%20ref%20%22a_b.md%22%20%3E%7D%7D\" rel=\"noopener noreferrer\">post</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"%7B%7Bsite.url%7D%7D/x_y\" rel=\"noopener noreferrer\">other</a>"), "{html}");
}

#[test]
fn a_tag_in_a_reference_label_still_matches_its_definition() {
    let html = render("[a][{{ x }}] and a note[^{{ n }}].\n\n[{{ x }}]: /url\n\n[^{{ n }}]: The note.\n");
    assert!(html.contains("<a href=\"/url\""), "{html}");
    assert!(html.contains("class=\"footnote-ref\""), "{html}");
}

#[test]
fn private_use_characters_and_references_in_the_text_never_become_tags() {
    // Placeholders are built from a private-use character; the text may hold the same ones.
    let doc = "\u{e000}0\u{e000} &#xE001;0&#xE001; &#57346;0&#57346; {{ x }}\n";
    let html = render(doc);
    assert!(html.contains("<p data-line=\"1\">\u{e000}0\u{e000} \u{e001}0\u{e001} \u{e002}0\u{e002} "), "{html}");
    assert_eq!(html.matches("bl-template-tag").count(), 1, "{html}");
}

#[test]
fn escaped_braces_are_text() {
    let html = render("\\{{ not a tag }} and \\{% nor this %}\n");
    assert_eq!(html, "<p data-line=\"1\">{{ not a tag }} and {% nor this %}</p>\n");
}

#[test]
fn an_unclosed_highlight_leaves_the_lines_after_it_markdown() {
    let html = render("{% highlight ruby %}\n# A heading\n");
    assert!(html.contains("class=\"bl-template-block\"") && html.contains("<h1"), "{html}");
}

#[test]
fn a_fenced_snippet_inside_a_highlight_does_not_swallow_the_rest() {
    let html = render("{{< highlight md >}}\n```go\nx := 1\n{{< /highlight >}}\n\nAfter {{ tag }} *em*.\n");
    assert_eq!(html.matches("<pre").count(), 1, "{html}");
    assert!(html.contains("x := 1\n</span></span></span></code></pre>"), "{html}");
    assert!(html.contains(&format!("<p data-line=\"6\">After {} <em>em</em>.</p>", chip("{{ tag }}"))), "{html}");
}

#[test]
fn whitespace_control_dashes_still_pair_a_block() {
    let html = render("{%- highlight ruby -%}\nputs 1\n{%- endhighlight -%}\n");
    assert!(html.contains("data-lang=\"ruby\"") && html.contains(&chip("{%- endhighlight -%}")), "{html}");
}

#[test]
fn raw_keeps_its_text_verbatim_inline_and_as_a_block() {
    let html = render("a {% raw %}{{ x }} *y* <b>{% endraw %} b\n\n{% raw %}\n{{ x }} _y_\n{% endraw %}\n");
    assert!(
        html.contains(&format!("a {}{{{{ x }}}} *y* &lt;b&gt;{} b", chip("{% raw %}"), chip("{% endraw %}"))),
        "{html}"
    );
    assert!(html.contains("<pre class=\"code hl-code\"><code>{{ x }} _y_\n</code></pre>"), "{html}");
}

#[test]
fn tags_in_raw_html_are_left_to_the_html() {
    let html = render("<a href=\"{{ site.url }}\">home</a> {{ y }}\n");
    assert!(html.contains("<a href=\"{{ site.url }}\" rel=\"noopener noreferrer\">home</a>"), "{html}");
    assert!(html.contains(&chip("{{ y }}")), "{html}");
}

#[test]
fn word_counts_of_the_preview_and_text_stats_agree_on_tags() {
    let doc = "Hello {{< figure src=\"a.png\" >}} world.\n\n{% highlight ruby %}\nputs one\n{% endhighlight %}\n\n{% raw %}{{ x }}{% endraw %}\n";
    let rendered = Renderer::new().render(doc).stats;
    assert_eq!(rendered, text_stats(doc));
    // Hello world, figure src="a.png" (punctuation joins words); highlight ruby puts one
    // endhighlight; raw x endraw.
    assert_eq!(rendered.words, 2 + 2 + 5 + 3);
}
