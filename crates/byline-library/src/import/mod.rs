//! Importing Markdown files and folders: decoding, front matter, the site's conventions,
//! authors and images.
//!
//! Import runs in two phases: every file is read, decoded and parsed first, then all drafts,
//! authors and images are written in one transaction. A file that cannot be imported is
//! skipped and reported (file, line, what to do) while the rest go in; with `all_or_nothing`
//! the first such file refuses the whole import and nothing is written.

mod prepare;
mod report;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use byline_frontmatter::{FrontMatter, Origin};
use encoding_rs::Encoding;
use rusqlite::OptionalExtension;

pub(crate) use prepare::{prepare_file, FileContext, MissingImages, PreparedFile};
pub use report::{ImportIssue, ImportReport, ImportedDraft};

use crate::assets_scan::LocalImage;
use crate::site::Site;
use crate::{Author, Draft, DraftChange, Error, Library, NewAuthor, NewDraft, Result, SaveMode, Status};

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Encoding label (e.g. "windows-1252") for files that are not UTF-8.
    pub encoding: Option<String>,
    /// Refuse the whole import at the first file that cannot be imported as it is (a missing
    /// image included), writing nothing: for scripts.
    pub all_or_nothing: bool,
    /// Repair damaged text (mojibake) before reading each file, or only report it.
    pub mojibake: crate::repair::MojibakeOnImport,
}

/// Progress of an import, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub enum ImportProgress {
    /// All files were read and parsed; this many drafts will be written.
    Planned(usize),
    /// This many drafts have been written so far.
    Imported(usize),
}

/// The extensions of the files an import reads: Markdown, and plain text (a first line becomes
/// the title). The import dialog's filter is generated from this list.
pub const IMPORTED_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

impl Library {
    /// Imports files and folders (recursively): every file that can be, the others reported.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let encoding = options.encoding.as_deref().map(encoding_for_label).transpose()?;
        let missing_images = if options.all_or_nothing { MissingImages::Refuse } else { MissingImages::Tolerate };
        let mut report = ImportReport::default();
        let files = collect_files(paths, &mut report)?;
        let mut prepared = Vec::new();
        for (path, site) in &files {
            match prepare_file(
                path,
                encoding,
                missing_images,
                FileContext { site: site.as_ref(), mojibake: options.mojibake },
            ) {
                // Jekyll copies a Markdown file without front matter as it is: it is no page.
                Ok(file)
                    if file.document.format.is_none()
                        && file.placement.site == Some(byline_frontmatter::SiteKind::Jekyll) => {}
                Ok(file) => prepared.push(file),
                Err(issue) => report.skipped.push(issue),
            }
        }
        prepared = self.drop_taken_slugs(prepared, &mut report.skipped)?;
        if options.all_or_nothing {
            if let Some(issue) = report.skipped.first() {
                return Err(Error::Import { path: issue.path.clone(), message: issue.detail() });
            }
        }
        progress(ImportProgress::Planned(prepared.len()));
        self.atomically(|library| {
            for (done, file) in prepared.into_iter().enumerate() {
                report.warnings.extend(file.warnings.iter().cloned());
                report.damaged.extend(file.damage.clone());
                let draft = library.import_prepared(file, &mut report.created_authors)?;
                report.drafts.push(draft);
                progress(ImportProgress::Imported(done + 1));
            }
            Ok(())
        })?;
        Ok(report)
    }

    /// Slugs asked for in front matter must be free and distinct: a silent rename would break
    /// the writer's links. A file asking for a taken one is skipped and says so.
    fn drop_taken_slugs(
        &self,
        prepared: Vec<PreparedFile>,
        skipped: &mut Vec<ImportIssue>,
    ) -> Result<Vec<PreparedFile>> {
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(prepared.len());
        for file in prepared {
            let Some(slug) = &file.document.front.slug else {
                kept.push(file);
                continue;
            };
            let slug = crate::slugify(slug);
            let taken =
                self.conn.query_row("SELECT 1 FROM drafts WHERE slug = ?1", [&slug], |_| Ok(())).optional()?.is_some();
            if !seen.insert(slug.clone()) || taken {
                skipped.push(ImportIssue::new(
                    &file.source,
                    None,
                    format!(
                        "asks for slug `{slug}`, which is already taken; change or remove `slug:` in its front matter"
                    ),
                ));
                continue;
            }
            kept.push(file);
        }
        Ok(kept)
    }

    fn import_prepared(&mut self, file: PreparedFile, created_authors: &mut Vec<Author>) -> Result<ImportedDraft> {
        let source = file.source.clone();
        let images = file.images.len();
        let section = file.placement.section;
        let draft = self.import_one_reporting(file, created_authors)?;
        let published = draft.status == Status::Published;
        Ok(ImportedDraft { slug: draft.slug, source, images, published, section })
    }

    /// Creates one draft from a prepared file (authors and images included), atomically.
    pub(crate) fn import_one(&mut self, file: PreparedFile) -> Result<Draft> {
        self.atomically(|library| library.import_one_reporting(file, &mut Vec::new()))
    }

    fn import_one_reporting(&mut self, file: PreparedFile, created_authors: &mut Vec<Author>) -> Result<Draft> {
        let authors = self.resolve_author_names(&file.document.front.authors, created_authors)?;
        let front = with_discuss_url_checked(file.document.front.clone());
        let dated = file_dates(&file);
        let created = dated.date.map(|d| d.to_utc());
        // In a site, the slug its URL uses, when free; another one otherwise (the file keeps its
        // name). A loose file's slug comes from its title, as a new draft's does.
        let slug = front.slug.clone().or_else(|| {
            file.in_site.then_some(())?;
            let wanted = crate::slugify(file.placement.slug.as_deref()?);
            let free = self
                .conn
                .query_row("SELECT 1 FROM drafts WHERE slug = ?1", [&wanted], |_| Ok(()))
                .optional()
                .ok()?
                .is_none();
            free.then_some(wanted)
        });
        let draft = self.import_draft(NewDraft {
            // Blank: the title follows the heading it came from.
            title: if file.title_from_body { String::new() } else { file.title.clone() },
            subtitle: front.subtitle,
            summary: front.summary,
            body: file.document.body.clone(),
            status: file.status,
            tags: front.tags,
            authors,
            slug,
            language: front.language,
            canonical_url: front.canonical_url,
            discuss_url: front.discuss_url,
            cover_image: front.image,
            created,
            updated: front.updated.map(|d| d.to_utc()).or(created),
            // A site's `date:` is the publication date even on a post still marked draft.
            published: created,
            extra: front.extra.into_iter().collect(),
            ..NewDraft::default()
        })?;
        self.attach_images(&draft.slug, &file.images)?;
        self.remember_origin(&draft, &file, &dated)
    }

    /// Records the file a draft now mirrors, with the draft's metadata as read from it.
    fn remember_origin(&mut self, draft: &Draft, file: &PreparedFile, dated: &FrontMatter) -> Result<Draft> {
        let origin = Origin {
            head: file.document.head.clone(),
            base: crate::draft_file::file_front(draft, dated),
            site: file.placement.site,
            path: file.site_path.clone(),
        };
        crate::rows::drafts::store_origin(&self.conn, draft.id, Some(&origin))?;
        Ok(Draft { origin: Some(Box::new(origin)), ..draft.clone() })
    }

    /// Replaces a draft's content with a prepared file's, as one checkpoint revision, atomically.
    pub(crate) fn apply_prepared(&mut self, slug: &str, file: PreparedFile) -> Result<Draft> {
        self.atomically(|library| library.apply_prepared_in_tx(slug, file))
    }

    fn apply_prepared_in_tx(&mut self, slug: &str, file: PreparedFile) -> Result<Draft> {
        let authors = self.resolve_author_names(&file.document.front.authors, &mut Vec::new())?;
        let front = with_discuss_url_checked(file.document.front.clone());
        let dated = file_dates(&file);
        self.attach_images(slug, &file.images)?;
        let draft = self.update_draft(
            slug,
            DraftChange {
                title: Some(if file.title_from_body { String::new() } else { file.title.clone() }),
                subtitle: Some(front.subtitle),
                summary: Some(front.summary),
                body: Some(file.document.body.clone()),
                status: Some(file.status),
                tags: Some(front.tags),
                authors: (!authors.is_empty()).then_some(authors),
                language: Some(front.language),
                canonical_url: Some(front.canonical_url),
                discuss_url: Some(front.discuss_url),
                cover_image: Some(front.image),
                extra: Some(front.extra.into_iter().collect()),
                ..DraftChange::default()
            },
            SaveMode::Checkpoint,
        )?;
        self.remember_origin(&draft, &file, &dated)
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

/// Expands folders (recursively, sorted for a stable order) into the Markdown files they hold,
/// each with the site it belongs to. In a site only its content is read (never its config,
/// templates or archetypes); entries that cannot be read are reported and passed over.
fn collect_files(paths: &[PathBuf], report: &mut ImportReport) -> Result<Vec<(PathBuf, Option<Site>)>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let site = Site::containing(path);
        if let Some(site) = &site {
            let line = format!("{} site at {}", site.kind.name(), site.root.display());
            if !report.sites.contains(&line) {
                report.sites.push(line);
            }
        }
        if meta.is_file() {
            if !has_extension(path, &IMPORTED_EXTENSIONS) {
                return Err(Error::Import {
                    path: path.clone(),
                    message: "is not a Markdown file; import takes .md, .markdown and .txt files".into(),
                });
            }
            files.push((path.clone(), site));
            continue;
        }
        // A site's root means its content folder.
        let start = match &site {
            Some(site) if path.canonicalize().ok().as_deref() == Some(site.root.as_path()) => site.content.clone(),
            _ => path.clone(),
        };
        let walker = walkdir::WalkDir::new(&start).sort_by_file_name().into_iter().filter_entry(|entry| {
            // Hidden folders (.git, .obsidian) hold no drafts.
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let at = err.path().unwrap_or(path).to_path_buf();
                    report.skipped.push(ImportIssue::new(
                        at,
                        None,
                        format!("cannot be read: {err}; check its permissions"),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() || !has_extension(entry.path(), &IMPORTED_EXTENSIONS) {
                continue;
            }
            let in_content = site.as_ref().is_none_or(|site| {
                let absolute = entry.path().canonicalize().unwrap_or_else(|_| entry.path().to_path_buf());
                absolute.strip_prefix(&site.content).is_ok_and(|relative| site.is_content(relative))
            });
            if in_content {
                files.push((entry.into_path(), site.clone()));
            }
        }
    }
    Ok(files)
}

/// A file's `discuss_url` that is no web address (a relative path a theme resolves) cannot be
/// the draft's discussion link, which must be one; it stays in the front matter as written (in
/// `extra`, written back unchanged) rather than failing the file's import.
fn with_discuss_url_checked(mut front: FrontMatter) -> FrontMatter {
    if let Some(url) = front.discuss_url.take() {
        let trimmed = url.trim();
        if trimmed.is_empty() || crate::rows::drafts::is_web_url(trimmed) {
            front.discuss_url = Some(url);
        } else {
            front.extra.insert("discuss_url".to_owned(), serde_json::Value::String(url));
        }
    }
    front
}

/// The file's own dates: its front matter's, else the date its Jekyll name starts with.
fn file_dates(file: &PreparedFile) -> FrontMatter {
    let from_name = file.placement.date.and_then(|d| d.and_hms_opt(0, 0, 0)).map(|d| d.and_utc().fixed_offset());
    FrontMatter {
        date: file.document.front.date.or(from_name),
        updated: file.document.front.updated,
        ..FrontMatter::default()
    }
}

/// True when `path`'s extension is one of `extensions`, in any case.
pub(crate) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().is_some_and(|ext| extensions.iter().any(|known| ext.eq_ignore_ascii_case(known)))
}

fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        Error::InvalidInput(format!(
            "unknown encoding `{label}`; try utf-8, windows-1252, latin1, utf-16le or shift_jis"
        ))
    })
}
