//! Slugs: URL-safe names derived from titles and author names, and picking a free one.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Turns any text into a draft or author slug (byline_render's [`SlugStyle::Name`]):
/// ASCII-transliterated, lowercase, `[a-z0-9-]`, single dashes, at most 80 characters cut at a
/// word boundary, never empty (`untitled`).
pub fn slugify(text: &str) -> String {
    byline_render::slugify(text, byline_render::SlugStyle::Name)
}

/// Where a slug must be unique.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SlugSpace {
    /// Drafts, live and trashed, plus the retired slugs of destroyed drafts.
    Drafts,
    /// Authors.
    Authors,
}

impl SlugSpace {
    fn taken(self, conn: &Connection, slug: &str, include_retired: bool) -> Result<bool> {
        let sql = match (self, include_retired) {
            (SlugSpace::Drafts, true) => {
                "SELECT 1 FROM drafts WHERE slug = ?1 UNION ALL SELECT 1 FROM retired_slugs WHERE slug = ?1"
            }
            (SlugSpace::Drafts, false) => "SELECT 1 FROM drafts WHERE slug = ?1",
            (SlugSpace::Authors, _) => "SELECT 1 FROM authors WHERE slug = ?1",
        };
        Ok(conn.query_row(sql, [slug], |_| Ok(())).optional()?.is_some())
    }
}

/// Picks the slug for a new row: the requested one (normalized) if given, which must be free,
/// otherwise one derived from `source` with `-2`, `-3`, … appended until it is free.
pub(crate) fn choose_slug(
    conn: &Connection,
    space: SlugSpace,
    requested: Option<&str>,
    source: &str,
) -> Result<String> {
    if let Some(requested) = requested.map(str::trim).filter(|s| !s.is_empty()) {
        let slug = slugify(requested);
        // An explicit request may revive a retired slug: the writer asked for it by name.
        if space.taken(conn, &slug, false)? {
            return Err(Error::SlugTaken(slug));
        }
        return Ok(slug);
    }
    let base = slugify(source);
    if !space.taken(conn, &base, true)? {
        return Ok(base);
    }
    let mut n: u64 = 2;
    loop {
        let candidate = format!("{base}-{n}");
        if !space.taken(conn, &candidate, true)? {
            return Ok(candidate);
        }
        n += 1;
    }
}
