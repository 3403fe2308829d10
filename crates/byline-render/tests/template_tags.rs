//! Site generators' template tags (Hugo shortcodes, Liquid and Tera/Zola tags) in the preview:
//! kept byte for byte, shown as tags, never turned into Markdown; one test per case guarded.
//! Typing around them (the preview's fast path) is tested in byline-preview.

use byline_render::{text_stats, RenderOptions};

fn render(markdown: &str) -> String {
    byline_render::render(markdown, &RenderOptions::default()).html
}

/// A chip as the sanitized HTML spells it (`"` needs no escape in text).
fn chip(tag: &str) -> String {
    let escaped = tag.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    format!("<code class=\"bl-template-tag\">{escaped}</code>")
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
    let rendered = byline_render::render(doc, &RenderOptions::default()).stats;
    assert_eq!(rendered, text_stats(doc));
    // Hello world, figure src="a.png" (punctuation joins words); highlight ruby puts one
    // endhighlight; raw x endraw.
    assert_eq!(rendered.words, 2 + 2 + 5 + 3);
}
