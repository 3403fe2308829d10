//! A draft's history: its revisions and the snapshot each one keeps.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::Draft;
use super::Status;

/// One line of a draft's history.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RevisionSummary {
    /// Revision number within its draft, starting at 1.
    pub id: i64,
    /// When the revision was last written.
    pub created: DateTime<Utc>,
    /// Title at that revision.
    pub title: String,
    /// Word count of the body at that revision.
    pub word_count: usize,
    /// Size of the body in bytes.
    pub bytes: usize,
    /// Why it was made: create, edit, autosave, checkpoint, import, "restore of #N".
    pub reason: String,
}

/// The full state of a draft captured by a revision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftSnapshot {
    /// Title.
    pub title: String,
    /// Whether the title follows the body's first heading.
    #[serde(default)]
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
    /// Author slugs in order.
    pub authors: Vec<String>,
    /// Language.
    pub language: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Discussion link.
    pub discuss_url: Option<String>,
    /// Cover image.
    pub cover_image: Option<String>,
    /// Unknown front matter.
    pub extra: Map<String, Value>,
    /// Word goal.
    #[serde(default)]
    pub word_goal: Option<u32>,
}

impl From<&Draft> for DraftSnapshot {
    fn from(draft: &Draft) -> Self {
        DraftSnapshot {
            title: draft.title.clone(),
            title_from_body: draft.title_from_body,
            subtitle: draft.subtitle.clone(),
            summary: draft.summary.clone(),
            body: draft.body.clone(),
            status: draft.status,
            tags: draft.tags.clone(),
            authors: draft.authors.iter().map(|a| a.slug.clone()).collect(),
            language: draft.language.clone(),
            canonical_url: draft.canonical_url.clone(),
            discuss_url: draft.discuss_url.clone(),
            cover_image: draft.cover_image.clone(),
            extra: draft.extra.clone(),
            word_goal: draft.word_goal,
        }
    }
}

/// A revision with its full snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Revision {
    /// Revision number within its draft.
    pub id: i64,
    /// When the revision was last written.
    pub created: DateTime<Utc>,
    /// Title at that revision.
    pub title: String,
    /// Word count of the body.
    pub word_count: usize,
    /// Size of the body in bytes.
    pub bytes: usize,
    /// Why it was made.
    pub reason: String,
    /// The draft's state at that revision.
    pub snapshot: DraftSnapshot,
}

impl Revision {
    /// The history line for this revision.
    pub fn summary(&self) -> RevisionSummary {
        RevisionSummary {
            id: self.id,
            created: self.created,
            title: self.title.clone(),
            word_count: self.word_count,
            bytes: self.bytes,
            reason: self.reason.clone(),
        }
    }
}
