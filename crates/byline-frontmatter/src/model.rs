//! The typed front matter every Byline crate works with, whatever the file's flavor.

use chrono::{DateTime, FixedOffset};
use indexmap::IndexMap;

/// Article metadata with one name per concept; aliases from other tools are folded in by `parse`.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    /// The article title.
    pub title: Option<String>,
    /// A one-line subtitle shown under the title.
    pub subtitle: Option<String>,
    /// Short summary, read from `summary`, `description` or `excerpt`.
    pub summary: Option<String>,
    /// Publication date, read from `date`, `publishDate` or `published`.
    pub date: Option<DateTime<FixedOffset>>,
    /// Last modification, read from `updated`, `lastmod`, `last_modified_at` or `modified`.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Explicit draft flag.
    pub draft: Option<bool>,
    /// URL slug.
    pub slug: Option<String>,
    /// Workflow status (idea, draft, review, ready, published); validated by the library, not here.
    pub status: Option<String>,
    /// Tags, from `tags` (list or comma-separated string) or Zola's `taxonomies.tags`.
    pub tags: Vec<String>,
    /// Author names or slugs, from `author` (string or list) or `authors`.
    pub authors: Vec<String>,
    /// Cover image, from `image`, `cover`, `cover_image`, `featured_image`, `og_image` or `images[0]`.
    pub image: Option<String>,
    /// Canonical URL, from `canonical_url`, `canonicalURL` or `canonical`.
    pub canonical_url: Option<String>,
    /// Where readers discuss the article (a forum thread…), from `discuss_url`. Origins stored
    /// before the field existed have no such key: they read as `None`.
    #[serde(default)]
    pub discuss_url: Option<String>,
    /// Language tag, from `lang`, `language` or `locale`.
    pub language: Option<String>,
    /// Every other key, in file order, with nested values kept as JSON.
    pub extra: IndexMap<String, serde_json::Value>,
}
