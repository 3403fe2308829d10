//! Rendered HTML of representative documents, reviewed by hand and pinned.

use byline_render::{Rendered, Renderer};

fn render(markdown: &str) -> Rendered {
    Renderer::new().render(markdown)
}

fn show(r: &Rendered) -> String {
    let toc: Vec<String> = r.toc.iter().map(|e| format!("{} {} {:?}", e.level, e.id, e.text)).collect();
    format!(
        "title: {:?}\nwords: {} minutes: {}\ntoc:\n  {}\n---\n{}",
        r.title,
        r.stats.words,
        r.stats.reading_minutes,
        toc.join("\n  "),
        r.html
    )
}

#[test]
fn headings_and_toc() {
    let r = render(
        "Intro Title\n===========\n\nLead paragraph.\n\n## Getting *started*\n\n### Install `byline`\n\n## Getting started\n\n#### FAQ?\n",
    );
    insta::assert_snapshot!(show(&r));
}

#[test]
fn code_in_four_languages() {
    let r = render(concat!(
        "```rust\nfn main() {\n    println!(\"hi\");\n}\n```\n\n",
        "```python\ndef f(x):\n    return x * 2  # double\n```\n\n",
        "```js\nconst a = [1, 2].map((x) => x + 1);\n```\n\n",
        "```sh\necho \"$HOME\" | grep -c usr\n```\n\n",
        "```unknownlang\n<b>plain & escaped</b>\n```\n\n",
        "    indented code\n",
    ));
    insta::assert_snapshot!(show(&r));
}

#[test]
fn table_with_alignment() {
    let r = render("| Left | Center | Right | None |\n|:-----|:------:|------:|------|\n| a | **b** | `c` | d |\n| e | f | g | h |\n");
    insta::assert_snapshot!(show(&r));
}

#[test]
fn footnotes() {
    let r = render("Claim one[^src] and two[^2], again[^src].\n\n[^src]: The source, with *emphasis*.\n[^2]: Second note.\n\n[^unused]: Never referenced.\n");
    insta::assert_snapshot!(show(&r));
}

#[test]
fn task_list_and_nested_lists() {
    let r = render("- [x] done\n- [ ] todo\n  1. first\n  2. second\n     - deep\n\n3. three\n4. four\n");
    insta::assert_snapshot!(show(&r));
}

#[test]
fn blockquote_image_and_links() {
    let r = render("> Quoted *text*\n> > nested\n\n![A cat](img/cat.png \"Cat\")\n\nSee www.example.com, <https://example.org> and [home](/) or mail me@example.com.\n\n---\n\nHard  \nbreak ~~gone~~\n");
    insta::assert_snapshot!(show(&r));
}

#[test]
fn raw_safe_html() {
    let r = render("Press <kbd>Ctrl</kbd>+<kbd>S</kbd>, H<sub>2</sub>O, x<sup>2</sup>, <mark>hi</mark>, <abbr title=\"HyperText\">HTML</abbr>.\n\n<details open>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<figure><img src=\"a.png\" alt=\"a\"><figcaption>Cap</figcaption></figure>\n\n<dl><dt>Term</dt><dd>Def</dd></dl>\n");
    insta::assert_snapshot!(show(&r));
}
