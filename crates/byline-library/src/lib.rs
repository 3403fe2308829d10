//! The Byline library: an SQLite store of drafts, their revision history, authors, image assets
//! and full-text search, in one folder (`library.db`).
//!
//! Every mutating operation runs in one transaction: on error nothing changes.

mod assets;
mod assets_scan;
mod authors;
mod backup;
pub mod clean_close;
mod dictionary;
mod draft_file;
pub mod draft_images;
mod drafts;
mod error;
mod first_run;
pub mod folder_sync;
mod fs_atomic;
pub mod import;
mod model;
pub mod placement;
pub mod publish;
pub mod recovery;
pub mod repair;
mod revisions;
mod rows;
mod search;
pub mod site;
mod slug;
mod store;
mod text_decode;
mod trash;
mod writing_log;

pub use assets::sniff_mime;
pub use byline_mojibake::{Kind as DamageKind, Repair};
pub use error::{Error, Result, StorageProblem};
pub use first_run::{FirstRun, WELCOME};
pub use fs_atomic::write_atomic;
pub use model::{
    Asset, Author, AuthorChange, Draft, DraftAsset, DraftChange, DraftFilter, DraftSnapshot, DraftSort, DraftSummary,
    LibraryStats, NewAuthor, NewDraft, Revision, RevisionSummary, SaveMode, SearchHit, Status, WritingDay,
    WritingDelta,
};
pub use rows::drafts::{normalize_tags, UNTITLED};
pub use rows::revisions::AUTOSAVE_WINDOW_SECS;
pub use slug::slugify;
pub use store::{Clock, Library, DATABASE_FILE, SCHEMA_VERSION};
