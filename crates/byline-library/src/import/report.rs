//! What an import did, file by file: the drafts it made, and every file it skipped or imported
//! with a warning, each with its line and what to do.

use std::fmt;
use std::path::PathBuf;

use serde::ser::{Serialize, Serializer};
use ts_rs::TS;

use crate::repair::DamagedFile;
use crate::Author;

/// One imported draft.
#[derive(Debug, Clone, serde::Serialize, TS)]
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

/// A file skipped, or imported with something the writer should know. Serialized with its
/// [`detail`](Self::detail) too, so the app shows the words the CLI prints without re-deriving them.
#[derive(Debug, Clone, PartialEq, Eq, TS)]
#[ts(as = "IssueJson")]
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

/// What an import did. Serialized with its [`summary`](Self::summary) line too, for the same reason
/// as [`ImportIssue`].
#[derive(Debug, Clone, Default, TS)]
#[ts(as = "ReportJson<'static>")]
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
    /// Files whose text looks damaged (mojibake), repaired or imported as they were.
    pub damaged: Vec<DamagedFile>,
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

/// An [`ImportIssue`] as it crosses IPC.
#[derive(serde::Serialize, TS)]
#[ts(rename = "ImportIssue")]
struct IssueJson {
    /// The file.
    path: PathBuf,
    /// The 1-based line the problem is on, when it is on one.
    line: Option<usize>,
    /// What is wrong and what to do about it.
    message: String,
    /// The line (unless the message names it) and the message, as `byline import` prints them.
    detail: String,
}

/// An [`ImportReport`] as it crosses IPC.
#[derive(serde::Serialize, TS)]
#[ts(rename = "ImportReport")]
struct ReportJson<'a> {
    /// The new drafts, in the order the files were found.
    drafts: &'a [ImportedDraft],
    /// Authors named in front matter that did not exist and were created (name only).
    created_authors: &'a [Author],
    /// Files imported with a warning (a missing image, a date kept as written…).
    warnings: Vec<IssueJson>,
    /// Files not imported, and why.
    skipped: Vec<IssueJson>,
    /// The sites the files were read as part of (`Hugo site at …`), for the writer to check.
    sites: &'a [String],
    /// Files whose text looks damaged (mojibake), repaired or imported as they were.
    damaged: &'a [DamagedFile],
    /// The closing line, e.g. `imported 14 (12 published, 2 section pages), skipped 1, 3 warnings`.
    summary: String,
}

impl From<&ImportIssue> for IssueJson {
    fn from(issue: &ImportIssue) -> Self {
        Self { path: issue.path.clone(), line: issue.line, message: issue.message.clone(), detail: issue.detail() }
    }
}

impl Serialize for ImportIssue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        IssueJson::from(self).serialize(serializer)
    }
}

impl Serialize for ImportReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let issues = |list: &[ImportIssue]| list.iter().map(IssueJson::from).collect();
        ReportJson {
            drafts: &self.drafts,
            created_authors: &self.created_authors,
            warnings: issues(&self.warnings),
            skipped: issues(&self.skipped),
            sites: &self.sites,
            damaged: &self.damaged,
            summary: self.summary(),
        }
        .serialize(serializer)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(line: Option<usize>, message: &str) -> ImportIssue {
        ImportIssue::new("/blog/a.md", line, message)
    }

    #[test]
    fn an_issue_names_its_line_once_before_the_message_unless_the_message_names_it() {
        assert_eq!(issue(Some(4), "front matter: bad date").detail(), "line 4: front matter: bad date");
        let named = issue(Some(3), "has malformed front matter: line 3: x");
        assert_eq!(named.detail(), "has malformed front matter: line 3: x");
        assert_eq!(issue(None, "is empty").to_string(), "/blog/a.md: is empty");
    }

    #[test]
    fn the_summary_counts_with_plurals_and_mentions_section_pages_only_when_there_are_some() {
        let mut report = ImportReport::default();
        assert_eq!(report.summary(), "imported 0 (0 published), skipped 0, 0 warnings");
        report.warnings.push(issue(None, "m"));
        assert_eq!(report.summary(), "imported 0 (0 published), skipped 0, 1 warning");
        report.warnings.clear();
        let section = |slug: &str| ImportedDraft {
            slug: slug.into(),
            source: PathBuf::from("/c/_index.md"),
            images: 0,
            published: false,
            section: true,
        };
        report.drafts = vec![section("posts"), section("notes")];
        assert_eq!(report.summary(), "imported 2 (0 published, 2 section pages), skipped 0, 0 warnings");
    }

    #[test]
    fn the_summary_and_each_detail_cross_with_the_data() {
        let report = ImportReport { skipped: vec![issue(Some(4), "bad date")], ..Default::default() };
        let sent = serde_json::to_value(&report).unwrap();
        assert_eq!(sent["summary"], "imported 0 (0 published), skipped 1, 0 warnings");
        assert_eq!(sent["skipped"][0]["detail"], "line 4: bad date");
        assert_eq!(sent["skipped"][0]["line"], 4);
    }
}
