//! EPUB 3 export: one article, or several as the chapters of a book, as a reflowable e-book
//! laid out from the same document tree as the other formats.
//!
//! The package: `mimetype` (stored, first), `META-INF/container.xml`, and under `EPUB/` the
//! package document, the navigation document, a cover page when there is a cover, one XHTML
//! chapter per article, one stylesheet and the embedded images. Nothing reads the clock or a
//! random source, so the same book always gives the same bytes.

mod chapter;
mod images;
mod nav;
mod package;
mod style;
mod xhtml;

use chrono::{DateTime, FixedOffset};

use crate::archive::Archive;
use crate::{ArticleContext, AuthorContext, ExportError};
use images::Images;
use package::{Contents, SpineItem};

/// A book: its metadata and its chapters in reading order.
#[derive(Debug, Clone)]
pub struct Book {
    /// The title.
    pub title: String,
    /// One-line subtitle.
    pub subtitle: Option<String>,
    /// BCP 47 language of the book (an ill-formed tag is written as `und`).
    pub language: String,
    /// Credited authors in credit order, one per slug.
    pub authors: Vec<AuthorContext>,
    /// The chapters in reading order, one per article.
    pub chapters: Vec<ArticleContext>,
    /// The cover image; only a `data:` URL is embedded (a remote one is left out).
    pub cover_image: Option<String>,
    /// The package's unique identifier, stable across exports (e.g. a `urn:uuid:`).
    pub identifier: String,
    /// Publication date.
    pub published: Option<DateTime<FixedOffset>>,
    /// Last modification, written as `dcterms:modified`.
    pub modified: DateTime<FixedOffset>,
    /// Summary.
    pub description: Option<String>,
    /// Subjects in order.
    pub tags: Vec<String>,
}

impl Book {
    /// A one-chapter book of `article`, with its metadata; the identifier is derived from its
    /// canonical URL, or its slug when it has none.
    pub fn from_article(article: &ArticleContext) -> Book {
        let seed = article.canonical_url.as_deref().unwrap_or(&article.slug);
        Book {
            title: article.title.clone(),
            subtitle: article.subtitle.clone(),
            language: article.language.clone(),
            authors: dedup_authors(article.authors.iter()),
            chapters: vec![article.clone()],
            cover_image: article.cover_image.clone(),
            identifier: package::identifier(&[seed]),
            published: article.published,
            modified: article.modified,
            description: Some(article.description.clone()).filter(|d| !d.trim().is_empty()),
            tags: article.tags.clone(),
        }
    }

    /// A book of `articles` as chapters in the order given, titled `title`: its authors are
    /// every chapter's, in order of first credit; its language is the first chapter's; it was
    /// modified when its latest chapter was, and published when its latest chapter was; its
    /// subjects are every chapter's tags; its identifier is derived from the chapters' canonical
    /// URLs (or slugs) in order. No cover, subtitle or description: set them on the result.
    pub fn from_articles(title: &str, articles: &[ArticleContext]) -> Book {
        // "book" first, so a one-article book and that article's own export differ.
        let seeds: Vec<&str> = std::iter::once("book")
            .chain(articles.iter().map(|a| a.canonical_url.as_deref().unwrap_or(&a.slug)))
            .collect();
        let mut tags: Vec<String> = Vec::new();
        for tag in articles.iter().flat_map(|a| &a.tags) {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        Book {
            title: title.to_owned(),
            subtitle: None,
            language: articles.first().map_or_else(|| "en".to_owned(), |a| a.language.clone()),
            authors: dedup_authors(articles.iter().flat_map(|a| &a.authors)),
            chapters: articles.to_vec(),
            cover_image: None,
            identifier: package::identifier(&seeds),
            published: articles.iter().filter_map(|a| a.published).max(),
            modified: articles.iter().map(|a| a.modified).max().unwrap_or_else(epoch),
            description: None,
            tags,
        }
    }
}

/// The book as an EPUB 3 file.
pub fn epub(book: &Book) -> Result<Vec<u8>, ExportError> {
    let language = package::language_tag(&book.language);
    let mut images = Images::default();
    let cover_href = book.cover_image.as_deref().and_then(|src| images.add_cover(src));

    // An empty book still needs a chapter: the spine and the table of contents may not be empty.
    let placeholder;
    let articles: &[ArticleContext] = if book.chapters.is_empty() {
        placeholder = [empty_chapter(book)];
        &placeholder
    } else {
        &book.chapters
    };
    let chapters: Vec<chapter::Chapter> = articles
        .iter()
        .enumerate()
        .map(|(index, article)| {
            let chapter_language = if article.language.trim().is_empty() {
                language.clone()
            } else {
                package::language_tag(&article.language)
            };
            chapter::chapter(article, index + 1, &chapter_language, &mut images)
        })
        .collect();

    let title = chapter::title_or_untitled(&book.title);
    let cover_page = cover_href.as_deref().map(|href| chapter::cover_page(href, &title, &language));
    let ids: Vec<String> = (1..=chapters.len()).map(|n| format!("chapter-{n}")).collect();
    let mut spine = Vec::new();
    if cover_page.is_some() {
        spine.push(SpineItem { id: "cover", href: "cover.xhtml" });
    }
    // A contents page a reader can turn to, as in a printed book.
    spine.push(SpineItem { id: "nav", href: "nav.xhtml" });
    spine.extend(chapters.iter().zip(&ids).map(|(chapter, id)| SpineItem { id, href: &chapter.href }));
    let landmarks = nav::Landmarks {
        cover: cover_page.as_ref().map(|_| "cover.xhtml"),
        start: chapters.first().map(|chapter| chapter.href.as_str()),
    };
    let nav = nav::nav_document(&title, &language, &chapters, &landmarks);
    let opf = package::package_document(book, &language, &Contents { spine, images: images.files() });

    let mut archive = Archive::new();
    archive.stored("mimetype", b"application/epub+zip")?;
    archive.deflated("META-INF/container.xml", package::container_xml().as_bytes())?;
    archive.deflated(package::PACKAGE_PATH, opf.as_bytes())?;
    archive.deflated("EPUB/nav.xhtml", nav.as_bytes())?;
    archive.deflated("EPUB/style.css", style::stylesheet().as_bytes())?;
    if let Some(cover_page) = &cover_page {
        archive.deflated("EPUB/cover.xhtml", cover_page.as_bytes())?;
    }
    for chapter in &chapters {
        archive.deflated(&format!("EPUB/{}", chapter.href), chapter.xhtml.as_bytes())?;
    }
    for image in images.files() {
        // Already compressed: deflating again costs time and saves nothing.
        archive.stored(&format!("EPUB/{}", image.href), &image.bytes)?;
    }
    archive.finish()
}

/// Authors in order of first credit, one per slug (or per name, for an author without one).
fn dedup_authors<'a>(authors: impl Iterator<Item = &'a AuthorContext>) -> Vec<AuthorContext> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for author in authors {
        let key = if author.slug.is_empty() { author.name.as_str() } else { author.slug.as_str() };
        if !seen.contains(&key) {
            seen.push(key);
            out.push(author.clone());
        }
    }
    out
}

fn empty_chapter(book: &Book) -> ArticleContext {
    ArticleContext {
        slug: String::new(),
        title: book.title.clone(),
        subtitle: book.subtitle.clone(),
        description: String::new(),
        language: book.language.clone(),
        canonical_url: None,
        cover_image: None,
        published: book.published,
        modified: book.modified,
        tags: Vec::new(),
        authors: Vec::new(),
        body_html: String::new(),
        toc: Vec::new(),
        word_count: 0,
        reading_minutes: 0,
        related: Vec::new(),
        discuss_url: None,
    }
}

fn epoch() -> DateTime<FixedOffset> {
    DateTime::UNIX_EPOCH.fixed_offset()
}

#[cfg(test)]
mod tests;
