//! The XHTML pages of the book: one chapter per article (its header, body, notes and the
//! "Written by" cards) and the cover page.

use chrono::{DateTime, FixedOffset};

use super::images::Images;
use super::xhtml::{is_outside_link, Heading, Writer};
use crate::doc::{self, Block, Inline};
use crate::xml::{escape, escape_into};
use crate::{ArticleContext, AuthorContext};

/// A written chapter.
pub(super) struct Chapter {
    /// Its file, relative to the package directory.
    pub href: String,
    /// Its title, for the navigation document.
    pub title: String,
    /// The id of its title heading.
    pub title_id: String,
    /// Its body's headings in order.
    pub headings: Vec<Heading>,
    pub xhtml: String,
}

/// Writes `article` as chapter `number` (from 1); its ids start with `ch<number>-`.
pub(super) fn chapter(article: &ArticleContext, number: usize, language: &str, images: &mut Images) -> Chapter {
    let prefix = format!("ch{number}-");
    let title = title_or_untitled(&article.title);
    let title_id = format!("{prefix}title");
    let mut body = String::new();
    body.push_str(&format!("<section epub:type=\"chapter\" id=\"ch{number}\">\n<header>\n"));
    body.push_str(&format!("<h1 id=\"{title_id}\">{}</h1>\n", escape(&title)));
    if let Some(subtitle) = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        body.push_str(&format!("<p class=\"subtitle\">{}</p>\n", escape(subtitle)));
    }
    byline(&mut body, &article.authors);
    if let Some(published) = article.published {
        dateline(&mut body, published);
    }
    body.push_str("</header>\n");

    let document = doc::parse(&article.body_html);
    let (text, headings) = Writer::new(&prefix, images).document(&document, without_title(&document.blocks, &title));
    body.push_str(&text);
    written_by(&mut body, &article.authors, &prefix, images);
    body.push_str("</section>\n");

    Chapter {
        href: format!("chapter-{number:03}.xhtml"),
        title: title.clone(),
        title_id,
        headings,
        xhtml: page(&title, language, &body),
    }
}

/// The cover page: the image alone, filling the screen.
pub(super) fn cover_page(image_href: &str, title: &str, language: &str) -> String {
    let body = format!(
        "<section class=\"cover\" epub:type=\"cover\">\n<img src=\"{}\" alt=\"{}\"/>\n</section>\n",
        escape(image_href),
        escape(title)
    );
    page(title, language, &body)
}

/// An XHTML content document around `body`.
pub(super) fn page(title: &str, language: &str, body: &str) -> String {
    let language = escape(language);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         xml:lang=\"{language}\" lang=\"{language}\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>\n\
         <link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

pub(super) fn title_or_untitled(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() { "Untitled" } else { title }.to_owned()
}

/// The body without a leading level-1 heading that repeats the title: the chapter's own
/// header already shows it (drafts often open with `# Title`).
fn without_title<'b>(blocks: &'b [Block], title: &str) -> &'b [Block] {
    match blocks.split_first() {
        Some((Block::Heading { level: 1, content, .. }, rest)) if Inline::plain_text(content).trim() == title => rest,
        _ => blocks,
    }
}

/// "By A, B and C", as on the page.
fn byline(out: &mut String, authors: &[AuthorContext]) {
    let names: Vec<&str> = authors.iter().map(|a| a.name.trim()).filter(|n| !n.is_empty()).collect();
    let Some((last, rest)) = names.split_last() else { return };
    out.push_str("<p class=\"byline\">By ");
    if !rest.is_empty() {
        out.push_str(&rest.iter().map(|name| escape(name)).collect::<Vec<_>>().join(", "));
        out.push_str(" and ");
    }
    escape_into(out, last);
    out.push_str("</p>\n");
}

fn dateline(out: &mut String, published: DateTime<FixedOffset>) {
    out.push_str(&format!(
        "<p class=\"dateline\"><time datetime=\"{}\">{}</time></p>\n",
        published.format("%Y-%m-%d"),
        published.format("%-d %B %Y")
    ));
}

/// The authors' cards; each bio's ids get their own prefix, since bios are rendered with the
/// same `bl-` ids as bodies.
fn written_by(out: &mut String, authors: &[AuthorContext], prefix: &str, images: &mut Images) {
    let authors: Vec<&AuthorContext> = authors.iter().filter(|a| !a.name.trim().is_empty()).collect();
    if authors.is_empty() {
        return;
    }
    out.push_str(&format!("<section class=\"written-by\" id=\"{prefix}written-by\">\n<h2>Written by</h2>\n"));
    for (index, author) in authors.iter().enumerate() {
        let name = author.name.trim();
        out.push_str("<div class=\"author-card\">\n");
        match author.avatar_url.as_deref().and_then(|src| images.add(src)) {
            Some(href) => {
                out.push_str(&format!("<img class=\"avatar\" src=\"{}\" alt=\"{}\"/>\n", escape(&href), escape(name)))
            }
            None => {
                let initial: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
                out.push_str(&format!(
                    "<p class=\"avatar avatar-initial\" aria-hidden=\"true\">{}</p>\n",
                    escape(&initial)
                ));
            }
        }
        out.push_str("<h3 class=\"author-name\">");
        match author.website.as_deref().filter(|url| is_outside_link(url)) {
            Some(url) => out.push_str(&format!("<a href=\"{}\">{}</a>", escape(url), escape(name))),
            None => escape_into(out, name),
        }
        out.push_str("</h3>\n");
        let role: Vec<&str> = [author.role.as_deref(), author.location.as_deref()].into_iter().flatten().collect();
        if !role.is_empty() {
            out.push_str(&format!("<p class=\"author-role\">{}</p>\n", escape(&role.join(" \u{b7} "))));
        }
        if let Some(short) = author.short_bio.as_deref().filter(|s| !s.trim().is_empty()) {
            out.push_str(&format!("<p class=\"short-bio\">{}</p>\n", escape(short)));
        }
        if let Some(bio) = author.bio_html.as_deref() {
            let document = doc::parse(bio);
            let (text, _) = Writer::new(&format!("{prefix}a{}-", index + 1), images)
                .with_heading_shift(2)
                .document(&document, &document.blocks);
            if !text.is_empty() {
                out.push_str(&format!("<div class=\"bio\">\n{text}</div>\n"));
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}
