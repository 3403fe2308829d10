//! Full-text search: the FTS5 index kept in step with drafts, safe query building,
//! bm25 ranking and HTML-safe snippets.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::SearchHit;
use crate::store::Library;

/// Private-use characters FTS5 wraps around matches; they cannot come from user text
/// because indexing replaces them, so after HTML escaping they mark exactly the matches.
const MARK_START: char = '\u{E000}';
const MARK_END: char = '\u{E001}';

/// Words of context around the match in a snippet.
const SNIPPET_TOKENS: i64 = 24;

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
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.slug, d.title, d.subtitle,
                    snippet(drafts_fts, -1, ?3, ?4, '…', ?5),
                    bm25(drafts_fts, 10.0, 5.0, 3.0, 1.0, 5.0) AS score
             FROM drafts_fts JOIN drafts d ON d.id = drafts_fts.rowid
             WHERE drafts_fts MATCH ?1 AND d.trashed_at IS NULL
             ORDER BY score, d.updated DESC
             LIMIT ?2",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let hits = stmt.query_map(
            rusqlite::params![fts_query, limit, MARK_START.to_string(), MARK_END.to_string(), SNIPPET_TOKENS],
            |row| {
                let snippet: String = row.get(3)?;
                let score: f64 = row.get(4)?;
                Ok(SearchHit {
                    slug: row.get(0)?,
                    title: row.get(1)?,
                    subtitle: row.get(2)?,
                    snippet_html: snippet_html(&snippet),
                    rank: -score,
                })
            },
        )?;
        Ok(hits.collect::<rusqlite::Result<_>>()?)
    }
}

/// Re-indexes one draft from its stored row and tags.
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
    conn.execute("DELETE FROM drafts_fts WHERE rowid = ?1", [draft_id])?;
    conn.execute(
        "INSERT INTO drafts_fts (rowid, title, subtitle, summary, body, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            draft_id,
            clean(Some(&title)),
            clean(subtitle.as_deref()),
            clean(summary.as_deref()),
            clean(Some(&body)),
            clean(tags.as_deref()),
        ],
    )?;
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
    let mut html = String::with_capacity(snippet.len() + 16);
    for c in snippet.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            MARK_START => html.push_str("<mark>"),
            MARK_END => html.push_str("</mark>"),
            other => html.push(other),
        }
    }
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
