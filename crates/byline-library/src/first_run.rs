//! The first run: a library the app opens for the first time while it is new (no draft ever,
//! live or trashed, and no author) gets a welcome draft, and the writer is asked once for their
//! author profile. The `settings` table (migration 8) remembers both, so a deleted welcome never
//! comes back and a library that ever held a draft never gets one.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::NewDraft;
use crate::store::Library;

/// The welcome draft's Markdown: the preview's features and the app's shortcuts.
pub const WELCOME: &str = include_str!("welcome.md");

const WELCOME_KEY: &str = "welcome";
const AUTHOR_PROMPT_KEY: &str = "author_prompt";

/// What the app shows when it opens a library.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct FirstRun {
    /// The welcome draft's slug when it was created by this call (the library's first opening
    /// in the app); the app opens it. `None` on every later opening.
    pub welcome: Option<String>,
    /// Whether to ask for the writer's author profile: the first run asked and the writer has
    /// neither answered "Not now" nor created a profile since.
    pub ask_for_author: bool,
}

impl Library {
    /// Called by the app each time it opens the library. The first time, on a library that
    /// never held a draft or an author, creates the welcome draft (through the normal create,
    /// so it has a revision like any draft) and starts asking for an author profile; the
    /// welcome is offered once, whatever happens to it afterwards.
    pub fn welcome_if_new(&mut self) -> Result<FirstRun> {
        if self.setting(WELCOME_KEY)?.is_some() {
            return self.first_run_state(None);
        }
        // A read-only library still opens; it just gets no welcome.
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Ok(FirstRun::default());
        }
        let welcome = self.atomically(|library| {
            // Re-read inside the write lock: the CLI may have written meanwhile.
            if library.setting(WELCOME_KEY)?.is_some() {
                return Ok(None);
            }
            // The triggers of migration 8 record the first draft or author as `welcome =
            // skipped`, checked above; this catches libraries filled before that migration.
            if !library.holds_nothing()? {
                library.set_setting(WELCOME_KEY, "skipped")?;
                return Ok(None);
            }
            library.set_setting(WELCOME_KEY, "offered")?;
            library.set_setting(AUTHOR_PROMPT_KEY, "pending")?;
            let draft = library.create_draft(NewDraft { body: WELCOME.to_string(), ..NewDraft::default() })?;
            Ok(Some(draft.slug))
        })?;
        self.first_run_state(welcome)
    }

    /// Marks the library as past its first run without a welcome or an author prompt (for
    /// `byline init --no-welcome`: a library set up by a script or for a test).
    pub fn skip_welcome(&mut self) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, 'skipped')", [WELCOME_KEY])?;
        tx.commit()
    }

    /// The writer answered the author prompt with "Not now": it is not shown again.
    pub fn dismiss_author_prompt(&mut self) -> Result<()> {
        self.set_setting(AUTHOR_PROMPT_KEY, "dismissed")
    }

    fn first_run_state(&self, welcome: Option<String>) -> Result<FirstRun> {
        let pending = self.setting(AUTHOR_PROMPT_KEY)?.as_deref() == Some("pending");
        let ask_for_author = pending && self.author_count()? == 0;
        Ok(FirstRun { welcome, ask_for_author })
    }

    fn author_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM authors", [], |row| row.get(0))?)
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0)).optional()?)
    }

    fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            (key, value),
        )?;
        tx.commit()
    }
}
