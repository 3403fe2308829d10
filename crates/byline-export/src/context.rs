//! The typed context the templates see: articles, authors and the site around them.

use chrono::{DateTime, FixedOffset};

/// One article as the templates see it. All `*_html` fields are already sanitized HTML.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleContext {
    /// URL slug; in a site export the article lives at `articles/<slug>/`.
    pub slug: String,
    /// The title.
    pub title: String,
    /// One-line subtitle.
    pub subtitle: Option<String>,
    /// Summary for metas and feeds.
    pub description: String,
    /// BCP 47 language tag, "en" by default.
    pub language: String,
    /// The page's canonical URL.
    pub canonical_url: Option<String>,
    /// Cover image URL (absolute, relative or `data:`).
    pub cover_image: Option<String>,
    /// Publication date; `None` for unpublished drafts.
    pub published: Option<DateTime<FixedOffset>>,
    /// Last modification.
    pub modified: DateTime<FixedOffset>,
    /// Tags in the writer's order.
    pub tags: Vec<String>,
    /// Credited authors in order.
    pub authors: Vec<AuthorContext>,
    /// The rendered, sanitized body.
    pub body_html: String,
    /// Headings of the body, for the table of contents.
    pub toc: Vec<TocItem>,
    /// Words in the body.
    pub word_count: usize,
    /// Estimated reading time in minutes.
    pub reading_minutes: u32,
    /// Related articles to suggest after the body.
    pub related: Vec<RelatedArticle>,
    /// Where readers discuss the article (a forum thread, a post), shown as "Discuss this article".
    pub discuss_url: Option<String>,
}

/// An author profile as the templates see it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AuthorContext {
    /// Profile slug; in a site export the profile lives at `authors/<slug>/`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One or two sentences.
    pub short_bio: Option<String>,
    /// Long bio, rendered and sanitized.
    pub bio_html: Option<String>,
    /// Avatar URL (absolute, relative or `data:`).
    pub avatar_url: Option<String>,
    /// Personal website.
    pub website: Option<String>,
    /// Where the author lives.
    pub location: Option<String>,
    /// Job title or role.
    pub role: Option<String>,
    /// Only `Some` when the writer asked to publish it.
    pub email: Option<String>,
    /// Social profiles in display order.
    pub social: Vec<SocialLink>,
    /// The author's page in a site export (set by [`crate::Exporter::site`]).
    pub url: Option<String>,
}

impl AuthorContext {
    /// An author known by name only; the rest of the profile is empty.
    pub fn new(slug: &str, name: &str) -> AuthorContext {
        AuthorContext {
            slug: slug.to_owned(),
            name: name.to_owned(),
            short_bio: None,
            bio_html: None,
            avatar_url: None,
            website: None,
            location: None,
            role: None,
            email: None,
            social: Vec::new(),
            url: None,
        }
    }
}

/// A link to a social profile.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SocialLink {
    /// Network key: github, mastodon, bluesky, x, linkedin, …
    pub key: String,
    /// Human label, e.g. "GitHub".
    pub label: String,
    /// Profile URL.
    pub url: String,
}

/// A suggested article shown after the body.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RelatedArticle {
    /// Its title.
    pub title: String,
    /// Its subtitle.
    pub subtitle: Option<String>,
    /// Link target; in a site export, the related article's slug is rewritten to `../<slug>/`.
    pub url: String,
}

/// One heading of the table of contents.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TocItem {
    /// Heading level, 1 to 6.
    pub level: u8,
    /// The heading's `id` in `body_html`.
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

impl From<byline_render::TocEntry> for TocItem {
    fn from(entry: byline_render::TocEntry) -> Self {
        TocItem { level: entry.level, id: entry.id, text: entry.text }
    }
}

/// How a standalone page gets its CSS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stylesheet {
    /// A `<style>` element: one self-contained file.
    Inline,
    /// A `<link rel="stylesheet">` to this URL.
    Link(String),
}

/// Page-level choices for a standalone article page.
#[derive(Debug, Clone)]
pub struct PageOptions {
    /// Shown in `<meta name="generator">` and the footer, e.g. "Byline 0.1.0".
    pub generator: String,
    /// Inline or linked CSS.
    pub stylesheet: Stylesheet,
    /// Show the share prompt (plain links, no script) under the article; it needs the
    /// article's canonical URL, the address a reader would share.
    pub share: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions { generator: crate::GENERATOR.to_owned(), stylesheet: Stylesheet::Inline, share: true }
    }
}

/// Everything a static site export needs.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SiteContext {
    /// Site title.
    pub title: String,
    /// One-line site description.
    pub description: String,
    /// Absolute URL the site will be served from (with or without trailing slash), for the feed.
    pub base_url: Option<String>,
    /// BCP 47 language of the site pages.
    pub language: String,
    /// The feed's `updated` time; no "now" is ever read, so exports are reproducible.
    pub updated: DateTime<FixedOffset>,
    /// Every article to publish.
    pub articles: Vec<ArticleContext>,
    /// Author profiles (authors credited in articles get a page too).
    pub authors: Vec<AuthorContext>,
}

/// One file of a site export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Relative path with `/` separators, e.g. "articles/<slug>/index.html".
    pub path: String,
    /// The file's bytes.
    pub contents: Vec<u8>,
}
