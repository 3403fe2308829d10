//! What one reconciliation did, for the writer.

/// What one reconciliation did, one entry per file.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SyncReport {
    /// Files written from library changes.
    pub written: Vec<String>,
    /// Drafts updated from file changes.
    pub updated: Vec<String>,
    /// New drafts made from new files.
    pub created: Vec<String>,
    /// Drafts moved to the trash because their file was deleted.
    pub trashed: Vec<String>,
    /// Files removed because their draft is in the trash (or was destroyed).
    pub removed: Vec<String>,
    /// Files that were renamed or moved (old → new).
    pub renamed: Vec<(String, String)>,
    /// Both sides changed: the library kept its text, the file's version became a revision.
    pub conflicts: Vec<String>,
    /// Files that could not be used, with the reason; they were left alone.
    pub problems: Vec<String>,
    /// Files read with something the writer should know (a missing image, a date kept as written).
    pub warnings: Vec<String>,
    /// Things the writer should know about the sync itself (e.g. the watcher fell back to polling).
    pub notices: Vec<String>,
}

impl SyncReport {
    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }

    /// One human-readable line per event.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut push = |label: &str, items: &[String]| lines.extend(items.iter().map(|i| format!("{label} {i}")));
        push("wrote", &self.written);
        push("updated from file:", &self.updated);
        push("new draft from", &self.created);
        push("moved to trash (file deleted):", &self.trashed);
        push("removed file of trashed draft:", &self.removed);
        push("conflict, both versions kept:", &self.conflicts);
        push("skipped", &self.problems);
        push("warning:", &self.warnings);
        push("note:", &self.notices);
        lines.extend(self.renamed.iter().map(|(from, to)| format!("renamed {from} -> {to}")));
        lines
    }
}
