//! The trash: drafts leave the library only when the trash is emptied on purpose.

use crate::error::Result;
use crate::rows::drafts::find_draft;
use crate::rows::revisions::collect_unused_bodies;
use crate::store::{fmt_time, Library};

impl Library {
    /// Moves a draft to the trash; it keeps its slug, history and assets. Trashing twice is harmless.
    pub fn trash_draft(&mut self, slug: &str) -> Result<()> {
        let now = self.now();
        let tx = self.write_tx()?;
        let found = find_draft(&tx, slug)?;
        if !found.trashed {
            tx.execute("UPDATE drafts SET trashed_at = ?2 WHERE id = ?1", (found.id, fmt_time(now)))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Brings a draft back from the trash. Untrashing a live draft is harmless.
    pub fn untrash_draft(&mut self, slug: &str) -> Result<()> {
        let tx = self.write_tx()?;
        let found = find_draft(&tx, slug)?;
        tx.execute("UPDATE drafts SET trashed_at = NULL WHERE id = ?1", [found.id])?;
        tx.commit()?;
        Ok(())
    }

    /// Destroys every trashed draft with its revisions and asset links; returns how many.
    /// Their slugs are retired so they are never handed out again automatically.
    pub fn empty_trash(&mut self) -> Result<usize> {
        let now = self.now();
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT OR IGNORE INTO retired_slugs (slug, retired_at)
             SELECT slug, ?1 FROM drafts WHERE trashed_at IS NOT NULL",
            [fmt_time(now)],
        )?;
        // Remember which blobs the doomed drafts used, to drop those nothing else needs.
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS doomed_blobs (hash TEXT PRIMARY KEY);
             DELETE FROM temp.doomed_blobs;
             INSERT OR IGNORE INTO temp.doomed_blobs
                 SELECT a.hash FROM draft_assets a JOIN drafts d ON d.id = a.draft_id WHERE d.trashed_at IS NOT NULL;
             DELETE FROM drafts_fts WHERE rowid IN (SELECT id FROM drafts WHERE trashed_at IS NOT NULL);",
        )?;
        let removed = tx.execute("DELETE FROM drafts WHERE trashed_at IS NOT NULL", [])?;
        tx.execute_batch(
            "DELETE FROM blobs WHERE hash IN (SELECT hash FROM temp.doomed_blobs)
                 AND NOT EXISTS (SELECT 1 FROM draft_assets a WHERE a.hash = blobs.hash)
                 AND NOT EXISTS (SELECT 1 FROM authors u WHERE u.avatar = blobs.hash);
             DELETE FROM temp.doomed_blobs;",
        )?;
        collect_unused_bodies(&tx)?;
        tx.commit()?;
        Ok(removed)
    }
}
