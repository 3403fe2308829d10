//! Drafts: creating, reading, listing and changing them, with tags, credits and the search
//! index updated in the same transaction.

use chrono::SubsecRound;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Row};

use crate::error::Result;
use crate::model::{
    Draft, DraftChange, DraftFilter, DraftSnapshot, DraftSort, DraftSummary, NewDraft, SaveMode, Status,
};
use crate::rows::authors::default_author_row;
use crate::rows::drafts::{
    find_draft, find_live_draft, load_draft, normalize_snapshot, normalize_tags, resolve_authors, status_col,
    store_state,
};
use crate::rows::revisions::{self, RevisionKind};
use crate::search::{self, Reindex};
use crate::slug::{choose_slug, SlugSpace};
use crate::store::{fmt_time, json_col, opt_time_col, time_col, usize_col, Library};

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
            title_from_body: false,
            subtitle: new.subtitle,
            summary: new.summary,
            body: new.body,
            status: new.status,
            tags: new.tags,
            authors: new.authors,
            language: new.language,
            canonical_url: new.canonical_url,
            discuss_url: new.discuss_url,
            cover_image: new.cover_image,
            extra: new.extra,
            word_goal: new.word_goal,
        };
        normalize_snapshot(&mut snapshot)?;
        if snapshot.authors.is_empty() {
            if let Some(default) = default_author_row(&tx)? {
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

/// Whether anything the search index holds (title, subtitle, summary, body, tags) differs.
fn search_fields_differ(a: &DraftSnapshot, b: &DraftSnapshot) -> bool {
    a.title != b.title || a.subtitle != b.subtitle || a.summary != b.summary || a.body != b.body || a.tags != b.tags
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
        discuss_url,
        cover_image,
        published: _,
        extra,
        word_goal,
    } = change;
    apply_title(snapshot, title);
    set(&mut snapshot.subtitle, subtitle);
    set(&mut snapshot.summary, summary);
    set(&mut snapshot.body, body);
    set(&mut snapshot.status, status);
    set(&mut snapshot.tags, tags);
    set(&mut snapshot.authors, authors);
    set(&mut snapshot.language, language);
    set(&mut snapshot.canonical_url, canonical_url);
    set(&mut snapshot.discuss_url, discuss_url);
    set(&mut snapshot.cover_image, cover_image);
    set(&mut snapshot.extra, extra);
    set(&mut snapshot.word_goal, word_goal);
}

/// A title other than the current one is the writer's own from then on; a blank one hands the
/// title back to the body (normalizing derives it). The current title sent again (a file
/// written back, a field left unchanged) changes nothing, so a title that follows keeps following.
fn apply_title(snapshot: &mut DraftSnapshot, title: Option<String>) {
    let Some(title) = title else { return };
    let title = title.trim();
    if title.is_empty() {
        snapshot.title_from_body = true;
    } else if title != snapshot.title {
        snapshot.title = title.to_string();
        snapshot.title_from_body = false;
    }
}

fn set<T>(field: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *field = value;
    }
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
