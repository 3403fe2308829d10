//! What an article page needs beyond the article itself: head metadata worked out in Rust so the
//! templates stay declarative.

use serde::Serialize;

use crate::jsonld::{is_absolute_url, json_ld};
use crate::share::{share_links, ShareLink};
use crate::{ArticleContext, PageOptions, Stylesheet};

/// The CSP of every exported page: no scripts, no frames, no forms; images from anywhere.
const CSP_BASE: &str = "default-src 'none'; img-src data: https: http: 'self'; style-src 'unsafe-inline'";
const CSP_TAIL: &str = "; base-uri 'none'; form-action 'none'";

/// Where a site page sits, for its navigation links; `None` on a standalone page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteNav {
    /// The site title.
    pub title: String,
    /// The site description.
    pub description: String,
    /// Relative path from the page to the site root: "" or "../../".
    pub root: String,
}

/// A tag as shown on the page: linked to its tag page in a site export.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TagLink {
    pub name: String,
    pub url: Option<String>,
}

/// Page-level values shared by every page template (`page.*`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageMeta {
    pub generator: String,
    /// Inline CSS, or `None` when `stylesheet` is linked.
    pub css: Option<String>,
    pub stylesheet: Option<String>,
    pub csp: String,
    /// Article pages only: the rest is empty on index pages.
    pub json_ld: String,
    pub og_image: Option<String>,
    pub og_locale: Option<String>,
    pub twitter_card: &'static str,
    pub twitter_creator: Option<String>,
    pub show_toc: bool,
    pub show_updated: bool,
    pub tags: Vec<TagLink>,
    /// The share prompt's links; empty when sharing is off or the page has no canonical URL.
    pub share: Vec<ShareLink>,
}

impl PageMeta {
    /// Values for a page that is not an article (site index, tag and author pages).
    pub fn plain(generator: &str, stylesheet: &Stylesheet, css: &str) -> PageMeta {
        let (css, href) = match stylesheet {
            Stylesheet::Inline => (Some(css.to_owned()), None),
            Stylesheet::Link(href) => (None, Some(href.clone())),
        };
        PageMeta {
            generator: generator.to_owned(),
            csp: csp(stylesheet),
            css,
            stylesheet: href,
            json_ld: String::new(),
            og_image: None,
            og_locale: None,
            twitter_card: "summary",
            twitter_creator: None,
            show_toc: false,
            show_updated: false,
            tags: Vec::new(),
            share: Vec::new(),
        }
    }

    /// Values for `article`'s page; `tag_url` links tags in a site export.
    pub fn article(
        article: &ArticleContext,
        options: &PageOptions,
        css: &str,
        tag_url: &dyn Fn(&str) -> Option<String>,
    ) -> PageMeta {
        let share = match &article.canonical_url {
            Some(url) if options.share => share_links(url, &article.title),
            _ => Vec::new(),
        };
        let og_image = article.cover_image.clone().filter(|u| is_absolute_url(u));
        PageMeta {
            json_ld: json_ld(article),
            twitter_card: if og_image.is_some() { "summary_large_image" } else { "summary" },
            og_image,
            og_locale: og_locale(&article.language),
            twitter_creator: twitter_creator(article),
            // A contents list for one or two headings is noise.
            show_toc: article.toc.len() >= 3,
            show_updated: updated_on_another_day(article),
            tags: article.tags.iter().map(|t| TagLink { name: t.clone(), url: tag_url(t) }).collect(),
            share,
            ..PageMeta::plain(&options.generator, &options.stylesheet, css)
        }
    }
}

/// A linked stylesheet also needs `'self'` (or its own origin) in `style-src`.
fn csp(stylesheet: &Stylesheet) -> String {
    match stylesheet {
        Stylesheet::Inline => format!("{CSP_BASE}{CSP_TAIL}"),
        Stylesheet::Link(href) if is_absolute_url(href) => {
            format!("{CSP_BASE} 'self' {}{CSP_TAIL}", origin(href))
        }
        Stylesheet::Link(_) => format!("{CSP_BASE} 'self'{CSP_TAIL}"),
    }
}

/// `https://cdn.example/x.css` → `https://cdn.example`.
fn origin(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    url[after_scheme..].find('/').map_or(url, |i| &url[..after_scheme + i])
}

/// Open Graph wants `en_GB`, not `en-GB`; a bare language (`en`) is left out rather than guessed.
fn og_locale(language: &str) -> Option<String> {
    let mut parts = language.split(['-', '_']);
    let lang = parts.next()?.to_ascii_lowercase();
    let region = parts.find(|p| p.len() == 2)?.to_ascii_uppercase();
    (!lang.is_empty()).then(|| format!("{lang}_{region}"))
}

/// `@handle` of the first author with an X/Twitter profile.
fn twitter_creator(article: &ArticleContext) -> Option<String> {
    article.authors.iter().flat_map(|a| &a.social).find_map(|link| {
        let key = link.key.to_ascii_lowercase();
        if key != "x" && key != "twitter" {
            return None;
        }
        let handle = link.url.trim_end_matches('/').rsplit('/').next()?.trim_start_matches('@');
        let valid = !handle.is_empty() && handle.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        valid.then(|| format!("@{handle}"))
    })
}

fn updated_on_another_day(article: &ArticleContext) -> bool {
    article.published.is_some_and(|p| p.date_naive() != article.modified.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_and_origins() {
        assert_eq!(og_locale("en-GB").as_deref(), Some("en_GB"));
        assert_eq!(og_locale("pt_br").as_deref(), Some("pt_BR"));
        assert_eq!(og_locale("en"), None);
        assert_eq!(origin("https://cdn.example/theme/x.css"), "https://cdn.example");
        assert!(csp(&Stylesheet::Link("../../style.css".into())).contains("style-src 'unsafe-inline' 'self';"));
    }
}
