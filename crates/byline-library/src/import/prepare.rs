//! Reading one file for import: decoding, front matter, the site's conventions (published state,
//! slug, date from the name), and the images it refers to. Nothing is written here.

use std::path::{Path, PathBuf};

use byline_frontmatter::{Document, Placement};
use encoding_rs::Encoding;

use super::report::ImportIssue;
use crate::assets_scan::{all_image_refs, is_local_reference, read_local_image, LocalImage};
use crate::repair::{DamagedFile, MojibakeOnImport};
use crate::site::Site;
use crate::Status;

/// A file that was read and parsed, ready to be written.
pub(crate) struct PreparedFile {
    pub(crate) source: PathBuf,
    pub(crate) title: String,
    /// The title is the body's first heading, so the draft's title follows it.
    pub(crate) title_from_body: bool,
    pub(crate) document: Document,
    pub(crate) status: Status,
    pub(crate) images: Vec<LocalImage>,
    /// What the file's place in its site says (slug, Jekyll date, section page).
    pub(crate) placement: Placement,
    /// Whether the file is in a site found by its config (so its URL slug is the site's).
    pub(crate) in_site: bool,
    /// The file's path relative to its site's content folder (or its own name), `/`-separated.
    pub(crate) site_path: String,
    /// Imported anyway, but the writer should know (a missing image, an unreadable date).
    pub(crate) warnings: Vec<ImportIssue>,
    /// Damaged text found in it (repaired or not, as the import was told).
    pub(crate) damage: Option<DamagedFile>,
}

/// How to treat images a file refers to but that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MissingImages {
    /// A missing image skips the file (`import --all-or-nothing`: the import is refused).
    Refuse,
    /// A missing image is a warning: the draft keeps the reference as written.
    Tolerate,
}

/// Where a file sits: in a site (whose rules apply), or loose.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FileContext<'a> {
    pub(crate) site: Option<&'a Site>,
    /// Whether damaged text is repaired or only reported.
    pub(crate) mojibake: MojibakeOnImport,
}

pub(crate) fn prepare_file(
    path: &Path,
    encoding: Option<&'static Encoding>,
    missing_images: MissingImages,
    context: FileContext<'_>,
) -> Result<PreparedFile, ImportIssue> {
    let issue = |line: Option<usize>, message: String| ImportIssue::new(path, line, message);
    let bytes =
        std::fs::read(path).map_err(|err| issue(None, format!("cannot be read ({err}); check its permissions")))?;
    let text = crate::text_decode::decode(&bytes, encoding).map_err(|message| issue(None, message))?;
    let (text, damage) = crate::repair::on_import(path, text, context.mojibake);
    let document = byline_frontmatter::parse(&text).map_err(|err| {
        issue(
            Some(err.line),
            format!("has malformed front matter: line {}: {}; fix it and import again", err.line, err.message),
        )
    })?;
    let site_path = site_path(path, context.site);
    let placement = byline_frontmatter::placement(context.site.map(|s| s.kind), Path::new(&site_path));
    let status = match &document.front.status {
        Some(status) => status.parse::<Status>().map_err(|err| issue(None, format!("front matter: {err}")))?,
        None if byline_frontmatter::is_published(&document.front, document.format, &placement) => Status::Published,
        None => Status::Draft,
    };
    let front_title = document.front.title.clone().filter(|title| !title.trim().is_empty());
    let title_from_body = front_title.is_none() && byline_render::first_heading(&document.body).is_some();
    // A text file's first line is its title, as a writer who saved notes as text meant it; a
    // Markdown file without a heading is named by its file, as site generators name it.
    let plain_text = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("txt"));
    let from_body = if plain_text {
        byline_render::derive_title(&document.body)
    } else {
        byline_render::first_heading(&document.body)
    };
    let title =
        front_title.or(from_body).unwrap_or_else(|| title_from_name(placement.slug.as_deref().unwrap_or_default()));
    let mut warnings: Vec<ImportIssue> =
        document.warnings.iter().map(|w| issue(Some(w.line), w.message.clone())).collect();
    let images = read_images(path, &document, context, missing_images, &mut warnings)?;
    let in_site = context.site.is_some();
    Ok(PreparedFile {
        source: path.to_path_buf(),
        title,
        title_from_body,
        document,
        status,
        images,
        placement,
        in_site,
        site_path,
        warnings,
        damage,
    })
}

/// The images the body and the cover refer to: beside the file (a page bundle, a relative
/// path), or under the site's static root (`/images/kiln.png`). One that is missing is a warning,
/// and the reference stays as written.
fn read_images(
    path: &Path,
    document: &Document,
    context: FileContext<'_>,
    missing_images: MissingImages,
    warnings: &mut Vec<ImportIssue>,
) -> Result<Vec<LocalImage>, ImportIssue> {
    let mut references = all_image_refs(&document.body);
    if let Some(cover) = &document.front.image {
        if !references.contains(cover) {
            references.push(cover.clone());
        }
    }
    let base = path.parent().unwrap_or(Path::new("."));
    let mut images = Vec::new();
    for reference in &references {
        let read = if is_local_reference(reference) {
            read_local_image(base, reference)
        } else {
            // A root-relative image is the site's to serve (Hugo's and Zola's `static/`, Jekyll's
            // root): checked, and left where it is. Outside a site it names nothing Byline can find.
            let bare = reference.split(['?', '#']).next().unwrap_or(reference);
            match context.site.and_then(|site| site.root_relative_file(bare)) {
                Some(file) if file.is_file() => continue,
                Some(file) => Err(format!(
                    "refers to image `{reference}`, which is not in the site (looked for {}); add the file or fix the path",
                    file.display()
                )),
                None => continue,
            }
        };
        match read {
            Ok(image) if crate::sniff_mime(&image.bytes).is_none() => warnings.push(ImportIssue::new(
                path,
                None,
                format!(
                    "image `{reference}` is not PNG, JPEG, GIF, WebP, AVIF or SVG; it was not copied into the library"
                ),
            )),
            Ok(image) => images.push(image),
            Err(message) if missing_images == MissingImages::Tolerate => {
                let line = line_of(document, reference);
                warnings.push(ImportIssue::new(path, line, format!("{message}; the reference was kept as written")));
            }
            Err(message) => return Err(ImportIssue::new(path, line_of(document, reference), message)),
        }
    }
    Ok(images)
}

/// The file line where `reference` is first written (the front matter's cover, or the body).
fn line_of(document: &Document, reference: &str) -> Option<usize> {
    let text = format!("{}{}", document.head, document.body);
    let at = text.find(reference)?;
    Some(text[..at].matches('\n').count() + 1)
}

/// The file's path within its site's content folder, or the whole path when it is in no site
/// (its folders may still say `_posts/`).
fn site_path(path: &Path, site: Option<&Site>) -> String {
    let relative = site
        .and_then(|site| {
            let content = site.content.canonicalize().unwrap_or_else(|_| site.content.clone());
            let absolute = path.canonicalize().ok()?;
            absolute.strip_prefix(content).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    relative.iter().map(|part| part.to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// "my-first_post" → "My first post".
pub(crate) fn title_from_name(stem: &str) -> String {
    let words: Vec<&str> = stem.split(['-', '_', ' ']).filter(|w| !w.is_empty()).collect();
    let title = words.join(" ");
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_titles() {
        let title = |path: &str| {
            let placement = byline_frontmatter::placement(None, Path::new(path));
            title_from_name(placement.slug.as_deref().unwrap_or_default())
        };
        assert_eq!(title("a/my-first_post.md"), "My first post");
        assert_eq!(title("---.md"), "Untitled");
        assert_eq!(title("été.md"), "Été");
        assert_eq!(title("_posts/2023-11-02-night-trains.md"), "Night trains");
        assert_eq!(title("posts/winter-bread/index.md"), "Winter bread");
    }
}
