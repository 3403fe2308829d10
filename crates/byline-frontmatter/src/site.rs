//! The conventions of the static site generators whose content Byline reads and writes back:
//! where a file sits in its site says whether it is published, what its URL slug is, and
//! whether it is a section page. Pure: paths in, facts out.

use std::path::{Component, Path};

use chrono::NaiveDate;

use crate::{Flavor, Format, FrontMatter};

/// A static site generator whose content folder Byline can work in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SiteKind {
    /// Hugo: `content/`, `draft: true`, page bundles, `_index.md` sections, `static/`.
    Hugo,
    /// Zola: `content/`, TOML front matter, `draft = true`, `[extra]`, `static/`.
    Zola,
    /// Jekyll: `_posts/YYYY-MM-DD-slug.md`, `_drafts/`, `published: false`.
    Jekyll,
}

impl SiteKind {
    /// The generator's name as writers know it.
    pub fn name(self) -> &'static str {
        match self {
            SiteKind::Hugo => "Hugo",
            SiteKind::Zola => "Zola",
            SiteKind::Jekyll => "Jekyll",
        }
    }

    /// The front matter convention `write` uses for this generator.
    pub fn flavor(self) -> Flavor {
        match self {
            SiteKind::Hugo => Flavor::Hugo,
            SiteKind::Zola => Flavor::Zola,
            SiteKind::Jekyll => Flavor::Jekyll,
        }
    }
}

/// What a file's place in its site says about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placement {
    /// The generator whose rules apply: the site's, or Jekyll's when the path runs through
    /// `_posts/` or `_drafts/` of a folder with no config.
    pub site: Option<SiteKind>,
    /// A section's own page (`_index.md`), not an article.
    pub section: bool,
    /// The slug the site's URL uses: the file stem, the folder of a page bundle
    /// (`slug/index.md`), a Jekyll post's name without its date.
    pub slug: Option<String>,
    /// The date a Jekyll post's file name starts with (`2024-05-01-slug.md`).
    pub date: Option<NaiveDate>,
    /// Under Jekyll's `_drafts/`: a draft whatever its front matter says.
    pub jekyll_draft: bool,
}

/// Reads `path` (relative to the content folder: Hugo's and Zola's `content/`, a Jekyll site's
/// root) under `site`'s rules.
pub fn placement(site: Option<SiteKind>, path: &Path) -> Placement {
    let folders: Vec<String> = path
        .parent()
        .map(|parent| {
            parent
                .components()
                .filter_map(|c| match c {
                    Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let in_folder = |name: &str| folders.iter().any(|folder| folder == name);
    let site = site.or_else(|| (in_folder("_posts") || in_folder("_drafts")).then_some(SiteKind::Jekyll));
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (date, rest) = split_date_prefix(&stem);
    let section = stem == "_index";
    let slug = match stem.as_str() {
        // A bundle's page and a section's page are named for their folder.
        "index" | "_index" => folders.last().cloned(),
        _ => Some(rest.to_owned()).filter(|s| !s.is_empty()),
    };
    Placement { site, section, slug, date, jekyll_draft: site == Some(SiteKind::Jekyll) && in_folder("_drafts") }
}

/// Whether the page is published: the front matter's `status` when it has one (Byline's own
/// files), else the generator's rule. Outside any site, a file is a draft unless it says
/// `draft: false`, or has TOML front matter (only Hugo and Zola write it, and both publish a
/// page without `draft = true`).
pub fn is_published(front: &FrontMatter, format: Option<Format>, placement: &Placement) -> bool {
    if let Some(status) = &front.status {
        return status.trim().eq_ignore_ascii_case("published");
    }
    if front.draft == Some(true) {
        return false;
    }
    match placement.site {
        Some(SiteKind::Jekyll) => !placement.jekyll_draft,
        Some(SiteKind::Hugo | SiteKind::Zola) => true,
        None => front.draft == Some(false) || format == Some(Format::Toml),
    }
}

/// `2024-05-01-night-trains` → (2024-05-01, `night-trains`); a stem without a date is all rest.
pub(crate) fn split_date_prefix(stem: &str) -> (Option<NaiveDate>, &str) {
    let date = stem.get(..10).and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok());
    match date {
        Some(date) => (Some(date), stem[10..].trim_start_matches(['-', '_'])),
        None => (None, stem),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hugo_bundles_and_sections_are_named_for_their_folder() {
        let bundle = placement(Some(SiteKind::Hugo), Path::new("posts/winter-bread/index.md"));
        assert_eq!(bundle.slug.as_deref(), Some("winter-bread"));
        assert!(!bundle.section);
        let section = placement(Some(SiteKind::Hugo), Path::new("posts/_index.md"));
        assert_eq!(section.slug.as_deref(), Some("posts"));
        assert!(section.section);
        assert_eq!(placement(Some(SiteKind::Zola), Path::new("_index.md")).slug, None);
    }

    #[test]
    fn jekyll_posts_carry_date_and_slug_in_their_name() {
        let post = placement(None, Path::new("_posts/2019-05-01-tide-tables.md"));
        assert_eq!(post.site, Some(SiteKind::Jekyll));
        assert_eq!(post.slug.as_deref(), Some("tide-tables"));
        assert_eq!(post.date, NaiveDate::from_ymd_opt(2019, 5, 1));
        let draft = placement(Some(SiteKind::Jekyll), Path::new("_drafts/half-done.md"));
        assert!(draft.jekyll_draft);
        assert!(!is_published(&FrontMatter::default(), Some(Format::Yaml), &draft));
        assert!(is_published(&FrontMatter::default(), Some(Format::Yaml), &post));
    }

    #[test]
    fn published_state_follows_each_convention() {
        let hugo = placement(Some(SiteKind::Hugo), Path::new("posts/a.md"));
        let draft = FrontMatter { draft: Some(true), ..FrontMatter::default() };
        assert!(is_published(&FrontMatter::default(), Some(Format::Yaml), &hugo));
        assert!(!is_published(&draft, Some(Format::Yaml), &hugo));
        let loose = placement(None, Path::new("notes/a.md"));
        assert!(!is_published(&FrontMatter::default(), Some(Format::Yaml), &loose));
        assert!(is_published(&FrontMatter::default(), Some(Format::Toml), &loose));
        let review = FrontMatter { status: Some("review".into()), draft: Some(false), ..FrontMatter::default() };
        assert!(!is_published(&review, Some(Format::Yaml), &hugo), "a status wins over conventions");
    }
}
