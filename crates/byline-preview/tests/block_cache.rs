//! The block cache is invisible: after any sequence of edits, rendering with a warm cache gives
//! exactly what one sanitizer pass over the whole document gives, and unchanged blocks are
//! not sanitized again.

#[path = "../../byline-render/tests/common/mod.rs"]
mod common;

use std::sync::Arc;

use byline_preview::{Preview, PreviewCaches, PreviewOptions, Urls};
use byline_render::{RenderOptions, Renderer};
use proptest::prelude::*;

/// Blocks a writer types, including raw HTML that stays open across blocks and hostile text.
const BLOCKS: &[&str] = &[
    "# Title",
    "## Section *one*",
    "Plain paragraph with **bold** and `code`.",
    "A [link](https://example.org) and www.example.com.",
    "Footnote ref[^1].",
    "[^1]: The note <b>bold</b>.",
    "- item one\n- item two\n  - nested",
    "1. first\n2. second",
    "- [ ] todo\n- [x] done",
    "> quoted\n> > nested",
    "| a | b |\n|:-:|--:|\n| 1 | 2 |",
    "---",
    "```rust\nfn main() { println!(\"hi\"); }\n```",
    "```python\ndef f(x):\n    return 'x' # c\n```",
    "```json\n{\"a\": [1, 2, \"<b>\"]}\n```",
    "```\nplain <code> & \"quotes\"\n```",
    "    indented <i>code</i>",
    "```js\nconst a = '\u{a0}' + \"\\r\";\r\nlet b = 1;\r\n```",
    "```sh\necho \0 nul\n```",
    "```text\nno\u{a0}break ' \" & <x>\r\nnext\rline\0\n```",
    "```unknownlang\n\u{a0}<b>\n```",
    "<details open>\n<summary>More</summary>",
    "</details>",
    "<div class=\"note\">",
    "</div>",
    "<kbd>Ctrl</kbd> inline <mark>html</mark>",
    "<b>unclosed bold",
    "<table><tr><td>cell",
    "</td></tr></table>",
    "<!-- a comment -->",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<p>raw p",
    "<a href=\"javascript:alert(1)\">x</a>",
    "![img](a.png \"t\")",
    "![gone](javascript:alert(1))",
    "Term\n: definition",
    "[ref]: https://example.org \"T\"",
    "See [ref] and ![ref] and [Ref][].",
    "Text with <span title='a>b'>quoted</span> attr.",
    "<svg><circle/></svg>",
    // Site generators' template tags: inline, on lines of their own, paired across blocks by edits.
    "{{< figure src=\"/images/kiln.png\" title=\"Kiln\" >}}",
    "Text {{% notice tip %}}Some **text**{{% /notice %}} after",
    "{{< highlight go >}}\nfunc a_b() {}\n# not a heading\n{{< /highlight >}}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{% highlight ruby %}\n  x = 1\n```\n{% endhighlight %}",
    "{% raw %}{{ x }}{% endraw %} and {{ y }}",
    "{% raw %}\n{{ page.title }} _x_\n{% endraw %}",
    "{% raw %}",
    "{% endraw %}",
    "{{ youtube(id=\"abc\") }}",
    "{% note(kind=\"info\") %}\nInner *md*\n{% end %}",
    "[post]({% post_url 2019-05-01-slug %}) and ![i]({{ site.baseurl }}/a.png)",
    "A {{< x title=\"<script>alert(1)</script>\" >}} y",
    "para\n{{ tag }}\nmore",
    "```\n{{< in code >}}\n```",
    "`{{ in span }}` {{ out }}",
    "<div title=\"{{ x }}\">",
    "| a | {{ x|y }} |\n|---|---|\n| 1 | 2 |",
    "- {{ item }}\n- {% include x.html %}",
    "> {{< quote >}}\n> text",
    "\u{e000}0\u{e000} forged &#xE000;1&#xE000;",
    "[a][{{ x }}]\n\n[{{ x }}]: /u",
    "Note[^{{ n }}].\n\n[^{{ n }}]: Body.",
];

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(BLOCKS).prop_map(str::to_string),
        1 => "[a-z <>&\"'*_`\\[\\]]{1,30}",
    ]
}

/// An edit of the block list: replace, insert, delete, or change one character of a block.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, String),
    Insert(usize, String),
    Delete(usize),
    Type(usize, char),
    TypeInside(usize, usize, char),
}

/// What a writer types: mostly letters, sometimes Markdown syntax.
fn typed() -> impl Strategy<Value = char> {
    proptest::sample::select(
        &[
            'a', 'b', ' ', ' ', '*', '_', '<', '>', '\n', '`', '[', ']', '^', '#', '-', '|', '=', '!', '(', ')', ':',
            '{', '}', '%',
        ][..],
    )
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        1 => (any::<usize>(), block()).prop_map(|(i, b)| Edit::Replace(i, b)),
        1 => (any::<usize>(), block()).prop_map(|(i, b)| Edit::Insert(i, b)),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => (any::<usize>(), typed()).prop_map(|(i, c)| Edit::Type(i, c)),
        3 => (any::<usize>(), any::<usize>(), typed()).prop_map(|(i, at, c)| Edit::TypeInside(i, at, c)),
    ]
}

fn apply(blocks: &mut Vec<String>, edit: &Edit) {
    let len = blocks.len();
    match edit {
        Edit::Replace(i, b) if len > 0 => blocks[i % len] = b.clone(),
        Edit::Insert(i, b) => blocks.insert(i % (len + 1), b.clone()),
        Edit::Delete(i) if len > 0 => {
            blocks.remove(i % len);
        }
        Edit::Type(i, c) if len > 0 => blocks[i % len].push(*c),
        Edit::TypeInside(i, at, c) if len > 0 => {
            let block = &mut blocks[i % len];
            let boundaries: Vec<usize> = (0..=block.len()).filter(|&b| block.is_char_boundary(b)).collect();
            block.insert(boundaries[at % boundaries.len()], *c);
        }
        _ => {}
    }
}

/// One preview per option set over shared caches, as the app's windows share them: each keeps
/// its own last render, so each takes the fast path from one edit to the next.
struct Previews {
    preview: Preview,
    export: Preview,
    one: Preview,
    two: Preview,
}

impl Previews {
    fn new() -> Previews {
        let caches = Arc::new(PreviewCaches::default());
        let preview = || Preview::with_caches(Arc::clone(&caches));
        Previews { preview: preview(), export: preview(), one: preview(), two: preview() }
    }
}

fn assert_same(previews: &Previews, markdown: &str) -> Result<(), TestCaseError> {
    let preview = PreviewOptions::default();
    let cached = previews.preview.render_with(markdown, &preview);
    prop_assert_eq!(&cached, &whole(markdown, &RenderOptions::default()), "preview of {:?}", markdown);
    prop_assert!(common::violations(&cached.html).is_empty(), "{:?}", cached.html);

    let resolve = |url: &str| Some(format!("files/{url}"));
    let export = PreviewOptions { urls: Some(Urls { identity: "files/", resolve: &resolve }), omit_source_lines: true };
    let reference = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
    prop_assert_eq!(
        previews.export.render_with(markdown, &export),
        whole(markdown, &reference),
        "export of {:?}",
        markdown
    );

    // The preview with images: two image sets, their resolved blocks side by side in one cache.
    for (renderer, identity, prefix) in [(&previews.one, "one", "one/"), (&previews.two, "two", "two/")] {
        let resolve = move |url: &str| (url != "a.png").then(|| format!("{prefix}{url}"));
        let images = PreviewOptions { urls: Some(Urls { identity, resolve: &resolve }), omit_source_lines: false };
        let reference = RenderOptions { resolve_url: Some(&resolve), ..Default::default() };
        prop_assert_eq!(
            renderer.render_with(markdown, &images),
            whole(markdown, &reference),
            "preview of {:?} with images {}",
            markdown,
            identity
        );
    }
    Ok(())
}

/// One sanitizer pass over the whole document: the reference.
fn whole(markdown: &str, options: &RenderOptions<'_>) -> byline_render::Rendered {
    Renderer::shared().render_whole(markdown, options)
}

/// 200 cases, or `PROPTEST_CASES` for a long run (`PROPTEST_CASES=20000 cargo test --release …`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn cached_render_equals_whole_render_after_edits(
        start in proptest::collection::vec(block(), 0..12),
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let renderer = Previews::new();
        let mut blocks = start;
        assert_same(&renderer, &blocks.join("\n\n"))?;
        for edit in &edits {
            apply(&mut blocks, edit);
            assert_same(&renderer, &blocks.join("\n\n"))?;
        }
    }
}

#[test]
fn editing_one_paragraph_sanitizes_only_that_paragraph() {
    let renderer = Preview::new();
    let paragraphs: Vec<String> = (0..50).map(|i| format!("Paragraph {i} with *some* text.")).collect();
    let mut doc = paragraphs.join("\n\n");
    doc.push_str("\n\n```rust\nfn main() {}\n```\n");
    renderer.render(&doc);
    let before = renderer.block_cache_stats();
    let edited = doc.replace("Paragraph 20 with", "Paragraph 20 now with");
    let html = renderer.render(&edited).html;
    let after = renderer.block_cache_stats();
    assert_eq!(after.misses - before.misses, 1, "only the edited paragraph is sanitized again");
    assert_eq!(after.hits - before.hits, 0, "the paragraph was patched into the last render");
    assert!(html.contains("<p data-line=\"41\">Paragraph 20 now with <em>some</em> text.</p>"), "{html}");
    assert_eq!(html, whole(&edited, &RenderOptions::default()).html);

    // Enter shifts every later `data-line`: the paragraph is patched in, the later lines renumbered.
    let split = edited.replace("Paragraph 30 with", "Paragraph 30\nwith");
    let html = renderer.render(&split).html;
    let last = renderer.block_cache_stats();
    assert_eq!(last.misses - after.misses, 1, "only paragraph 30, not the 19 after it");
    assert_eq!(last.hits - after.hits, 0, "the paragraph was patched into the last render");
    assert!(html.contains("<p data-line=\"100\">Paragraph 49"), "later lines moved down: {html}");
    assert_eq!(html, whole(&split, &RenderOptions::default()).html);
}

#[test]
fn enter_before_raw_html_sanitizes_only_the_edited_and_raw_blocks() {
    // Raw HTML may carry its own `data-line`, so a new line before it takes the full render;
    // writer-only blocks are cached by lines relative to their first, so they still hit.
    let renderer = Preview::new();
    let mut paragraphs: Vec<String> = (0..50).map(|i| format!("Paragraph {i} with *some* text.")).collect();
    paragraphs.push("Raw <kbd>Ctrl</kbd> and <span data-line=\"7\">the author's own line</span>.".to_string());
    let doc = paragraphs.join("\n\n");
    renderer.render(&doc);
    let before = renderer.block_cache_stats();
    let split = doc.replace("Paragraph 30 with", "Paragraph 30\nwith");
    let html = renderer.render(&split).html;
    let after = renderer.block_cache_stats();
    assert_eq!(after.misses - before.misses, 2, "paragraph 30 and the raw one");
    assert_eq!(after.hits - before.hits, 49, "every other paragraph");
    assert!(html.contains("<p data-line=\"102\">Raw <kbd>Ctrl</kbd> and <span data-line=\"7\">"), "{html}");
    assert_eq!(html, whole(&split, &RenderOptions::default()).html);
}

#[test]
fn spec_examples_in_sequence_render_as_from_scratch() {
    // Consecutive examples are unrelated documents: every kind of "edit" between renders.
    #[derive(serde::Deserialize)]
    struct Example {
        markdown: String,
    }
    let examples: Vec<Example> =
        serde_json::from_str(include_str!("../../byline-render/tests/fixtures/commonmark-spec.json")).unwrap();
    let renderer = Preview::new();
    let mut previous = String::new();
    for example in &examples {
        // Each example alone, then appended to the previous one (edits at the end of a document).
        for doc in [example.markdown.clone(), format!("{previous}\n{}", example.markdown)] {
            let whole = whole(&doc, &RenderOptions::default());
            assert_eq!(renderer.render(&doc), whole, "{doc:?}");
        }
        previous = example.markdown.clone();
    }
}

#[test]
fn details_spanning_blocks_is_sanitized_as_one() {
    let doc = "<details open>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nAfter.\n";
    let renderer = Preview::new();
    let html = renderer.render(doc).html;
    assert!(html.contains("<p data-line=\"4\">Hidden <em>text</em>.</p>\n</details>"), "{html}");
    assert_eq!(html, whole(doc, &RenderOptions::default()).html);
}

/// Found by fuzzing (fuzz/fuzz_targets/render.rs): typing `]` turned a paragraph's first line
/// into a link reference definition, which the one-paragraph fast path took for a paragraph
/// edit, leaving the later `[bar][foo]` unlinked.
#[test]
fn typing_a_reference_definition_into_a_paragraph_relinks_later_blocks() {
    let renderer = Preview::new();
    renderer.render("[foo: /url\n2\n\n[bar][foo]\n");
    let doc = "[foo]: /url\n2\n\n[bar][foo]\n";
    let html = renderer.render(doc).html;
    assert!(html.contains("<a href=\"/url\""), "{html}");
    assert_eq!(html, whole(doc, &RenderOptions::default()).html);
}
