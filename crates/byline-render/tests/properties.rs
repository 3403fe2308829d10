//! Generated documents mixing Markdown syntax, HTML fragments and hostile strings: rendering
//! never panics and the sanitized output keeps every safety property.

mod common;

use byline_render::{first_heading, plain_text, text_stats, RenderOptions, Renderer};
use proptest::prelude::*;
fn renderer() -> &'static Renderer {
    Renderer::shared()
}

const PIECES: &[&str] = &[
    "# ",
    "## ",
    "===",
    "---",
    "> ",
    "- ",
    "1. ",
    "- [ ] ",
    "- [x] ",
    "* ",
    "**",
    "_",
    "~~",
    "`",
    "```",
    "```rust",
    "```js\"",
    "~~~",
    "    ",
    "|",
    "|:-:|",
    "[",
    "]",
    "(",
    ")",
    "![",
    "[^1]",
    "[^1]: ",
    "<",
    ">",
    "&",
    "&#106;",
    "&#x6A;",
    "\\",
    "\t",
    "www.",
    ".com",
    "https://",
    "mailto:",
    "@",
    "javascript:",
    "JaVaScRiPt:",
    "vbscript:",
    "data:text/html,",
    "data:image/png;base64,AA",
    "java\tscript:",
    " javascript:",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<math>",
    "<iframe src=",
    "<form name=x>",
    "<object>",
    "<embed>",
    "<style>",
    "<base href=",
    "<meta http-equiv=refresh>",
    "<a href=\"",
    "<a id=\"app\">",
    "\"",
    "'",
    " onclick=alert(1) ",
    " style=\"color:red\" ",
    "<details ontoggle=alert(1)>",
    "</details>",
    "<kbd>",
    "</kbd>",
    "<input type=text>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "é",
    "日本語",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "word",
    "Title",
    "x.png",
    "#frag",
    // Site generators' template tags, their halves, and the private-use character placeholders use.
    "{{",
    "}}",
    "{{<",
    ">}}",
    "{{%",
    "%}}",
    "{%",
    "%}",
    "{{ site.url }}",
    "{{< figure src=\"x.png\" >}}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{% highlight ruby %}",
    "{% endhighlight %}",
    "{% raw %}",
    "{% endraw %}",
    "{% note(kind=\"info\") %}",
    "{% end %}",
    "{{ \"<script>\" }}",
    "\u{e000}",
    "&#xE000;",
    "\u{e000}0\u{e000}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-zA-Z0-9 .:/#]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    let separator = proptest::sample::select(&["", "", " ", "\n", "\n\n", "\n    "][..]);
    proptest::collection::vec((piece(), separator), 0..40)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn output_is_always_safe(markdown in document()) {
        let preview = renderer().render(&markdown, &RenderOptions::default());
        let found = common::violations(&preview.html);
        prop_assert!(found.is_empty(), "{:?}\n{}\n{:?}", markdown, preview.html, found);

        let resolve = |url: &str| Some(format!("files/{url}"));
        let options = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
        let export = renderer().render(&markdown, &options);
        let found = common::violations(&export.html);
        prop_assert!(found.is_empty(), "{:?}\n{}\n{:?}", markdown, export.html, found);
        prop_assert!(!export.html.contains("data-line"));
        for entry in &preview.toc {
            prop_assert!(entry.id.starts_with("bl-"));
        }
    }

    #[test]
    fn text_helpers_never_panic(markdown in document(), max in 0usize..80) {
        let stats = text_stats(&markdown);
        prop_assert_eq!(stats.reading_minutes == 0, stats.words == 0);
        // The live title (the preview's render) is the one the library stores.
        prop_assert_eq!(first_heading(&markdown), renderer().render(&markdown, &RenderOptions::default()).title);
        let excerpt = plain_text(&markdown, max);
        prop_assert!(excerpt.chars().count() <= max, "{:?} longer than {}", excerpt, max);
    }
}
