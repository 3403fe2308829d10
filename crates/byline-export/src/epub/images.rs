//! The image files of the package: every embedded (`data:`) image the book shows, decoded once
//! and named in order of first use, so the same input always gives the same file names.

use std::collections::BTreeMap;

use crate::doc::embedded_image;

/// One image file of the package.
pub(super) struct ImageFile {
    /// Its manifest id.
    pub id: String,
    /// Its path relative to the package directory, e.g. `images/image-1.png`.
    pub href: String,
    /// Its media type.
    pub media_type: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The book's cover (`properties="cover-image"`).
    pub cover: bool,
}

/// The images collected while writing the book's pages.
#[derive(Default)]
pub(super) struct Images {
    by_src: BTreeMap<String, usize>,
    files: Vec<ImageFile>,
}

impl Images {
    /// The package path of the image at `src`, added on first use; `None` when `src` is not an
    /// embedded image a reader is guaranteed to show: remote images would need the
    /// `remote-resources` property and a network, and other types a fallback chain.
    pub fn add(&mut self, src: &str) -> Option<String> {
        if let Some(&at) = self.by_src.get(src) {
            return self.files.get(at).map(|file| file.href.clone());
        }
        let (media_type, extension, bytes) = decode(src)?;
        let number = self.files.iter().filter(|file| !file.cover).count() + 1;
        let file = ImageFile {
            id: format!("image-{number}"),
            href: format!("images/image-{number}.{extension}"),
            media_type,
            bytes,
            cover: false,
        };
        Some(self.push(src, file))
    }

    /// Adds the cover image; `None` when `src` is not an embedded image.
    pub fn add_cover(&mut self, src: &str) -> Option<String> {
        let (media_type, extension, bytes) = decode(src)?;
        let file = ImageFile {
            id: "cover-image".to_owned(),
            href: format!("images/cover.{extension}"),
            media_type,
            bytes,
            cover: true,
        };
        // Not remembered by URL: a body image that happens to be the cover is its own item.
        self.files.push(file);
        self.files.last().map(|file| file.href.clone())
    }

    /// Every file, in the order added.
    pub fn files(&self) -> &[ImageFile] {
        &self.files
    }

    fn push(&mut self, src: &str, file: ImageFile) -> String {
        let href = file.href.clone();
        self.by_src.insert(src.to_owned(), self.files.len());
        self.files.push(file);
        href
    }
}

/// EPUB 3.2's core image types only, and only when the header reads as one: a file that claims
/// to be a PNG but is not would be reported as corrupt by reading systems and checkers alike.
fn decode(src: &str) -> Option<(&'static str, &'static str, Vec<u8>)> {
    let image = embedded_image(src)?;
    image.size?;
    let (media_type, extension) = match (image.extension(), image.bytes.first()) {
        ("png", Some(0x89)) => ("image/png", "png"),
        ("jpg", Some(0xFF)) => ("image/jpeg", "jpg"),
        ("gif", Some(b'G')) => ("image/gif", "gif"),
        _ => return None,
    };
    Some((media_type, extension, image.bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIXEL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn the_same_image_is_one_file_and_remote_or_broken_ones_are_none() {
        let mut images = Images::default();
        assert_eq!(images.add(PIXEL).as_deref(), Some("images/image-1.png"));
        assert_eq!(images.add(PIXEL).as_deref(), Some("images/image-1.png"));
        assert_eq!(images.add("https://example.org/a.png"), None);
        assert_eq!(images.add("data:image/png;base64,AAAA"), None, "no PNG header");
        assert_eq!(images.add("data:image/jpeg;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"), None);
        assert_eq!(images.add_cover(PIXEL).as_deref(), Some("images/cover.png"));
        assert_eq!(images.files().len(), 2);
        assert!(images.files()[1].cover);
    }
}
