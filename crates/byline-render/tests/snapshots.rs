//! Rendered HTML of representative documents, reviewed by hand and pinned.

mod common;

use byline_render::{RenderOptions, Rendered};
use common::Token;

fn render(markdown: &str) -> Rendered {
    byline_render::render(markdown, &RenderOptions::default())
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

/// The decoded text of each element `name` with class `class`, in order.
fn texts_of(html: &str, name: &str, class: &str) -> Vec<String> {
    let tokens = common::tokenize(html);
    let mut texts = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Token::Start { name: n, attrs } = token else { continue };
        if n != name || !attrs.iter().any(|(a, v)| a == "class" && v.split(' ').any(|c| c == class)) {
            continue;
        }
        let mut text = String::new();
        for token in tokens[i + 1..].iter().take_while(|t| **t != Token::End(name.to_string())) {
            if let Token::Text(t) = token {
                text.push_str(t);
            }
        }
        texts.push(text);
    }
    texts
}

/// Every template tag chip's text: each must be the tag exactly as written.
fn chips(html: &str) -> Vec<String> {
    texts_of(html, "code", "bl-template-tag")
}

const HUGO_POST: &str = r#"# Glazing notes for {{< param "kiln_name" >}}

Our kiln runs hot, so read this first.

{{< figure src="/images/kiln_door.png" title="The *door* at cone 6" alt="kiln & door" >}}

{{% notice tip %}}Wear **gloves** when you unload{{% /notice %}}

{{% notice warning %}}
Never open the _lid_ above 200 °C.
{{% /notice %}}

Firing schedule:
{{< highlight python "linenos=table,hl_lines=2" >}}
# ramp_rate is degrees per hour
ramp_rate = 100  # __not__ bold
def fire(kiln, cone="6"):
    return kiln.heat(cone)
{{< /highlight >}}

See [the glaze recipes]({{< ref "posts/glazes.md" >}}), or write `{{< param >}}` in code.
"#;

#[test]
fn hugo_post_with_shortcodes() {
    let r = render(HUGO_POST);
    assert_eq!(
        chips(&r.html),
        [
            r#"{{< param "kiln_name" >}}"#,
            r#"{{< figure src="/images/kiln_door.png" title="The *door* at cone 6" alt="kiln & door" >}}"#,
            "{{% notice tip %}}",
            "{{% /notice %}}",
            "{{% notice warning %}}",
            "{{% /notice %}}",
            r#"{{< highlight python "linenos=table,hl_lines=2" >}}"#,
            "{{< /highlight >}}",
        ]
    );
    let code = "# ramp_rate is degrees per hour\nramp_rate = 100  # __not__ bold\ndef fire(kiln, cone=\"6\"):\n    return kiln.heat(cone)\n";
    assert_eq!(texts_of(&r.html, "pre", "code"), [code], "the highlight's lines, as written");
    assert_eq!(r.toc.len(), 1, "`# ramp_rate` is code, not a heading: {:?}", r.toc);
    assert!(r.html.contains("<strong>gloves</strong>") && r.html.contains("<em>lid</em>"), "inner Markdown renders");
    insta::assert_snapshot!(show(&r));
}

const ZOLA_POST: &str = r#"# A walk up the hill

{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}

The path starts at the car park {{ gallery(dir="hill_photos/", cols=3) }} and climbs.

{% note(kind="info", title="Bring \"water\"") %}
There is no **shop** at the top, and the cafe is shut on Mondays.
{% end %}

{% quote(author="A. Walker") %}It's *always* further than it looks.{% end %}

| Stop | Shortcode |
|------|-----------|
| Gate | {{ map(lat=51.5, lon="-0.1|0.2") }} |
"#;

#[test]
fn zola_post_with_shortcodes() {
    let r = render(ZOLA_POST);
    assert_eq!(
        chips(&r.html),
        [
            r#"{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}"#,
            r#"{{ gallery(dir="hill_photos/", cols=3) }}"#,
            r#"{% note(kind="info", title="Bring \"water\"") %}"#,
            "{% end %}",
            r#"{% quote(author="A. Walker") %}"#,
            "{% end %}",
            r#"{{ map(lat=51.5, lon="-0.1|0.2") }}"#,
        ]
    );
    assert!(r.html.contains("<td>Gate</td><td><code class=\"bl-template-tag\">"), "one cell: {}", r.html);
    assert!(r.html.contains("<em>always</em>") && r.html.contains("<strong>shop</strong>"), "inner Markdown renders");
    insta::assert_snapshot!(show(&r));
}

const JEKYLL_POST: &str = r#"## Release notes for {{ site.title }}

Posted {{ page.date | date: "%-d %B %Y" }} by {{ page.author | default: "the team" }}.

{% include note.html content="Back up your **_config.yml** first" %}

{% highlight ruby linenos %}
# Gemfile
gem "jekyll", "~> 4.3"
gem "jekyll_feed" # __keeps__ working
{% endhighlight %}

Liquid shows itself with {% raw %}{{ page.title }} and {% if x %}{% endraw %}, or as a block:

{% raw %}
{% for post in site.posts %}
  * {{ post.title }}
{% endfor %}
{% endraw %}

Read [last year's notes]({% post_url 2019-05-01-release %}) and ![the logo]({{ site.baseurl }}/assets/logo.png).
"#;

#[test]
fn jekyll_post_with_liquid_tags() {
    let r = render(JEKYLL_POST);
    assert_eq!(
        chips(&r.html),
        [
            "{{ site.title }}",
            r#"{{ page.date | date: "%-d %B %Y" }}"#,
            r#"{{ page.author | default: "the team" }}"#,
            r#"{% include note.html content="Back up your **_config.yml** first" %}"#,
            "{% highlight ruby linenos %}",
            "{% endhighlight %}",
            "{% raw %}",
            "{% endraw %}",
            "{% raw %}",
            "{% endraw %}",
        ]
    );
    let ruby = "# Gemfile\ngem \"jekyll\", \"~> 4.3\"\ngem \"jekyll_feed\" # __keeps__ working\n";
    let raw = "{% for post in site.posts %}\n  * {{ post.title }}\n{% endfor %}\n";
    assert_eq!(texts_of(&r.html, "pre", "code"), [ruby, raw]);
    assert!(r.html.contains("{{ page.title }} and {% if x %}"), "raw text inline, as written: {}", r.html);
    assert!(!r.html.contains("<li") && !r.html.contains("<strong"), "nothing in raw or highlight is Markdown");
    assert!(r.html.contains("href=\"%7B%%20post_url%202019-05-01-release%20%%7D\""), "{}", r.html);
    insta::assert_snapshot!(show(&r));
}
