//! Author profiles, and the changes a writer makes to them.

use chrono::{DateTime, Utc};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::present;

/// An author profile.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Author {
    /// Database id.
    pub id: i64,
    /// Stable, unique slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// One-line bio.
    pub short_bio: Option<String>,
    /// Long bio, Markdown.
    pub bio: Option<String>,
    /// Avatar asset hash.
    pub avatar: Option<String>,
    /// Website URL.
    pub website: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Role or job title.
    pub role: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Social links, network -> URL, in the order given.
    pub social: IndexMap<String, String>,
    /// Whether this is the library's default author.
    pub is_default: bool,
    /// Creation time.
    pub created: DateTime<Utc>,
    /// Time of the last change.
    pub updated: DateTime<Utc>,
}

/// Everything needed to add an author; only `name` is required.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct NewAuthor {
    /// Display name; must not be blank.
    pub name: String,
    /// Requested slug; taken from the name when absent.
    pub slug: Option<String>,
    /// One-line bio.
    pub short_bio: Option<String>,
    /// Long bio, Markdown.
    pub bio: Option<String>,
    /// Avatar asset hash (from `add_asset`).
    pub avatar: Option<String>,
    /// Website URL.
    pub website: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Role or job title.
    pub role: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Social links, network -> URL.
    #[ts(as = "Option<_>", optional)]
    pub social: IndexMap<String, String>,
    /// Make this the default author (the first author always becomes default).
    #[ts(as = "Option<_>", optional)]
    pub make_default: bool,
}

/// A change to an author: `None` leaves a field alone, `Some(None)` clears an optional one.
/// In JSON, an absent field is `None` and `null` is `Some(None)`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AuthorChange {
    /// New name.
    pub name: Option<String>,
    /// New one-line bio.
    #[serde(deserialize_with = "present")]
    pub short_bio: Option<Option<String>>,
    /// New long bio.
    #[serde(deserialize_with = "present")]
    pub bio: Option<Option<String>>,
    /// New avatar asset hash.
    #[serde(deserialize_with = "present")]
    pub avatar: Option<Option<String>>,
    /// New website.
    #[serde(deserialize_with = "present")]
    pub website: Option<Option<String>>,
    /// New location.
    #[serde(deserialize_with = "present")]
    pub location: Option<Option<String>>,
    /// New role.
    #[serde(deserialize_with = "present")]
    pub role: Option<Option<String>>,
    /// New email.
    #[serde(deserialize_with = "present")]
    pub email: Option<Option<String>>,
    /// New social links (replace all).
    pub social: Option<IndexMap<String, String>>,
}
