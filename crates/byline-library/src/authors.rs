//! Author profiles: adding, editing, the single default author, and removal that never
//! leaves a draft crediting someone who no longer exists.

use chrono::{DateTime, Utc};
use indexmap::IndexMap;
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::model::{Author, AuthorChange, DraftSnapshot, NewAuthor, SaveMode};
use crate::rows::authors::{author_from_row, default_author_row, find_author, AUTHOR_COLUMNS};
use crate::rows::blobs::require_blob;
use crate::rows::drafts::{clean_optional, load_draft};
use crate::rows::revisions::{record, RevisionKind};
use crate::slug::{choose_slug, slugify, SlugSpace};
use crate::store::{fmt_time, to_json, Library};

impl Library {
    /// Adds an author. The first author, or one with `make_default`, becomes the default author.
    pub fn add_author(&mut self, new: NewAuthor) -> Result<Author> {
        let now = self.now();
        let tx = self.write_tx()?;
        let name = clean_name(&new.name)?;
        let slug = choose_slug(&tx, SlugSpace::Authors, new.slug.as_deref(), &name)?;
        let avatar = clean_optional(new.avatar).map(|hash| hash.to_ascii_lowercase());
        if let Some(hash) = &avatar {
            require_blob(&tx, hash)?;
        }
        let social = clean_social(new.social)?;
        let make_default = new.make_default || default_author_row(&tx)?.is_none();
        if make_default {
            tx.execute("UPDATE authors SET is_default = 0 WHERE is_default = 1", [])?;
        }
        tx.execute(
            "INSERT INTO authors (slug, name, short_bio, bio, avatar, website, location, role, email, social,
                                  is_default, created, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            rusqlite::params![
                slug,
                name,
                clean_optional(new.short_bio),
                clean_optional(new.bio),
                avatar,
                clean_optional(new.website),
                clean_optional(new.location),
                clean_optional(new.role),
                clean_optional(new.email),
                to_json(&social)?,
                make_default,
                fmt_time(now),
            ],
        )?;
        let author = find_author(&tx, &slug)?;
        tx.commit()?;
        Ok(author)
    }

    /// The author with this slug.
    pub fn author(&self, slug: &str) -> Result<Author> {
        find_author(&self.conn, slug)
    }

    /// All authors, alphabetically by name.
    pub fn authors(&self) -> Result<Vec<Author>> {
        let sql = format!("SELECT {AUTHOR_COLUMNS} FROM authors a ORDER BY a.name COLLATE NOCASE, a.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let authors = stmt.query_map([], author_from_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(authors)
    }

    /// The default author, credited on new drafts that name nobody; `None` if there are no authors.
    pub fn default_author(&self) -> Result<Option<Author>> {
        default_author_row(&self.conn)
    }

    /// Changes an author's profile; the slug never changes.
    pub fn update_author(&mut self, slug: &str, change: AuthorChange) -> Result<Author> {
        let now = self.now();
        let tx = self.write_tx()?;
        let current = find_author(&tx, slug)?;
        let mut next = current.clone();
        if let Some(name) = change.name {
            next.name = clean_name(&name)?;
        }
        let optional_fields = [
            (&mut next.short_bio, change.short_bio),
            (&mut next.bio, change.bio),
            (&mut next.website, change.website),
            (&mut next.location, change.location),
            (&mut next.role, change.role),
            (&mut next.email, change.email),
        ];
        for (field, value) in optional_fields {
            if let Some(value) = value {
                *field = clean_optional(value);
            }
        }
        if let Some(avatar) = change.avatar {
            next.avatar = clean_optional(avatar).map(|hash| hash.to_ascii_lowercase());
            if let Some(hash) = &next.avatar {
                require_blob(&tx, hash)?;
            }
        }
        if let Some(social) = change.social {
            next.social = clean_social(social)?;
        }
        if next != current {
            tx.execute(
                "UPDATE authors SET name = ?2, short_bio = ?3, bio = ?4, avatar = ?5, website = ?6, location = ?7,
                     role = ?8, email = ?9, social = ?10, updated = ?11
                 WHERE id = ?1",
                rusqlite::params![
                    current.id,
                    next.name,
                    next.short_bio,
                    next.bio,
                    next.avatar,
                    next.website,
                    next.location,
                    next.role,
                    next.email,
                    to_json(&next.social)?,
                    fmt_time(now),
                ],
            )?;
        }
        let author = find_author(&tx, slug)?;
        tx.commit()?;
        Ok(author)
    }

    /// Makes this author the default one (and no other).
    pub fn set_default_author(&mut self, slug: &str) -> Result<()> {
        let tx = self.write_tx()?;
        let author = find_author(&tx, slug)?;
        tx.execute("UPDATE authors SET is_default = 0 WHERE is_default = 1", [])?;
        tx.execute("UPDATE authors SET is_default = 1 WHERE id = ?1", [author.id])?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an author. If drafts credit them, `reassign_to` (an author slug) takes their place
    /// in each, keeping the credit position; without it the removal is refused with the drafts named.
    /// Removing the default author makes the oldest remaining author the default.
    pub fn remove_author(&mut self, slug: &str, reassign_to: Option<&str>) -> Result<()> {
        let now = self.now();
        let tx = self.write_tx()?;
        let author = find_author(&tx, slug)?;
        let target = reassign_to.map(|target| find_author(&tx, target)).transpose()?;
        if target.as_ref().is_some_and(|t| t.id == author.id) {
            return Err(Error::InvalidInput(format!(
                "cannot reassign the drafts of `{slug}` to `{slug}` itself; name another author"
            )));
        }
        let credited = credited_drafts(&tx, author.id)?;
        if !credited.is_empty() {
            let Some(target) = target else {
                return Err(Error::AuthorInUse {
                    slug: slug.to_string(),
                    drafts: credited.into_iter().map(|(_, slug)| slug).collect(),
                });
            };
            for (draft_id, _) in &credited {
                reassign(&tx, *draft_id, author.id, target.id, now)?;
            }
        }
        tx.execute("DELETE FROM authors WHERE id = ?1", [author.id])?;
        if author.is_default {
            tx.execute(
                "UPDATE authors SET is_default = 1 WHERE id = (SELECT id FROM authors ORDER BY created, id LIMIT 1)",
                [],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Finds an author by slug, then by name (case-insensitive), then by the slug of the given text.
    pub fn find_author_by_name_or_slug(&self, name: &str) -> Result<Option<Author>> {
        let wanted = name.trim();
        if wanted.is_empty() {
            return Ok(None);
        }
        if let Some(author) = find_author(&self.conn, wanted).map(Some).or_else(not_found_as_none)? {
            return Ok(Some(author));
        }
        let all = self.authors()?;
        let lowered = wanted.to_lowercase();
        let slug = slugify(wanted);
        let by_name = all.iter().find(|a| a.name.to_lowercase() == lowered);
        Ok(by_name.or_else(|| all.iter().find(|a| a.slug == slug)).cloned())
    }
}

/// Replaces `from` with `to` in one draft's credits and records the change as a revision.
fn reassign(conn: &Connection, draft_id: i64, from: i64, to: i64, now: DateTime<Utc>) -> Result<()> {
    let already: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM draft_authors WHERE draft_id = ?1 AND author_id = ?2)",
        (draft_id, to),
        |row| row.get(0),
    )?;
    if already {
        conn.execute("DELETE FROM draft_authors WHERE draft_id = ?1 AND author_id = ?2", (draft_id, from))?;
    } else {
        conn.execute(
            "UPDATE draft_authors SET author_id = ?3 WHERE draft_id = ?1 AND author_id = ?2",
            (draft_id, from, to),
        )?;
    }
    conn.execute("UPDATE drafts SET updated = ?2 WHERE id = ?1", (draft_id, fmt_time(now)))?;
    let draft = load_draft(conn, draft_id)?;
    record(conn, draft_id, &DraftSnapshot::from(&draft), draft.word_count, RevisionKind::Save(SaveMode::Edit), now)
}

fn not_found_as_none(error: Error) -> Result<Option<Author>> {
    match error {
        Error::AuthorNotFound(_) => Ok(None),
        other => Err(other),
    }
}

fn clean_name(name: &str) -> Result<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::InvalidInput("an author needs a name; give a non-blank name".to_string()));
    }
    Ok(name)
}

fn clean_social(social: IndexMap<String, String>) -> Result<IndexMap<String, String>> {
    let mut clean = IndexMap::new();
    for (network, url) in social {
        let (network, url) = (network.trim().to_string(), url.trim().to_string());
        if network.is_empty() || url.is_empty() {
            return Err(Error::InvalidInput(format!(
                "social link `{network}={url}` needs both a name and a URL, like `mastodon=https://example.social/@me`"
            )));
        }
        clean.insert(network, url);
    }
    Ok(clean)
}

fn credited_drafts(conn: &Connection, author_id: i64) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT d.id, d.slug FROM draft_authors da JOIN drafts d ON d.id = da.draft_id
         WHERE da.author_id = ?1 ORDER BY d.slug",
    )?;
    let drafts = stmt.query_map([author_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(drafts.collect::<rusqlite::Result<_>>()?)
}
