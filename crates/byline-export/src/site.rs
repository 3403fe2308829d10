//! The static site export: article, tag and author pages, the index, the Atom feed and the CSS.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use minijinja::context;
use serde::Serialize;

use crate::page::{PageMeta, SiteNav};
use crate::{
    slug, ArticleContext, AuthorContext, ExportError, Exporter, PageOptions, SiteContext, SiteFile, Stylesheet,
    GENERATOR,
};

/// A line in an article list (index, tag and author pages).
#[derive(Serialize)]
struct ListEntry<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    url: String,
    published: Option<DateTime<FixedOffset>>,
    authors: Vec<&'a str>,
    reading_minutes: u32,
}

#[derive(Serialize)]
struct TagSummary<'a> {
    name: &'a str,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    id: String,
    title: &'a str,
    url: String,
    published: Option<DateTime<FixedOffset>>,
    updated: DateTime<FixedOffset>,
    authors: Vec<&'a str>,
    tags: &'a [String],
    summary: &'a str,
    content_html: &'a str,
}

/// Pages two folders deep (`articles/<slug>/index.html`) reach the root through this.
const DEEP: &str = "../../";

pub(crate) fn build(exporter: &Exporter, site: &SiteContext) -> Result<Vec<SiteFile>, ExportError> {
    let articles = sorted_articles(site)?;
    let authors = author_directory(site)?;
    let tag_slugs = slug::tag_slugs(articles.iter().flat_map(|a| a.tags.iter().map(String::as_str)));
    let css = exporter.stylesheet()?;
    let linked = Stylesheet::Link(format!("{DEEP}style.css"));
    let article_options = PageOptions { generator: GENERATOR.to_owned(), stylesheet: linked.clone(), share: true };
    let deep_nav = nav(site, DEEP);
    let slugs: BTreeSet<&str> = articles.iter().map(|a| a.slug.as_str()).collect();

    let mut files = Vec::new();
    let mut add = |path: String, text: String| files.push(SiteFile { path, contents: text.into_bytes() });

    for article in &articles {
        let page_article = localize(article, &authors, &slugs);
        let tag_url = |t: &str| tag_slugs.get(t).map(|s| format!("{DEEP}tags/{s}/index.html"));
        let page = PageMeta::article(&page_article, &article_options, &css, &tag_url);
        add(
            format!("articles/{}/index.html", article.slug),
            exporter.article_with(&page_article, page, Some(&deep_nav))?,
        );
    }

    let deep_page = PageMeta::plain(GENERATOR, &linked, &css);
    for (name, tag_slug) in &tag_slugs {
        let tagged: Vec<&ArticleContext> = articles.iter().filter(|a| a.tags.contains(name)).collect();
        let entries = list(&tagged, DEEP);
        let tag = context! { name, slug => tag_slug };
        let html = exporter.render(
            "site/tag.html",
            context! { lang => &site.language, site => &deep_nav, page => &deep_page, tag, entries },
        )?;
        add(format!("tags/{tag_slug}/index.html"), html);
    }
    let tags: Vec<TagSummary> = tag_slugs
        .iter()
        .map(|(name, s)| TagSummary {
            name,
            url: format!("{s}/index.html"),
            count: articles.iter().filter(|a| a.tags.contains(name)).count(),
        })
        .collect();
    let tags_page = PageMeta::plain(GENERATOR, &Stylesheet::Link("../style.css".to_owned()), &css);
    let html = exporter.render(
        "site/tags.html",
        context! { lang => &site.language, site => nav(site, "../"), page => tags_page, tags },
    )?;
    add("tags/index.html".to_owned(), html);

    for author in authors.values() {
        let theirs: Vec<&ArticleContext> =
            articles.iter().filter(|a| a.authors.iter().any(|x| x.slug == author.slug)).collect();
        let entries = list(&theirs, DEEP);
        let author = AuthorContext { url: None, ..author.clone() };
        let html = exporter.render(
            "site/author.html",
            context! { lang => &site.language, site => &deep_nav, page => &deep_page, author, entries },
        )?;
        add(format!("authors/{}/index.html", author.slug), html);
    }

    let all: Vec<&ArticleContext> = articles.iter().collect();
    let root_page = PageMeta::plain(GENERATOR, &Stylesheet::Link("style.css".to_owned()), &css);
    let html = exporter.render(
        "site/index.html",
        context! { lang => &site.language, site => nav(site, ""), page => root_page, entries => list(&all, "") },
    )?;
    add("index.html".to_owned(), html);
    add("atom.xml".to_owned(), feed(exporter, site, &articles)?);
    add("style.css".to_owned(), css.clone());

    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Newest first (unpublished drafts by their modification), ties broken by slug.
fn sorted_articles(site: &SiteContext) -> Result<Vec<ArticleContext>, ExportError> {
    let mut seen = BTreeSet::new();
    for article in &site.articles {
        slug::check("article", &article.slug)?;
        if !seen.insert(article.slug.as_str()) {
            return Err(ExportError::DuplicateSlug { what: "article", slug: article.slug.clone() });
        }
    }
    let mut articles = site.articles.clone();
    articles.sort_by(|a, b| sort_date(b).cmp(&sort_date(a)).then_with(|| a.slug.cmp(&b.slug)));
    Ok(articles)
}

fn sort_date(article: &ArticleContext) -> DateTime<FixedOffset> {
    article.published.unwrap_or(article.modified)
}

/// Every author with a page: the site's profiles, plus anyone credited in an article.
fn author_directory(site: &SiteContext) -> Result<BTreeMap<String, AuthorContext>, ExportError> {
    let mut authors = BTreeMap::new();
    for author in &site.authors {
        slug::check("author", &author.slug)?;
        if authors.insert(author.slug.clone(), author.clone()).is_some() {
            return Err(ExportError::DuplicateSlug { what: "author", slug: author.slug.clone() });
        }
    }
    for author in site.articles.iter().flat_map(|a| &a.authors) {
        slug::check("author", &author.slug)?;
        authors.entry(author.slug.clone()).or_insert_with(|| author.clone());
    }
    Ok(authors)
}

/// The article as its own page sees it: authors and related articles linked within the site.
fn localize(
    article: &ArticleContext,
    authors: &BTreeMap<String, AuthorContext>,
    slugs: &BTreeSet<&str>,
) -> ArticleContext {
    let mut local = article.clone();
    for author in &mut local.authors {
        if let Some(profile) = authors.get(&author.slug) {
            *author = profile.clone();
        }
        author.url = Some(format!("{DEEP}authors/{}/index.html", author.slug));
    }
    for related in &mut local.related {
        let target = related.url.trim_end_matches('/').trim_end_matches(".html");
        if slugs.contains(target) {
            related.url = format!("../{target}/index.html");
        }
    }
    local
}

fn nav(site: &SiteContext, root: &str) -> SiteNav {
    SiteNav { title: site.title.clone(), description: site.description.clone(), root: root.to_owned() }
}

fn list<'a>(articles: &[&'a ArticleContext], root: &str) -> Vec<ListEntry<'a>> {
    articles
        .iter()
        .map(|a| ListEntry {
            title: &a.title,
            subtitle: a.subtitle.as_deref(),
            url: format!("{root}articles/{}/index.html", a.slug),
            published: a.published,
            authors: a.authors.iter().map(|x| x.name.as_str()).collect(),
            reading_minutes: a.reading_minutes,
        })
        .collect()
}

fn feed(exporter: &Exporter, site: &SiteContext, articles: &[ArticleContext]) -> Result<String, ExportError> {
    let base = site.base_url.as_deref().map(|b| format!("{}/", b.trim_end_matches('/'))).unwrap_or_default();
    let entries: Vec<FeedEntry> = articles
        .iter()
        .map(|a| {
            let url = format!("{base}articles/{}/", a.slug);
            FeedEntry {
                // Atom ids must never change: the canonical URL when known, else a stable URN.
                id: a.canonical_url.clone().unwrap_or_else(|| {
                    if base.is_empty() {
                        format!("urn:byline:article:{}", a.slug)
                    } else {
                        url.clone()
                    }
                }),
                title: &a.title,
                url,
                published: a.published,
                updated: a.modified,
                authors: a.authors.iter().map(|x| x.name.as_str()).collect(),
                tags: &a.tags,
                summary: &a.description,
                content_html: &a.body_html,
            }
        })
        .collect();
    let feed = context! {
        id => if base.is_empty() { format!("urn:byline:site:{}", slug::slugify(&site.title)) } else { base.clone() },
        self_url => format!("{base}atom.xml"),
        home_url => if base.is_empty() { "index.html".to_owned() } else { base.clone() },
        version => env!("CARGO_PKG_VERSION"),
    };
    exporter.render("atom.xml", context! { site, feed, entries })
}
