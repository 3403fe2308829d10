//! Revision rows: recording a draft's new state in its history (identical saves add nothing,
//! autosave bursts coalesce into one revision) and reading a revision back.

use chrono::{DateTime, TimeDelta, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{DraftSnapshot, Revision, SaveMode, Status};
use crate::store::{fmt_time, json_col, row_or, time_col, to_json, usize_col};

/// Autosaves within this time of the start of a burst update the burst's revision in place.
pub const AUTOSAVE_WINDOW_SECS: i64 = 30;

/// Why a revision is being recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RevisionKind {
    /// The draft was just created.
    Create,
    /// The draft was just created from an imported file.
    Import,
    /// A save of a changed draft.
    Save(SaveMode),
    /// The draft was set back to the revision with this number.
    Restore(i64),
}

impl RevisionKind {
    fn reason(self) -> String {
        match self {
            RevisionKind::Create => "create".to_string(),
            RevisionKind::Import => "import".to_string(),
            RevisionKind::Save(mode) => mode.reason().to_string(),
            RevisionKind::Restore(id) => format!("restore of #{id}"),
        }
    }
}

/// Everything in a snapshot except title and body, which have their own columns.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct StoredMeta {
    subtitle: Option<String>,
    summary: Option<String>,
    status: Status,
    tags: Vec<String>,
    authors: Vec<String>,
    language: Option<String>,
    canonical_url: Option<String>,
    // Revisions written before schema 5 have no such key; they held no discussion link.
    #[serde(default)]
    discuss_url: Option<String>,
    cover_image: Option<String>,
    #[serde(default)]
    extra: Map<String, Value>,
    // Revisions written before schema 7 have neither: their titles were typed, with no goal.
    #[serde(default)]
    title_from_body: bool,
    #[serde(default)]
    word_goal: Option<u32>,
}

/// The newest revision of a draft, with what is needed to decide whether to coalesce into it.
struct Latest {
    row_id: i64,
    is_open: bool,
    reason: String,
    burst_started: DateTime<Utc>,
    body_hash: String,
    title: String,
    meta: StoredMeta,
}

/// What a revision row stores of a snapshot besides its title, worked out once per save.
struct Stored {
    body_hash: String,
    meta: StoredMeta,
    words: usize,
}

/// Records `snapshot` (the draft's new state, whose body has `words` words) in the draft's history.
///
/// Saves identical to the newest revision add nothing. Autosaves extend an open autosave burst
/// younger than [`AUTOSAVE_WINDOW_SECS`] (measured from its start) in place; anything else adds a row.
pub(crate) fn record(
    conn: &Connection,
    draft_id: i64,
    snapshot: &DraftSnapshot,
    words: usize,
    kind: RevisionKind,
    now: DateTime<Utc>,
) -> Result<()> {
    let stored = Stored { body_hash: body_hash(&snapshot.body), meta: meta_of(snapshot), words };
    if let RevisionKind::Save(mode) = kind {
        if let Some(latest) = latest_revision(conn, draft_id)? {
            // Bodies are compared by hash, which spares reading the newest one back.
            if latest.body_hash == stored.body_hash && latest.title == snapshot.title && latest.meta == stored.meta {
                if mode == SaveMode::Checkpoint && latest.is_open {
                    // A checkpoint of text an open autosave already holds: that revision becomes
                    // the checkpoint, so the writer sees it in the history as asked.
                    conn.execute("UPDATE revisions SET reason = ?2 WHERE id = ?1", (latest.row_id, mode.reason()))?;
                }
                if mode != SaveMode::Autosave {
                    close_bursts(conn, draft_id)?;
                }
                return Ok(());
            }
            let elapsed = now - latest.burst_started;
            // A clock that jumped backwards must not keep one burst open indefinitely.
            let in_window = elapsed >= TimeDelta::zero() && elapsed < TimeDelta::seconds(AUTOSAVE_WINDOW_SECS);
            if mode == SaveMode::Autosave && latest.is_open && latest.reason == "autosave" && in_window {
                return overwrite(conn, &latest, snapshot, &stored, now);
            }
        }
    }
    insert(conn, draft_id, snapshot, &stored, kind, now)
}

/// Deletes stored bodies no revision refers to any more.
pub(crate) fn collect_unused_bodies(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM revision_bodies WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.body_hash = revision_bodies.hash)",
        [],
    )?;
    Ok(())
}

fn insert(
    conn: &Connection,
    draft_id: i64,
    snapshot: &DraftSnapshot,
    stored: &Stored,
    kind: RevisionKind,
    now: DateTime<Utc>,
) -> Result<()> {
    close_bursts(conn, draft_id)?;
    store_body(conn, &stored.body_hash, &snapshot.body)?;
    let seq: i64 = conn
        .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE draft_id = ?1")?
        .query_row([draft_id], |row| row.get(0))?;
    let is_open = kind == RevisionKind::Save(SaveMode::Autosave);
    conn.prepare_cached(
        "INSERT INTO revisions (draft_id, seq, created, burst_started, reason, is_open, title, meta, body_hash, word_count, bytes)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(rusqlite::params![
        draft_id,
        seq,
        fmt_time(now),
        kind.reason(),
        is_open,
        snapshot.title,
        to_json(&stored.meta)?,
        stored.body_hash,
        stored.words as i64,
        snapshot.body.len() as i64,
    ])?;
    Ok(())
}

fn overwrite(
    conn: &Connection,
    latest: &Latest,
    snapshot: &DraftSnapshot,
    stored: &Stored,
    now: DateTime<Utc>,
) -> Result<()> {
    store_body(conn, &stored.body_hash, &snapshot.body)?;
    conn.prepare_cached(
        "UPDATE revisions SET created = ?2, title = ?3, meta = ?4, body_hash = ?5, word_count = ?6, bytes = ?7
         WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        latest.row_id,
        fmt_time(now),
        snapshot.title,
        to_json(&stored.meta)?,
        stored.body_hash,
        stored.words as i64,
        snapshot.body.len() as i64,
    ])?;
    if stored.body_hash != latest.body_hash {
        // The burst's intermediate bodies are not history worth keeping: drop the one replaced.
        conn.prepare_cached(
            "DELETE FROM revision_bodies WHERE hash = ?1 AND NOT EXISTS (SELECT 1 FROM revisions WHERE body_hash = ?1)",
        )?
        .execute([&latest.body_hash])?;
    }
    Ok(())
}

pub(crate) fn close_bursts(conn: &Connection, draft_id: i64) -> Result<()> {
    conn.prepare_cached("UPDATE revisions SET is_open = 0 WHERE draft_id = ?1 AND is_open = 1")?.execute([draft_id])?;
    Ok(())
}

/// The key a body is shared under: its sha256, in lowercase hex.
fn body_hash(body: &str) -> String {
    format!("{:x}", Sha256::digest(body.as_bytes()))
}

fn store_body(conn: &Connection, hash: &str, body: &str) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO revision_bodies (hash, body) VALUES (?1, ?2)")?.execute((hash, body))?;
    Ok(())
}

fn meta_of(snapshot: &DraftSnapshot) -> StoredMeta {
    StoredMeta {
        subtitle: snapshot.subtitle.clone(),
        summary: snapshot.summary.clone(),
        status: snapshot.status,
        tags: snapshot.tags.clone(),
        authors: snapshot.authors.clone(),
        language: snapshot.language.clone(),
        canonical_url: snapshot.canonical_url.clone(),
        discuss_url: snapshot.discuss_url.clone(),
        cover_image: snapshot.cover_image.clone(),
        extra: snapshot.extra.clone(),
        title_from_body: snapshot.title_from_body,
        word_goal: snapshot.word_goal,
    }
}

fn snapshot_of(title: String, meta: StoredMeta, body: String) -> DraftSnapshot {
    DraftSnapshot {
        title,
        title_from_body: meta.title_from_body,
        subtitle: meta.subtitle,
        summary: meta.summary,
        body,
        status: meta.status,
        tags: meta.tags,
        authors: meta.authors,
        language: meta.language,
        canonical_url: meta.canonical_url,
        discuss_url: meta.discuss_url,
        cover_image: meta.cover_image,
        extra: meta.extra,
        word_goal: meta.word_goal,
    }
}

fn latest_revision(conn: &Connection, draft_id: i64) -> Result<Option<Latest>> {
    let latest = conn
        .prepare_cached(
            "SELECT r.id, r.is_open, r.reason, r.burst_started, r.body_hash, r.title, r.meta
             FROM revisions r WHERE r.draft_id = ?1 ORDER BY r.seq DESC LIMIT 1",
        )?
        .query_row([draft_id], |row| {
            Ok(Latest {
                row_id: row.get(0)?,
                is_open: row.get(1)?,
                reason: row.get(2)?,
                burst_started: time_col(row, 3)?,
                body_hash: row.get(4)?,
                title: row.get(5)?,
                meta: json_col(row, 6)?,
            })
        })
        .optional()?;
    Ok(latest)
}

pub(crate) fn load_revision(conn: &Connection, draft_id: i64, slug: &str, id: i64) -> Result<Revision> {
    row_or(
        conn.query_row(
            "SELECT r.seq, r.created, r.title, r.word_count, r.bytes, r.reason, r.meta, b.body
             FROM revisions r JOIN revision_bodies b ON b.hash = r.body_hash
             WHERE r.draft_id = ?1 AND r.seq = ?2",
            (draft_id, id),
            |row| {
                let title: String = row.get(2)?;
                Ok(Revision {
                    id: row.get(0)?,
                    created: time_col(row, 1)?,
                    title: title.clone(),
                    word_count: usize_col(row, 3)?,
                    bytes: usize_col(row, 4)?,
                    reason: row.get(5)?,
                    snapshot: snapshot_of(title, json_col(row, 6)?, row.get(7)?),
                })
            },
        ),
        || Error::RevisionNotFound { slug: slug.to_string(), id },
    )
}
