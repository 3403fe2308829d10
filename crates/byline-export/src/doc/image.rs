//! The images a document carries: `data:` URLs decoded, with the pixel size the DOCX and PDF
//! writers need to lay them out (read from the file header; nothing is decoded).

use base64::Engine;

/// An image embedded in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedImage {
    /// Its media type, e.g. `image/png`.
    pub mime: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Width and height in pixels, when the header says (PNG, JPEG, GIF, WebP).
    pub size: Option<(u32, u32)>,
}

impl EmbeddedImage {
    /// The usual file extension of its type.
    pub fn extension(&self) -> &'static str {
        match self.mime.as_str() {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/gif" => "gif",
            "image/webp" => "webp",
            "image/svg+xml" => "svg",
            _ => "bin",
        }
    }
}

/// Decodes a `data:<mime>;base64,<data>` image URL; anything else (a remote or relative URL,
/// a non-image type, broken base64) is `None`, so writers fall back to the alt text.
pub fn embedded_image(src: &str) -> Option<EmbeddedImage> {
    let rest = src.strip_prefix("data:")?;
    let (meta, data) = rest.split_once(',')?;
    let mime = meta.strip_suffix(";base64")?.trim().to_ascii_lowercase();
    if !mime.starts_with("image/") {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?;
    let size = pixel_size(&bytes);
    Some(EmbeddedImage { mime, bytes, size })
}

/// Width and height from a PNG, JPEG, GIF or WebP header.
pub fn pixel_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be32 = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    let le16 = |at: usize| bytes.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])));
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if bytes.starts_with(b"GIF8") {
        return Some((le16(6)?, le16(8)?));
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        return jpeg_size(bytes);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return webp_size(bytes);
    }
    None
}

/// Walks the JPEG segments to the first start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 9 < bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u32::from(u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]));
            let width = u32::from(u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]));
            return Some((width, height));
        }
        at += 2 + length;
    }
    None
}

fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let chunk = bytes.get(12..16)?;
    let le24 = |at: usize| bytes.get(at..at + 3).map(|b| u32::from_le_bytes([b[0], b[1], b[2], 0]));
    match chunk {
        b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
        b"VP8 " => {
            let b = bytes.get(26..30)?;
            Some((
                u32::from(u16::from_le_bytes([b[0], b[1]]) & 0x3FFF),
                u32::from(u16::from_le_bytes([b[2], b[3]]) & 0x3FFF),
            ))
        }
        b"VP8L" => {
            let b = bytes.get(21..25)?;
            let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_png() -> Vec<u8> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts/images/error-chart.png");
        std::fs::read(root).expect("the demo chart is in drafts/images")
    }

    #[test]
    fn a_data_url_gives_back_the_file_and_its_size() {
        let png = demo_png();
        let url = format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(&png));
        let image = embedded_image(&url).expect("decodes");
        assert_eq!(image.bytes, png);
        assert_eq!(image.extension(), "png");
        let (w, h) = image.size.expect("PNG header read");
        assert_eq!((w, h), (80, 64), "the chart is 80x64 pixels");
    }

    #[test]
    fn remote_broken_and_non_image_urls_are_not_embedded() {
        assert_eq!(embedded_image("https://example.org/a.png"), None);
        assert_eq!(embedded_image("data:image/png;base64,@@@"), None);
        assert_eq!(embedded_image("data:text/html;base64,PGI+"), None);
        assert_eq!(pixel_size(b"\x89PNG\r\n\x1a\n"), None, "a truncated header is no size");
    }

    #[test]
    fn gif_and_jpeg_headers() {
        assert_eq!(pixel_size(b"GIF89a\x40\x01\xf0\x00rest"), Some((320, 240)));
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 200, 1, 44, 3, 0, 0, 0];
        assert_eq!(pixel_size(&jpeg), Some((300, 200)));
    }
}
