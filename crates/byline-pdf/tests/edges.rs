//! Articles at the edges of what the template expects: everything optional missing, every
//! block kind nested, broken images and odd languages must still give a PDF, never an error.

use byline_export::{ArticleContext, AuthorContext};
use byline_pdf::{pdf, Paper, PdfOptions};
use chrono::DateTime;

fn bare(body_html: &str) -> ArticleContext {
    ArticleContext {
        slug: "edge".into(),
        title: String::new(),
        subtitle: None,
        description: String::new(),
        language: "not a language tag!".into(),
        canonical_url: None,
        cover_image: None,
        published: None,
        modified: DateTime::parse_from_rfc3339("2026-01-02T03:04:05-05:30").expect("date"),
        tags: Vec::new(),
        authors: Vec::new(),
        body_html: body_html.into(),
        toc: Vec::new(),
        word_count: 0,
        reading_minutes: 0,
        related: Vec::new(),
        discuss_url: None,
    }
}

fn exports(article: &ArticleContext) -> Vec<u8> {
    match pdf(article, &PdfOptions { paper: Paper::Letter }) {
        Ok(bytes) => {
            assert!(bytes.starts_with(b"%PDF-"));
            bytes
        }
        Err(err) => panic!("{err}"),
    }
}

#[test]
fn an_empty_article_exports() {
    exports(&bare(""));
}

#[test]
fn every_block_kind_nested_exports() {
    let html = r##"
<h2 id="bl-a">A <em>heading</em> with <code>code</code></h2>
<p>Text with a <a href="#bl-a">link to the heading</a>, a <a href="#bl-missing">dead fragment</a>,
<a href="https://example.org/?q=a&amp;b=&quot;c&quot;">a URL</a>, <mark>marked</mark>, <del>struck</del>,
<ins>inserted</ins>, H<sub>2</sub>O, x<sup>2</sup>, a break<br>and <kbd>Ctrl</kbd>.</p>
<blockquote><blockquote><p>Nested quote</p><ul><li>in a list</li></ul></blockquote></blockquote>
<ol start="7"><li><p>Loose item</p><p>second paragraph</p></li><li>Tight item<ul><li>nested</li></ul></li></ol>
<ul><li><input type="checkbox" disabled> todo</li><li>not a task</li></ul>
<table><thead><tr><th>only one header</th></tr></thead><tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>
<table><tbody></tbody></table>
<hr>
<p><img src="data:image/png;base64,bm90IGEgcG5n" alt="broken image"> <img src="https://example.org/a.png" alt="remote"></p>
<pre><code>	tab
  spaces   kept
</code></pre>
<p>A note<sup class="footnote-ref"><a href="#bl-fn-1" id="bl-fnref-1">1</a></sup> twice<sup class="footnote-ref"><a href="#bl-fn-1">1</a></sup>.</p>
<section class="footnotes"><ol><li id="bl-fn-1"><p>The note.</p><p>Its second paragraph.</p></li></ol></section>
"##;
    let mut article = bare(html);
    article.language = "pt_BR".into();
    article.authors = vec![AuthorContext {
        slug: "x".into(),
        name: "\\ \" ] #x".into(),
        short_bio: None,
        // Ids numbered like the body's: the labels must not clash.
        bio_html: Some(
            "<h2 id=\"bl-a\">About</h2><p>A <strong>long</strong> bio<sup class=\"footnote-ref\"><a href=\"#bl-fn-1\">1</a></sup> \
             <a href=\"#bl-a\">up</a>.</p><section class=\"footnotes\"><ol><li id=\"bl-fn-1\"><p>Bio note.</p></li></ol></section>"
                .into(),
        ),
        avatar_url: Some("data:image/png;base64,AAAA".into()),
        website: Some("javascript:alert(1)".into()),
        location: None,
        role: Some(String::new()),
        email: None,
        social: Vec::new(),
        url: None,
    }];
    exports(&article);
}
