//! Finding the local images a Markdown body refers to, and reading them from disk.

use std::path::{Component, Path};

use pulldown_cmark::{Event, Options, Parser, Tag};

/// An image file referenced by a draft, read from disk.
pub(crate) struct LocalImage {
    /// The reference exactly as written in the Markdown (e.g. "images/chart.png").
    pub reference: String,
    /// The file's name, kept for MIME sniffing and export names.
    pub file_name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// True for a relative reference to a file (not a URL, not a fragment, not absolute).
pub(crate) fn is_local_reference(url: &str) -> bool {
    let url = url.trim();
    let has_scheme = url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    !url.is_empty() && !has_scheme && !url.starts_with(['/', '#', '\\']) && !url.starts_with("//")
}

/// Every distinct image reference in a Markdown body that could be a file: local references and root-relative ones (`/images/x.png`, which a site serves from its
/// static folder), in order of appearance.
pub(crate) fn all_image_refs(markdown: &str) -> Vec<String> {
    image_refs(markdown, |url| is_local_reference(url) || (url.starts_with('/') && !url.starts_with("//")))
}

fn image_refs(markdown: &str, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut refs: Vec<String> = Vec::new();
    for event in Parser::new_ext(markdown, Options::all()) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            let url = dest_url.to_string();
            if wanted(&url) && !refs.contains(&url) {
                refs.push(url);
            }
        }
    }
    refs
}

/// Reads the image `reference` relative to the folder of the Markdown file.
pub(crate) fn read_local_image(base: &Path, reference: &str) -> Result<LocalImage, String> {
    let relative = percent_decode(reference.split(['?', '#']).next().unwrap_or(reference));
    // Escapes are decoded only now: `%2Fdev%2Fzero` must not become an absolute path.
    if !is_local_reference(&relative) || Path::new(&relative).has_root() {
        return Err(format!("refers to image `{reference}`, which is not a path relative to the file; write it relative to the Markdown file"));
    }
    let path = base.join(&relative);
    let cannot_read = |err: std::io::Error| {
        format!(
            "refers to image `{reference}`, which cannot be read ({err}; looked for {}); fix the path or add the file",
            path.display()
        )
    };
    // A device or a pipe (`../../dev/zero`) would be read forever.
    if !std::fs::metadata(&path).map_err(cannot_read)?.is_file() {
        return Err(format!(
            "refers to image `{reference}`, which is not a regular file ({}); point it at an image file",
            path.display()
        ));
    }
    let bytes = std::fs::read(&path).map_err(cannot_read)?;
    let file_name = Path::new(&relative)
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .next_back()
        .unwrap_or_else(|| "image".to_owned());
    Ok(LocalImage { reference: reference.to_owned(), file_name, bytes })
}

/// The one spelling of a local reference used as a lookup key: `./` dropped, `\` as `/`,
/// %XX escapes decoded; so `./my%20chart.png` and `my chart.png` name the same asset.
pub(crate) fn normalize_reference(reference: &str) -> String {
    let decoded = percent_decode(reference.trim()).replace('\\', "/");
    let mut relative = decoded.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    relative.to_owned()
}

/// Decodes %XX escapes (e.g. "my%20chart.png"); malformed escapes are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_local_and_root_relative_images_only() {
        let md = "![a](img/a.png) ![b](https://x.org/b.png) ![c](data:image/png;base64,AA) \
                  ![d](/abs.png) ![a again](img/a.png) [link](doc.md)\n\n![e](my%20e.jpg) ![f](//host/x.png)";
        assert_eq!(all_image_refs(md), vec!["img/a.png", "/abs.png", "my%20e.jpg"]);
    }

    /// Found by fuzzing (fuzz/fuzz_targets/import.rs): `![x](%2Fdev%2Fzero)` read /dev/zero
    /// until memory ran out, and escaped absolute paths reached any file on the machine.
    #[test]
    fn image_references_cannot_reach_devices_or_absolute_paths() {
        let base = std::env::temp_dir();
        let deep = "../".repeat(base.components().count() + 2);
        // /dev/null first: before the fix it reads as an empty image at once, so this fails fast.
        for reference in ["%2Fdev%2Fnull", &format!("{deep}dev/null"), "%2Fdev%2Fzero", &format!("{deep}dev/zero")] {
            let err = read_local_image(&base, reference).err().unwrap_or_else(|| panic!("{reference} was read"));
            assert!(err.contains(reference), "{err}");
        }
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(percent_decode("my%20e.jpg"), "my e.jpg");
        assert_eq!(percent_decode("100%.png"), "100%.png");
        assert_eq!(normalize_reference("././img%20a/b.png"), "img a/b.png");
        assert_eq!(normalize_reference("..\\x.png"), "../x.png");
    }
}
