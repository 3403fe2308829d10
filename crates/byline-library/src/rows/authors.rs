//! Author rows: looking authors up and the credits of a draft, shared by the modules that
//! change drafts and authors.

use rusqlite::{Connection, OptionalExtension, Row};

use crate::error::{Error, Result};
use crate::model::Author;
use crate::store::{json_col, row_or, time_col};

pub(crate) const AUTHOR_COLUMNS: &str =
    "a.id, a.slug, a.name, a.short_bio, a.bio, a.avatar, a.website, a.location, a.role, \
     a.email, a.social, a.is_default, a.created, a.updated";

/// The author with this slug.
pub(crate) fn find_author(conn: &Connection, slug: &str) -> Result<Author> {
    let sql = format!("SELECT {AUTHOR_COLUMNS} FROM authors a WHERE a.slug = ?1");
    row_or(conn.query_row(&sql, [slug], author_from_row), || Error::AuthorNotFound(slug.to_string()))
}

/// Whether an author with this slug exists.
pub(crate) fn author_exists(conn: &Connection, slug: &str) -> Result<bool> {
    Ok(conn.query_row("SELECT 1 FROM authors WHERE slug = ?1", [slug], |_| Ok(())).optional()?.is_some())
}

/// The default author, if any.
pub(crate) fn default_author_row(conn: &Connection) -> Result<Option<Author>> {
    let sql = format!("SELECT {AUTHOR_COLUMNS} FROM authors a WHERE a.is_default = 1");
    Ok(conn.query_row(&sql, [], author_from_row).optional()?)
}

/// The authors credited on a draft, in credit order.
pub(crate) fn credited(conn: &Connection, draft_id: i64) -> Result<Vec<Author>> {
    let sql = format!(
        "SELECT {AUTHOR_COLUMNS} FROM draft_authors da JOIN authors a ON a.id = da.author_id
         WHERE da.draft_id = ?1 ORDER BY da.position"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let authors = stmt.query_map([draft_id], author_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(authors)
}

pub(crate) fn author_from_row(row: &Row<'_>) -> rusqlite::Result<Author> {
    Ok(Author {
        id: row.get(0)?,
        slug: row.get(1)?,
        name: row.get(2)?,
        short_bio: row.get(3)?,
        bio: row.get(4)?,
        avatar: row.get(5)?,
        website: row.get(6)?,
        location: row.get(7)?,
        role: row.get(8)?,
        email: row.get(9)?,
        social: json_col(row, 10)?,
        is_default: row.get(11)?,
        created: time_col(row, 12)?,
        updated: time_col(row, 13)?,
    })
}
