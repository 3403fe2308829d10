//! JSON shapes of the IPC contract that have no library type of their own.

use std::path::{Path, PathBuf};

use byline_frontmatter::Flavor;
use byline_library::publish::{ArticleFormat, DocumentFormat, ExportOptions, ImageMode, Paper};
use byline_library::site::Site;
use byline_library::{Error, Library};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `library_info`: where the library is and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LibraryInfo {
    /// The library folder.
    pub dir: PathBuf,
    /// Live drafts.
    pub drafts: usize,
    /// Drafts in the trash.
    pub trashed: usize,
    /// Author profiles.
    pub authors: usize,
}

impl LibraryInfo {
    /// Reads the counts of `library`.
    pub fn of(library: &Library) -> byline_library::Result<Self> {
        let stats = library.stats()?;
        Ok(Self {
            dir: library.dir().to_path_buf(),
            drafts: stats.drafts,
            trashed: stats.trashed,
            authors: stats.authors,
        })
    }
}

/// `export_article` options as the export dialog sends them.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArticleExport {
    /// Output format.
    pub format: ExportFormat,
    /// Images inside the page or in a folder beside it.
    pub images: ImagePlacement,
    /// Include authors' email addresses.
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub include_email: bool,
    /// Show the share prompt on an HTML page (on unless turned off).
    #[serde(default = "yes")]
    #[ts(as = "Option<_>", optional)]
    pub share: bool,
    /// PDF paper size; from the draft's language when absent.
    #[serde(default)]
    #[ts(optional)]
    pub paper: Option<PaperSize>,
    /// Typewriter punctuation in the exported copy (curly quotes, dashes, ellipses).
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub smart: bool,
    /// Destination file, from the native save dialog.
    pub path: PathBuf,
}

/// Formats offered in the export dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Standalone HTML page.
    Html,
    /// Markdown with Hugo front matter.
    Hugo,
    /// Markdown with Zola front matter.
    Zola,
    /// Markdown with Jekyll front matter.
    Jekyll,
    /// A typeset PDF.
    Pdf,
    /// A Word document.
    Docx,
    /// An EPUB 3 e-book.
    Epub,
}

/// Paper sizes offered for PDF export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "Paper")]
pub enum PaperSize {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

fn yes() -> bool {
    true
}

/// Where an exported page's images go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImagePlacement {
    /// Inside the page as data: URIs.
    Embed,
    /// In a folder beside the page.
    Folder,
}

impl ArticleExport {
    /// The library's export options; the destination must be a full path (the save dialog gives one).
    pub fn options(&self) -> byline_library::Result<ExportOptions> {
        require_absolute(&self.path)?;
        let format = match self.format {
            ExportFormat::Html => ArticleFormat::Html,
            ExportFormat::Hugo => ArticleFormat::Markdown(Flavor::Hugo),
            ExportFormat::Zola => ArticleFormat::Markdown(Flavor::Zola),
            ExportFormat::Jekyll => ArticleFormat::Markdown(Flavor::Jekyll),
            ExportFormat::Docx => ArticleFormat::Document(DocumentFormat::Docx),
            ExportFormat::Epub => ArticleFormat::Document(DocumentFormat::Epub),
            ExportFormat::Pdf => ArticleFormat::Document(DocumentFormat::Pdf(self.paper.map(|paper| match paper {
                PaperSize::A4 => Paper::A4,
                PaperSize::Letter => Paper::Letter,
            }))),
        };
        let images = match self.images {
            ImagePlacement::Embed => ImageMode::Embed,
            ImagePlacement::Folder => ImageMode::Folder,
        };
        Ok(ExportOptions {
            format,
            images,
            include_email: self.include_email,
            template_dir: None,
            share: self.share,
            smart: self.smart,
        })
    }
}

/// Refuses relative destinations: they would land wherever the app happened to be started.
pub fn require_absolute(path: &Path) -> byline_library::Result<&Path> {
    if path.is_absolute() {
        Ok(path)
    } else {
        Err(Error::InvalidInput(format!(
            "export destination `{}` is not a full path; choose it with \"Choose destination…\"",
            path.display()
        )))
    }
}

/// `export-progress` event payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ExportProgress {
    /// Files written so far.
    pub done: usize,
    /// Files to write.
    pub total: usize,
}

/// `import_paths`: what to import must be named by full paths, as the native picker gives them;
/// a relative one would be read from wherever the app happened to be started.
pub fn import_sources(paths: &[PathBuf]) -> byline_library::Result<&[PathBuf]> {
    if paths.is_empty() {
        return Err(Error::InvalidInput(
            "nothing to import; choose Markdown files or a folder with File › Import…".into(),
        ));
    }
    match paths.iter().find(|path| !path.is_absolute()) {
        Some(relative) => Err(Error::InvalidInput(format!(
            "`{}` is not a full path; choose what to import with File › Import…",
            relative.display()
        ))),
        None => Ok(paths),
    }
}

/// `bind_drafts_folder` and `drafts_folder`: the folder Byline works in, and the site it is
/// part of, so the writer sees what Byline detected before trusting it with their site.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DraftsFolder {
    /// The folder synced: a site's content folder when its root was chosen. Text, so a path
    /// that is not UTF-8 still crosses (lossily) instead of failing the command.
    pub dir: String,
    /// The site the folder is (in), if any.
    pub site: Option<FolderSite>,
}

/// The static site a drafts folder belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FolderSite {
    /// The generator as writers know it: "Hugo", "Zola" or "Jekyll" (from its config file).
    pub kind: &'static str,
    /// The folder holding its config file.
    pub root: String,
}

impl DraftsFolder {
    /// Describes the bound folder `dir`.
    pub fn of(dir: PathBuf) -> Self {
        let site = Site::containing(&dir)
            .map(|site| FolderSite { kind: site.kind.name(), root: site.root.to_string_lossy().into_owned() });
        Self { dir: dir.to_string_lossy().into_owned(), site }
    }
}

#[cfg(test)]
#[path = "ipc_tests.rs"]
mod contract_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn export_options_arrive_in_the_dialog_shape() {
        let request: ArticleExport = serde_json::from_value(serde_json::json!({
            "format": "zola", "images": "folder", "includeEmail": true, "path": "/tmp/out/post.md"
        }))
        .unwrap();
        let options = request.options().unwrap();
        assert_eq!(options.format, ArticleFormat::Markdown(Flavor::Zola));
        assert_eq!(options.images, ImageMode::Folder);
        assert!(options.include_email);
    }

    #[test]
    fn documents_take_their_paper_and_pages_their_share_switch() {
        let pdf: ArticleExport = serde_json::from_value(serde_json::json!({
            "format": "pdf", "images": "embed", "paper": "letter", "path": "/tmp/out/post.pdf"
        }))
        .unwrap();
        assert_eq!(pdf.options().unwrap().format, ArticleFormat::Document(DocumentFormat::Pdf(Some(Paper::Letter))));
        let html: ArticleExport = serde_json::from_value(serde_json::json!({
            "format": "html", "images": "embed", "path": "/tmp/out/post.html"
        }))
        .unwrap();
        assert!(html.options().unwrap().share, "share links are on unless the dialog turns them off");
        let quiet: ArticleExport = serde_json::from_value(serde_json::json!({
            "format": "html", "images": "embed", "share": false, "path": "/tmp/out/post.html"
        }))
        .unwrap();
        assert!(!quiet.options().unwrap().share);
    }

    #[test]
    fn bad_export_requests_are_refused() {
        let unknown = serde_json::json!({ "format": "rtf", "images": "embed", "path": "/x" });
        assert!(serde_json::from_value::<ArticleExport>(unknown).is_err());
        let extra = serde_json::json!({ "format": "html", "images": "embed", "path": "/x", "theme": "dark" });
        assert!(serde_json::from_value::<ArticleExport>(extra).is_err());
        let relative: ArticleExport =
            serde_json::from_value(serde_json::json!({ "format": "html", "images": "embed", "path": "post.html" }))
                .unwrap();
        assert!(relative.options().unwrap_err().to_string().contains("not a full path"));
    }

    #[test]
    fn library_info_counts_what_the_writer_has() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let draft =
            library.create_draft(byline_library::NewDraft { title: "One".into(), ..Default::default() }).unwrap();
        library.create_draft(byline_library::NewDraft { title: "Two".into(), ..Default::default() }).unwrap();
        library.trash_draft(&draft.slug).unwrap();
        let info = serde_json::to_value(LibraryInfo::of(&library).unwrap()).unwrap();
        assert_eq!(info["drafts"], 1);
        assert_eq!(info["trashed"], 1);
        assert_eq!(info["authors"], 0);
        assert_eq!(info["dir"], dir.path().to_string_lossy().as_ref());
    }
}
