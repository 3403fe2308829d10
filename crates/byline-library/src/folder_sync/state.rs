//! What the library remembers about each synced file, in `sync_files`.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use crate::store::fmt_time;
use crate::{Library, Result};

/// What the file side looked like at the last reconciliation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Baseline {
    /// The file had this content hash.
    Synced(String),
    /// The file was removed on purpose because its draft went to the trash.
    RemovedForTrash,
    /// The file vanished (its draft went to the trash); it had this hash before.
    Vanished(String),
}

impl Baseline {
    fn encode(&self) -> String {
        match self {
            Baseline::Synced(hash) => hash.clone(),
            Baseline::RemovedForTrash => String::new(),
            Baseline::Vanished(hash) => format!("gone:{hash}"),
        }
    }

    fn decode(text: String) -> Baseline {
        if text.is_empty() {
            Baseline::RemovedForTrash
        } else if let Some(hash) = text.strip_prefix("gone:") {
            Baseline::Vanished(hash.to_owned())
        } else {
            Baseline::Synced(text)
        }
    }

    /// The last known content hash of the file, if there was a file.
    pub(super) fn hash(&self) -> Option<&str> {
        match self {
            Baseline::Synced(hash) | Baseline::Vanished(hash) => Some(hash),
            Baseline::RemovedForTrash => None,
        }
    }
}

/// One remembered file/draft pair.
#[derive(Debug, Clone)]
pub(super) struct SyncedFile {
    pub(super) path: String,
    /// None once the draft was destroyed by empty-trash.
    pub(super) draft_id: Option<i64>,
    pub(super) file: Baseline,
    /// Hash of the text Byline last wrote for (or read into) the draft.
    pub(super) draft_hash: String,
}

impl Library {
    /// Remembers `dir` as bound to this library: a drafts folder, or (`files_only`) the folder of
    /// files the writer opened, which stays one until it is bound as a drafts folder.
    pub(super) fn bind_folder(&mut self, key: &str, files_only: bool) -> Result<()> {
        let now = fmt_time(self.now());
        let added = self.conn.execute(
            "INSERT INTO sync_folders (dir, bound_at, files_only) VALUES (?1, ?2, ?3) ON CONFLICT(dir) DO NOTHING",
            (key, now, files_only),
        )?;
        if added > 0 && !files_only {
            self.binding_changed();
        }
        Ok(())
    }

    /// Binds `dir` (created if missing) as this library's most recently bound drafts folder,
    /// keeping what is known of its files if it was bound before; returns its canonical path.
    pub fn bind_sync_folder(&mut self, dir: &Path) -> Result<PathBuf> {
        let dir = self.drafts_folder(dir)?.path().to_path_buf();
        let now = fmt_time(self.now());
        self.conn.execute(
            "INSERT INTO sync_folders (dir, bound_at) VALUES (?1, ?2) ON CONFLICT(dir) DO UPDATE SET bound_at = excluded.bound_at, files_only = 0",
            (dir.to_string_lossy(), now),
        )?;
        self.binding_changed();
        Ok(dir)
    }

    /// Forgets the binding of `dir` and what was known of its files (the files stay as they
    /// are); true if it was bound.
    pub fn unbind_sync_folder(&mut self, dir: &Path) -> Result<bool> {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM sync_files WHERE dir = ?1", [key.to_string_lossy()])?;
        let removed = tx.execute("DELETE FROM sync_folders WHERE dir = ?1", [key.to_string_lossy()])?;
        tx.commit()?;
        self.binding_changed();
        Ok(removed > 0)
    }

    /// Keeps the recovery record of the binding in step. Best effort: the binding itself is
    /// committed, and the next open rewrites a record that could not be written now.
    fn binding_changed(&self) {
        let _ = self.remember_bound_folder();
    }

    /// Drafts folders this library has been synced with, the most recently bound last.
    pub fn sync_folders(&self) -> Result<Vec<PathBuf>> {
        self.folders_where(false)
    }

    /// Folders holding files the writer opened one by one ([`Library::open_file`]).
    pub fn opened_files_folders(&self) -> Result<Vec<PathBuf>> {
        self.folders_where(true)
    }

    fn folders_where(&self, files_only: bool) -> Result<Vec<PathBuf>> {
        let mut stmt = self.conn.prepare("SELECT dir FROM sync_folders WHERE files_only = ?1 ORDER BY bound_at")?;
        let dirs =
            stmt.query_map([files_only], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(dirs.into_iter().map(PathBuf::from).collect())
    }

    /// The slug of the live or trashed draft paired with `path` in the folder `key`, if any.
    pub(super) fn paired_slug(&self, key: &str, path: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT d.slug FROM sync_files f JOIN drafts d ON d.id = f.draft_id WHERE f.dir = ?1 AND f.path = ?2",
                (key, path),
                |row| row.get(0),
            )
            .optional()?)
    }

    pub(super) fn synced_files(&self, key: &str) -> Result<Vec<SyncedFile>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, draft_id, file_hash, draft_hash FROM sync_files WHERE dir = ?1 ORDER BY path")?;
        let rows = stmt.query_map([key], |row| {
            Ok(SyncedFile {
                path: row.get(0)?,
                draft_id: row.get(1)?,
                file: Baseline::decode(row.get(2)?),
                draft_hash: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records the pair `draft_id` ↔ `path` (replacing whatever either was paired with).
    pub(super) fn record(
        &mut self,
        key: &str,
        draft_id: i64,
        path: &str,
        file: &Baseline,
        draft_hash: &str,
    ) -> Result<()> {
        let tx = self.write_tx()?;
        tx.execute("DELETE FROM sync_files WHERE dir = ?1 AND (draft_id = ?2 OR path = ?3)", (key, draft_id, path))?;
        tx.execute(
            "INSERT INTO sync_files (dir, path, draft_id, file_hash, draft_hash) VALUES (?1, ?2, ?3, ?4, ?5)",
            (key, path, draft_id, file.encode(), draft_hash),
        )?;
        tx.commit()
    }

    pub(super) fn forget(&mut self, key: &str, path: &str) -> Result<()> {
        self.conn.execute("DELETE FROM sync_files WHERE dir = ?1 AND path = ?2", (key, path))?;
        Ok(())
    }
}
