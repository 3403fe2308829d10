//! Importing Markdown files and folders: decoding, front matter, authors and images.
//!
//! Import runs in two phases so that bad input changes nothing: every file is read, decoded and
//! parsed first (any error names the file and stops the import), then all drafts, authors and
//! images are written in one transaction.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use byline_frontmatter::Document;
use encoding_rs::Encoding;
use rusqlite::OptionalExtension;

use crate::assets_scan::{local_image_refs, read_local_image, LocalImage};
use crate::{Author, Draft, DraftChange, Error, Library, NewAuthor, NewDraft, Result, SaveMode, Status};

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Encoding label (e.g. "windows-1252") for files that are not UTF-8.
    pub encoding: Option<String>,
}

/// Progress of an import, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum ImportProgress {
    /// All files were read and parsed; this many drafts will be written.
    Planned(usize),
    /// This many drafts have been written so far.
    Imported(usize),
}

/// One imported draft.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportedDraft {
    /// Slug of the new draft.
    pub slug: String,
    /// The file it came from.
    pub source: PathBuf,
    /// How many images were copied into the library for it.
    pub images: usize,
}

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportReport {
    /// The new drafts, in the order the files were found.
    pub drafts: Vec<ImportedDraft>,
    /// Authors named in front matter that did not exist and were created (name only).
    pub created_authors: Vec<Author>,
    /// Things skipped that the writer should know about (e.g. an image of an unsupported type).
    pub warnings: Vec<String>,
}

/// A file that was read and parsed, ready to be written.
pub(crate) struct PreparedFile {
    source: PathBuf,
    title: String,
    document: Document,
    status: Status,
    images: Vec<LocalImage>,
    /// Jekyll's `_posts/2024-05-01-title.md` names carry the date.
    date_from_name: Option<chrono::DateTime<chrono::Utc>>,
    /// Images that were skipped, and why.
    pub(crate) warnings: Vec<String>,
}

/// How to treat images a file refers to but that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MissingImages {
    /// A missing image is an error: the import is refused (explicit `byline import`).
    Refuse,
    /// A missing image is a warning: the draft keeps the assets it already has (folder sync,
    /// where a draft's images live in the library, not necessarily beside the file).
    Tolerate,
}

const EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

impl Library {
    /// Imports files and folders (recursively); nothing is written if any file is bad.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let encoding = options.encoding.as_deref().map(encoding_for_label).transpose()?;
        let files = collect_files(paths)?;
        let prepared = files
            .iter()
            .map(|path| prepare_file(path, encoding, MissingImages::Refuse))
            .collect::<Result<Vec<_>>>()?;
        self.check_requested_slugs(&prepared)?;
        progress(ImportProgress::Planned(prepared.len()));
        self.atomically(|library| {
            let mut report = ImportReport::default();
            for (done, file) in prepared.into_iter().enumerate() {
                report.warnings.extend(file.warnings.iter().cloned());
                let draft = library.import_prepared(file, &mut report.created_authors)?;
                report.drafts.push(draft);
                progress(ImportProgress::Imported(done + 1));
            }
            Ok(report)
        })
    }

    /// Requested slugs must be free and distinct: a silent rename would break the writer's links.
    fn check_requested_slugs(&self, prepared: &[PreparedFile]) -> Result<()> {
        let mut seen = HashSet::new();
        for file in prepared {
            let Some(slug) = &file.document.front.slug else { continue };
            let slug = crate::slugify(slug);
            let taken = self
                .conn
                .query_row("SELECT 1 FROM drafts WHERE slug = ?1", [&slug], |_| Ok(()))
                .optional()?
                .is_some();
            if !seen.insert(slug.clone()) || taken {
                return Err(Error::Import {
                    path: file.source.clone(),
                    message: format!(
                        "asks for slug `{slug}`, which is already taken; change or remove `slug:` in its front matter"
                    ),
                });
            }
        }
        Ok(())
    }

    fn import_prepared(
        &mut self,
        file: PreparedFile,
        created_authors: &mut Vec<Author>,
    ) -> Result<ImportedDraft> {
        let source = file.source.clone();
        let images = file.images.len();
        let draft = self.import_one_reporting(file, created_authors)?;
        Ok(ImportedDraft { slug: draft.slug, source, images })
    }

    /// Creates one draft from a prepared file (authors and images included), atomically.
    pub(crate) fn import_one(&mut self, file: PreparedFile) -> Result<Draft> {
        self.atomically(|library| library.import_one_reporting(file, &mut Vec::new()))
    }

    fn import_one_reporting(&mut self, file: PreparedFile, created_authors: &mut Vec<Author>) -> Result<Draft> {
        let authors = self.resolve_author_names(&file.document.front.authors, created_authors)?;
        let front = file.document.front;
        let created = front.date.map(|d| d.to_utc()).or(file.date_from_name);
        let draft = self.create_draft(NewDraft {
            title: file.title,
            subtitle: front.subtitle,
            summary: front.summary,
            body: file.document.body,
            status: file.status,
            tags: front.tags,
            authors,
            slug: front.slug,
            language: front.language,
            canonical_url: front.canonical_url,
            cover_image: front.image,
            created,
            updated: front.updated.map(|d| d.to_utc()).or(created),
            published: (file.status == Status::Published).then_some(created).flatten(),
            extra: front.extra.into_iter().collect(),
        })?;
        self.attach_images(&draft.slug, &file.images)?;
        Ok(draft)
    }

    /// Replaces a draft's content with a prepared file's, as one checkpoint revision, atomically.
    pub(crate) fn apply_prepared(&mut self, slug: &str, file: PreparedFile) -> Result<Draft> {
        self.atomically(|library| library.apply_prepared_in_tx(slug, file))
    }

    fn apply_prepared_in_tx(&mut self, slug: &str, file: PreparedFile) -> Result<Draft> {
        let authors = self.resolve_author_names(&file.document.front.authors, &mut Vec::new())?;
        let front = file.document.front;
        self.attach_images(slug, &file.images)?;
        self.update_draft(
            slug,
            DraftChange {
                title: Some(file.title),
                subtitle: Some(front.subtitle),
                summary: Some(front.summary),
                body: Some(file.document.body),
                status: Some(file.status),
                tags: Some(front.tags),
                authors: (!authors.is_empty()).then_some(authors),
                language: Some(front.language),
                canonical_url: Some(front.canonical_url),
                cover_image: Some(front.image),
                extra: Some(front.extra.into_iter().collect()),
                ..DraftChange::default()
            },
            SaveMode::Checkpoint,
        )
    }

    fn attach_images(&mut self, slug: &str, images: &[LocalImage]) -> Result<()> {
        for image in images {
            let asset = self.add_asset(&image.bytes, &image.file_name)?;
            self.attach_asset(slug, &image.reference, &asset.hash)?;
        }
        Ok(())
    }

    /// Author slugs for front-matter names, creating (name only) the authors that do not exist.
    fn resolve_author_names(&mut self, names: &[String], created: &mut Vec<Author>) -> Result<Vec<String>> {
        let mut slugs: Vec<String> = Vec::new();
        for name in names {
            let author = match self.find_author_by_name_or_slug(name)? {
                Some(author) => author,
                None => {
                    let author = self.add_author(NewAuthor { name: name.clone(), ..NewAuthor::default() })?;
                    created.push(author.clone());
                    author
                }
            };
            if !slugs.contains(&author.slug) {
                slugs.push(author.slug);
            }
        }
        Ok(slugs)
    }
}

/// Expands folders (recursively, sorted for a stable order) into the Markdown files they hold.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| Error::Io { path: path.clone(), source })?;
        if meta.is_file() {
            if !has_markdown_extension(path) {
                return Err(Error::Import {
                    path: path.clone(),
                    message: "is not a Markdown file; import takes .md, .markdown and .txt files".into(),
                });
            }
            files.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path).sort_by_file_name().into_iter().filter_entry(|entry| {
            // Hidden folders (.git, .obsidian) hold no drafts.
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
        for entry in walker {
            let entry = entry.map_err(|err| Error::Import {
                path: err.path().unwrap_or(path).to_path_buf(),
                message: format!("cannot be read: {err}"),
            })?;
            if entry.file_type().is_file() && has_markdown_extension(entry.path()) {
                files.push(entry.into_path());
            }
        }
    }
    Ok(files)
}

fn has_markdown_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| EXTENSIONS.iter().any(|known| ext.eq_ignore_ascii_case(known)))
}

pub(crate) fn prepare_file(
    path: &Path,
    encoding: Option<&'static Encoding>,
    missing_images: MissingImages,
) -> Result<PreparedFile> {
    let fail = |message: String| Error::Import { path: path.to_path_buf(), message };
    let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
    let text = crate::text_decode::decode(&bytes, encoding).map_err(fail)?;
    let document =
        byline_frontmatter::parse(&text).map_err(|err| fail(format!("has malformed front matter: {err}")))?;
    let status = match &document.front.status {
        Some(status) => status.parse::<Status>().map_err(|err| fail(format!("front matter: {err}")))?,
        None if document.front.draft == Some(false) => Status::Published,
        None => Status::Draft,
    };
    let title = document
        .front
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .or_else(|| byline_render::first_heading(&document.body))
        .unwrap_or_else(|| title_from_file_name(path));
    let base = path.parent().unwrap_or(Path::new("."));
    let mut references = local_image_refs(&document.body);
    if let Some(cover) = &document.front.image {
        if crate::assets_scan::is_local_reference(cover) && !references.contains(cover) {
            references.push(cover.clone());
        }
    }
    let mut images = Vec::new();
    let mut warnings = Vec::new();
    for reference in &references {
        match read_local_image(base, reference) {
            Ok(image) if crate::sniff_mime(&image.bytes).is_none() => warnings.push(format!(
                "{}: image `{reference}` is not PNG, JPEG, GIF, WebP, AVIF or SVG; it was not copied into the library",
                path.display()
            )),
            Ok(image) => images.push(image),
            Err(message) if missing_images == MissingImages::Tolerate => {
                warnings.push(format!("{} {message}", path.display()));
            }
            Err(message) => return Err(fail(message)),
        }
    }
    Ok(PreparedFile {
        source: path.to_path_buf(),
        title,
        document,
        status,
        images,
        date_from_name: date_from_file_name(path),
        warnings,
    })
}

/// The date at the start of a Jekyll-style file name ("2024-05-01-title.md").
fn date_from_file_name(path: &Path) -> Option<chrono::DateTime<chrono::Utc>> {
    let stem = path.file_stem()?.to_str()?;
    let date = chrono::NaiveDate::parse_from_str(stem.get(..10)?, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

/// "my-first_post.md" → "My first post" (a leading Jekyll date is dropped).
fn title_from_file_name(path: &Path) -> String {
    let mut stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if date_from_file_name(path).is_some() {
        stem = stem[10..].to_owned();
    }
    let words: Vec<&str> = stem.split(['-', '_', ' ']).filter(|w| !w.is_empty()).collect();
    let title = words.join(" ");
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_owned(),
    }
}

fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        Error::InvalidInput(format!(
            "unknown encoding `{label}`; try utf-8, windows-1252, latin1, utf-16le or shift_jis"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_titles() {
        assert_eq!(title_from_file_name(Path::new("a/my-first_post.md")), "My first post");
        assert_eq!(title_from_file_name(Path::new("---.md")), "Untitled");
        assert_eq!(title_from_file_name(Path::new("été.md")), "Été");
        assert_eq!(title_from_file_name(Path::new("_posts/2023-11-02-night-trains.md")), "Night trains");
        assert!(date_from_file_name(Path::new("2023-11-02-x.md")).is_some());
        assert!(date_from_file_name(Path::new("notes.md")).is_none());
    }
}
