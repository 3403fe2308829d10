//! What an import did, file by file: the drafts it made, and every file it skipped or imported
//! with a warning, each with its line and what to do.

use std::fmt;
use std::path::PathBuf;

use crate::Author;

/// One imported draft.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportedDraft {
    /// Slug of the new draft.
    pub slug: String,
    /// The file it came from.
    pub source: PathBuf,
    /// How many images were copied into the library for it.
    pub images: usize,
    /// Whether the site publishes it (by its own conventions, or its `status`).
    pub published: bool,
    /// A section's own page (`_index.md`) rather than an article.
    pub section: bool,
}

/// A file skipped, or imported with something the writer should know.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportIssue {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line the problem is on, when it is on one.
    pub line: Option<usize>,
    /// What is wrong and what to do about it.
    pub message: String,
}

impl ImportIssue {
    pub(crate) fn new(path: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self { path: path.into(), line, message: message.into() }
    }

    /// What is wrong, after the file's name: its line (unless the message names it), then why.
    pub fn detail(&self) -> String {
        match self.line {
            Some(line) if !self.message.contains(&format!("line {line}")) => format!("line {line}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.detail())
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportReport {
    /// The new drafts, in the order the files were found.
    pub drafts: Vec<ImportedDraft>,
    /// Authors named in front matter that did not exist and were created (name only).
    pub created_authors: Vec<Author>,
    /// Files imported with a warning (a missing image, a date kept as written…).
    pub warnings: Vec<ImportIssue>,
    /// Files not imported, and why.
    pub skipped: Vec<ImportIssue>,
    /// The sites the files were read as part of (`Hugo site at …`), for the writer to check.
    pub sites: Vec<String>,
}

impl ImportReport {
    /// The closing line: `imported 14 (12 published, 2 section pages), skipped 1, 3 warnings`.
    pub fn summary(&self) -> String {
        let published = self.drafts.iter().filter(|d| d.published).count();
        let sections = self.drafts.iter().filter(|d| d.section).count();
        let mut imported = format!("imported {} ({published} published", self.drafts.len());
        if sections > 0 {
            imported.push_str(&format!(", {sections} section page{}", plural(sections)));
        }
        let warnings = self.warnings.len();
        format!("{imported}), skipped {}, {warnings} warning{}", self.skipped.len(), plural(warnings))
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
