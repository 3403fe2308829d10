//! Full-text search: the FTS5 index kept in step with drafts, safe query building,
//! bm25 ranking (see [`rank`]) and HTML-safe snippets.

use std::collections::HashMap;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::model::SearchHit;
use crate::store::Library;

mod rank;

pub(crate) use rank::register as register_ranking;

/// Private-use characters FTS5 wraps around matches; they cannot come from user text
/// because indexing replaces them, so after HTML escaping they mark exactly the matches.
const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';

/// Words of context around the match in a snippet.
const SNIPPET_TOKENS: i64 = 24;

/// bm25 with column weights: title, subtitle, summary, body, tags.
const RANK_SQL: &str = "byline_rank(drafts_fts, 10.0, 5.0, 3.0, 1.0, 5.0)";

/// A live draft that matched, with its bm25 score (lower is better) and what ties are broken by.
struct Ranked {
    id: i64,
    score: f64,
    slug: String,
    title: String,
    subtitle: Option<String>,
    updated: String,
}

impl Library {
    /// Live drafts matching every word of `query` (the last one as a prefix), best first.
    /// Title matches weigh most, then subtitle and tags, summary, body.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        if query.trim().is_empty() {
            return Err(Error::InvalidInput("search needs at least one word to look for".to_string()));
        }
        let Some(fts_query) = fts_query(query) else {
            return Ok(Vec::new());
        };
        // Searching must keep working on a library this process cannot write (read-only disk,
        // another writer holding the lock): it then answers from the index as it stands.
        if let Err(error) = catch_up(&self.conn) {
            let error = error.at_database(&self.dir().join(crate::store::DATABASE_FILE));
            if error.storage_problem().is_none() && !matches!(error, Error::Busy) {
                return Err(error);
            }
        }
        let ranked = best_matches(&self.conn, &fts_query, limit)?;
        let mut snippets = snippets(&self.conn, &fts_query, &ranked)?;
        Ok(ranked
            .into_iter()
            .map(|hit| SearchHit {
                snippet_html: snippets.remove(&hit.id).map(|s| snippet_html(&s)).unwrap_or_default(),
                slug: hit.slug,
                title: hit.title,
                subtitle: hit.subtitle,
                rank: -hit.score,
            })
            .collect())
    }
}

/// The `limit` best live matches, ordered by score and then most recently updated.
///
/// Scoring reads only the index; the drafts table (whose rows hold whole bodies) is read just for
/// the hits, and only the score ties at the cut need their `updated` time to decide who stays.
fn best_matches(conn: &Connection, fts_query: &str, limit: usize) -> Result<Vec<Ranked>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid, {RANK_SQL} FROM drafts_fts
         WHERE drafts_fts MATCH ?1 AND rowid NOT IN (SELECT id FROM drafts WHERE trashed_at IS NOT NULL)"
    ))?;
    let mut scored = stmt
        .query_map([fts_query], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, f64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if scored.len() > limit {
        // Only the best `limit` scores, and whatever ties the last of them, can make the cut:
        // a partial selection, because sorting every match costs more than scoring it.
        let (_, &mut (_, cut), _) = scored.select_nth_unstable_by(limit - 1, |a, b| a.1.total_cmp(&b.1));
        scored.retain(|&(_, score)| score <= cut);
    }
    let mut lookup = conn.prepare_cached("SELECT slug, title, subtitle, updated FROM drafts WHERE id = ?1")?;
    let mut ranked = scored
        .into_iter()
        .map(|(id, score)| {
            lookup.query_row([id], |row| {
                Ok(Ranked {
                    id,
                    score,
                    slug: row.get(0)?,
                    title: row.get(1)?,
                    subtitle: row.get(2)?,
                    updated: row.get(3)?,
                })
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Stored times are fixed-width UTC text, so text order is time order.
    ranked.sort_by(|a, b| a.score.total_cmp(&b.score).then_with(|| b.updated.cmp(&a.updated)));
    ranked.truncate(limit);
    Ok(ranked)
}

/// Raw snippets (with match markers) of the ranked hits, by draft id.
///
/// FTS5 re-tokenizes a row to build its snippet, so only the hits get one; and they are built in
/// one pass over the matches, because every MATCH re-expands a prefix term's whole doclist.
/// The `+` keeps the id list a row filter instead of one FTS lookup (and expansion) per id.
fn snippets(conn: &Connection, fts_query: &str, hits: &[Ranked]) -> Result<HashMap<i64, String>> {
    if hits.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = hits.iter().map(|hit| hit.id.to_string()).collect::<Vec<_>>().join(",");
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, snippet(drafts_fts, -1, ?3, ?4, '…', ?5) FROM drafts_fts
         WHERE drafts_fts MATCH ?1 AND +rowid IN (SELECT value FROM json_each(?2))",
    )?;
    let params =
        rusqlite::params![fts_query, format!("[{ids}]"), MARK_START.to_string(), MARK_END.to_string(), SNIPPET_TOKENS];
    let snippets = stmt.query_map(params, |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(snippets)
}

/// How a write keeps the search index in step with a draft's new state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reindex {
    /// Re-index within the write.
    Now,
    /// Only mark the draft stale; the next search or checkpoint re-indexes it.
    Later,
    /// Nothing the index holds changed.
    Skip,
}

/// Applies `how` to one draft inside the caller's write transaction.
pub(crate) fn reindex(conn: &Connection, draft_id: i64, how: Reindex) -> Result<()> {
    match how {
        Reindex::Now => index_draft(conn, draft_id),
        Reindex::Later => {
            conn.prepare_cached("INSERT OR IGNORE INTO drafts_fts_stale (draft_id) VALUES (?1)")?
                .execute([draft_id])?;
            Ok(())
        }
        Reindex::Skip => Ok(()),
    }
}

/// Re-indexes one draft if an autosave left it marked stale.
pub(crate) fn reindex_if_stale(conn: &Connection, draft_id: i64) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM drafts_fts_stale WHERE draft_id = ?1)")?;
    if stmt.query_row([draft_id], |row| row.get(0))? {
        index_draft(conn, draft_id)?;
    }
    Ok(())
}

/// Re-indexes every draft marked stale, so a search that follows sees all saved text.
///
/// Costs one read when nothing is stale. Otherwise it writes, in a transaction of its own, or as
/// part of the caller's when one is open.
pub(crate) fn catch_up(conn: &Connection) -> Result<()> {
    let stale = |conn: &Connection| -> Result<Vec<i64>> {
        let mut stmt = conn.prepare_cached("SELECT draft_id FROM drafts_fts_stale")?;
        let ids = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    };
    if stale(conn)?.is_empty() {
        return Ok(());
    }
    if !conn.is_autocommit() {
        return stale(conn)?.into_iter().try_for_each(|id| index_draft(conn, id));
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    // Re-read under the write lock: another process may have caught up meanwhile.
    for id in stale(&tx)? {
        index_draft(&tx, id)?;
    }
    tx.commit()?;
    Ok(())
}

/// Re-indexes one draft from its stored row and tags, and clears its stale mark.
pub(crate) fn index_draft(conn: &Connection, draft_id: i64) -> Result<()> {
    let (title, subtitle, summary, body, tags): (String, Option<String>, Option<String>, String, Option<String>) = conn
        .query_row(
            "SELECT title, subtitle, summary, body,
                    (SELECT group_concat(tag, ' ') FROM (SELECT tag FROM draft_tags WHERE draft_id = ?1 ORDER BY position))
             FROM drafts WHERE id = ?1",
            [draft_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
        )?;
    let clean = |text: Option<&str>| text.unwrap_or_default().replace([MARK_START, MARK_END], " ");
    conn.prepare_cached("DELETE FROM drafts_fts WHERE rowid = ?1")?.execute([draft_id])?;
    conn.prepare_cached("DELETE FROM drafts_fts_stale WHERE draft_id = ?1")?.execute([draft_id])?;
    conn.prepare_cached(
        "INSERT INTO drafts_fts (rowid, title, subtitle, summary, body, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(rusqlite::params![
        draft_id,
        clean(Some(&title)),
        clean(subtitle.as_deref()),
        clean(summary.as_deref()),
        clean(Some(&body)),
        clean(tags.as_deref()),
    ])?;
    Ok(())
}

/// Builds an FTS5 query that can never be a syntax error: every word becomes a quoted phrase
/// (so `AND`, `-`, `*`, `"` and `c++` are just text), all must match, the last one as a prefix.
/// `None` when no word contains anything searchable.
pub(crate) fn fts_query(query: &str) -> Option<String> {
    let terms: Vec<String> = query
        .split_whitespace()
        .filter(|term| term.chars().any(char::is_alphanumeric))
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect();
    let last = terms.len().checked_sub(1)?;
    let mut fts = terms[..last].join(" ");
    if !fts.is_empty() {
        fts.push(' ');
    }
    fts.push_str(&terms[last]);
    fts.push('*');
    Some(fts)
}

/// HTML-escapes a snippet, then turns the match markers into `<mark>` elements.
fn snippet_html(snippet: &str) -> String {
    use byline_render::{escape_html_into, Quotes};
    let mut html = String::with_capacity(snippet.len() + 16);
    let mut rest = snippet;
    while let Some(i) = rest.find([MARK_START, MARK_END]) {
        escape_html_into(&mut html, &rest[..i], Quotes::Both);
        let mark = rest[i..].chars().next().unwrap_or(MARK_END);
        html.push_str(if mark == MARK_START { "<mark>" } else { "</mark>" });
        rest = &rest[i + mark.len_utf8()..];
    }
    escape_html_into(&mut html, rest, Quotes::Both);
    html
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_term_and_prefix_the_last() {
        assert_eq!(fts_query("rust  async").as_deref(), Some("\"rust\" \"async\"*"));
        assert_eq!(fts_query("say \"hi\" AND(").as_deref(), Some("\"say\" \"\"\"hi\"\"\" \"AND(\"*"));
        assert_eq!(fts_query("\" * -"), None);
    }

    #[test]
    fn snippets_escape_everything_but_the_marks() {
        let raw = format!("a <script>{MARK_START}x{MARK_END}</script> & 'b'");
        assert_eq!(snippet_html(&raw), "a &lt;script&gt;<mark>x</mark>&lt;/script&gt; &amp; &#39;b&#39;");
    }
}
