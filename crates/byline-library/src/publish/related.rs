//! Related articles for many drafts at once: one query loads the tags of every publishable draft,
//! and each page's "related" list is worked out in memory. A query per page made a 1,000-article
//! site export quadratic in the library's size.

use std::collections::HashMap;

use byline_export::RelatedArticle;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::store::time_col;
use crate::{Draft, Result, Status};

/// Related articles shown under an article.
const RELATED_LIMIT: usize = 3;

/// A draft that may appear in a related list.
struct Candidate {
    slug: String,
    title: String,
    subtitle: Option<String>,
    updated: DateTime<Utc>,
}

/// Ready and published drafts by tag: ideas and drafts never appear, since an exported page must
/// not reveal what the writer has not published.
pub(crate) struct RelatedIndex {
    candidates: Vec<Candidate>,
    /// Lowercase tag -> positions in `candidates`.
    by_tag: HashMap<String, Vec<usize>>,
}

impl RelatedIndex {
    /// Loads the tags of every live ready or published draft in one query.
    pub(crate) fn load(conn: &Connection) -> Result<RelatedIndex> {
        let mut stmt = conn.prepare(
            "SELECT d.slug, d.title, d.subtitle, d.updated, t.tag_key FROM drafts d \
             JOIN draft_tags t ON t.draft_id = d.id \
             WHERE d.trashed_at IS NULL AND d.status IN (?1, ?2) ORDER BY d.id",
        )?;
        let mut rows = stmt.query([Status::Ready.as_str(), Status::Published.as_str()])?;
        let mut index = RelatedIndex { candidates: Vec::new(), by_tag: HashMap::new() };
        while let Some(row) = rows.next()? {
            let slug: String = row.get(0)?;
            // Rows come grouped by draft (ORDER BY d.id), so a new slug means a new candidate.
            if index.candidates.last().map(|last| &last.slug) != Some(&slug) {
                index.candidates.push(Candidate {
                    slug,
                    title: row.get(1)?,
                    subtitle: row.get(2)?,
                    updated: time_col(row, 3)?,
                });
            }
            let position = index.candidates.len() - 1;
            index.by_tag.entry(row.get(4)?).or_default().push(position);
        }
        Ok(index)
    }

    /// Up to three candidates sharing the most tags with `draft` (then the most recently updated,
    /// then by slug, so the same library always gives the same list); `url_of` links each slug.
    pub(crate) fn related(&self, draft: &Draft, url_of: impl Fn(&str) -> String) -> Vec<RelatedArticle> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        let mut keys: Vec<String> = draft.tags.iter().map(|t| t.to_lowercase()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in &keys {
            for &position in self.by_tag.get(key).into_iter().flatten() {
                *shared.entry(position).or_default() += 1;
            }
        }
        let mut scored: Vec<(usize, &Candidate)> = shared
            .into_iter()
            .map(|(position, count)| (count, &self.candidates[position]))
            .filter(|(_, other)| other.slug != draft.slug)
            .collect();
        let order = |a: &(usize, &Candidate), b: &(usize, &Candidate)| {
            b.0.cmp(&a.0).then_with(|| b.1.updated.cmp(&a.1.updated)).then_with(|| a.1.slug.cmp(&b.1.slug))
        };
        if scored.len() > RELATED_LIMIT {
            scored.select_nth_unstable_by(RELATED_LIMIT - 1, order);
            scored.truncate(RELATED_LIMIT);
        }
        scored.sort_by(order);
        scored
            .into_iter()
            .map(|(_, other)| RelatedArticle {
                url: url_of(&other.slug),
                title: other.title.clone(),
                subtitle: other.subtitle.clone(),
            })
            .collect()
    }
}
