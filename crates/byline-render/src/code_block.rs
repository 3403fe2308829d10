//! Code blocks as HTML already in the sanitizer's canonical form: the language token is
//! restricted to safe characters, syntect emits only class spans, and every byte of code text
//! is escaped here or by syntect. A top-level code block therefore skips the sanitizer, which
//! is where a naive pipeline spends most of its time.

use crate::escape::{escape_canonical_text, normalize_code};
use crate::highlight::Highlighter;

/// Appends `<pre><code>…</code></pre>\n` for `text`; `line` is the ` data-line` attribute or empty.
pub(crate) fn write_code_block(
    out: &mut String,
    highlighter: &Highlighter<'_>,
    token: Option<&str>,
    line: &str,
    text: &str,
) {
    let text = normalize_code(text);
    match token {
        Some(t) => {
            out.push_str(&format!("<pre{line} class=\"code hl-code\" data-lang=\"{t}\"><code class=\"language-{t}\">"));
            match highlighter.highlight(t, &text) {
                Some(html) => out.push_str(&html),
                None => escape_canonical_text(out, &text),
            }
        }
        None => {
            out.push_str(&format!("<pre{line} class=\"code hl-code\"><code>"));
            escape_canonical_text(out, &text);
        }
    }
    out.push_str("</code></pre>\n");
}

/// The language of a fence: first word of the info string, only if it is a plausible name
/// (the info string is attacker-controlled and ends up in attributes, unescaped).
pub(crate) fn language_token(info: &str) -> Option<String> {
    let token = info.split_whitespace().next()?;
    let plausible =
        (1..=32).contains(&token.len()) && token.chars().all(|c| c.is_ascii_alphanumeric() || "_+#.-".contains(c));
    plausible.then(|| token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_token_is_restricted() {
        assert_eq!(language_token("rust ignore").as_deref(), Some("rust"));
        assert_eq!(language_token("c++").as_deref(), Some("c++"));
        assert_eq!(language_token("\"><script>"), None);
        assert_eq!(language_token(&"a".repeat(33)), None);
        assert_eq!(language_token(""), None);
    }
}
