//! Slugs: URL-safe names derived from titles and author names, and picking a free one.

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Longest slug `slugify` produces.
const MAX_SLUG_LEN: usize = 80;

/// Turns any text into a slug: ASCII-transliterated, lowercase, `[a-z0-9-]`, single dashes,
/// at most 80 characters cut at a word boundary, never empty (`untitled`).
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = truncate_at_word(slug.trim_end_matches('-'), MAX_SLUG_LEN);
    if slug.is_empty() {
        "untitled".to_string()
    } else {
        slug.to_string()
    }
}

fn truncate_at_word(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    // The slug is pure ASCII here, so byte indices are char boundaries.
    let cut = &slug[..max];
    match cut.rfind('-') {
        Some(dash) if dash > 0 => &cut[..dash],
        _ => cut.trim_end_matches('-'),
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn slugify_transliterates_and_collapses() {
        assert_eq!(slugify("  Héllo, Wörld!  — C++ & Rust "), "hello-world-c-rust");
        assert_eq!(slugify("Ünïcödé 日本"), "unicode-ri-ben");
    }

    #[test]
    fn slugify_never_returns_empty() {
        assert_eq!(slugify(""), "untitled");
        assert_eq!(slugify("!!! ???"), "untitled");
    }

    #[test]
    fn slugify_cuts_long_titles_on_a_word_boundary() {
        let title = "word ".repeat(40);
        let slug = slugify(&title);
        assert!(slug.len() <= 80, "{slug}");
        assert!(slug.ends_with("word"), "{slug}");
        let one_long_word = "a".repeat(200);
        assert_eq!(slugify(&one_long_word).len(), 80);
    }
}
