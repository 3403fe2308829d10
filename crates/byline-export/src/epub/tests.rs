use std::io::Read;

use super::*;

const PIXEL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn date(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn author(slug: &str, name: &str) -> AuthorContext {
    AuthorContext {
        bio_html: Some("<h2 id=\"bl-about\">About</h2><p>Bio.</p>".into()),
        ..AuthorContext::new(slug, name)
    }
}

fn article(slug: &str, authors: Vec<AuthorContext>, modified: &str) -> ArticleContext {
    ArticleContext {
        slug: slug.into(),
        title: format!("Title of {slug}"),
        subtitle: None,
        description: String::new(),
        language: "en".into(),
        canonical_url: None,
        cover_image: None,
        published: None,
        modified: date(modified),
        tags: vec!["a".into(), slug.into()],
        authors,
        body_html: format!("<h2 id=\"bl-{slug}\">Part</h2><p><a href=\"#bl-{slug}\">self</a></p>"),
        toc: Vec::new(),
        word_count: 1,
        reading_minutes: 1,
        related: Vec::new(),
        discuss_url: None,
    }
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            (file.name().unwrap().into_owned(), text)
        })
        .collect()
}

fn file<'f>(files: &'f [(String, String)], name: &str) -> &'f str {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

#[test]
fn a_book_credits_every_author_once_in_order_of_first_credit() {
    let (ada, bo, cy) = (author("ada", "Ada"), author("bo", "Bo"), author("cy", "Cy"));
    let articles = [
        article("one", vec![bo.clone(), ada.clone()], "2026-01-01T00:00:00Z"),
        article("two", vec![ada.clone(), cy.clone(), bo.clone()], "2026-03-01T00:00:00+05:00"),
        article("three", vec![], "2026-02-01T00:00:00Z"),
    ];
    let book = Book::from_articles("Collected", &articles);
    assert_eq!(book.authors.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["bo", "ada", "cy"]);
    assert_eq!(book.modified, date("2026-03-01T00:00:00+05:00"));
    assert_eq!(book.tags, ["a", "one", "two", "three"]);
    assert_eq!(book.identifier, Book::from_articles("Renamed", &articles).identifier, "the title is not the identity");
    assert_ne!(book.identifier, Book::from_article(&articles[0]).identifier);

    let files = unzip(&epub(&book).unwrap());
    let opf = file(&files, "EPUB/content.opf");
    assert!(opf.find(">Bo</dc:creator>").unwrap() < opf.find(">Ada</dc:creator>").unwrap());
    assert!(opf.contains("<meta refines=\"#creator-3\" property=\"display-seq\">3</meta>"));
    assert!(opf.contains("<meta property=\"dcterms:modified\">2026-02-28T19:00:00Z</meta>"));
    let two = file(&files, "EPUB/chapter-002.xhtml");
    assert!(two.contains("<h2 id=\"ch2-bl-two\">Part</h2>"));
    assert!(two.contains("<a href=\"#ch2-bl-two\">self</a>"));
    assert!(
        two.contains("id=\"ch2-a1-bl-about\"") && two.contains("id=\"ch2-a2-bl-about\""),
        "each bio has its own ids"
    );
    assert!(two.contains("<h4 id=\"ch2-a1-bl-about\">About</h4>"), "a bio's sections sit under its author's name");
    let nav = file(&files, "EPUB/nav.xhtml");
    assert!(nav.contains("<a href=\"chapter-003.xhtml#ch3-bl-three\">Part</a>"));
}

#[test]
fn odd_input_still_gives_a_package() {
    let mut bare = article("bare", Vec::new(), "2026-01-01T00:00:00Z");
    bare.title = "  ".into();
    bare.body_html = String::new();
    bare.language = "not a language!".into();
    bare.cover_image = Some("https://example.org/cover.png".into());
    let files = unzip(&epub(&Book::from_article(&bare)).unwrap());
    let opf = file(&files, "EPUB/content.opf");
    assert!(opf.contains("<dc:language>und</dc:language>"));
    assert!(opf.contains("<dc:title id=\"title\">Untitled</dc:title>"));
    assert!(!opf.contains("dc:creator") && !opf.contains("cover-image"), "no authors, no remote cover");
    assert!(!files.iter().any(|(name, _)| name == "EPUB/cover.xhtml"));
    assert!(!file(&files, "EPUB/chapter-001.xhtml").contains("Written by"));

    let empty = Book::from_articles("", &[]);
    let files = unzip(&epub(&empty).unwrap());
    assert!(file(&files, "EPUB/content.opf").contains("<itemref idref=\"chapter-1\"/>"), "the spine is never empty");
    assert!(file(&files, "EPUB/nav.xhtml").contains("chapter-001.xhtml#ch1-title\">Untitled</a>"));
}

#[test]
fn an_embedded_cover_gets_its_item_and_page() {
    let mut article = article("covered", vec![author("ada", "Ada")], "2026-01-01T00:00:00Z");
    article.cover_image = Some(PIXEL.into());
    article.published = Some(date("2025-12-31T23:30:00-01:00"));
    let files = unzip(&epub(&Book::from_article(&article)).unwrap());
    let opf = file(&files, "EPUB/content.opf");
    assert!(opf.contains(
        "<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"
    ));
    assert!(opf.contains("<dc:date>2026-01-01T00:30:00Z</dc:date>"));
    assert!(opf.contains("<itemref idref=\"cover\"/>\n<itemref idref=\"nav\"/>\n<itemref idref=\"chapter-1\"/>"));
    assert!(file(&files, "EPUB/cover.xhtml").contains("<img src=\"images/cover.png\" alt=\"Title of covered\"/>"));
    assert!(file(&files, "EPUB/nav.xhtml").contains("<a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a>"));
    let chapter = file(&files, "EPUB/chapter-001.xhtml");
    assert!(chapter.contains("<time datetime=\"2025-12-31\">31 December 2025</time>"), "the writer's own date");
    assert!(chapter.contains("<p class=\"byline\">By Ada</p>"));
}

#[test]
fn the_stylesheet_carries_the_light_highlighting_only() {
    let css = style::stylesheet();
    assert!(css.contains(&byline_render::theme_css(byline_render::CodeTheme::Light)));
    assert!(!css.contains("prefers-color-scheme"));
}
