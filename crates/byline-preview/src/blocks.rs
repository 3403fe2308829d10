//! The preview's sanitized HTML as top-level blocks, each keyed by its content with its
//! `data-line` values counted from its own first line: a block that only moved (Enter typed
//! above it) keeps its key, so the app is sent its new line, never its HTML again.
//!
//! The HTML is the renderer's sanitized, serializer-written output: balanced tags, `<` escaped
//! in text and `"` escaped in attribute values. So every `<` starts a tag (or a comment), and a
//! ` data-line="` inside a tag is that attribute, never part of a value. The app's
//! `ui/src/preview/blocks.ts` reads relative lines back with the same rules.

use std::borrow::Cow;
use std::ops::Range;

use byline_render::VOID_ELEMENTS;

use crate::lines::{find as data_line_values, LineValue};

const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// The top-level nodes of `html` (elements, text runs, comments) as source slices; the whole
/// HTML as one block when its tags do not balance, which is still correct, only coarser.
pub(crate) fn split(html: &str) -> Vec<&str> {
    top_level(html).unwrap_or_else(|| if html.is_empty() { Vec::new() } else { vec![html] })
}

/// Where the top-level blocks of `html[range]` are in `html`; the range as one block when its
/// tags do not balance.
pub(crate) fn split_spans(html: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let part = &html[range.clone()];
    let base = part.as_ptr() as usize;
    split(part)
        .into_iter()
        .map(|block| {
            let start = range.start + (block.as_ptr() as usize - base);
            start..start + block.len()
        })
        .collect()
}

fn top_level(html: &str) -> Option<Vec<&str>> {
    let bytes = html.as_bytes();
    let (mut segments, mut depth, mut start, mut i) = (Vec::new(), 0usize, 0, 0);
    while let Some(lt) = html[i..].find('<').map(|at| i + at) {
        if depth == 0 && lt > start {
            segments.push(&html[start..lt]);
            start = lt;
        }
        match bytes.get(lt + 1) {
            Some(b'!') => i = comment_end(html, lt)?,
            Some(b'/') => {
                depth = depth.checked_sub(1)?;
                i = tag_end(bytes, lt)?;
            }
            _ => {
                let end = tag_end(bytes, lt)?;
                let name = tag_name(html, lt + 1);
                if name.is_empty() {
                    return None;
                }
                i = end;
                if RAW_TEXT.contains(&name.as_str()) {
                    // The serializer writes element names in lower case.
                    let close = html[end..].find(&format!("</{name}")).map(|at| end + at)?;
                    i = tag_end(bytes, close)?;
                } else if !VOID_ELEMENTS.contains(&name.as_str()) && bytes[end - 2] != b'/' {
                    depth += 1;
                }
            }
        }
        if depth == 0 {
            segments.push(&html[start..i]);
            start = i;
        }
    }
    if depth != 0 {
        return None;
    }
    if start < html.len() {
        segments.push(&html[start..]);
    }
    Some(segments)
}

/// End (exclusive) of the tag starting at `at` (a `<`), honouring quoted attribute values.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in bytes.iter().enumerate().skip(at + 1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(i + 1),
            None => {}
        }
    }
    None
}

/// End (exclusive) of the comment or declaration starting at `at`.
fn comment_end(html: &str, at: usize) -> Option<usize> {
    if html[at..].starts_with("<!--") {
        html[at + 4..].find("-->").map(|end| at + 4 + end + 3)
    } else {
        html[at..].find('>').map(|end| at + end + 1)
    }
}

fn tag_name(html: &str, from: usize) -> String {
    let name = &html[from..];
    let len = name.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-').count();
    name[..len].to_ascii_lowercase()
}

/// `block` with its `data-line` values made relative to the smallest, and that smallest line;
/// the block itself and None when it has no line.
pub(crate) fn relative(block: &str) -> (Cow<'_, str>, Option<usize>) {
    let values = data_line_values(block);
    let Some(base) = values.iter().map(|value| value.line).min() else { return (Cow::Borrowed(block), None) };
    let mut out = String::with_capacity(block.len());
    let mut copied = 0;
    for LineValue { digits, line } in values {
        out.push_str(&block[copied..digits.start]);
        out.push_str(&(line - base).to_string());
        copied = digits.end;
    }
    out.push_str(&block[copied..]);
    (Cow::Owned(out), Some(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_like_the_parser_and_keep_odd_html_whole() {
        let html = "<h1 id=\"a\" data-line=\"1\">A &lt;b&gt;</h1>\n<p data-line=\"3\">x<br>y <img src=\"a.png\" alt=\"1 > 0\"></p>\n<pre><code>a\n\nb</code></pre>\n";
        assert_eq!(
            split(html),
            [
                "<h1 id=\"a\" data-line=\"1\">A &lt;b&gt;</h1>",
                "\n",
                "<p data-line=\"3\">x<br>y <img src=\"a.png\" alt=\"1 > 0\"></p>",
                "\n",
                "<pre><code>a\n\nb</code></pre>",
                "\n"
            ]
        );
        assert_eq!(split("<hr>\n<!-- a <p> -->x<hr/>"), ["<hr>", "\n", "<!-- a <p> -->", "x", "<hr/>"]);
        assert_eq!(split("<p>open"), ["<p>open"], "unbalanced HTML is one block");
        assert_eq!(split("</p><p>"), ["</p><p>"]);
        assert!(split("").is_empty());
    }

    #[test]
    fn lines_become_relative_to_the_block_and_text_is_left_alone() {
        let block = "<ul data-line=\"7\">\n<li data-line=\"8\">x data-line=\"9\" <code>a &lt;b data-line=\"3\"&gt;</code></li>\n</ul>";
        let (moved, base) = relative(block);
        assert_eq!(base, Some(7));
        assert_eq!(moved, "<ul data-line=\"0\">\n<li data-line=\"1\">x data-line=\"9\" <code>a &lt;b data-line=\"3\"&gt;</code></li>\n</ul>");
        let later = block.replace("\"7\"", "\"17\"").replace("\"8\"", "\"18\"");
        assert_eq!(relative(&later), (moved.clone(), Some(17)), "a moved block keeps its relative HTML");
        assert_eq!(relative("<p>plain</p>"), (Cow::Borrowed("<p>plain</p>"), None));
        let odd = "<div data-line=\"007\" title=\"x &quot; data-line=&quot;4&quot;\"><p data-line=\"12\">a</p></div>";
        let (odd_moved, odd_base) = relative(odd);
        assert_eq!(
            (odd_moved.as_ref(), odd_base),
            (odd.replace("\"12\"", "\"0\"").as_str(), Some(12)),
            "only plain numbers move"
        );
    }
}
