//! The navigation document: the table of contents (one entry per chapter, its headings nested
//! under it by level) and the landmarks reading systems jump to.

use super::chapter::{page, Chapter};
use super::xhtml::Heading;
use crate::xml::escape_into;

/// Where the landmarks point.
pub(super) struct Landmarks<'a> {
    pub cover: Option<&'a str>,
    /// The first chapter's file.
    pub start: Option<&'a str>,
}

/// `nav.xhtml`.
pub(super) fn nav_document(title: &str, language: &str, chapters: &[Chapter], landmarks: &Landmarks<'_>) -> String {
    let mut body = String::from("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n");
    for chapter in chapters {
        body.push_str("<li><a href=\"");
        escape_into(&mut body, &format!("{}#{}", chapter.href, chapter.title_id));
        body.push_str("\">");
        escape_into(&mut body, &chapter.title);
        body.push_str("</a>");
        let entries: Vec<Entry<'_>> =
            chapter.headings.iter().map(|heading| Entry { href: &chapter.href, heading }).collect();
        nested(&mut body, &entries);
        body.push_str("</li>\n");
    }
    body.push_str("</ol>\n</nav>\n");

    body.push_str("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n");
    if let Some(cover) = landmarks.cover {
        landmark(&mut body, "cover", cover, "Cover");
    }
    landmark(&mut body, "toc", "nav.xhtml#toc", "Contents");
    if let Some(start) = landmarks.start {
        landmark(&mut body, "bodymatter", start, "Start of content");
    }
    body.push_str("</ol>\n</nav>\n");
    page(title, language, &body)
}

struct Entry<'a> {
    href: &'a str,
    heading: &'a Heading,
}

/// Headings as nested lists: each one goes under the nearest heading before it of a higher
/// rank, so a skipped level (an `h2` then an `h4`) nests one step, not two.
fn nested(out: &mut String, entries: &[Entry<'_>]) {
    let Some(top) = entries.iter().map(|e| e.heading.level).min() else { return };
    out.push_str("\n<ol>\n");
    let mut rest = entries;
    while let Some((first, after)) = rest.split_first() {
        // The entries up to the next one of `top` rank are this one's children.
        let children = after.iter().position(|e| e.heading.level <= top).unwrap_or(after.len());
        out.push_str("<li><a href=\"");
        escape_into(out, &format!("{}#{}", first.href, first.heading.id));
        out.push_str("\">");
        escape_into(out, &first.heading.text);
        out.push_str("</a>");
        nested(out, &after[..children]);
        out.push_str("</li>\n");
        rest = &after[children..];
    }
    out.push_str("</ol>\n");
}

fn landmark(out: &mut String, kind: &str, href: &str, label: &str) {
    out.push_str(&format!("<li><a epub:type=\"{kind}\" href=\""));
    escape_into(out, href);
    out.push_str(&format!("\">{label}</a></li>\n"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, id: &str) -> Heading {
        Heading { level, id: id.to_owned(), text: id.to_uppercase() }
    }

    #[test]
    fn headings_nest_by_level_and_a_skipped_level_nests_once() {
        let headings = [heading(3, "a"), heading(2, "b"), heading(4, "c"), heading(3, "d"), heading(2, "e")];
        let entries: Vec<Entry<'_>> = headings.iter().map(|heading| Entry { href: "c.xhtml", heading }).collect();
        let mut out = String::new();
        nested(&mut out, &entries);
        let compact: String = out.split('\n').collect();
        assert_eq!(
            compact,
            "<ol><li><a href=\"c.xhtml#a\">A</a></li>\
             <li><a href=\"c.xhtml#b\">B</a><ol><li><a href=\"c.xhtml#c\">C</a></li><li><a href=\"c.xhtml#d\">D</a></li></ol></li>\
             <li><a href=\"c.xhtml#e\">E</a></li></ol>"
        );
    }

    #[test]
    fn no_headings_no_list() {
        let mut out = String::new();
        nested(&mut out, &[]);
        assert_eq!(out, "");
    }
}
