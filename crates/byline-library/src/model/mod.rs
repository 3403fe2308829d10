//! The typed values the library hands in and out: drafts, revisions, authors, assets, search hits.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::error::Error;

mod assets;
mod authors;
mod revisions;
mod writing;

pub use assets::{Asset, DraftAsset};
pub use authors::{Author, AuthorChange, NewAuthor};
pub use revisions::{DraftSnapshot, Revision, RevisionSummary};
pub use writing::{WritingDay, WritingDelta};

/// Where a draft stands on its way to publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A seed: a title and a few notes.
    Idea,
    /// Being written.
    #[default]
    Draft,
    /// Written, being reviewed.
    Review,
    /// Ready to publish.
    Ready,
    /// Published.
    Published,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 5] = [Status::Idea, Status::Draft, Status::Review, Status::Ready, Status::Published];

    /// The lowercase name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Idea => "idea",
            Status::Draft => "draft",
            Status::Review => "review",
            Status::Ready => "ready",
            Status::Published => "published",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Status::ALL
            .into_iter()
            .find(|status| status.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| Error::InvalidStatus(s.to_string()))
    }
}

/// Everything needed to create a draft; nothing is required. A blank `title` means the writer
/// typed none: the draft's title then follows its first heading ("Untitled draft" without one).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct NewDraft {
    /// Title; blank: the first heading's, and it follows the heading from then on.
    #[ts(as = "Option<_>", optional)]
    pub title: String,
    /// One-line subtitle.
    pub subtitle: Option<String>,
    /// Short summary / description.
    pub summary: Option<String>,
    /// Markdown body.
    #[ts(as = "Option<_>", optional)]
    pub body: String,
    /// Workflow status (default `Draft`).
    #[ts(as = "Option<_>", optional)]
    pub status: Status,
    /// Tags, in order; trimmed and de-duplicated case-insensitively.
    #[ts(as = "Option<_>", optional)]
    pub tags: Vec<String>,
    /// Author slugs in credit order; empty means the default author, if any.
    #[ts(as = "Option<_>", optional)]
    pub authors: Vec<String>,
    /// Requested slug; taken from the title when absent.
    pub slug: Option<String>,
    /// Language tag such as `en`.
    pub language: Option<String>,
    /// Canonical URL of the published article.
    pub canonical_url: Option<String>,
    /// Where readers discuss the article (an absolute http(s) URL, e.g. a forum thread).
    pub discuss_url: Option<String>,
    /// Cover image path or URL.
    pub cover_image: Option<String>,
    /// Creation time (import); now when absent.
    pub created: Option<DateTime<Utc>>,
    /// Last-update time (import); the creation time when absent.
    pub updated: Option<DateTime<Utc>>,
    /// Publication time.
    pub published: Option<DateTime<Utc>>,
    /// Unknown front matter, kept and written back on export.
    #[ts(as = "Option<_>", optional)]
    pub extra: Map<String, Value>,
    /// The writer's word goal for the draft.
    pub word_goal: Option<u32>,
}

/// A draft as stored, with its authors resolved.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Draft {
    /// Database id.
    pub id: i64,
    /// Stable, unique slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Whether the title is the body's first heading (kept so as the writer edits it) rather
    /// than one the writer typed.
    pub title_from_body: bool,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Summary.
    pub summary: Option<String>,
    /// Markdown body.
    pub body: String,
    /// Workflow status.
    pub status: Status,
    /// Tags in order.
    pub tags: Vec<String>,
    /// Credited authors in order.
    pub authors: Vec<Author>,
    /// Language tag.
    pub language: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Where readers discuss the article: an absolute http(s) URL.
    pub discuss_url: Option<String>,
    /// Cover image path or URL.
    pub cover_image: Option<String>,
    /// Creation time.
    pub created: DateTime<Utc>,
    /// Time of the last change.
    pub updated: DateTime<Utc>,
    /// Publication time.
    pub published: Option<DateTime<Utc>>,
    /// When the draft was moved to the trash.
    pub trashed_at: Option<DateTime<Utc>>,
    /// Cached word count of the body.
    pub word_count: usize,
    /// The writer's word goal for the draft.
    pub word_goal: Option<u32>,
    /// Unknown front matter.
    pub extra: Map<String, Value>,
    /// The file the draft came from (a site's page, a drafts-folder file), so it is written back
    /// in that file's own dialect; `None` for a draft born in Byline.
    #[serde(skip)]
    pub origin: Option<Box<byline_frontmatter::Origin>>,
}

/// A draft as shown in lists.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DraftSummary {
    /// Database id.
    pub id: i64,
    /// Slug.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Workflow status.
    pub status: Status,
    /// Tags in order.
    pub tags: Vec<String>,
    /// Author names in credit order.
    pub authors: Vec<String>,
    /// Time of the last change.
    pub updated: DateTime<Utc>,
    /// Creation time.
    pub created: DateTime<Utc>,
    /// Cached word count.
    pub word_count: usize,
    /// When the draft was trashed.
    pub trashed_at: Option<DateTime<Utc>>,
}

/// Order of draft lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DraftSort {
    /// Most recently changed first.
    #[default]
    Updated,
    /// Most recently created first.
    Created,
    /// Alphabetical by title.
    Title,
}

/// Which drafts a list or count covers.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct DraftFilter {
    /// Only drafts with this status.
    pub status: Option<Status>,
    /// Only drafts with this tag (case-insensitive).
    pub tag: Option<String>,
    /// Only drafts crediting this author (slug, or name case-insensitively).
    pub author: Option<String>,
    /// `false`: live drafts only; `true`: the trash only.
    #[ts(as = "Option<_>", optional)]
    pub trashed: bool,
    /// Order of the results.
    #[ts(as = "Option<_>", optional)]
    pub sort: DraftSort,
    /// At most this many results.
    pub limit: Option<usize>,
    /// Skip this many results first.
    #[ts(as = "Option<_>", optional)]
    pub offset: usize,
}

/// A change to a draft: `None` leaves a field alone, `Some(None)` clears an optional one.
/// In JSON, an absent field is `None` and `null` is `Some(None)`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DraftChange {
    /// New title; a different one is the writer's own from then on, a blank one makes the title
    /// follow the first heading again.
    pub title: Option<String>,
    /// New subtitle.
    #[serde(deserialize_with = "present")]
    pub subtitle: Option<Option<String>>,
    /// New summary.
    #[serde(deserialize_with = "present")]
    pub summary: Option<Option<String>>,
    /// New body.
    pub body: Option<String>,
    /// New status; moving to `Published` stamps `published` if it is unset.
    pub status: Option<Status>,
    /// New tags (replace all).
    pub tags: Option<Vec<String>>,
    /// New author slugs (replace all, in order).
    pub authors: Option<Vec<String>>,
    /// New language.
    #[serde(deserialize_with = "present")]
    pub language: Option<Option<String>>,
    /// New canonical URL.
    #[serde(deserialize_with = "present")]
    pub canonical_url: Option<Option<String>>,
    /// New discussion link (an absolute http(s) URL).
    #[serde(deserialize_with = "present")]
    pub discuss_url: Option<Option<String>>,
    /// New cover image.
    #[serde(deserialize_with = "present")]
    pub cover_image: Option<Option<String>>,
    /// New publication time.
    #[serde(deserialize_with = "present")]
    pub published: Option<Option<DateTime<Utc>>>,
    /// New unknown front matter (replaces all).
    pub extra: Option<Map<String, Value>>,
    /// New word goal (`null` clears it).
    #[serde(deserialize_with = "present")]
    pub word_goal: Option<Option<u32>>,
}

/// How a save is recorded in the revision history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SaveMode {
    /// Typing: saves within 30 s of the start of a burst share one revision.
    #[default]
    Autosave,
    /// A deliberate save: its own revision (reason `checkpoint`), and it ends the current burst.
    Checkpoint,
    /// A discrete edit such as `byline edit`: its own revision (reason `edit`).
    Edit,
    /// A re-import from a file: its own revision (reason `import`).
    Import,
}

impl SaveMode {
    /// The reason recorded on revisions made by this mode.
    pub fn reason(self) -> &'static str {
        match self {
            SaveMode::Autosave => "autosave",
            SaveMode::Checkpoint => "checkpoint",
            SaveMode::Edit => "edit",
            SaveMode::Import => "import",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchHit {
    /// Draft slug.
    pub slug: String,
    /// Draft title.
    pub title: String,
    /// Draft subtitle.
    pub subtitle: Option<String>,
    /// HTML-escaped excerpt with matches wrapped in `<mark>`…`</mark>`; safe to inject.
    pub snippet_html: String,
    /// Relevance: higher is better (negated bm25).
    pub rank: f64,
}

/// Counts of what the library holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LibraryStats {
    /// Live drafts.
    pub drafts: usize,
    /// Drafts in the trash.
    pub trashed: usize,
    /// Revisions of all drafts.
    pub revisions: usize,
    /// Authors.
    pub authors: usize,
    /// Distinct stored assets.
    pub assets: usize,
}

/// Deserializes a field that is present in the input: `null` means "clear" (`Some(None)`),
/// while `#[serde(default)]` makes an absent field `None` ("leave alone").
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
