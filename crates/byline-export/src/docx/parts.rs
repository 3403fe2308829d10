//! The package's fixed parts around the body: content types, relationships, settings,
//! numbering, the footnotes wrapper and the core and app properties.

use std::fmt::Write;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};

use super::body::{TEXT_HEIGHT, TEXT_WIDTH};
use super::package::{ListInstance, MediaFile};
use crate::{xml, ArticleContext};

pub(super) const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The namespaces of the parts that hold body content and drawings.
const CONTENT_NAMESPACES: &str = concat!(
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" ",
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
);

const WORDPROCESSING: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// `[Content_Types].xml`: one default per media extension, one override per XML part.
pub(super) fn content_types(media: &[MediaFile]) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(concat!(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    ));
    let mut extensions: Vec<(&str, &str)> = media.iter().map(|file| (file.extension, file.mime.as_str())).collect();
    extensions.sort_unstable();
    extensions.dedup_by_key(|(extension, _)| *extension);
    for (extension, mime) in extensions {
        let _ = write!(out, "<Default Extension=\"{extension}\" ContentType=\"");
        xml::escape_into(&mut out, mime);
        out.push_str("\"/>");
    }
    for (part, kind) in [
        ("/word/document.xml", "document.main+xml"),
        ("/word/styles.xml", "styles+xml"),
        ("/word/settings.xml", "settings+xml"),
        ("/word/numbering.xml", "numbering+xml"),
        ("/word/footnotes.xml", "footnotes+xml"),
    ] {
        let _ = write!(out, "<Override PartName=\"{part}\" ContentType=\"{WORDPROCESSING}.{kind}\"/>");
    }
    out.push_str(concat!(
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
        "<Override PartName=\"/docProps/app.xml\" ",
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
        "</Types>"
    ));
    out
}

/// `_rels/.rels`: where the document and its properties are.
pub(super) fn package_relationships() -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(concat!(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" ",
        "Target=\"word/document.xml\"/>",
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" ",
        "Target=\"docProps/core.xml\"/>",
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" ",
        "Target=\"docProps/app.xml\"/>",
        "</Relationships>"
    ));
    out
}

/// `word/document.xml` around the body's paragraphs and tables: an A4 page, one-inch margins.
pub(super) fn document(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(XML_DECLARATION);
    let _ = write!(out, "<w:document {CONTENT_NAMESPACES}><w:body>");
    out.push_str(body);
    let margin = 1440;
    let _ = write!(
        out,
        "<w:sectPr><w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{margin}\" w:right=\"{margin}\" \
         w:bottom=\"{margin}\" w:left=\"{margin}\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>",
        TEXT_WIDTH + 2 * margin,
        TEXT_HEIGHT + 2 * margin
    );
    out.push_str("</w:body></w:document>");
    out
}

/// `word/footnotes.xml`: the separator and continuation separator Word itself writes as
/// footnotes -1 and 0 (and expects `settings.xml` to name), then the notes.
pub(super) fn footnotes(notes: &str) -> String {
    let mut out = String::from(XML_DECLARATION);
    let separator = |kind: &str, id: i32| {
        format!(
            "<w:footnote w:type=\"{kind}\" w:id=\"{id}\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" \
             w:lineRule=\"auto\"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>"
        )
    };
    let _ = write!(
        out,
        "<w:footnotes {CONTENT_NAMESPACES}>{}{}",
        separator("separator", -1),
        separator("continuationSeparator", 0)
    );
    out.push_str(notes);
    out.push_str("</w:footnotes>");
    out
}

/// `word/settings.xml`, in the schema's element order.
pub(super) fn settings() -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(concat!(
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
        "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>",
        "<w:characterSpacingControl w:val=\"doNotCompress\"/>",
        "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>",
        "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" ",
        "w:val=\"15\"/></w:compat>",
        "</w:settings>"
    ));
    out
}

/// `word/numbering.xml`: one bulleted and one decimal definition, and a `w:num` per list that
/// restarts its level at the list's own start.
pub(super) fn numbering(lists: &[ListInstance]) -> String {
    const BULLETS: [&str; 3] = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
    const NUMBERS: [&str; 3] = ["decimal", "lowerLetter", "lowerRoman"];
    let mut out = String::from(XML_DECLARATION);
    out.push_str("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    for (abstract_id, ordered) in [(0, false), (1, true)] {
        let _ = write!(
            out,
            "<w:abstractNum w:abstractNumId=\"{abstract_id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        );
        for level in 0..9 {
            let (format, text) = if ordered {
                (NUMBERS[level % 3], format!("%{}.", level + 1))
            } else {
                ("bullet", BULLETS[level % 3].to_owned())
            };
            let left = 720 * (level + 1);
            let _ = write!(
                out,
                "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
                 <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" \
                 w:hanging=\"360\"/></w:pPr></w:lvl>"
            );
        }
        out.push_str("</w:abstractNum>");
    }
    for (at, list) in lists.iter().enumerate() {
        let abstract_id = u8::from(list.ordered);
        // Word's start is a 32-bit value; a larger Markdown start reads as the largest it keeps.
        let start = list.start.min(i32::MAX as u64);
        let _ = write!(
            out,
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{abstract_id}\"/><w:lvlOverride w:ilvl=\"{}\">\
             <w:startOverride w:val=\"{start}\"/></w:lvlOverride></w:num>",
            at + 1,
            list.level
        );
    }
    out.push_str("</w:numbering>");
    out
}

/// `docProps/core.xml`: what Word's File > Info and search show.
pub(super) fn core_properties(article: &ArticleContext) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(concat!(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
        "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    ));
    let authors: Vec<&str> = article.authors.iter().map(|author| author.name.as_str()).collect();
    let subject = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&article.description);
    let element = |out: &mut String, name: &str, value: &str| {
        if !value.trim().is_empty() {
            let _ = write!(out, "<{name}>");
            xml::escape_into(out, value);
            let _ = write!(out, "</{name}>");
        }
    };
    element(&mut out, "dc:title", &article.title);
    element(&mut out, "dc:subject", subject);
    element(&mut out, "dc:creator", &authors.join("; "));
    element(&mut out, "cp:keywords", &article.tags.join(", "));
    element(&mut out, "dc:description", &article.description);
    element(&mut out, "dc:language", &article.language);
    let created = article.published.unwrap_or(article.modified);
    let _ = write!(
        out,
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>\
         <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}</dcterms:modified>",
        w3cdtf(created),
        w3cdtf(article.modified)
    );
    out.push_str("</cp:coreProperties>");
    out
}

/// Word reads W3CDTF dates in UTC only (`2026-09-14T07:30:00Z`).
fn w3cdtf(date: DateTime<FixedOffset>) -> String {
    date.with_timezone(&Utc).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `docProps/app.xml`: the application and the word count Word shows before it recounts.
pub(super) fn app_properties(article: &ArticleContext) -> String {
    let mut out = String::from(XML_DECLARATION);
    let _ = write!(
        out,
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>{}</Application><DocSecurity>0</DocSecurity><Words>{}</Words></Properties>",
        xml::escape(crate::GENERATOR),
        article.word_count
    );
    out
}
