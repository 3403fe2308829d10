//! HTML escaping for text, attributes and URLs, matching the CommonMark reference output.

/// Which quotes are escaped besides `&`, `<` and `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quotes {
    /// `"` only, as CommonMark's reference output does: the preview and rendered fragments.
    Double,
    /// `"` and `'` (as `&#39;`): text a template may put in a single-quoted attribute.
    Both,
}

/// Escapes `text` for HTML (and XML) text and quoted attribute values, appending to `out`.
pub fn escape_html_into(out: &mut String, text: &str, quotes: Quotes) {
    let specials: &[char] = match quotes {
        Quotes::Double => &['&', '<', '>', '"'],
        Quotes::Both => &['&', '<', '>', '"', '\''],
    };
    // Copy runs of safe bytes whole: prose is mostly such runs.
    let mut rest = text;
    while let Some(i) = rest.find(specials) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Escapes `&`, `<`, `>` and `"` for text and attribute values, as CommonMark's reference does.
pub(crate) fn escape_html(out: &mut String, text: &str) {
    escape_html_into(out, text, Quotes::Double);
}

/// Percent-encodes a URL the way cmark does, keeping characters that are safe in an href.
pub(crate) fn escape_href(out: &mut String, url: &str) {
    const SAFE: &[u8] = b"-_.+!*(),%#@?=;:/,+$~'";
    for &b in url.as_bytes() {
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ if b.is_ascii_alphanumeric() || SAFE.contains(&b) => out.push(b as char),
            _ => {
                out.push('%');
                out.push_str(&format!("{b:02X}"));
            }
        }
    }
}

/// Escapes text exactly as html5ever serializes it (`&`, `<`, `>`, no-break space), after the
/// HTML parser's input normalization (CR and CRLF become LF, NUL is dropped): code written this
/// way is byte-identical to what the sanitizer would output for it, so it can skip that pass.
pub(crate) fn escape_canonical_text(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '\0' => {}
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            _ => out.push(c),
        }
    }
}

/// Rewrites syntect's HTML (tags of its own, text escaped with `&#39;` and `&quot;`) into the
/// sanitizer's canonical spelling; the text was already normalized by [`normalize_code`].
pub(crate) fn canonical_highlight(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&', '\u{a0}']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            // syntect's tags are `<span class="…">` and `</span>`, with no `>` inside.
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if let Some(tail) = rest.strip_prefix("&#39;") {
            out.push('\'');
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("&quot;") {
            out.push('"');
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix('\u{a0}') {
            out.push_str("&nbsp;");
            rest = tail;
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Code text as the HTML parser would see it: CR and CRLF become LF, NUL is dropped.
pub(crate) fn normalize_code(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\r', '\0']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\0' => {}
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_matches_html5ever() {
        let mut s = String::new();
        escape_canonical_text(&mut s, "a<b>&\"c'\u{a0}\r\nd\re\0");
        assert_eq!(s, "a&lt;b&gt;&amp;\"c'&nbsp;\nd\ne");
    }

    #[test]
    fn syntect_escapes_become_canonical() {
        let html = "<span class=\"hl-s\">&quot;a&#39;&amp;&lt;\u{a0}</span>";
        assert_eq!(canonical_highlight(html), "<span class=\"hl-s\">\"a'&amp;&lt;&nbsp;</span>");
    }

    #[test]
    fn href_encoding_matches_cmark() {
        let mut s = String::new();
        escape_href(&mut s, "/föö bar?a=1&b=\"2\"");
        assert_eq!(s, "/f%C3%B6%C3%B6%20bar?a=1&amp;b=%222%22");
    }
}
