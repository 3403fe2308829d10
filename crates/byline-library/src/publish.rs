//! Export glue: turns library drafts and authors into the export crate's typed context, and
//! writes pages, Markdown and sites to disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use byline_export::{
    ArticleContext, AuthorContext, Exporter, PageOptions, RelatedArticle, SocialLink, Stylesheet, TocItem,
};
use byline_frontmatter::Flavor;
use byline_render::RenderOptions;

mod documents;
mod related;
mod site;

pub use byline_export::Paper;
pub use documents::{BookOptions, DocumentFormat};

use crate::assets::{data_url, extension_for_mime};
use crate::assets_scan::{is_local_reference, normalize_reference};
use crate::draft_file::{file_front, front_matter_of};
use crate::fs_atomic::{create_dir_all, write_atomic};
use crate::{Author, Draft, Error, Library, Result};
use related::RelatedIndex;

/// What to export a draft as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    /// A standalone HTML article page.
    Html,
    /// Markdown with the front matter of a static site generator.
    Markdown(Flavor),
    /// One self-contained file: DOCX, EPUB or PDF.
    Document(DocumentFormat),
}

/// Where a page's images go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageMode {
    /// Inside the page as `data:` URIs: one self-contained file.
    Embed,
    /// Beside the page in `<slug>_files/`, linked relatively.
    Folder,
}

/// Options of a single-article export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Output format.
    pub format: ArticleFormat,
    /// Image placement (HTML only; Markdown always writes image files, documents hold them).
    pub images: ImageMode,
    /// Include authors' private email addresses.
    pub include_email: bool,
    /// Templates overriding the built-in theme.
    pub template_dir: Option<PathBuf>,
    /// Show the share prompt on an HTML page that has a canonical URL.
    pub share: bool,
    /// Curly quotes, dashes and ellipses in the exported copy ([`smartened`]).
    pub smart: bool,
}

/// An exported article held in memory.
#[derive(Debug, Clone)]
pub struct ExportedArticle {
    /// The page, Markdown or document file.
    pub document: Vec<u8>,
    /// Image files to write beside it, relative to the document's folder.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Options of a site export.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// Site title (default "Articles").
    pub title: Option<String>,
    /// Absolute URL the site is published at.
    pub base_url: Option<String>,
    /// Templates overriding the built-in theme.
    pub template_dir: Option<PathBuf>,
    /// Curly quotes, dashes and ellipses in every exported article ([`smartened`]).
    pub smart: bool,
}

/// What a site export wrote.
#[derive(Debug, Clone, Copy, serde::Serialize, ts_rs::TS)]
pub struct SiteSummary {
    /// Articles published in the site.
    pub articles: usize,
    /// Files written.
    pub files: usize,
}

/// Meta description length when the draft has no summary.
const DESCRIPTION_CHARS: usize = 160;

/// The draft as a smart-punctuation export prints it: its title, subtitle, summary and body with
/// typewriter quotes, `--`, `---` and `...` set as its language sets them (byline-render's
/// [`smarten`](byline_render::smarten), the editor's own rules). Only the exported copy changes:
/// the library keeps what the writer typed.
pub(crate) fn smartened_if(mut draft: Draft, smart: bool) -> Draft {
    if !smart {
        return draft;
    }
    let language = draft.language.clone().unwrap_or_else(|| "en".to_owned());
    let smarten = |text: &str| byline_render::smarten(text, &language);
    draft.title = smarten(&draft.title);
    draft.subtitle = draft.subtitle.as_deref().map(smarten);
    draft.summary = draft.summary.as_deref().map(smarten);
    draft.body = smarten(&draft.body);
    draft
}

fn exporter(template_dir: Option<&Path>) -> Result<Exporter> {
    match template_dir {
        Some(dir) => Exporter::with_template_dir(dir).map_err(|err| Error::Export(err.to_string())),
        None => Ok(Exporter::new()),
    }
}

impl Library {
    /// Exports one draft into memory.
    pub fn export_article(&self, slug: &str, options: &ExportOptions) -> Result<ExportedArticle> {
        let draft = smartened_if(self.draft(slug)?, options.smart);
        match options.format {
            ArticleFormat::Markdown(flavor) => self.markdown_export(&draft, flavor),
            ArticleFormat::Document(format) => Ok(ExportedArticle {
                document: self.document_export(&draft, format, options.include_email)?,
                files: Vec::new(),
            }),
            ArticleFormat::Html => {
                let mut assets = AssetSink::new(self, options.images, &format!("{}_files", draft.slug));
                let related = RelatedIndex::load(&self.conn)?.related(&draft, |other| format!("{other}.html"));
                let article =
                    article_context(&self.page_inputs(&draft, &mut assets, options.include_email, related)?);
                let page = exporter(options.template_dir.as_deref())?
                    .article_page(
                        &article,
                        &PageOptions {
                            generator: byline_export::GENERATOR.to_owned(),
                            stylesheet: Stylesheet::Inline,
                            share: options.share,
                        },
                    )
                    .map_err(|err| Error::Export(err.to_string()))?;
                Ok(ExportedArticle { document: page.into_bytes(), files: assets.files })
            }
        }
    }

    /// Exports one draft to `output` (image files beside it); returns every path written.
    pub fn export_article_to(&self, slug: &str, options: &ExportOptions, output: &Path) -> Result<Vec<PathBuf>> {
        let exported = self.export_article(slug, options)?;
        if output.is_dir() {
            return Err(Error::InvalidInput(format!(
                "{} is a folder; give a file name such as {}",
                output.display(),
                output.join(format!("{slug}.html")).display()
            )));
        }
        let base = output.parent().unwrap_or(Path::new("."));
        let mut written = Vec::new();
        for (relative, bytes) in &exported.files {
            let path = base.join(relative);
            if let Some(parent) = path.parent() {
                create_dir_all(parent)?;
            }
            write_atomic(&path, bytes)?;
            written.push(path);
        }
        write_atomic(output, &exported.document)?;
        written.insert(0, output.to_path_buf());
        Ok(written)
    }

    fn markdown_export(&self, draft: &Draft, flavor: Flavor) -> Result<ExportedArticle> {
        let mut body = draft.body.clone();
        let mut files = Vec::new();
        for attached in self.draft_assets(&draft.slug)? {
            let bytes = self.asset_bytes(&attached.asset.hash)?;
            // Keep the writer's own relative paths unless they would escape the export folder.
            let safe = !attached.path.contains("..") && is_local_reference(&attached.path);
            let path = if safe {
                attached.path.clone()
            } else {
                let new_path = format!("{}_files/{}", draft.slug, attached.asset.file_name);
                body = body.replace(&format!("({}", attached.path), &format!("({new_path}"));
                new_path
            };
            files.push((path, bytes));
        }
        // A draft read from a site goes back out as that site's file: same keys, same dates.
        let document = match &draft.origin {
            Some(origin) if origin.site.map(|site| site.flavor()) == Some(flavor) => {
                format!("{}{body}", byline_frontmatter::rewrite_head(origin, &file_front(draft, &origin.base)))
            }
            _ => byline_export::markdown(&front_matter_of(draft), &body, flavor),
        };
        Ok(ExportedArticle { document: document.into_bytes(), files })
    }

    /// Reads what `draft`'s page needs from the library; images and avatars go through `assets`.
    fn page_inputs<'d>(
        &self,
        draft: &'d Draft,
        assets: &mut AssetSink<'_>,
        include_email: bool,
        related: Vec<RelatedArticle>,
    ) -> Result<PageInputs<'d>> {
        for item in self.draft_assets(&draft.slug)? {
            assets.register(&item.path, &item.asset.hash, &item.asset.file_name)?;
        }
        let cover_image = match &draft.cover_image {
            Some(url) if is_local_reference(url) => assets.url_for(url),
            Some(url) => web_url(url),
            None => None,
        };
        let mut authors = Vec::new();
        for author in &draft.authors {
            authors.push(self.author_context(author, assets, include_email)?);
        }
        Ok(PageInputs { draft, urls: assets.urls.clone(), cover_image, authors, related })
    }

    fn author_context(
        &self,
        author: &Author,
        assets: &mut AssetSink<'_>,
        include_email: bool,
    ) -> Result<AuthorContext> {
        let avatar_url = match &author.avatar {
            Some(hash) => Some(assets.avatar_url(&author.slug, hash)?),
            None => None,
        };
        let bio_html = author.bio.as_deref().filter(|bio| !bio.trim().is_empty()).map(|bio| {
            // Stateless: a bio rendered mid-export cannot disturb any preview's last render.
            byline_render::render(bio, &RenderOptions { omit_source_lines: true, ..Default::default() }).html
        });
        let social = author
            .social
            .iter()
            .filter_map(|(key, url)| {
                web_url(url).map(|url| SocialLink { key: key.clone(), label: social_label(key), url })
            })
            .collect();
        Ok(AuthorContext {
            slug: author.slug.clone(),
            name: author.name.clone(),
            short_bio: author.short_bio.clone(),
            bio_html,
            avatar_url,
            website: author.website.as_deref().and_then(web_url),
            location: author.location.clone(),
            role: author.role.clone(),
            email: if include_email { author.email.clone() } else { None },
            social,
            url: None,
        })
    }
}

/// What a page needs from the library, read beforehand: rendering then needs no library (whose
/// connection is single-threaded), so a site's pages can render on several threads.
struct PageInputs<'d> {
    draft: &'d Draft,
    /// Body image references -> their URLs on the page.
    urls: BTreeMap<String, String>,
    cover_image: Option<String>,
    authors: Vec<AuthorContext>,
    related: Vec<RelatedArticle>,
}

/// Renders the body and builds the typed context of one article.
fn article_context(inputs: &PageInputs<'_>) -> ArticleContext {
    let draft = inputs.draft;
    let body = strip_title_heading(&draft.body, &draft.title);
    let resolve = |url: &str| inputs.urls.get(&normalize_reference(url)).cloned();
    let rendered = byline_render::render(
        body,
        &RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() },
    );
    ArticleContext {
        slug: draft.slug.clone(),
        title: draft.title.clone(),
        subtitle: draft.subtitle.clone(),
        description: draft.summary.clone().unwrap_or_else(|| byline_render::plain_text(body, DESCRIPTION_CHARS)),
        language: draft.language.clone().unwrap_or_else(|| "en".to_owned()),
        canonical_url: draft.canonical_url.as_deref().and_then(web_url),
        cover_image: inputs.cover_image.clone(),
        published: draft.published.map(|t| t.fixed_offset()),
        modified: draft.updated.fixed_offset(),
        tags: draft.tags.clone(),
        authors: inputs.authors.clone(),
        body_html: rendered.html,
        toc: rendered.toc.into_iter().map(|t| TocItem { level: t.level, id: t.id, text: t.text }).collect(),
        word_count: rendered.stats.words,
        reading_minutes: rendered.stats.reading_minutes,
        related: inputs.related.clone(),
        discuss_url: draft.discuss_url.as_deref().and_then(web_url),
    }
}

/// Collects the images a page needs, as `data:` URIs or as files beside it.
struct AssetSink<'a> {
    library: &'a Library,
    mode: ImageMode,
    folder: String,
    /// Avatars as data: URIs even in folder mode (site pages sit at different depths).
    avatars_inline: bool,
    urls: BTreeMap<String, String>,
    files: Vec<(String, Vec<u8>)>,
}

impl<'a> AssetSink<'a> {
    fn new(library: &'a Library, mode: ImageMode, folder: &str) -> Self {
        Self {
            library,
            mode,
            folder: folder.to_owned(),
            avatars_inline: false,
            urls: BTreeMap::new(),
            files: Vec::new(),
        }
    }

    /// Makes the asset `hash` available under the body reference `reference`.
    fn register(&mut self, reference: &str, hash: &str, file_name: &str) -> Result<()> {
        let url = self.place(hash, file_name, self.mode)?;
        self.urls.insert(reference.to_owned(), url);
        Ok(())
    }

    fn url_for(&self, reference: &str) -> Option<String> {
        self.urls.get(&normalize_reference(reference)).cloned()
    }

    fn avatar_url(&mut self, author_slug: &str, hash: &str) -> Result<String> {
        let mode = if self.avatars_inline { ImageMode::Embed } else { self.mode };
        self.place(hash, &format!("avatar-{author_slug}"), mode)
    }

    fn place(&mut self, hash: &str, file_name: &str, mode: ImageMode) -> Result<String> {
        let asset = self.library.asset(hash)?;
        let bytes = self.library.asset_bytes(hash)?;
        Ok(match mode {
            ImageMode::Embed => data_url(&asset.mime, &bytes),
            ImageMode::Folder => {
                let name = format!("{}.{}", &hash[..hash.len().min(16)], extension_for(&asset.mime, file_name));
                let path = format!("{}/{name}", self.folder);
                if !self.files.iter().any(|(existing, _)| existing == &path) {
                    self.files.push((path.clone(), bytes));
                }
                path
            }
        })
    }
}

/// The stored format's extension; for anything else, the one the file was added with.
fn extension_for(mime: &str, file_name: &str) -> String {
    match extension_for_mime(mime) {
        Some(extension) => extension.to_owned(),
        None => {
            Path::new(file_name).extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_else(|| "bin".into())
        }
    }
}

/// Only absolute http(s) URLs reach a page's links and metadata: anything else could be a script.
fn web_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace() || c == '"' || c == '<' || c == '>');
    ok.then(|| url.to_owned())
}

fn social_label(key: &str) -> String {
    match key {
        "github" => "GitHub".into(),
        "gitlab" => "GitLab".into(),
        "linkedin" => "LinkedIn".into(),
        "youtube" => "YouTube".into(),
        "x" | "twitter" => "X".into(),
        "bluesky" => "Bluesky".into(),
        "mastodon" => "Mastodon".into(),
        "instagram" => "Instagram".into(),
        "threads" => "Threads".into(),
        other => {
            let mut chars = other.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        }
    }
}

/// A body that opens with `# <title>` would show the title twice under the page's own heading.
fn strip_title_heading<'b>(body: &'b str, title: &str) -> &'b str {
    let trimmed = body.trim_start_matches(['\n', '\r', ' ']);
    let first_line_end = trimmed.find('\n').unwrap_or(trimmed.len());
    let first_line = trimmed[..first_line_end].trim_end();
    let heading = first_line.strip_prefix("# ").map(|h| h.trim().trim_end_matches('#').trim());
    match heading {
        Some(text) if text.eq_ignore_ascii_case(title.trim()) => &trimmed[first_line_end..],
        _ => body,
    }
}

fn publish_time(draft: &Draft) -> chrono::DateTime<chrono::Utc> {
    draft.published.unwrap_or(draft.created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_survive() {
        assert_eq!(web_url(" https://a.org/x "), Some("https://a.org/x".into()));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("https://a.org/\"onload=x"), None);
        assert_eq!(web_url("data:text/html,hi"), None);
    }

    #[test]
    fn duplicate_title_heading_is_dropped() {
        assert_eq!(strip_title_heading("# My Post\n\nText", "My post"), "\n\nText");
        assert_eq!(strip_title_heading("# Other\n\nText", "My post"), "# Other\n\nText");
        assert_eq!(strip_title_heading("Text", "My post"), "Text");
    }
}
