//! Draft rows: looking drafts up, loading them whole, and writing their full state (row, tags,
//! credits, search index), shared by every module that changes a draft.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row};

use super::authors::{credited, find_author};
use crate::error::{Error, Result};
use crate::model::{Draft, DraftSnapshot, Status};
use crate::search::{self, Reindex};
use crate::store::{fmt_time, json_col, opt_time_col, row_or, time_col, to_json, usize_col};

const DRAFT_COLUMNS: &str = "d.id, d.slug, d.title, d.subtitle, d.summary, d.body, d.status, d.language, \
     d.canonical_url, d.cover_image, d.extra, d.word_count, d.created, d.updated, d.published, d.trashed_at, d.origin, \
     d.discuss_url, d.title_from_body, d.word_goal";
/// A draft's identity, as looked up by slug.
#[derive(Debug, Clone)]
pub(crate) struct DraftRef {
    pub id: i64,
    pub trashed: bool,
}

/// Looks a draft up by slug, live or trashed.
pub(crate) fn find_draft(conn: &Connection, slug: &str) -> Result<DraftRef> {
    row_or(
        conn.query_row("SELECT id, trashed_at IS NOT NULL FROM drafts WHERE slug = ?1", [slug], |row| {
            Ok(DraftRef { id: row.get(0)?, trashed: row.get(1)? })
        }),
        || Error::DraftNotFound(slug.to_string()),
    )
}

/// Looks a draft up by slug and refuses trashed ones, which must not be edited.
pub(crate) fn find_live_draft(conn: &Connection, slug: &str) -> Result<DraftRef> {
    let found = find_draft(conn, slug)?;
    if found.trashed {
        return Err(Error::Trashed(slug.to_string()));
    }
    Ok(found)
}

/// Loads a whole draft with its tags and authors.
pub(crate) fn load_draft(conn: &Connection, id: i64) -> Result<Draft> {
    let sql = format!("SELECT {DRAFT_COLUMNS} FROM drafts d WHERE d.id = ?1");
    let mut draft = conn.query_row(&sql, [id], draft_from_row)?;
    draft.tags = load_tags(conn, id)?;
    draft.authors = credited(conn, id)?;
    Ok(draft)
}

/// Writes a draft's full state (row, tags, credits, search index as `reindex` says), stamping
/// `updated`; returns the body's word count.
pub(crate) fn store_state(
    conn: &Connection,
    id: i64,
    snapshot: &DraftSnapshot,
    author_ids: &[i64],
    published: Option<DateTime<Utc>>,
    updated: DateTime<Utc>,
    reindex: Reindex,
) -> Result<usize> {
    let words = count_words(&snapshot.body);
    conn.prepare_cached(
        "UPDATE drafts SET title = ?2, subtitle = ?3, summary = ?4, body = ?5, status = ?6, language = ?7,
             canonical_url = ?8, cover_image = ?9, extra = ?10, word_count = ?11, published = ?12, updated = ?13,
             discuss_url = ?14, title_from_body = ?15, word_goal = ?16
         WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        id,
        snapshot.title,
        snapshot.subtitle,
        snapshot.summary,
        snapshot.body,
        snapshot.status.as_str(),
        snapshot.language,
        snapshot.canonical_url,
        snapshot.cover_image,
        to_json(&snapshot.extra)?,
        i64::try_from(words).unwrap_or(i64::MAX),
        published.map(fmt_time),
        fmt_time(updated),
        snapshot.discuss_url,
        snapshot.title_from_body,
        snapshot.word_goal,
    ])?;
    conn.prepare_cached("DELETE FROM draft_tags WHERE draft_id = ?1")?.execute([id])?;
    let mut insert_tag =
        conn.prepare_cached("INSERT INTO draft_tags (draft_id, tag, tag_key, position) VALUES (?1, ?2, ?3, ?4)")?;
    for (position, tag) in snapshot.tags.iter().enumerate() {
        insert_tag.execute((id, tag, tag.to_lowercase(), position as i64))?;
    }
    conn.prepare_cached("DELETE FROM draft_authors WHERE draft_id = ?1")?.execute([id])?;
    let mut insert_credit =
        conn.prepare_cached("INSERT INTO draft_authors (draft_id, author_id, position) VALUES (?1, ?2, ?3)")?;
    for (position, author_id) in author_ids.iter().enumerate() {
        insert_credit.execute((id, author_id, position as i64))?;
    }
    search::reindex(conn, id, reindex)?;
    Ok(words)
}

/// Turns author slugs into ids, in order; an unknown slug is an error.
pub(crate) fn resolve_authors(conn: &Connection, slugs: &[String]) -> Result<Vec<i64>> {
    slugs.iter().map(|slug| find_author(conn, slug).map(|a| a.id)).collect()
}

/// Title of a draft whose title follows its body and which has no heading yet.
pub const UNTITLED: &str = "Untitled draft";

/// Trims text fields, drops blank optional ones, and de-duplicates tags and authors. A blank
/// title is no title the writer typed: the title follows the body from then on.
pub(crate) fn normalize_snapshot(snapshot: &mut DraftSnapshot) -> Result<()> {
    snapshot.title = snapshot.title.trim().to_string();
    if snapshot.title.is_empty() {
        snapshot.title_from_body = true;
    }
    if snapshot.title_from_body {
        snapshot.title = byline_render::first_heading(&snapshot.body).unwrap_or_else(|| UNTITLED.to_string());
    }
    if snapshot.word_goal == Some(0) {
        return Err(Error::InvalidInput("a word goal must be at least 1 word; leave it empty for no goal".to_string()));
    }
    for field in [
        &mut snapshot.subtitle,
        &mut snapshot.summary,
        &mut snapshot.language,
        &mut snapshot.canonical_url,
        &mut snapshot.discuss_url,
        &mut snapshot.cover_image,
    ] {
        *field = clean_optional(field.take());
    }
    if let Some(url) = &snapshot.discuss_url {
        check_discuss_url(url)?;
    }
    snapshot.tags = normalize_tags(&snapshot.tags);
    let mut seen = Vec::new();
    for author in snapshot.authors.drain(..) {
        let author = author.trim().to_string();
        if !author.is_empty() && !seen.contains(&author) {
            seen.push(author);
        }
    }
    snapshot.authors = seen;
    Ok(())
}

/// Exported pages show the discussion link as a link: anything but an absolute http(s) URL
/// (a `javascript:` URL, a relative path that breaks once the page moves) is refused up front,
/// so the writer learns it while typing rather than finding the link missing on the page.
pub(crate) fn check_discuss_url(url: &str) -> Result<()> {
    if is_web_url(url) {
        return Ok(());
    }
    Err(Error::InvalidInput(format!(
        "the discuss link (discuss_url) must be an absolute http(s) URL, not `{url}`; type the full address \
         of the discussion, such as https://forum.example.com/t/123, or leave it empty to clear it"
    )))
}

/// Whether `url` is an absolute http(s) URL with a host, with nothing that could break out of
/// an HTML attribute.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host_present = rest.is_some_and(|rest| !rest.is_empty() && !rest.starts_with(['/', '?', '#']));
    host_present && !url.chars().any(|c| c.is_control() || c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`'))
}

/// Trims an optional text; blank becomes `None`.
pub(crate) fn clean_optional(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Trims tags, collapses inner whitespace, drops blanks and case-insensitive repeats (first spelling wins).
pub fn normalize_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
        if !tag.is_empty() && !out.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            out.push(tag);
        }
    }
    out
}

fn load_tags(conn: &Connection, draft_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT tag FROM draft_tags WHERE draft_id = ?1 ORDER BY position")?;
    let tags = stmt.query_map([draft_id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

pub(crate) fn status_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Status> {
    let text: String = row.get(idx)?;
    text.parse()
        .map_err(|e: Error| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

fn draft_from_row(row: &Row<'_>) -> rusqlite::Result<Draft> {
    Ok(Draft {
        id: row.get(0)?,
        slug: row.get(1)?,
        title: row.get(2)?,
        subtitle: row.get(3)?,
        summary: row.get(4)?,
        body: row.get(5)?,
        status: status_col(row, 6)?,
        tags: Vec::new(),
        authors: Vec::new(),
        language: row.get(7)?,
        canonical_url: row.get(8)?,
        cover_image: row.get(9)?,
        extra: json_col(row, 10)?,
        word_count: usize_col(row, 11)?,
        created: time_col(row, 12)?,
        updated: time_col(row, 13)?,
        published: opt_time_col(row, 14)?,
        trashed_at: opt_time_col(row, 15)?,
        origin: origin_col(row, 16)?,
        discuss_url: row.get(17)?,
        title_from_body: row.get(18)?,
        word_goal: row.get(19)?,
    })
}

/// A damaged origin is dropped rather than failing the draft: the draft is then written back
/// in full, in Byline's own dialect, which loses nothing of the draft.
fn origin_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Box<byline_frontmatter::Origin>>> {
    let text: Option<String> = row.get(idx)?;
    Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
}

/// Records the file a draft now mirrors (`None`: none, the draft is Byline's own).
pub(crate) fn store_origin(conn: &Connection, id: i64, origin: Option<&byline_frontmatter::Origin>) -> Result<()> {
    let json = origin.map(serde_json::to_string).transpose().map_err(|e| Error::Corrupt(e.to_string()))?;
    conn.prepare_cached("UPDATE drafts SET origin = ?2 WHERE id = ?1")?.execute((id, json))?;
    Ok(())
}

/// Counts the words of a Markdown body the way the preview and exports do.
pub(crate) fn count_words(body: &str) -> usize {
    byline_render::text_stats(body).words
}
