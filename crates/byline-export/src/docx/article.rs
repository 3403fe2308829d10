//! What the page shows around the body, in the same order: title, subtitle, byline and cover
//! before it; "Written by" with each author's card after it.

use super::body::{BodyWriter, Nesting};
use super::drawing;
use super::props::ParagraphProps;
use crate::doc::{Block, Document, Inline};
use crate::{ArticleContext, AuthorContext};

/// Avatars take the page's 96 pixel square.
const AVATAR_FRAME: drawing::Frame = drawing::Frame { width: 96 * 9525, height: 96 * 9525, enlarge: true };

pub(super) fn header(writer: &mut BodyWriter, article: &ArticleContext) {
    writer.paragraph(&ParagraphProps::styled("Title"), &[Inline::Text(article.title.clone())]);
    if let Some(subtitle) = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        writer.paragraph(&ParagraphProps::styled("Subtitle"), &[Inline::Text(subtitle.to_owned())]);
    }
    writer.paragraph(&ParagraphProps::styled("Byline"), &byline(article));
    // A cover Word cannot show has no alt text worth a line of its own: it is left out.
    if let Some((cover, extent)) =
        article.cover_image.as_deref().and_then(|src| drawing::placeable(src, writer.image_frame))
    {
        writer.open_paragraph(&ParagraphProps::styled("BodyText"));
        writer.picture(&cover, extent, "");
        writer.close_paragraph();
    }
}

/// "By Mara Lindqvist and Tomás Okafor · September 14, 2026 · 3 min read", names linked to
/// their websites, as on the page.
fn byline(article: &ArticleContext) -> Vec<Inline> {
    let mut line = Vec::new();
    let count = article.authors.len();
    for (at, author) in article.authors.iter().enumerate() {
        line.push(Inline::Text(
            match at {
                0 => "By ",
                _ if at + 1 == count => " and ",
                _ => ", ",
            }
            .to_owned(),
        ));
        line.push(linked_name(author));
    }
    let mut meta = Vec::new();
    if let Some(published) = article.published {
        meta.push(published.format("%B %-d, %Y").to_string());
    }
    meta.push(format!("{} min read", article.reading_minutes));
    let separator = if line.is_empty() { "" } else { " \u{B7} " };
    line.push(Inline::Text(format!("{separator}{}", meta.join(" \u{B7} "))));
    line
}

fn linked_name(author: &AuthorContext) -> Inline {
    let name = Inline::Text(author.name.clone());
    match author.website.as_deref().filter(|w| !w.is_empty()) {
        Some(website) => Inline::Link { href: website.to_owned(), content: vec![name] },
        None => name,
    }
}

/// The body without a leading `# Title` that repeats the title paragraph above it.
pub(super) fn body_blocks<'d>(article: &ArticleContext, body: &'d Document) -> &'d [Block] {
    match body.blocks.split_first() {
        Some((Block::Heading { level: 1, content, .. }, rest))
            if Inline::plain_text(content).trim() == article.title.trim() =>
        {
            rest
        }
        _ => &body.blocks,
    }
}

/// "Written by" and one card per author; `bios` are the parsed `bio_html`s, in author order.
pub(super) fn written_by(writer: &mut BodyWriter, article: &ArticleContext, bios: &[Document]) {
    if article.authors.is_empty() {
        return;
    }
    let heading = |level, text: &str| Block::Heading { level, id: None, content: vec![Inline::Text(text.to_owned())] };
    writer.block(&heading(2, "Written by"), Nesting::default());
    for (author, bio) in article.authors.iter().zip(bios) {
        if let Some((avatar, extent)) =
            author.avatar_url.as_deref().and_then(|src| drawing::placeable(src, AVATAR_FRAME))
        {
            writer.open_paragraph(&ParagraphProps { keep_next: true, ..ParagraphProps::styled("BodyText") });
            writer.picture(&avatar, extent, &author.name);
            writer.close_paragraph();
        }
        writer.block(&Block::Heading { level: 3, id: None, content: vec![linked_name(author)] }, Nesting::default());
        let role_and_place: Vec<&str> = [author.role.as_deref(), author.location.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        if !role_and_place.is_empty() {
            let role = Inline::Emphasis(vec![Inline::Text(role_and_place.join(" \u{B7} "))]);
            writer.paragraph(&ParagraphProps::styled("BodyText"), &[role]);
        }
        if let Some(short_bio) = author.short_bio.as_deref().filter(|s| !s.trim().is_empty()) {
            writer.paragraph(&ParagraphProps::styled("BodyText"), &[Inline::Text(short_bio.to_owned())]);
        }
        writer.blocks(&bio.blocks, Nesting::default());
        let links = author_links(author);
        if !links.is_empty() {
            writer.paragraph(&ParagraphProps::styled("BodyText"), &links);
        }
    }
}

/// Website, email and social profiles, as the page's card lists them.
fn author_links(author: &AuthorContext) -> Vec<Inline> {
    let link = |href: String, label: &str| Inline::Link { href, content: vec![Inline::Text(label.to_owned())] };
    let mut links = Vec::new();
    if let Some(website) = author.website.as_deref().filter(|w| !w.is_empty()) {
        links.push(link(website.to_owned(), "Website"));
    }
    if let Some(email) = author.email.as_deref().filter(|e| !e.is_empty()) {
        links.push(link(format!("mailto:{email}"), "Email"));
    }
    for social in &author.social {
        links.push(link(social.url.clone(), &social.label));
    }
    let mut line = Vec::new();
    for (at, link) in links.into_iter().enumerate() {
        if at > 0 {
            line.push(Inline::Text(" \u{B7} ".to_owned()));
        }
        line.push(link);
    }
    line
}
