//! Drafts: creating, reading, listing and changing them, with tags, credits and the search
//! index updated in the same transaction.

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, Row};

use crate::authors;
use crate::error::{Error, Result};
use crate::model::{
    Draft, DraftChange, DraftFilter, DraftSnapshot, DraftSort, DraftSummary, NewDraft, SaveMode, Status,
};
use crate::revisions::{self, RevisionKind};
use crate::search::{self, Reindex};
use crate::slug::{choose_slug, SlugSpace};
use crate::store::{fmt_time, json_col, opt_time_col, row_or, time_col, to_json, usize_col, Library};

const DRAFT_COLUMNS: &str = "d.id, d.slug, d.title, d.subtitle, d.summary, d.body, d.status, d.language, \
     d.canonical_url, d.cover_image, d.extra, d.word_count, d.created, d.updated, d.published, d.trashed_at, d.origin";

const SUMMARY_COLUMNS: &str =
    "d.id, d.slug, d.title, d.subtitle, d.status, d.updated, d.created, d.word_count, d.trashed_at";

impl Library {
    /// Creates a draft and its first revision (`create`).
    pub fn create_draft(&mut self, new: NewDraft) -> Result<Draft> {
        self.insert_draft(new, RevisionKind::Create)
    }

    /// Creates a draft from an imported file; like `create_draft`, but its first revision says `import`.
    pub fn import_draft(&mut self, new: NewDraft) -> Result<Draft> {
        self.insert_draft(new, RevisionKind::Import)
    }

    /// The draft with this slug, live or trashed (`trashed_at` tells which).
    pub fn draft(&self, slug: &str) -> Result<Draft> {
        let found = find_draft(&self.conn, slug)?;
        load_draft(&self.conn, found.id)
    }

    /// Drafts matching `filter`, in its sort order and page.
    pub fn list_drafts(&self, filter: &DraftFilter) -> Result<Vec<DraftSummary>> {
        let (where_sql, mut params) = filter_sql(filter);
        let order = match filter.sort {
            DraftSort::Updated => "d.updated DESC, d.id DESC",
            DraftSort::Created => "d.created DESC, d.id DESC",
            DraftSort::Title => "d.title COLLATE NOCASE ASC, d.id ASC",
        };
        let limit = filter.limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        params.push(SqlValue::Integer(limit));
        params.push(SqlValue::Integer(i64::try_from(filter.offset).unwrap_or(i64::MAX)));
        // One statement for the whole page: tags and credits come along as JSON arrays instead
        // of two more queries per row, and the list indexes (migration 3) cover the rest. The
        // inner ORDER BYs read the `_in_order` indexes in order, where an ordered aggregate would
        // build a temporary b-tree for every row.
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS},
                    (SELECT json_group_array(tag) FROM
                        (SELECT t.tag FROM draft_tags t WHERE t.draft_id = d.id ORDER BY t.position)),
                    (SELECT json_group_array(name) FROM
                        (SELECT a.name FROM draft_authors da JOIN authors a ON a.id = da.author_id
                         WHERE da.draft_id = d.id ORDER BY da.position))
             FROM drafts d{where_sql} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(params), |row| {
            let mut summary = summary_from_row(row)?;
            summary.tags = json_col(row, 9)?;
            summary.authors = json_col(row, 10)?;
            Ok(summary)
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many drafts match `filter` (ignoring its sort and page).
    pub fn count_drafts(&self, filter: &DraftFilter) -> Result<usize> {
        let (where_sql, params) = filter_sql(filter);
        let sql = format!("SELECT count(*) FROM drafts d{where_sql}");
        Ok(self.conn.query_row(&sql, params_from_iter(params), |row| usize_col(row, 0))?)
    }

    /// Applies `change` to a live draft and records it in the history according to `mode`.
    /// A change that changes nothing leaves the draft (and its `updated` time) alone.
    pub fn update_draft(&mut self, slug: &str, change: DraftChange, mode: SaveMode) -> Result<Draft> {
        let now = self.now();
        let tx = self.write_tx()?;
        let found = find_live_draft(&tx, slug)?;
        let current = load_draft(&tx, found.id)?;
        let before = DraftSnapshot::from(&current);
        let requested_published = change.published;
        let mut next = before.clone();
        apply_change(&mut next, change);
        normalize_snapshot(&mut next)?;
        let author_ids = resolve_authors(&tx, &next.authors)?;
        let published = match requested_published {
            Some(published) => published.map(|t| t.trunc_subsecs(6)),
            None if next.status == Status::Published && current.published.is_none() => Some(now),
            None => current.published,
        };
        let words = if next != before || published != current.published {
            let reindex = match mode {
                _ if !search_fields_differ(&before, &next) => Reindex::Skip,
                SaveMode::Autosave => Reindex::Later,
                SaveMode::Checkpoint | SaveMode::Edit | SaveMode::Import => Reindex::Now,
            };
            store_state(&tx, found.id, &next, &author_ids, published, now, reindex)?
        } else {
            current.word_count
        };
        if mode != SaveMode::Autosave {
            // A deliberate save ends a burst: nothing it leaves behind waits for a search.
            search::reindex_if_stale(&tx, found.id)?;
        }
        revisions::record(&tx, found.id, &next, words, RevisionKind::Save(mode), now)?;
        let draft = load_draft(&tx, found.id)?;
        tx.commit()?;
        Ok(draft)
    }

    fn insert_draft(&mut self, new: NewDraft, kind: RevisionKind) -> Result<Draft> {
        let now = self.now();
        let tx = self.write_tx()?;
        let mut snapshot = DraftSnapshot {
            title: new.title,
            subtitle: new.subtitle,
            summary: new.summary,
            body: new.body,
            status: new.status,
            tags: new.tags,
            authors: new.authors,
            language: new.language,
            canonical_url: new.canonical_url,
            cover_image: new.cover_image,
            extra: new.extra,
        };
        normalize_snapshot(&mut snapshot)?;
        if snapshot.authors.is_empty() {
            if let Some(default) = authors::default_author_row(&tx)? {
                snapshot.authors.push(default.slug);
            }
        }
        let author_ids = resolve_authors(&tx, &snapshot.authors)?;
        let slug = choose_slug(&tx, SlugSpace::Drafts, new.slug.as_deref(), &snapshot.title)?;
        let created = new.created.map_or(now, |t| t.trunc_subsecs(6));
        let updated = new.updated.map_or(created, |t| t.trunc_subsecs(6));
        tx.execute(
            "INSERT INTO drafts (slug, title, body, status, created, updated) VALUES (?1, '', '', 'draft', ?2, ?2)",
            (&slug, fmt_time(created)),
        )?;
        let id = tx.last_insert_rowid();
        let published = new.published.map(|t| t.trunc_subsecs(6));
        let words = store_state(&tx, id, &snapshot, &author_ids, published, updated, Reindex::Now)?;
        revisions::record(&tx, id, &snapshot, words, kind, now)?;
        let draft = load_draft(&tx, id)?;
        tx.commit()?;
        Ok(draft)
    }
}

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
    draft.authors = authors::credited(conn, id)?;
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
             canonical_url = ?8, cover_image = ?9, extra = ?10, word_count = ?11, published = ?12, updated = ?13
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

/// Whether anything the search index holds (title, subtitle, summary, body, tags) differs.
fn search_fields_differ(a: &DraftSnapshot, b: &DraftSnapshot) -> bool {
    a.title != b.title || a.subtitle != b.subtitle || a.summary != b.summary || a.body != b.body || a.tags != b.tags
}

/// Turns author slugs into ids, in order; an unknown slug is an error.
pub(crate) fn resolve_authors(conn: &Connection, slugs: &[String]) -> Result<Vec<i64>> {
    slugs.iter().map(|slug| authors::find_author(conn, slug).map(|a| a.id)).collect()
}

/// Trims text fields, drops blank optional ones, and de-duplicates tags and authors.
pub(crate) fn normalize_snapshot(snapshot: &mut DraftSnapshot) -> Result<()> {
    snapshot.title = snapshot.title.trim().to_string();
    if snapshot.title.is_empty() {
        return Err(Error::InvalidInput("a draft needs a title; give it a non-blank title".to_string()));
    }
    for field in [
        &mut snapshot.subtitle,
        &mut snapshot.summary,
        &mut snapshot.language,
        &mut snapshot.canonical_url,
        &mut snapshot.cover_image,
    ] {
        *field = clean_optional(field.take());
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

fn apply_change(snapshot: &mut DraftSnapshot, change: DraftChange) {
    let DraftChange {
        title,
        subtitle,
        summary,
        body,
        status,
        tags,
        authors,
        language,
        canonical_url,
        cover_image,
        published: _,
        extra,
    } = change;
    set(&mut snapshot.title, title);
    set(&mut snapshot.subtitle, subtitle);
    set(&mut snapshot.summary, summary);
    set(&mut snapshot.body, body);
    set(&mut snapshot.status, status);
    set(&mut snapshot.tags, tags);
    set(&mut snapshot.authors, authors);
    set(&mut snapshot.language, language);
    set(&mut snapshot.canonical_url, canonical_url);
    set(&mut snapshot.cover_image, cover_image);
    set(&mut snapshot.extra, extra);
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
}

fn load_tags(conn: &Connection, draft_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT tag FROM draft_tags WHERE draft_id = ?1 ORDER BY position")?;
    let tags = stmt.query_map([draft_id], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(tags)
}

fn filter_sql(filter: &DraftFilter) -> (String, Vec<SqlValue>) {
    let mut sql =
        String::from(if filter.trashed { " WHERE d.trashed_at IS NOT NULL" } else { " WHERE d.trashed_at IS NULL" });
    let mut params = Vec::new();
    if let Some(status) = filter.status {
        sql.push_str(" AND d.status = ?");
        params.push(SqlValue::Text(status.as_str().to_string()));
    }
    if let Some(tag) = normalize_tags(&filter.tag.iter().cloned().collect::<Vec<_>>()).pop() {
        sql.push_str(" AND d.id IN (SELECT draft_id FROM draft_tags WHERE tag_key = ?)");
        params.push(SqlValue::Text(tag.to_lowercase()));
    }
    if let Some(author) = filter.author.as_deref().map(str::trim) {
        sql.push_str(
            " AND d.id IN (SELECT da.draft_id FROM draft_authors da JOIN authors a ON a.id = da.author_id \
             WHERE a.slug = ? OR a.name = ? COLLATE NOCASE)",
        );
        params.push(SqlValue::Text(author.to_string()));
        params.push(SqlValue::Text(author.to_string()));
    }
    (sql, params)
}

fn status_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Status> {
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

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.get(0)?,
        slug: row.get(1)?,
        title: row.get(2)?,
        subtitle: row.get(3)?,
        status: status_col(row, 4)?,
        tags: Vec::new(),
        authors: Vec::new(),
        updated: time_col(row, 5)?,
        created: time_col(row, 6)?,
        word_count: usize_col(row, 7)?,
        trashed_at: opt_time_col(row, 8)?,
    })
}

/// Counts the words of a Markdown body the way the preview and exports do.
pub(crate) fn count_words(body: &str) -> usize {
    byline_render::text_stats(body).words
}
