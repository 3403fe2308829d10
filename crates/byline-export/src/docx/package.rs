//! What the parts of one package share while they are written: the media files, the list
//! instances `word/numbering.xml` declares, the ids Word wants unique across the document,
//! and each part's own relationships.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::doc::{Block, Document, EmbeddedImage, ListItem};
use crate::xml;

pub(super) const REL_STYLES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
pub(super) const REL_NUMBERING: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
pub(super) const REL_FOOTNOTES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";
pub(super) const REL_SETTINGS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
const REL_HYPERLINK: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
const REL_IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// A file under `word/media/`.
#[derive(Debug)]
pub(super) struct MediaFile {
    /// e.g. `image1.png`.
    pub name: String,
    pub extension: &'static str,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// One `w:num` of `word/numbering.xml`: a list, restarting at its own first number.
#[derive(Debug, Clone, Copy)]
pub(super) struct ListInstance {
    pub ordered: bool,
    pub start: u64,
    pub level: usize,
}

#[derive(Debug, Default)]
pub(super) struct Package {
    pub media: Vec<MediaFile>,
    pub lists: Vec<ListInstance>,
    /// `wp:docPr` ids, unique across the document, footnotes included.
    drawings: usize,
    bookmarks_written: BTreeSet<String>,
    /// Heading `id` (as links name it) to Word bookmark name.
    bookmark_names: BTreeMap<String, String>,
    /// Footnote definition `id` to Word footnote id (from 1; -1 and 0 are the separators).
    footnote_ids: BTreeMap<String, usize>,
}

impl Package {
    /// Knows every heading (of the body and the bios) and the body's footnotes before a line is
    /// written, so links and references may point forward.
    pub(super) fn new(body: &Document, bios: &[Document]) -> Package {
        let mut package = Package::default();
        for document in std::iter::once(body).chain(bios) {
            package.name_bookmarks(&document.blocks);
        }
        for (at, footnote) in body.footnotes.iter().enumerate() {
            package.footnote_ids.entry(footnote.id.clone()).or_insert(at + 1);
        }
        package
    }

    fn name_bookmarks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Heading { id: Some(id), .. } if !self.bookmark_names.contains_key(id) => {
                    let name = self.unused_bookmark_name(id);
                    self.bookmark_names.insert(id.clone(), name);
                }
                Block::Quote(inner) => self.name_bookmarks(inner),
                Block::List(list) => {
                    for ListItem { blocks, .. } in &list.items {
                        self.name_bookmarks(blocks);
                    }
                }
                _ => {}
            }
        }
    }

    /// Word keeps bookmark names of up to 40 letters, digits and underscores, starting with a
    /// letter (a leading underscore hides one), and silently renames others on save.
    fn unused_bookmark_name(&self, id: &str) -> String {
        let mut base: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).take(36).collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base.insert(0, 'h');
            base.truncate(36);
        }
        let taken = |name: &str| self.bookmark_names.values().any(|existing| existing == name);
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format!("{base}_{n}")).find(|name| !taken(name)).unwrap_or(base)
    }

    /// The bookmark a `#fragment` link lands on, when a heading has that id.
    pub(super) fn bookmark_name(&self, id: &str) -> Option<&str> {
        self.bookmark_names.get(id).map(String::as_str)
    }

    /// The id and name of the bookmark for heading `id`, the first time only: two bios with the
    /// same heading id would otherwise give Word two bookmarks of one name.
    pub(super) fn claim_bookmark(&mut self, id: &str) -> Option<(usize, String)> {
        let name = self.bookmark_names.get(id)?;
        if !self.bookmarks_written.insert(name.clone()) {
            return None;
        }
        Some((self.bookmarks_written.len(), name.clone()))
    }

    pub(super) fn next_drawing_id(&mut self) -> usize {
        self.drawings += 1;
        self.drawings
    }

    pub(super) fn footnote_id(&self, target: &str) -> Option<usize> {
        self.footnote_ids.get(target).copied()
    }

    /// The `numId` of a new list instance.
    pub(super) fn add_list(&mut self, list: ListInstance) -> usize {
        self.lists.push(list);
        self.lists.len()
    }

    /// The media file holding `image`; the same bytes twice (an avatar on every author) are one file.
    pub(super) fn media_file(&mut self, image: &EmbeddedImage) -> &MediaFile {
        let at = match self.media.iter().position(|file| file.bytes == image.bytes) {
            Some(at) => at,
            None => {
                let extension = image.extension();
                let name = format!("image{}.{extension}", self.media.len() + 1);
                self.media.push(MediaFile { name, extension, mime: image.mime.clone(), bytes: image.bytes.clone() });
                self.media.len() - 1
            }
        };
        &self.media[at]
    }
}

/// The relationships of one part (`word/document.xml`, `word/footnotes.xml`).
#[derive(Debug, Default)]
pub(super) struct Relationships {
    entries: Vec<Relationship>,
}

#[derive(Debug)]
struct Relationship {
    kind: &'static str,
    target: String,
    external: bool,
}

impl Relationships {
    /// A part's relationships, starting with the fixed ones (styles, numbering…) as `rId1`….
    pub(super) fn with(fixed: &[(&'static str, &str)]) -> Relationships {
        let entries =
            fixed.iter().map(|(kind, target)| Relationship { kind, target: (*target).to_owned(), external: false });
        Relationships { entries: entries.collect() }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(super) fn hyperlink(&mut self, url: &str) -> String {
        self.id_of(REL_HYPERLINK, &uri_safe(url), true)
    }

    pub(super) fn image(&mut self, media_name: &str) -> String {
        self.id_of(REL_IMAGE, &format!("media/{media_name}"), false)
    }

    fn id_of(&mut self, kind: &'static str, target: &str, external: bool) -> String {
        let at = match self.entries.iter().position(|r| r.kind == kind && r.target == target) {
            Some(at) => at,
            None => {
                self.entries.push(Relationship { kind, target: target.to_owned(), external });
                self.entries.len() - 1
            }
        };
        format!("rId{}", at + 1)
    }

    pub(super) fn xml(&self) -> String {
        let mut out = String::from(super::parts::XML_DECLARATION);
        out.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (at, relationship) in self.entries.iter().enumerate() {
            let _ = write!(out, "<Relationship Id=\"rId{}\" Type=\"{}\" Target=\"", at + 1, relationship.kind);
            xml::escape_into(&mut out, &relationship.target);
            out.push('"');
            if relationship.external {
                out.push_str(" TargetMode=\"External\"");
            }
            out.push_str("/>");
        }
        out.push_str("</Relationships>");
        out
    }
}

/// `url` with what a URI may not hold (spaces, quotes, non-ASCII…) percent-encoded: Word
/// declares the whole file unreadable over one relationship target it cannot parse as a URI.
fn uri_safe(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        let keep =
            byte.is_ascii_graphic() && !matches!(byte, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}');
        if keep {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_are_names_word_keeps() {
        let heading = |id: &str| Block::Heading { level: 2, id: Some(id.into()), content: Vec::new() };
        let long = format!("bl-{}", "x".repeat(60));
        let document = Document {
            blocks: vec![heading("bl-counting-the-cost"), heading("bl-counting_the_cost"), heading(&long)],
            footnotes: Vec::new(),
        };
        let package = Package::new(&document, &[]);
        assert_eq!(package.bookmark_name("bl-counting-the-cost"), Some("bl_counting_the_cost"));
        assert_eq!(package.bookmark_name("bl-counting_the_cost"), Some("bl_counting_the_cost_2"), "no two alike");
        assert!(package.bookmark_name(&long).is_some_and(|name| name.len() <= 40));
        assert_eq!(package.bookmark_name("bl-missing"), None);
    }

    #[test]
    fn link_targets_are_uris_word_can_parse() {
        assert_eq!(
            uri_safe("https://example.org/a b/caf\u{e9}?q=\"x\"#f"),
            "https://example.org/a%20b/caf%C3%A9?q=%22x%22#f"
        );
        assert_eq!(uri_safe("mailto:ann@example.org"), "mailto:ann@example.org");
    }

    #[test]
    fn a_link_used_twice_is_one_relationship() {
        let mut rels = Relationships::with(&[(REL_STYLES, "styles.xml")]);
        assert_eq!(rels.hyperlink("https://example.org/?a=1&b=2"), "rId2");
        assert_eq!(rels.hyperlink("https://example.org/?a=1&b=2"), "rId2");
        assert_eq!(rels.image("image1.png"), "rId3");
        let xml = rels.xml();
        assert!(xml.contains("Target=\"https://example.org/?a=1&amp;b=2\" TargetMode=\"External\""), "{xml}");
        assert!(xml.contains("Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>"));
    }
}
