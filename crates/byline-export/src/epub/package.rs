//! The package metadata: `META-INF/container.xml`, the package document (`content.opf`) with
//! its Dublin Core metadata, manifest and spine, and the stable identifier of a book.

use chrono::{DateTime, FixedOffset, Utc};
use sha2::{Digest, Sha256};

use super::images::ImageFile;
use super::Book;
use crate::xml::{escape, escape_into};

/// Where the package document sits in the archive.
pub(super) const PACKAGE_PATH: &str = "EPUB/content.opf";

/// `META-INF/container.xml`: points reading systems at the package document.
pub(super) fn container_xml() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
         <rootfiles>\n<rootfile full-path=\"{PACKAGE_PATH}\" media-type=\"application/oebps-package+xml\"/>\n\
         </rootfiles>\n</container>\n"
    )
}

/// One XHTML content document of the spine.
pub(super) struct SpineItem<'a> {
    pub id: &'a str,
    pub href: &'a str,
}

/// What the manifest lists besides the metadata.
pub(super) struct Contents<'a> {
    /// Cover page, navigation document (id `nav`), then the chapters: the reading order.
    pub spine: Vec<SpineItem<'a>>,
    pub images: &'a [ImageFile],
}

/// `content.opf`.
pub(super) fn package_document(book: &Book, language: &str, contents: &Contents<'_>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"{}\">\n",
        escape(language)
    ));
    metadata(&mut out, book, language, contents.images.iter().any(|image| image.cover));
    manifest(&mut out, contents);
    out.push_str("<spine>\n");
    for item in &contents.spine {
        out.push_str(&format!("<itemref idref=\"{}\"/>\n", escape(item.id)));
    }
    out.push_str("</spine>\n</package>\n");
    out
}

fn metadata(out: &mut String, book: &Book, language: &str, has_cover: bool) {
    out.push_str("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let identifier =
        if book.identifier.trim().is_empty() { identifier(&[&book.title]) } else { book.identifier.clone() };
    element(out, "dc:identifier id=\"pub-id\"", "dc:identifier", identifier.trim());
    element(out, "dc:title id=\"title\"", "dc:title", &super::chapter::title_or_untitled(&book.title));
    out.push_str("<meta refines=\"#title\" property=\"title-type\">main</meta>\n");
    if let Some(subtitle) = book.subtitle.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        element(out, "dc:title id=\"subtitle\"", "dc:title", subtitle);
        out.push_str("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n");
    }
    let names = book.authors.iter().map(|author| author.name.trim()).filter(|name| !name.is_empty());
    for (index, name) in names.enumerate() {
        let seq = index + 1;
        element(out, &format!("dc:creator id=\"creator-{seq}\""), "dc:creator", name);
        out.push_str(&format!(
            "<meta refines=\"#creator-{seq}\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n\
             <meta refines=\"#creator-{seq}\" property=\"display-seq\">{seq}</meta>\n"
        ));
    }
    element(out, "dc:language", "dc:language", language);
    if let Some(published) = book.published {
        element(out, "dc:date", "dc:date", &utc_timestamp(published));
    }
    if let Some(description) = book.description.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        element(out, "dc:description", "dc:description", description);
    }
    for tag in book.tags.iter().map(|tag| tag.trim()).filter(|tag| !tag.is_empty()) {
        element(out, "dc:subject", "dc:subject", tag);
    }
    element(out, "meta property=\"dcterms:modified\"", "meta", &utc_timestamp(book.modified));
    if has_cover {
        // EPUB 2 reading systems find the cover only this way; EPUB 3 ones read `cover-image`.
        out.push_str("<meta name=\"cover\" content=\"cover-image\"/>\n");
    }
    out.push_str("</metadata>\n");
}

fn manifest(out: &mut String, contents: &Contents<'_>) {
    out.push_str("<manifest>\n");
    out.push_str("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    out.push_str("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
    // The navigation document is in the spine too (the landmarks point at its contents list).
    for item in contents.spine.iter().filter(|item| item.id != "nav") {
        item_element(out, item.id, item.href, "application/xhtml+xml", None);
    }
    for image in contents.images {
        item_element(out, &image.id, &image.href, image.media_type, image.cover.then_some("cover-image"));
    }
    out.push_str("</manifest>\n");
}

fn item_element(out: &mut String, id: &str, href: &str, media_type: &str, properties: Option<&str>) {
    out.push_str(&format!("<item id=\"{}\" href=\"{}\" media-type=\"{media_type}\"", escape(id), escape(href)));
    if let Some(properties) = properties {
        out.push_str(&format!(" properties=\"{properties}\""));
    }
    out.push_str("/>\n");
}

fn element(out: &mut String, open: &str, close: &str, text: &str) {
    out.push_str(&format!("<{open}>"));
    escape_into(out, text);
    out.push_str(&format!("</{close}>\n"));
}

/// `YYYY-MM-DDThh:mm:ssZ`, the only form `dcterms:modified` allows.
pub(super) fn utc_timestamp(time: DateTime<FixedOffset>) -> String {
    time.with_timezone(&Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A `urn:uuid:` from the SHA-256 of `seeds` (each length-prefixed, so `["ab", "c"]` and
/// `["a", "bc"]` differ), marked as an RFC 9562 version 8 UUID: the same book always gets
/// the same identifier, so a reading system files a new export as an update of the old one.
pub(super) fn identifier(seeds: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for seed in seeds {
        hasher.update((seed.len() as u64).to_be_bytes());
        hasher.update(seed.as_bytes());
    }
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hasher.finalize()[..16]);
    bytes[6] = (bytes[6] & 0x0F) | 0x80;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// A well-formed BCP 47 tag for `tag` (`en_GB` → `en-GB`), or `und` (undetermined) when it is
/// not one: a reading system picks hyphenation and fonts from it, and a checker rejects junk.
pub(super) fn language_tag(tag: &str) -> String {
    let tag = tag.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let primary_ok =
        subtags.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()));
    if primary_ok && rest_ok {
        tag
    } else {
        "und".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_stable_uuids() {
        let id = identifier(&["parser-error-messages"]);
        assert_eq!(id, identifier(&["parser-error-messages"]));
        assert_ne!(id, identifier(&["parser-error-message"]));
        assert_ne!(identifier(&["ab", "c"]), identifier(&["a", "bc"]));
        let uuid = id.strip_prefix("urn:uuid:").expect("a uuid urn");
        let groups: Vec<usize> = uuid.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert_eq!(&uuid[14..15], "8", "version 8");
    }

    #[test]
    fn language_tags_are_well_formed_or_undetermined() {
        assert_eq!(language_tag("en"), "en");
        assert_eq!(language_tag(" pt_BR "), "pt-BR");
        assert_eq!(language_tag("zh-Hant-TW"), "zh-Hant-TW");
        for junk in ["", "e", "en--GB", "english language", "fr-", "<x>", "123"] {
            assert_eq!(language_tag(junk), "und", "{junk:?}");
        }
    }

    #[test]
    fn timestamps_are_utc_seconds() {
        let time = DateTime::parse_from_rfc3339("2026-09-14T09:30:00.250+02:00").expect("a date");
        assert_eq!(utc_timestamp(time), "2026-09-14T07:30:00Z");
    }
}
