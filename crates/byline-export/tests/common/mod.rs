//! Shared fixtures: a rich article with everything a page can show, a minimal one, and a site.
#![allow(dead_code, clippy::unwrap_used)]

use byline_export::{ArticleContext, AuthorContext, RelatedArticle, SiteContext, SocialLink, TocItem};
use byline_render::RenderOptions;
use chrono::{DateTime, FixedOffset};

pub const EVIL: &str = "</script><script>alert(1)</script> \"q\" 'a' & ]]>";

/// A 1×1 PNG, so the page carries an image without any network.
pub const PIXEL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

pub fn date(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Renders like `byline export --images embed`: the relative image becomes a data: URI.
fn render(md: &str) -> byline_render::Rendered {
    let embed = |url: &str| (url == "pixel.png").then(|| PIXEL.to_owned());
    byline_render::render(
        md,
        &RenderOptions { resolve_url: Some(&embed), omit_source_lines: true, ..Default::default() },
    )
}

pub fn body_markdown() -> String {
    String::from(
        r#"Lifetimes are the part of Rust people ask about most, so this note walks through them slowly.[^origin]

## Why the compiler cares

```rust
fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {
    if a.len() > b.len() { a } else { b }
}
```

## The same idea elsewhere

```python
def longest(a: str, b: str) -> str:
    return a if len(a) > len(b) else b
```

```javascript
const longest = (a, b) => (a.length > b.length ? a : b);
```

```bash
cargo test --workspace -- --nocapture
```

### A comparison

| Language | Checked at | Cost |
|----------|-----------|-----:|
| Rust     | compile   | 0    |
| Python   | never     | n/a  |

## A picture

![A single grey pixel](pixel.png)

[^origin]: The question came up at a meetup.
"#,
    )
}

pub fn ada() -> AuthorContext {
    AuthorContext {
        slug: "ada".into(),
        name: "Ada Quill".into(),
        short_bio: Some("Writes about compilers & type systems.".into()),
        bio_html: Some(
            render(
                "Ada has been writing **Rust** since 2015 and maintains a [small parser](https://example.com/parser).",
            )
            .html,
        ),
        avatar_url: Some(PIXEL.into()),
        website: Some("https://ada.example.com/".into()),
        location: Some("Lisbon".into()),
        role: Some("Staff engineer".into()),
        email: Some("ada@example.com".into()),
        social: vec![
            SocialLink { key: "github".into(), label: "GitHub".into(), url: "https://github.com/adaquill".into() },
            SocialLink { key: "mastodon".into(), label: "Mastodon".into(), url: "https://hachyderm.io/@ada".into() },
            SocialLink { key: "x".into(), label: "X".into(), url: "https://x.com/ada_quill".into() },
        ],
        url: None,
    }
}

pub fn bo() -> AuthorContext {
    AuthorContext {
        slug: "bo".into(),
        name: "Bo Lindqvist".into(),
        short_bio: Some("Editor and occasional contributor.".into()),
        bio_html: Some(render("Bo edits the newsletter.").html),
        avatar_url: Some("https://bo.example.org/avatar.jpg".into()),
        website: None,
        location: None,
        role: Some("Editor".into()),
        email: None,
        social: vec![
            SocialLink {
                key: "bluesky".into(),
                label: "Bluesky".into(),
                url: "https://bsky.app/profile/bo.example.org".into(),
            },
            SocialLink {
                key: "linkedin".into(),
                label: "LinkedIn".into(),
                url: "https://www.linkedin.com/in/bo".into(),
            },
        ],
        url: None,
    }
}

pub fn rich_article() -> ArticleContext {
    let rendered = render(&body_markdown());
    ArticleContext {
        slug: "lifetimes-slowly".into(),
        title: "Lifetimes, slowly".into(),
        subtitle: Some("What the borrow checker is really asking".into()),
        description: "A slow walk through Rust lifetimes with examples in four languages.".into(),
        language: "en-GB".into(),
        canonical_url: Some("https://blog.example.com/lifetimes-slowly/".into()),
        cover_image: Some("https://blog.example.com/cover.png".into()),
        published: Some(date("2024-05-01T10:00:00+02:00")),
        modified: date("2024-05-03T08:30:00+02:00"),
        tags: vec!["Rust".into(), "C++".into(), "type systems".into()],
        authors: vec![ada(), bo()],
        body_html: rendered.html,
        toc: rendered.toc.into_iter().map(TocItem::from).collect(),
        word_count: rendered.stats.words,
        reading_minutes: rendered.stats.reading_minutes,
        related: vec![
            RelatedArticle {
                title: "Borrowing in practice".into(),
                subtitle: Some("Three refactors".into()),
                url: "borrowing.html".into(),
            },
            RelatedArticle { title: "Traits for the impatient".into(), subtitle: None, url: "traits.html".into() },
        ],
        discuss_url: Some("https://forum.example.com/t/lifetimes?from=blog&ref=feed".into()),
    }
}

/// The rich article with a hand-written body, so snapshots do not move when the renderer changes.
pub fn rich_article_fixed_body() -> ArticleContext {
    let toc = [
        (2, "bl-why", "Why the compiler cares"),
        (2, "bl-elsewhere", "The same idea elsewhere"),
        (3, "bl-comparison", "A comparison"),
    ];
    ArticleContext {
        body_html: concat!(
            "<p>Lifetimes, slowly.<sup class=\"footnote-ref\"><a href=\"#bl-fn-1\" id=\"bl-fnref-1\">1</a></sup></p>\n",
            "<h2 id=\"bl-why\">Why the compiler cares</h2>\n<pre><code class=\"language-rust\">fn main() {}</code></pre>\n",
            "<h2 id=\"bl-elsewhere\">The same idea elsewhere</h2>\n<h3 id=\"bl-comparison\">A comparison</h3>\n",
            "<table><thead><tr><th>Language</th></tr></thead><tbody><tr><td>Rust</td></tr></tbody></table>\n",
            "<section class=\"footnotes\"><ol><li id=\"bl-fn-1\"><p>A note. <a href=\"#bl-fnref-1\">↩</a></p></li></ol></section>\n",
        )
        .into(),
        toc: toc.iter().map(|(level, id, text)| TocItem { level: *level, id: (*id).into(), text: (*text).into() }).collect(),
        word_count: 1234,
        reading_minutes: 6,
        ..rich_article()
    }
}

pub fn minimal_article() -> ArticleContext {
    ArticleContext {
        slug: "note".into(),
        title: "A short note".into(),
        subtitle: None,
        description: String::new(),
        language: "en".into(),
        canonical_url: None,
        cover_image: None,
        published: None,
        modified: date("2024-06-01T12:00:00+00:00"),
        tags: vec![],
        authors: vec![],
        body_html: "<p>Just one paragraph.</p>".into(),
        toc: vec![],
        word_count: 3,
        reading_minutes: 1,
        related: vec![],
        discuss_url: None,
    }
}

pub fn evil_article() -> ArticleContext {
    let mut evil_author = ada();
    evil_author.name = format!("Eve {EVIL}");
    evil_author.short_bio = Some(EVIL.into());
    ArticleContext {
        slug: "evil".into(),
        title: EVIL.into(),
        subtitle: Some(EVIL.into()),
        description: EVIL.into(),
        tags: vec![EVIL.into()],
        authors: vec![evil_author],
        ..minimal_article()
    }
}

pub fn site() -> SiteContext {
    let mut second = rich_article();
    second.slug = "borrowing".into();
    second.title = "Borrowing in practice".into();
    second.subtitle = Some("Three refactors".into());
    second.description = "Three refactors that make the borrow checker happy.".into();
    second.canonical_url = Some("https://blog.example.com/borrowing/".into());
    second.modified = date("2024-04-02T09:00:00+02:00");
    second.published = Some(date("2024-04-01T09:00:00+02:00"));
    second.authors = vec![bo()];
    second.tags = vec!["Rust".into()];
    second.related =
        vec![RelatedArticle { title: "Lifetimes, slowly".into(), subtitle: None, url: "lifetimes-slowly".into() }];
    SiteContext {
        title: "Field Notes".into(),
        description: "Essays on programming languages.".into(),
        base_url: Some("https://blog.example.com".into()),
        language: "en".into(),
        updated: date("2024-06-02T00:00:00+00:00"),
        articles: vec![minimal_article(), rich_article(), second],
        authors: vec![bo(), ada()],
    }
}
