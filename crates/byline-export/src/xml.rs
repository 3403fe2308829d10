//! XML text for the DOCX and EPUB writers: escaping that also drops what XML 1.0 cannot hold.

/// Appends `text` to `out` escaped for XML text and attribute values (the page's own escaping,
/// whose five entities XML reads too); characters XML 1.0 forbids (most C0 controls, U+FFFE and
/// U+FFFF) are dropped, since one of them makes Word refuse the whole file.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let forbidden =
        |c: char| ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}';
    if text.contains(forbidden) {
        let allowed: String = text.chars().filter(|&c| !forbidden(c)).collect();
        byline_render::escape_html_into(out, &allowed, byline_render::Quotes::Both);
    } else {
        byline_render::escape_html_into(out, text, byline_render::Quotes::Both);
    }
}

/// `text` escaped for XML.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_controls_never_reach_the_xml() {
        assert_eq!(escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
        assert_eq!(escape("bell\u{7}\u{0}tab\tline\n"), "belltab\tline\n");
    }
}
