//! The one sanitization pass over rendered HTML (ammonia), and the id/fragment prefixing that
//! keeps document ids out of the application's DOM namespace.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};

use crate::url_rewrite::tag_end;
use crate::ID_PREFIX;

/// Tags a document may contain: what the writer emits plus harmless inline HTML.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes allowed on every allowed tag (`class` is further narrowed in `filter_attribute`).
const GENERIC_ATTRIBUTES: &[&str] = &["class", "data-line", "id", "title", "lang", "dir"];

/// Classes the writer and highlighter emit; raw HTML may use them, but no app class.
const CLASS_PREFIXES: &[&str] =
    &["hl-", "language-", "align-", "footnote", "markdown-alert", "task-list-item", "math", "bl-template-"];
const CLASSES: &[&str] = &["code", "footnotes"];

/// The configured ammonia builder, built once per `Renderer`.
pub(crate) struct Sanitizer {
    builder: Builder<'static>,
}

impl Sanitizer {
    /// Builds the allow-lists.
    pub(crate) fn new() -> Sanitizer {
        let tag_attributes: HashMap<&str, HashSet<&str>> = [
            ("a", &["href"][..]),
            ("img", &["src", "alt", "width", "height"]),
            ("ol", &["start", "reversed"]),
            ("td", &["colspan", "rowspan"]),
            ("th", &["colspan", "rowspan", "scope"]),
            ("pre", &["data-lang"]),
            ("input", &["checked"]),
            ("details", &["open"]),
            ("time", &["datetime"]),
        ]
        .into_iter()
        .map(|(tag, attrs)| (tag, attrs.iter().copied().collect()))
        .collect();
        // Whatever raw HTML says, an <input> can only be a disabled checkbox.
        let forced: HashMap<&str, HashMap<&str, &str>> =
            HashMap::from([("input", HashMap::from([("type", "checkbox"), ("disabled", "")]))]);

        let mut builder = Builder::default();
        builder
            .tags(TAGS.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .set_tag_attribute_values(forced)
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .url_relative(UrlRelative::PassThrough)
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true)
            .attribute_filter(filter_attribute);
        Sanitizer { builder }
    }

    /// Sanitizes an HTML fragment.
    pub(crate) fn clean(&self, html: &str) -> String {
        let clean = self.builder.clean(html).to_string();
        if clean.contains("<input") {
            canonical_checkboxes(&clean)
        } else {
            clean
        }
    }
}

/// ammonia re-adds forced attributes in hash order; rewrite every (already sanitized) input
/// to one fixed spelling so equal documents always give byte-identical HTML.
fn canonical_checkboxes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // In serialized output `<` in text is escaped; the tag ends at the first `>` outside quotes
    // (html5ever escapes `>` in attribute values, but a `title` may hold one if it did not).
    while let Some(start) = rest.find("<input") {
        out.push_str(&rest[..start]);
        let Some(len) = tag_end(&rest[start..]) else { break };
        let tag = &rest[start..start + len];
        out.push_str(if tag.contains(" checked=") {
            "<input type=\"checkbox\" disabled=\"\" checked=\"\">"
        } else {
            "<input type=\"checkbox\" disabled=\"\">"
        });
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Runs after ammonia's allow-list and scheme checks: prefixes ids and fragment links, and
/// keeps only Byline's own classes so raw HTML cannot borrow the app's styles.
fn filter_attribute<'u>(_element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match attribute {
        "id" => Some(Cow::Owned(format!("{ID_PREFIX}{value}"))),
        "href" | "src" if is_network_path(value) => as_https(value).map(Cow::Owned),
        "href" => match value.strip_prefix('#') {
            Some(fragment) => Some(Cow::Owned(format!("#{ID_PREFIX}{fragment}"))),
            None => Some(Cow::Borrowed(value)),
        },
        "class" => {
            let kept: Vec<&str> = value.split_ascii_whitespace().filter(|c| is_own_class(c)).collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

/// A network-path reference (`//host/x`, or `/\host`, `\\host` and the like, which browsers read
/// the same way) is a remote URL that only looks relative: it is written out as the `https://`
/// URL it stands for, so an exported page says what it loads and no resolver takes it for a
/// file of the draft.
fn is_network_path(value: &str) -> bool {
    let mut chars = as_browser_reads(value);
    let is_slash = |c: Option<char>| matches!(c, Some('/' | '\\'));
    is_slash(chars.next()) && is_slash(chars.next())
}

/// The `https://` URL a network-path reference loads; None when it names no host.
fn as_https(value: &str) -> Option<String> {
    let rest: String = as_browser_reads(value).skip_while(|c| matches!(c, '/' | '\\')).collect();
    (!rest.is_empty()).then(|| format!("https://{rest}"))
}

/// A URL's characters as a browser reads them: leading controls and spaces trimmed, tabs and
/// newlines dropped. Lazy, since every link and image of every render is checked.
fn as_browser_reads(value: &str) -> impl Iterator<Item = char> + '_ {
    value.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'))
}

fn is_own_class(class: &str) -> bool {
    CLASSES.contains(&class) || CLASS_PREFIXES.iter().any(|p| class.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_fragments_are_prefixed_once() {
        let out = Sanitizer::new().clean("<h2 id=\"x\">X</h2><a href=\"#x\">to x</a><a id=\"app\">a</a>");
        assert!(out.contains("id=\"bl-x\""), "{out}");
        assert!(out.contains("href=\"#bl-x\""), "{out}");
        assert!(out.contains("id=\"bl-app\""), "{out}");
    }

    #[test]
    fn network_path_references_are_written_as_the_https_urls_they_load() {
        let clean = |html: &str| Sanitizer::new().clean(html);
        assert_eq!(clean("<img src=\"//evil.example/p.png\">"), "<img src=\"https://evil.example/p.png\">");
        for disguised in
            ["/\\evil.example/x", "\\\\evil.example/x", " //evil.example/x", "/\t/evil.example/x", "///evil.example/x"]
        {
            let out = clean(&format!("<a href=\"{disguised}\">x</a>"));
            assert!(out.contains("href=\"https://evil.example/x\""), "{disguised:?}: {out}");
        }
        // Relative paths and fragments are left alone.
        assert_eq!(clean("<img src=\"images/a.png\">"), "<img src=\"images/a.png\">");
        assert!(clean("<a href=\"/posts/a\">a</a>").contains("href=\"/posts/a\""));
        // No host: nothing to load, and no link.
        assert_eq!(clean("<a href=\"//\">x</a>"), "<a rel=\"noopener noreferrer\">x</a>");
    }

    #[test]
    fn foreign_classes_are_dropped() {
        let out = Sanitizer::new().clean("<span class=\"modal hl-keyword\">k</span><p class=\"app-overlay\">p</p>");
        assert!(out.contains("<span class=\"hl-keyword\">"), "{out}");
        assert!(out.contains("<p>p</p>"), "{out}");
    }

    #[test]
    fn inputs_become_disabled_checkboxes() {
        let out = Sanitizer::new().clean("<input type=\"text\" value=\"x\" checked>");
        assert!(out.contains("type=\"checkbox\""), "{out}");
        assert!(out.contains("disabled"), "{out}");
        assert!(!out.contains("value"), "{out}");
        assert_eq!(out, "<input type=\"checkbox\" disabled=\"\" checked=\"\">");
    }

    #[test]
    fn checkbox_canonicalisation_cannot_inject_markup() {
        // Serialized as an older html5ever would: `>` and `<` raw inside a quoted value.
        let raw = "<input title=\"a><script>alert(1)</script>\" checked=\"\"><p>x</p><input title=\"checked=\">";
        assert_eq!(
            canonical_checkboxes(raw),
            "<input type=\"checkbox\" disabled=\"\" checked=\"\"><p>x</p><input type=\"checkbox\" disabled=\"\">"
        );
        let sanitizer = Sanitizer::new();
        for html in [
            "<input title='a>b<script>alert(1)</script>' checked>",
            "<input type=checkbox onclick=alert(1) onfocus=alert(1) autofocus>",
            "<input value='\"><img src=x onerror=alert(1)>' title='\"><svg onload=alert(1)>'>",
            "<input title=\"x\" checked><input title='<input onclick=alert(1)>'>",
        ] {
            let out = sanitizer.clean(html);
            assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<svg"), "{html} => {out}");
            assert!(
                !out.contains("onclick") && !out.contains("onerror") && !out.contains("onfocus"),
                "{html} => {out}"
            );
            let rest = out
                .replace("<input type=\"checkbox\" disabled=\"\" checked=\"\">", "")
                .replace("<input type=\"checkbox\" disabled=\"\">", "");
            assert!(!rest.contains('<') && !rest.contains('>'), "only canonical inputs remain: {html} => {out}");
        }
    }
}
