//! The EPUB export end to end: the sample article alone and a three-chapter book, each checked
//! by `epubcheck` and read back from the archive.
#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;
use std::process::Command;

use byline_export::{epub, ArticleContext, AuthorContext, Book};
use byline_render::RenderOptions;

#[path = "common/drafts.rs"]
mod drafts;

use drafts::{chart_url, draft_article as article, drafts_dir};

fn author(slug: &str, name: &str, role: &str) -> AuthorContext {
    AuthorContext {
        short_bio: Some(format!("{name} writes about tools.")),
        bio_html: Some(
            byline_render::render(
                "## Elsewhere\n\nShe keeps notes[^n] on [parsers](https://example.org/parsers).\n\n[^n]: Mostly.",
                &RenderOptions { omit_source_lines: true, ..Default::default() },
            )
            .html,
        ),
        avatar_url: Some(chart_url()),
        website: Some(format!("https://{slug}.example.org/")),
        location: Some("Malmö".into()),
        role: Some(role.into()),
        ..AuthorContext::new(slug, name)
    }
}

fn mara() -> AuthorContext {
    author("mara-lindqvist", "Mara Lindqvist", "Editor")
}

fn tomas() -> AuthorContext {
    AuthorContext {
        avatar_url: Some("https://example.org/tomas.jpg".into()),
        ..author("tomas-okafor", "Tomás Okafor", "Engineer")
    }
}

fn parser_article() -> ArticleContext {
    ArticleContext { cover_image: Some(chart_url()), ..article("parser-error-messages.md", vec![mara(), tomas()]) }
}

fn book() -> Book {
    let articles =
        [parser_article(), article("atomic-saves.md", vec![tomas()]), article("writing-streaks.md", vec![mara()])];
    Book { subtitle: Some("Notes on tools".into()), ..Book::from_articles("Tooling Notes", &articles) }
}

/// Every entry of the archive, in order.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut contents = Vec::new();
            file.read_to_end(&mut contents).unwrap();
            (file.name().unwrap().into_owned(), contents)
        })
        .collect()
}

fn text<'e>(entries: &'e [(String, Vec<u8>)], name: &str) -> &'e str {
    let (_, bytes) = entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} is in the archive"));
    std::str::from_utf8(bytes).unwrap()
}

/// Runs epubcheck on `bytes`; fails when it is not installed, unless BYLINE_SKIP_EPUBCHECK is set.
fn epubcheck(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let output = match epubcheck_command().arg(&path).output() {
        Ok(output) => output,
        Err(err) if std::env::var_os("BYLINE_SKIP_EPUBCHECK").is_some() => {
            eprintln!("epubcheck not run ({err}); BYLINE_SKIP_EPUBCHECK is set");
            return;
        }
        Err(err) => panic!(
            "epubcheck cannot run ({err}): run scripts/setup-test.sh to install it, \
             or set BYLINE_SKIP_EPUBCHECK=1 to skip the check"
        ),
    };
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    println!("epubcheck {name}:\n{report}");
    let clean = report.contains("No errors or warnings detected");
    assert!(output.status.success() && clean, "epubcheck reported problems in {name}:\n{report}");
}

/// Through the project's wrapper, which knows how Debian's epubcheck has to be started.
fn epubcheck_command() -> Command {
    Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/epubcheck"))
}

#[test]
fn the_article_is_a_valid_epub_with_its_authors_headings_and_image() {
    let bytes = epub(&Book::from_article(&parser_article())).unwrap();
    let entries = entries(&bytes);
    assert_eq!(entries[0], ("mimetype".to_owned(), b"application/epub+zip".to_vec()));
    assert!(entries.iter().any(|(name, _)| name == "META-INF/container.xml"));

    let opf = text(&entries, "EPUB/content.opf");
    let mara = opf.find("<dc:creator id=\"creator-1\">Mara Lindqvist</dc:creator>").expect("Mara is credited first");
    let tomas = opf.find("<dc:creator id=\"creator-2\">Tomás Okafor</dc:creator>").expect("Tomás is credited second");
    assert!(mara < tomas);
    assert_eq!(opf.matches("<dc:creator").count(), 2);
    assert!(opf.contains("<meta property=\"dcterms:modified\">2026-09-14T07:30:00Z</meta>"), "{opf}");
    assert!(opf.contains("<dc:subject>developer-experience</dc:subject>"));
    assert!(opf.contains("properties=\"cover-image\""));

    let nav = text(&entries, "EPUB/nav.xhtml");
    for heading in ["The first version", "Counting the cost", "What good messages have in common", "The result"] {
        assert!(nav.contains(&format!(">{heading}</a>")), "the nav lists {heading:?}:\n{nav}");
    }

    let chapter = text(&entries, "EPUB/chapter-001.xhtml");
    let chart = std::fs::read(drafts_dir().join("images/error-chart.png")).unwrap();
    assert!(entries.iter().any(|(name, bytes)| name.starts_with("EPUB/images/image-") && *bytes == chart));
    assert!(chapter.contains("<figcaption>Failures per category</figcaption>"));
    assert!(chapter.contains("epub:type=\"noteref\""));
    assert!(chapter.contains("<aside epub:type=\"footnote\" id=\"ch1-bl-fn-1\">"));
    assert!(chapter.contains("<span class=\"hl-"), "code keeps its highlighting classes");
    assert!(chapter.contains("Written by"));
    assert_eq!(
        chapter.matches("What a Small Parser").count(),
        2,
        "title and <title>; the body's own # heading is dropped"
    );

    epubcheck("article.epub", &bytes);
}

#[test]
fn the_book_has_three_chapters_and_passes_epubcheck() {
    let book = book();
    assert_eq!(
        book.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Mara Lindqvist", "Tomás Okafor"],
        "authors in order of first credit, once each"
    );
    let bytes = epub(&book).unwrap();
    let entries = entries(&bytes);
    for n in 1..=3 {
        let chapter = text(&entries, &format!("EPUB/chapter-00{n}.xhtml"));
        assert!(chapter.contains(&format!("id=\"ch{n}-title\"")));
        assert!(!chapter.contains("id=\"bl-"), "every id is under its chapter's prefix");
        assert!(!chapter.contains("href=\"#bl-"), "every fragment link follows its id");
    }
    let nav = text(&entries, "EPUB/nav.xhtml");
    assert!(nav.contains("chapter-002.xhtml#ch2-title\">Atomic Saves"));
    assert!(nav.contains(">The four steps</a>"));
    assert_eq!(text(&entries, "EPUB/content.opf").matches("<dc:creator").count(), 2);
    epubcheck("book.epub", &bytes);
}

#[test]
fn the_same_book_gives_the_same_bytes() {
    let first = epub(&book()).unwrap();
    assert_eq!(first, epub(&book()).unwrap());
    let article = parser_article();
    assert_eq!(epub(&Book::from_article(&article)).unwrap(), epub(&Book::from_article(&article)).unwrap());
}

#[test]
fn odd_input_still_passes_epubcheck() {
    let odd = ArticleContext {
        title: String::new(),
        subtitle: Some("  ".into()),
        language: "English (UK)".into(),
        cover_image: Some("https://example.org/cover.png".into()),
        authors: vec![AuthorContext { name: " ".into(), ..mara() }, AuthorContext { slug: String::new(), ..tomas() }],
        tags: vec![String::new(), "<tag> & \"more\"".into()],
        body_html: "<h2 id=\"bl-a b\">Odd \u{1} id</h2><p><a href=\"#bl-a b\">x</a><a href=\"#bl-missing\">y</a>\
                    <img src=\"https://example.org/x.png\" alt=\"remote\"><img src=\"data:image/png;base64,AAAA\" alt=\"broken\">\
                    <sup class=\"footnote-ref\"><a href=\"#bl-fn-7\">7</a></sup></p><h2></h2><ul><li></li></ul><table></table>"
            .into(),
        ..article("atomic-saves.md", Vec::new())
    };
    epubcheck("odd.epub", &epub(&Book::from_article(&odd)).unwrap());
    epubcheck("empty.epub", &epub(&Book::from_articles("", &[])).unwrap());
}
