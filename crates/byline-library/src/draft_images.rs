//! A draft's images as the desktop app's editor needs them, kept free of any GUI toolkit: images
//! pasted or picked in the app stored as assets, assets as `data:` URLs, and the map from a
//! draft's image references to those URLs that the live preview (byline-preview) resolves with.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::assets::{data_url, extension_for_mime};
use crate::assets_scan::normalize_reference;
use crate::slug::slugify;
use crate::{Asset, Error, Library, Result};

/// Largest image the app accepts; bigger files would bloat the library and every preview.
pub const MAX_IMAGE_BYTES: usize = 25 * 1024 * 1024;

/// Folder, inside a draft, that pasted images are filed under.
const IMAGE_FOLDER: &str = "images";

/// An image stored for a draft: where the Markdown refers to it and the text to insert.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct DraftImage {
    /// Path the Markdown uses, e.g. `images/photo.png`.
    pub path: String,
    /// The Markdown image reference to insert, e.g. `![photo](images/photo.png)`.
    pub markdown: String,
}

/// What a preview render needs from the library, read under its lock so the render itself
/// (the slow part on a long draft) runs without holding it: the draft's images as data URLs,
/// and an identity that names the set.
#[derive(Debug, Clone, Default)]
pub struct PreviewImages {
    urls: BTreeMap<String, Arc<str>>,
    identity: String,
}

impl PreviewImages {
    /// The `data:` URL a reference in the Markdown (e.g. `./images/a.png`) shows, if it names
    /// one of the draft's images.
    pub fn resolve(&self, url: &str) -> Option<String> {
        self.urls.get(&normalize_reference(url)).map(|data| data.to_string())
    }

    /// Names the set: every attachment's path and content hash. Equal identities resolve
    /// alike, because an asset (keyed by its sha256) never changes and neither does its URL.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// Whether the draft has no images (a preview then resolves nothing).
    pub fn is_empty(&self) -> bool {
        self.urls.is_empty()
    }
}

impl Library {
    /// The images of the draft `slug` names for its preview (none without a slug).
    pub fn preview_images(&self, slug: Option<&str>) -> Result<PreviewImages> {
        let (mut urls, mut hashes) = (BTreeMap::new(), BTreeMap::new());
        if let Some(slug) = slug {
            for attached in self.draft_assets(slug)? {
                let url = self.cached_data_url(&attached.asset)?;
                hashes.insert(attached.path.clone(), attached.asset.hash);
                urls.insert(attached.path, url);
            }
        }
        let identity = hashes.iter().map(|(path, hash)| format!("{path}\0{hash}\n")).collect();
        Ok(PreviewImages { urls, identity })
    }

    /// Stores an image pasted or dropped into a draft and attaches it under `images/<name>`, a
    /// name made safe from `file_name` and unique within the draft. The same bytes pasted again
    /// reuse the path they already have.
    pub fn add_draft_image(&mut self, slug: &str, file_name: &str, bytes: &[u8]) -> Result<DraftImage> {
        let draft = self.draft(slug)?;
        if draft.trashed_at.is_some() {
            return Err(Error::Trashed(draft.slug));
        }
        check_image_size(file_name, bytes.len())?;
        let asset = self.add_asset(bytes, file_name)?;
        let attached = self.draft_assets(&draft.slug)?;
        let alt = alt_text(file_name);
        if let Some(existing) = attached.iter().find(|a| a.asset.hash == asset.hash) {
            return Ok(DraftImage { markdown: format!("![{alt}]({})", existing.path), path: existing.path.clone() });
        }
        let taken: Vec<&str> = attached.iter().map(|a| a.path.as_str()).collect();
        let path = unique_image_path(file_name, &asset.mime, &taken);
        self.attach_asset(&draft.slug, &path, &asset.hash)?;
        Ok(DraftImage { markdown: format!("![{alt}]({path})"), path })
    }

    /// Reads an image file chosen in the app (e.g. an author's avatar) into the library.
    pub fn import_image_file(&mut self, path: &Path) -> Result<Asset> {
        let io_error = |source| Error::Io { path: path.to_path_buf(), source };
        let size = std::fs::metadata(path).map_err(io_error)?.len();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        check_image_size(&name, usize::try_from(size).unwrap_or(usize::MAX))?;
        let bytes = std::fs::read(path).map_err(io_error)?;
        self.add_asset(&bytes, &name)
    }

    /// The asset with this hash as a `data:<mime>;base64,…` URL, e.g. to show an avatar.
    pub fn asset_data_url(&self, hash: &str) -> Result<String> {
        let asset = self.asset(hash)?;
        Ok(self.cached_data_url(&asset)?.to_string())
    }

    /// Assets are immutable (keyed by their sha256), so their encodings can be kept across the
    /// renders of a typing session instead of being re-read and re-encoded on every keystroke.
    fn cached_data_url(&self, asset: &Asset) -> Result<Arc<str>> {
        if let Some(url) = data_url_cache().lock().unwrap_or_else(PoisonError::into_inner).get(&asset.hash) {
            return Ok(url);
        }
        let bytes = self.asset_bytes(&asset.hash)?;
        let url: Arc<str> = data_url(&asset.mime, &bytes).into();
        data_url_cache().lock().unwrap_or_else(PoisonError::into_inner).insert(&asset.hash, Arc::clone(&url));
        Ok(url)
    }
}

fn check_image_size(file_name: &str, size: usize) -> Result<()> {
    if size <= MAX_IMAGE_BYTES {
        return Ok(());
    }
    Err(Error::InvalidInput(format!(
        "image `{file_name}` is {:.1} MB; Byline accepts images up to {} MB, so shrink or compress it first",
        size as f64 / 1_048_576.0,
        MAX_IMAGE_BYTES / 1_048_576
    )))
}

/// `images/<slug of the name>.<extension of the real format>`, numbered `-2`, `-3`… if taken.
fn unique_image_path(file_name: &str, mime: &str, taken: &[&str]) -> String {
    let stem = file_stem(file_name);
    let stem = if stem.trim().is_empty() { "image".to_owned() } else { slugify(&stem) };
    let extension = extension_for_mime(mime).unwrap_or("png");
    let candidate = |n: usize| match n {
        1 => format!("{IMAGE_FOLDER}/{stem}.{extension}"),
        n => format!("{IMAGE_FOLDER}/{stem}-{n}.{extension}"),
    };
    (1..)
        .map(candidate)
        .find(|path| !taken.contains(&path.as_str()))
        .unwrap_or_else(|| format!("{IMAGE_FOLDER}/{stem}.{extension}"))
}

/// The name without folders or extension; names from the clipboard may carry either separator.
fn file_stem(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let path = PathBuf::from(base);
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Alt text from the file name, with the characters that would end the Markdown label escaped.
fn alt_text(file_name: &str) -> String {
    let stem = file_stem(file_name);
    let words = stem.replace(['_', '-'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = if words.is_empty() { "image".to_owned() } else { words };
    text.chars()
        .flat_map(|c| match c {
            '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

/// Bounded so a long session with many large images cannot grow without limit.
const DATA_URL_CACHE_BYTES: usize = 96 * 1024 * 1024;

#[derive(Default)]
struct DataUrlCache {
    urls: HashMap<String, Arc<str>>,
    bytes: usize,
}

impl DataUrlCache {
    fn get(&self, hash: &str) -> Option<Arc<str>> {
        self.urls.get(hash).cloned()
    }

    fn insert(&mut self, hash: &str, url: Arc<str>) {
        if self.bytes + url.len() > DATA_URL_CACHE_BYTES {
            self.urls.clear();
            self.bytes = 0;
        }
        self.bytes += url.len();
        if let Some(old) = self.urls.insert(hash.to_owned(), url) {
            self.bytes -= old.len();
        }
    }
}

fn data_url_cache() -> &'static Mutex<DataUrlCache> {
    static CACHE: OnceLock<Mutex<DataUrlCache>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn image_paths_are_safe_and_unique() {
        assert_eq!(unique_image_path("My Photo.PNG", "image/png", &[]), "images/my-photo.png");
        assert_eq!(unique_image_path("../../etc/passwd.jpg", "image/png", &[]), "images/passwd.png");
        assert_eq!(unique_image_path("C:\\Users\\me\\shot.jpeg", "image/jpeg", &[]), "images/shot.jpg");
        assert_eq!(unique_image_path("", "image/gif", &[]), "images/image.gif");
        let taken = ["images/image.png", "images/image-2.png"];
        assert_eq!(unique_image_path("image.png", "image/png", &taken), "images/image-3.png");
    }

    #[test]
    fn alt_text_cannot_break_the_markdown() {
        assert_eq!(alt_text("my_photo-1.png"), "my photo 1");
        assert_eq!(alt_text("a]b[c.png"), "a\\]b\\[c");
        assert_eq!(alt_text(""), "image");
    }

    #[test]
    fn oversized_images_are_refused_with_the_limit() {
        let err = check_image_size("huge.png", MAX_IMAGE_BYTES + 1).unwrap_err().to_string();
        assert!(err.contains("huge.png") && err.contains("up to 25 MB"), "{err}");
        assert!(check_image_size("ok.png", MAX_IMAGE_BYTES).is_ok());
    }

    #[test]
    fn cache_stays_bounded() {
        let mut cache = DataUrlCache::default();
        let big: Arc<str> = "x".repeat(DATA_URL_CACHE_BYTES / 2 + 1).into();
        cache.insert("a", Arc::clone(&big));
        cache.insert("b", Arc::clone(&big));
        assert!(cache.bytes <= DATA_URL_CACHE_BYTES);
        assert!(cache.get("b").is_some() && cache.get("a").is_none());
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really pixels";

    fn library_with_draft() -> (tempfile::TempDir, Library, String) {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let draft = library.create_draft(crate::NewDraft { title: "Trip".into(), ..Default::default() }).unwrap();
        (dir, library, draft.slug)
    }

    /// Renders as the preview does: source lines kept, the images resolved.
    fn render(images: &PreviewImages, markdown: &str) -> byline_render::Rendered {
        let resolve = |url: &str| images.resolve(url);
        let options = byline_render::RenderOptions { resolve_url: Some(&resolve), ..Default::default() };
        byline_render::render(markdown, &options)
    }

    #[test]
    fn pasted_image_shows_in_the_preview() {
        let (_dir, mut library, slug) = library_with_draft();
        let image = library.add_draft_image(&slug, "Beach Day.png", PNG).unwrap();
        assert_eq!(
            image,
            DraftImage { path: "images/beach-day.png".into(), markdown: "![Beach Day](images/beach-day.png)".into() }
        );
        let preview = render(&library.preview_images(Some(&slug)).unwrap(), &format!("# Trip\n\n{}\n", image.markdown));
        assert!(preview.html.contains("src=\"data:image/png;base64,iVBORw0KGg"), "{}", preview.html);
        assert!(preview.html.contains("data-line"), "preview keeps source lines for scroll sync");
        assert_eq!(preview.title.as_deref(), Some("Trip"));
        // Without the draft, the same Markdown keeps its relative path (nothing to resolve it to).
        let plain = render(&library.preview_images(None).unwrap(), &image.markdown);
        assert!(plain.html.contains("images/beach-day.png"));
    }

    #[test]
    fn pasting_twice_reuses_or_numbers_paths() {
        let (_dir, mut library, slug) = library_with_draft();
        let first = library.add_draft_image(&slug, "image.png", PNG).unwrap();
        let again = library.add_draft_image(&slug, "other-name.png", PNG).unwrap();
        assert_eq!(again.path, first.path, "same bytes, same path");
        let other = [PNG, b"2"].concat();
        let second = library.add_draft_image(&slug, "image.png", &other).unwrap();
        assert_eq!(second.path, "images/image-2.png");
    }

    #[test]
    fn bad_images_and_trashed_drafts_are_refused() {
        let (_dir, mut library, slug) = library_with_draft();
        let err = library.add_draft_image(&slug, "notes.txt", b"hello").unwrap_err();
        assert!(matches!(err, Error::UnsupportedAsset { .. }), "{err}");
        library.trash_draft(&slug).unwrap();
        assert!(matches!(library.add_draft_image(&slug, "a.png", PNG), Err(Error::Trashed(_))));
        assert!(matches!(library.add_draft_image("nope", "a.png", PNG), Err(Error::DraftNotFound(_))));
        assert!(matches!(library.preview_images(Some("nope")), Err(Error::DraftNotFound(_))));
    }

    #[test]
    fn image_files_become_assets_and_data_urls() {
        let (dir, mut library, _slug) = library_with_draft();
        let file = dir.path().join("avatar.png");
        std::fs::write(&file, PNG).unwrap();
        let asset = library.import_image_file(&file).unwrap();
        assert_eq!((asset.mime.as_str(), asset.file_name.as_str()), ("image/png", "avatar.png"));
        let url = library.asset_data_url(&asset.hash).unwrap();
        assert!(url.starts_with("data:image/png;base64,iVBORw0KGg"), "{url}");
        let missing = library.import_image_file(&dir.path().join("gone.png")).unwrap_err();
        assert!(missing.to_string().contains("gone.png"), "{missing}");
        assert!(matches!(library.asset_data_url("00ff"), Err(Error::AssetNotFound(_))));
    }
}
