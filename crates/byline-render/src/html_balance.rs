//! Tracks which elements raw HTML leaves open, so the renderer knows where a document can be
//! cut into pieces that sanitize independently (sanitizing them one by one then gives the same
//! bytes as sanitizing the whole document).
//!
//! The model is deliberately strict: start and end tags must nest exactly (last opened, first
//! closed). Anything whose effect on the HTML parser's state is not obvious (raw-text and
//! foreign elements, stray or mismatched end tags, unterminated tags and comments) makes
//! [`OpenElements::feed`] give up, and the caller then sanitizes the rest of the document as one.

/// Elements that never have content, so never stay open (HTML's void elements, with the legacy
/// ones parsers still treat so). The one list for the renderer and the preview's block splitter.
pub const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];

/// Elements whose content or handling is special (raw text, foreign content, document
/// structure, templates): the strict model does not try to follow them.
const OPAQUE: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "svg",
    "math",
    "html",
    "head",
    "body",
    "frameset",
];

/// The stack of elements opened and not yet closed by the HTML seen so far.
#[derive(Default)]
pub(crate) struct OpenElements {
    stack: Vec<String>,
}

impl OpenElements {
    /// True when every element seen so far was closed again.
    pub(crate) fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// Follows the tags of `html`; false when the model cannot tell what the parser would do.
    pub(crate) fn feed(&mut self, html: &str) -> bool {
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            rest = &rest[lt..];
            let consumed = match rest.as_bytes().get(1) {
                Some(b'!') | Some(b'?') => skip_comment(rest),
                Some(b'/') => self.end_tag(rest),
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(rest),
                // `<` not starting a tag is text.
                _ => Some(1),
            };
            let Some(consumed) = consumed else { return false };
            rest = &rest[consumed..];
        }
        true
    }

    fn start_tag(&mut self, tag: &str) -> Option<usize> {
        let parsed = parse_tag(&tag[1..])?;
        let name = parsed.name.to_ascii_lowercase();
        if OPAQUE.contains(&name.as_str()) {
            return None;
        }
        if !VOID_ELEMENTS.contains(&name.as_str()) {
            // `<div/>` does not close in HTML; refuse rather than model it.
            if parsed.self_closing {
                return None;
            }
            self.stack.push(name);
        }
        Some(1 + parsed.len)
    }

    fn end_tag(&mut self, tag: &str) -> Option<usize> {
        if !tag.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let parsed = parse_tag(&tag[2..])?;
        let name = parsed.name.to_ascii_lowercase();
        if self.stack.last() != Some(&name) {
            return None;
        }
        self.stack.pop();
        Some(2 + parsed.len)
    }
}

/// Length of a comment, doctype or processing instruction at the start of `s`.
fn skip_comment(s: &str) -> Option<usize> {
    if let Some(body) = s.strip_prefix("<!--") {
        // `<!-->`, `<!--->` and `--!>` end comments early; leave those to the whole-document pass.
        if body.starts_with('>') || body.starts_with("->") {
            return None;
        }
        let end = body.find("-->")?;
        return (!body[..end].contains("--!>")).then_some(4 + end + 3);
    }
    // Bogus comments and doctypes run to the next `>`.
    s.find('>').map(|e| e + 1)
}

struct Tag<'a> {
    name: &'a str,
    self_closing: bool,
    /// Bytes from the tag name to just past the closing `>`.
    len: usize,
}

/// Parses a tag from its name to its `>`, following the HTML tokenizer's attribute states
/// (quoted values may contain `>`); None if the tag never ends.
fn parse_tag(s: &str) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let name_end = b.iter().position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')?;
    let mut i = name_end;
    loop {
        match *b.get(i)? {
            b'>' => return Some(Tag { name: &s[..name_end], self_closing: false, len: i + 1 }),
            b'/' if b.get(i + 1) == Some(&b'>') => {
                return Some(Tag { name: &s[..name_end], self_closing: true, len: i + 2 })
            }
            c if c.is_ascii_whitespace() || c == b'/' => i += 1,
            _ => i = skip_attribute(b, i)?,
        }
    }
}

/// Index just past the attribute starting at `i` (name, then optionally `=` and a value).
fn skip_attribute(b: &[u8], mut i: usize) -> Option<usize> {
    // The first character belongs to the name even if it is `=`.
    i += 1;
    while !matches!(*b.get(i)?, b'>' | b'/' | b'=') && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    while b.get(i)?.is_ascii_whitespace() {
        i += 1;
    }
    if b[i] != b'=' {
        return Some(i);
    }
    i += 1;
    while b.get(i)?.is_ascii_whitespace() {
        i += 1;
    }
    match b[i] {
        quote @ (b'"' | b'\'') => {
            let close = b[i + 1..].iter().position(|&c| c == quote)?;
            Some(i + 1 + close + 1)
        }
        b'>' => Some(i),
        _ => {
            while !matches!(*b.get(i)?, b'>') && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn balanced(html: &str) -> Option<bool> {
        let mut open = OpenElements::default();
        open.feed(html).then(|| open.is_empty())
    }

    #[test]
    fn nested_tags_balance() {
        assert_eq!(balanced("<p data-line=\"1\">a <kbd>b</kbd> <img src=x alt='>'><br></p>\n"), Some(true));
        assert_eq!(balanced("<details open>\n<summary>More</summary>\n"), Some(false));
        assert_eq!(balanced("<!-- a > b --><div title=\"x>y\">1 < 2</div>"), Some(true));
    }

    #[test]
    fn unclear_cases_give_up() {
        for html in [
            "<b><i></b></i>",
            "</p>",
            "<div/>",
            "<script>x</script>",
            "<!-->",
            "<a href=\"x",
            "<!-- open",
            "</ x>",
            "<svg></svg>",
        ] {
            assert_eq!(balanced(html), None, "{html}");
        }
    }
}
