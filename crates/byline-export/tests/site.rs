//! The static site export: which files, how they link, the feed, and reproducible bytes.
#![allow(clippy::unwrap_used)]

mod common;

use byline_export::{ExportError, Exporter, SiteFile};
use common::*;

fn files() -> Vec<SiteFile> {
    Exporter::new().site(&site()).unwrap()
}

fn text<'a>(files: &'a [SiteFile], path: &str) -> &'a str {
    let file = files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(&file.contents).unwrap()
}

#[test]
fn exports_every_page_in_path_order() {
    let paths: Vec<String> = files().into_iter().map(|f| f.path).collect();
    assert_eq!(
        paths,
        [
            "articles/borrowing/index.html",
            "articles/lifetimes-slowly/index.html",
            "articles/note/index.html",
            "atom.xml",
            "authors/ada/index.html",
            "authors/bo/index.html",
            "index.html",
            "style.css",
            "tags/c-plus-plus/index.html",
            "tags/index.html",
            "tags/rust/index.html",
            "tags/type-systems/index.html",
        ]
    );
}

#[test]
fn same_input_same_bytes() {
    assert_eq!(files(), files());
    let mut shuffled = site();
    shuffled.articles.reverse();
    shuffled.authors.reverse();
    assert_eq!(Exporter::new().site(&shuffled).unwrap(), files());
}

#[test]
fn index_lists_articles_newest_first_with_their_details() {
    let files = files();
    let index = text(&files, "index.html");
    let pos = |needle: &str| index.find(needle).unwrap_or_else(|| panic!("{needle} not in index"));
    // The unpublished note sorts by its modification date (June), after it the May and April posts.
    assert!(pos("articles/note/index.html") < pos("articles/lifetimes-slowly/index.html"));
    assert!(pos("articles/lifetimes-slowly/index.html") < pos("articles/borrowing/index.html"));
    assert!(index.contains("<p class=\"p-summary subtitle\">What the borrow checker is really asking</p>"));
    assert!(index.contains("By Ada Quill, Bo Lindqvist"));
    assert!(index.contains("<time class=\"dt-published\" datetime=\"2024-04-01T09:00:00+02:00\">April 1, 2024</time>"));
    assert!(index.contains("<link rel=\"stylesheet\" href=\"style.css\">"));
}

#[test]
fn article_pages_link_within_the_site() {
    let files = files();
    let page = text(&files, "articles/lifetimes-slowly/index.html");
    assert!(page.contains("<link rel=\"stylesheet\" href=\"../../style.css\">"));
    assert!(page.contains("<a class=\"p-category\" rel=\"tag\" href=\"../../tags/c-plus-plus/index.html\">C++</a>"));
    assert!(page.contains("<a href=\"../../authors/ada/index.html\">All articles by Ada Quill</a>"));
    assert!(page.contains("<a href=\"../../index.html\">Articles</a>"));
    // `borrowing.html` names an exported article, so it becomes a site link; the other is kept.
    assert!(page.contains("<a href=\"../borrowing/index.html\"><span class=\"related-title\">Borrowing in practice"));
    assert!(page.contains("<a href=\"traits.html\">"));
    let other = text(&files, "articles/borrowing/index.html");
    assert!(other.contains("<a href=\"../lifetimes-slowly/index.html\">"));
}

#[test]
fn tag_and_author_pages_list_their_articles() {
    let files = files();
    let rust = text(&files, "tags/rust/index.html");
    assert!(rust.contains("<h1>Tagged “Rust”</h1>"));
    assert!(
        rust.contains("../../articles/borrowing/index.html")
            && rust.contains("../../articles/lifetimes-slowly/index.html")
    );
    assert!(!rust.contains("articles/note/"));
    let tags = text(&files, "tags/index.html");
    assert!(tags.contains("<a rel=\"tag\" href=\"rust/index.html\">Rust</a> <span class=\"count\">(2)</span>"));
    let bo = text(&files, "authors/bo/index.html");
    assert!(bo.contains("<h1 class=\"author-name\">"));
    assert!(
        bo.contains("../../articles/borrowing/index.html") && bo.contains("../../articles/lifetimes-slowly/index.html")
    );
    let ada = text(&files, "authors/ada/index.html");
    assert!(!ada.contains("articles/borrowing/"));
}

/// Hand-written bodies keep renderer changes out of the feed snapshot.
#[test]
fn atom_feed_snapshot() {
    let mut context = site();
    for article in &mut context.articles {
        if article.slug != "note" {
            article.body_html = rich_article_fixed_body().body_html;
        }
    }
    let files = Exporter::new().site(&context).unwrap();
    insta::assert_snapshot!(text(&files, "atom.xml"));
}

#[test]
fn atom_feed_escapes_hostile_text() {
    let mut context = site();
    context.articles = vec![evil_article()];
    let files = Exporter::new().site(&context).unwrap();
    let feed = text(&files, "atom.xml");
    assert!(!feed.contains("<script>") && !feed.contains("]]>"));
    assert!(feed.contains(
        "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &#39;a&#39; &amp; ]]&gt;</title>"
    ));
    assert!(feed.contains(">&lt;p&gt;Just one paragraph.&lt;/p&gt;</content>"));
    let page = text(&files, "articles/evil/index.html");
    assert!(!page.contains("<script>alert"));
    let tag_page = files.iter().find(|f| f.path.starts_with("tags/script")).unwrap();
    assert!(!String::from_utf8_lossy(&tag_page.contents).contains("<script>alert"));
}

#[test]
fn bad_slugs_are_refused_not_written_outside_the_site() {
    let mut context = site();
    context.articles[0].slug = "../../etc".into();
    let err = Exporter::new().site(&context).unwrap_err();
    assert!(matches!(err, ExportError::InvalidSlug { .. }), "{err}");
    let mut context = site();
    context.articles[1].slug = context.articles[0].slug.clone();
    let err = Exporter::new().site(&context).unwrap_err();
    assert_eq!(err.to_string(), "two articles share the slug \"note\"; give one of them another slug");
}
