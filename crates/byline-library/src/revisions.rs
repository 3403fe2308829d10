//! Revision history: full snapshots with shared bodies, autosave bursts coalesced into one
//! revision, history listing, and restore (which adds a revision and destroys nothing).

use rusqlite::{OptionalExtension, Row};

use crate::error::Result;
use crate::model::{Draft, Revision, RevisionSummary};
use crate::rows::authors::author_exists;
use crate::rows::drafts::{find_draft, find_live_draft, load_draft, normalize_snapshot, resolve_authors, store_state};
use crate::rows::revisions::{close_bursts, load_revision, record, RevisionKind};
use crate::search::{self, Reindex};
use crate::store::{time_col, usize_col, Library};

const SUMMARY_COLUMNS: &str = "r.seq, r.created, r.title, r.word_count, r.bytes, r.reason";

impl Library {
    /// The draft's revisions, newest first.
    pub fn history(&self, slug: &str) -> Result<Vec<RevisionSummary>> {
        let found = find_draft(&self.conn, slug)?;
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM revisions r WHERE r.draft_id = ?1 ORDER BY r.seq DESC");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([found.id], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One revision of the draft, with its full snapshot.
    pub fn revision(&self, slug: &str, id: i64) -> Result<Revision> {
        let found = find_draft(&self.conn, slug)?;
        load_revision(&self.conn, found.id, slug, id)
    }

    /// Sets the draft back to revision `id` and records that as a new revision (`restore of #id`).
    /// Authors deleted since then are left out.
    pub fn restore_revision(&mut self, slug: &str, id: i64) -> Result<Draft> {
        let now = self.now();
        let tx = self.write_tx()?;
        let found = find_live_draft(&tx, slug)?;
        let mut snapshot = load_revision(&tx, found.id, slug, id)?.snapshot;
        let mut kept = Vec::new();
        for author in snapshot.authors {
            if author_exists(&tx, &author)? {
                kept.push(author);
            }
        }
        snapshot.authors = kept;
        normalize_snapshot(&mut snapshot)?;
        let author_ids = resolve_authors(&tx, &snapshot.authors)?;
        let published = load_draft(&tx, found.id)?.published;
        let words = store_state(&tx, found.id, &snapshot, &author_ids, published, now, Reindex::Now)?;
        record(&tx, found.id, &snapshot, words, RevisionKind::Restore(id), now)?;
        let draft = load_draft(&tx, found.id)?;
        tx.commit()?;
        Ok(draft)
    }

    /// Ends the current autosave burst, so the next autosave starts a new revision.
    /// Returns the revision that was closed, or `None` if no burst was open.
    pub fn checkpoint(&mut self, slug: &str) -> Result<Option<RevisionSummary>> {
        let tx = self.write_tx()?;
        let found = find_draft(&tx, slug)?;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM revisions r WHERE r.draft_id = ?1 AND r.is_open = 1 ORDER BY r.seq DESC LIMIT 1"
        );
        let closed = tx.query_row(&sql, [found.id], summary_from_row).optional()?;
        close_bursts(&tx, found.id)?;
        search::reindex_if_stale(&tx, found.id)?;
        tx.commit()?;
        Ok(closed)
    }
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<RevisionSummary> {
    Ok(RevisionSummary {
        id: row.get(0)?,
        created: time_col(row, 1)?,
        title: row.get(2)?,
        word_count: usize_col(row, 3)?,
        bytes: usize_col(row, 4)?,
        reason: row.get(5)?,
    })
}
