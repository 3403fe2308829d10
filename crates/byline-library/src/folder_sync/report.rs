//! What one reconciliation did, as data (paths, slugs, revision numbers) for the app to act on,
//! and as lines for the writer.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

/// A file of the drafts folder and the draft it mirrors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DraftFile {
    /// The file, relative to the drafts folder, `/`-separated.
    pub path: String,
    /// The draft's slug.
    pub slug: String,
}

/// A file that was renamed or moved; its draft stays the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RenamedFile {
    /// Where the file was.
    pub from: String,
    /// Where it is now.
    pub to: String,
    /// The draft it mirrors.
    pub slug: String,
}

/// Both the file and its draft changed: the library kept its text and the file's version became
/// a revision of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Conflict {
    /// The file, relative to the drafts folder.
    pub path: String,
    /// The draft's slug.
    pub slug: String,
    /// The revision (as `byline history` numbers them) that holds the file's version.
    pub revision: i64,
}

/// Something the writer should know about one file: why it was skipped, or what was odd in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, TS)]
pub struct FileNote {
    /// The file, relative to the drafts folder (the folder itself when the whole sync failed).
    pub path: String,
    /// What happened and what to do, for the writer.
    pub message: String,
}

impl FileNote {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> FileNote {
        FileNote { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for FileNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// What one reconciliation did, one entry per file.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct SyncReport {
    /// Files (and images beside them) written from library changes.
    pub written: Vec<String>,
    /// Drafts updated from changes to their files.
    pub updated: Vec<DraftFile>,
    /// New drafts made from new files.
    pub created: Vec<DraftFile>,
    /// Drafts moved to the trash because their file was deleted.
    pub trashed: Vec<DraftFile>,
    /// Files removed because their draft is in the trash (or was destroyed).
    pub removed: Vec<String>,
    /// Files that were renamed or moved.
    pub renamed: Vec<RenamedFile>,
    /// Both sides changed: the library kept its text, the file's version became a revision.
    pub conflicts: Vec<Conflict>,
    /// Files that could not be used, with the reason; they were left alone.
    pub problems: Vec<FileNote>,
    /// Files read with something the writer should know (a missing image, a date kept as written).
    pub warnings: Vec<FileNote>,
    /// Things the writer should know about the sync itself (e.g. the watcher fell back to polling).
    pub notices: Vec<String>,
}

impl SyncReport {
    /// True when nothing happened.
    pub fn is_empty(&self) -> bool {
        self.lines().is_empty()
    }

    /// One human-readable line per event, as `byline sync` prints them.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        lines.extend(self.written.iter().map(|path| format!("wrote {path}")));
        lines.extend(self.updated.iter().map(|file| format!("updated from file: {}", file.path)));
        lines.extend(self.created.iter().map(|file| format!("new draft from {} -> {}", file.path, file.slug)));
        lines.extend(
            self.trashed.iter().map(|file| format!("moved to trash (file deleted): {} ({})", file.slug, file.path)),
        );
        lines.extend(self.removed.iter().map(|path| format!("removed file of trashed draft: {path}")));
        lines.extend(self.conflicts.iter().map(|c| {
            format!(
                "conflict, both versions kept: {} (the file's version is revision {} of `{}`)",
                c.path, c.revision, c.slug
            )
        }));
        lines.extend(self.problems.iter().map(|note| format!("skipped {note}")));
        lines.extend(self.warnings.iter().map(|note| format!("warning: {note}")));
        lines.extend(self.notices.iter().map(|notice| format!("note: {notice}")));
        lines.extend(self.renamed.iter().map(|r| format!("renamed {} -> {}", r.from, r.to)));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, slug: &str) -> DraftFile {
        DraftFile { path: path.into(), slug: slug.into() }
    }

    #[test]
    fn each_event_is_one_line_naming_the_file_and_where_it_matters_the_draft_and_revision() {
        let report = SyncReport {
            written: vec!["tide.md".into()],
            updated: vec![file("notes/tide.md", "tide")],
            created: vec![file("fresh.md", "fresh")],
            trashed: vec![file("gone.md", "gone")],
            removed: vec!["old.md".into()],
            renamed: vec![RenamedFile { from: "a.md".into(), to: "b/a.md".into(), slug: "a".into() }],
            conflicts: vec![Conflict { path: "both.md".into(), slug: "both".into(), revision: 12 }],
            problems: vec![FileNote::new("bad.md", "line 2: unclosed front matter")],
            warnings: vec![FileNote::new("pic.md", "image `x.png` is missing")],
            notices: vec!["checking it every 500 ms instead".into()],
        };
        assert_eq!(
            report.lines(),
            [
                "wrote tide.md",
                "updated from file: notes/tide.md",
                "new draft from fresh.md -> fresh",
                "moved to trash (file deleted): gone (gone.md)",
                "removed file of trashed draft: old.md",
                "conflict, both versions kept: both.md (the file's version is revision 12 of `both`)",
                "skipped bad.md: line 2: unclosed front matter",
                "warning: pic.md: image `x.png` is missing",
                "note: checking it every 500 ms instead",
                "renamed a.md -> b/a.md",
            ]
        );
        assert!(SyncReport::default().is_empty() && !report.is_empty());
    }

    #[test]
    fn the_report_crosses_ipc_as_data_the_ui_reads_without_parsing_sentences() {
        let report = SyncReport {
            conflicts: vec![Conflict { path: "both.md".into(), slug: "both".into(), revision: 12 }],
            renamed: vec![RenamedFile { from: "a.md".into(), to: "b.md".into(), slug: "a".into() }],
            ..SyncReport::default()
        };
        let sent = serde_json::to_value(&report).unwrap_or_default();
        assert_eq!(sent["conflicts"][0], serde_json::json!({"path": "both.md", "slug": "both", "revision": 12}));
        assert_eq!(sent["renamed"][0], serde_json::json!({"from": "a.md", "to": "b.md", "slug": "a"}));
        assert_eq!(sent["warnings"], serde_json::json!([]));
    }
}
