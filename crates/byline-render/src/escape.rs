//! HTML escaping for text, attributes and URLs, matching the CommonMark reference output.

/// Escapes `&`, `<`, `>` and `"` for text and attribute values.
pub(crate) fn escape_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn href_encoding_matches_cmark() {
        let mut s = String::new();
        escape_href(&mut s, "/föö bar?a=1&b=\"2\"");
        assert_eq!(s, "/f%C3%B6%C3%B6%20bar?a=1&amp;b=%222%22");
    }
}
