//! The XSS corpus (tests/fixtures/xss.txt): every case rendered, every output checked for
//! scripts, event handlers, styles, foreign tags, dangerous URL schemes and unprefixed ids.

mod common;

use byline_render::{RenderOptions, Renderer};

const DELIMITER: &str = "~~~~~ case ~~~~~";

fn cases() -> Vec<String> {
    let corpus = include_str!("fixtures/xss.txt");
    let mut cases = vec![String::new()];
    for line in corpus.lines() {
        if line == DELIMITER {
            cases.push(String::new());
        } else if let Some(last) = cases.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    cases.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

#[test]
fn corpus_is_substantial() {
    assert!(cases().len() >= 60, "only {} cases", cases().len());
}

#[test]
fn no_case_survives_sanitization() {
    let renderer = Renderer::new();
    let resolve = |url: &str| Some(format!("assets/{url}"));
    let exported = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
    let mut failures = Vec::new();
    for case in cases() {
        for html in [renderer.render(&case, &RenderOptions::default()).html, renderer.render(&case, &exported).html] {
            let found = common::violations(&html);
            if !found.is_empty() {
                failures.push(format!("case:\n{case}\noutput:\n{html}\nviolations: {found:?}\n"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn checker_catches_what_it_should() {
    assert!(!common::violations("<a href=\"java&#x09;script:x\">x</a>").is_empty());
    assert!(!common::violations("<img src=\"x\" onerror=\"alert(1)\">").is_empty());
    assert!(!common::violations("<p style=\"color:red\">x</p>").is_empty());
    assert!(!common::violations("<svg></svg>").is_empty());
    assert!(!common::violations("<a id=\"app\">x</a>").is_empty());
    assert!(!common::violations("<a href=\"#app\">x</a>").is_empty());
    assert!(!common::violations("<img src=\"//evil.example/p.png\">").is_empty());
    assert!(!common::violations("<a href=\"/\\evil.example\">x</a>").is_empty());
    assert!(common::violations("<a href=\"#bl-x\" rel=\"noopener\">x</a><img src=\"a.png\">").is_empty());
}

#[test]
fn language_injection_stays_inert() {
    let html = Renderer::new()
        .render(
            "```\"><script>alert(1)</script>\ncode\n```\n\n```rust onmouseover=alert(1)\nfn a() {}\n```\n",
            &RenderOptions::default(),
        )
        .html;
    assert!(!html.contains("onmouseover"), "{html}");
    assert!(html.contains("data-lang=\"rust\""), "{html}");
    assert!(common::violations(&html).is_empty(), "{html}");
}

#[test]
fn id_clobbering_is_prevented() {
    let html = Renderer::new()
        .render(
            "<a id=\"app\">x</a> <form name=\"settings\"><input name=\"x\"></form> <img name=\"body\" src=\"a.png\">",
            &RenderOptions::default(),
        )
        .html;
    assert!(html.contains("id=\"bl-app\""), "{html}");
    assert!(!html.contains("name="), "{html}");
}

/// Renders `doc` in preview and export mode; both must be free of violations.
fn both_modes(doc: &str) -> Vec<String> {
    let renderer = Renderer::new();
    let resolve = |url: &str| Some(format!("assets/{url}"));
    let exported = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
    let outputs = vec![renderer.render(doc, &RenderOptions::default()).html, renderer.render(doc, &exported).html];
    for html in &outputs {
        let lower = html.to_ascii_lowercase();
        assert!(common::violations(html).is_empty(), "{doc} => {html}: {:?}", common::violations(html));
        assert!(!lower.contains("<script"), "{doc} => {html}");
        for token in common::tokenize(html) {
            if let common::Token::Start { name, attrs } = token {
                assert!(attrs.iter().all(|(a, _)| !a.starts_with("on")), "<{name} {attrs:?}> in {html}");
                assert!(name != "img" || attrs.iter().any(|(a, _)| a == "src"), "src-less img in {html}");
            }
        }
        // No tag anywhere carries an `onerror=` (it may only appear as escaped text).
        let mut rest = lower.as_str();
        while let Some(lt) = rest.find('<') {
            let end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e);
            assert!(!rest[lt..end].contains("onerror"), "{doc} => {html}");
            rest = &rest[end..];
        }
    }
    outputs
}

#[test]
fn alt_text_fallback_cannot_inject_markup() {
    let cases: &[(&str, &str)] = &[
        // pulldown-cmark reads the `<img …>` in the description as raw HTML: no alt text at all.
        ("![<img src=x onerror=alert(1)>](javascript:alert(1))", ""),
        ("![a&lt;b&gt;](javascript:x)", "a&lt;b&gt;"),
        ("![x <script>alert(1)</script> y](vbscript:x)", ""),
        ("![\"><script>alert(1)</script>](javascript:x)", "&quot;&gt;"),
        ("<img alt=\"&lt;img src=x onerror=alert(1)&gt;\" src=\"javascript:x\">", "&lt;img src=x onerror=alert(1)&gt;"),
        ("<img alt='\"><script>alert(1)</script>' src=vbscript:x>", "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img alt=\"a&amp;lt;b\" src=\"data:text/html,x\" onerror=alert(1)>", "a&amp;lt;b"),
    ];
    for (doc, escaped_alt) in cases {
        for html in both_modes(doc) {
            assert!(html.contains(escaped_alt), "{doc} => {html} lacks {escaped_alt}");
            assert!(!html.contains("<img"), "the image should have become its alt text: {doc} => {html}");
        }
    }
    let html = Renderer::new().render("![a&lt;b&gt;](javascript:x)", &RenderOptions::default()).html;
    let text: String = common::tokenize(&html)
        .into_iter()
        .filter_map(|t| match t {
            common::Token::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(text.trim(), "a<b>", "alt shown as text: {html}");
}

#[test]
fn checkbox_canonicalisation_cannot_inject_markup() {
    const CHECKED: &str = "<input type=\"checkbox\" disabled=\"\" checked=\"\">";
    const UNCHECKED: &str = "<input type=\"checkbox\" disabled=\"\">";
    let cases = [
        "<input title='a>b<script>alert(1)</script>' checked>",
        "<input title=\"><img src=x onerror=alert(1)>\">",
        "<input type=checkbox onclick=alert(1) onfocus=alert(1) autofocus checked>",
        "<input value='\"><svg onload=alert(1)>' title='\" checked=\"'>",
        "- [x] <input title='<script>alert(1)</script>'>\n- [ ] b",
        "<p><input type=\"checkbox\" disabled checked title=\"x>y\"></p>",
    ];
    for doc in cases {
        for html in both_modes(doc) {
            assert!(html.contains("<input"), "{doc} => {html}");
            let inputs_removed = html.replace(CHECKED, "").replace(UNCHECKED, "");
            assert!(!inputs_removed.contains("<input"), "non-canonical input in {doc} => {html}");
            assert!(!inputs_removed.contains("<img") && !inputs_removed.contains("<svg"), "{doc} => {html}");
        }
    }
}

/// The decoded text of every template tag chip in `html`.
fn chip_texts(html: &str) -> Vec<String> {
    let tokens = common::tokenize(html);
    let is_chip = |t: &common::Token| matches!(t, common::Token::Start { name, attrs } if name == "code" && attrs.iter().any(|(a, v)| a == "class" && v == "bl-template-tag"));
    tokens
        .windows(2)
        .filter(|w| is_chip(&w[0]))
        .filter_map(|w| match &w[1] {
            common::Token::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn template_tags_holding_markup_stay_escaped_text() {
    // (document, the tags it must show verbatim)
    let cases: &[(&str, &[&str])] = &[
        (
            r#"{{< figure src="x" title="<script>alert(1)</script>" >}}"#,
            &[r#"{{< figure src="x" title="<script>alert(1)</script>" >}}"#],
        ),
        (r#"Inline {{ "\" onerror=alert(1) x=\"" }} text"#, &[r#"{{ "\" onerror=alert(1) x=\"" }}"#]),
        (
            r#"{% include x.html content='" onerror=alert(1) "' %}"#,
            &[r#"{% include x.html content='" onerror=alert(1) "' %}"#],
        ),
        // Raw HTML wholly inside a tag is part of the tag, not HTML.
        (
            "{{<img src=x onerror=alert(1)>}} and {{<script>alert(1)</script>}}",
            &["{{<img src=x onerror=alert(1)>}}", "{{<script>alert(1)</script>}}"],
        ),
        ("{% raw %}<img src=x onerror=alert(1)>{% endraw %}", &["{% raw %}", "{% endraw %}"]),
        // A hostile language never reaches an attribute; the code is escaped.
        (
            "{{< highlight \"><script>alert(1)</script> >}}\n<img src=x onerror=alert(1)>\n{{< /highlight >}}",
            &["{{< highlight \"><script>alert(1)</script> >}}", "{{< /highlight >}}"],
        ),
        (
            "{% highlight js onmouseover=alert(1) %}\n</code></pre><script>alert(1)</script>\n{% endhighlight %}",
            &["{% highlight js onmouseover=alert(1) %}", "{% endhighlight %}"],
        ),
        ("{% raw %}\n<script>alert(1)</script>\n<style>p{}</style>\n{% endraw %}", &["{% raw %}", "{% endraw %}"]),
        // Tags in URLs are restored into the URL, which stays relative (no scheme sneaks in).
        (r#"[x]({{ "javascript:alert(1)" }}) ![y](javascript:{{ x }})"#, &[]),
        // A tag inside raw HTML is the HTML's business: sanitized as before.
        (
            r#"<a href="{{ x }}" onclick="alert(1)">raw</a> <img src="{{ y }}" onerror="alert(1)"> {{ z }}"#,
            &["{{ z }}"],
        ),
    ];
    for (doc, tags) in cases {
        for html in both_modes(doc) {
            assert_eq!(&chip_texts(&html), tags, "{doc} => {html}");
            assert!(!html.contains(" data-lang=\"\"") && !html.contains("language-\""), "{doc} => {html}");
        }
    }
}
