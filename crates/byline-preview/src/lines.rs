//! `data-line` values relative to a block's first line, so a block's cached sanitized HTML
//! serves it wherever it moves: Enter typed above a block shifts its lines, not its text.
//!
//! Only writer output is rewritten: there every `data-line` attribute is the writer's (raw
//! HTML could carry its own, which must keep its value). Text in writer and sanitizer output
//! has `<` escaped, so each `<` starts a tag; attribute values have `"` escaped, so a
//! ` data-line="` inside a tag is an attribute, never part of a value.

use std::borrow::Cow;
use std::ops::Range;

use byline_render::stages::tag_end;

const ATTRIBUTE: &str = " data-line=\"";

/// One `data-line` value in a piece of HTML: where its digits are, and the line they say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineValue {
    /// Where the value's digits are in the HTML (bytes).
    pub(crate) digits: Range<usize>,
    /// The line number they say.
    pub(crate) line: usize,
}

/// Every `data-line` value in the tags of serializer-written `html` (so `<` starts a tag and
/// `"` in a value is escaped), in order, skipping comments. Only plain numbers count (no sign,
/// no leading zero), as the writer writes them: a value written back from its line reads the same.
pub(crate) fn find(html: &str) -> Vec<LineValue> {
    let bytes = html.as_bytes();
    let mut values = Vec::new();
    let mut at = 0;
    while let Some(start) = html[at..].find('<').map(|i| at + i) {
        if html[start..].starts_with("<!--") {
            at = html[start + 4..].find("-->").map_or(html.len(), |end| start + 4 + end + 3);
            continue;
        }
        let end = tag_end(&html[start..]).map_or(html.len(), |len| start + len);
        if let Some(value) = html[start..end].find(ATTRIBUTE).map(|i| start + i + ATTRIBUTE.len()) {
            let digits = html[value..].bytes().take_while(u8::is_ascii_digit).count();
            let plain = digits > 0 && (digits == 1 || bytes[value] != b'0') && bytes.get(value + digits) == Some(&b'"');
            if let Some(line) = html[value..value + digits].parse().ok().filter(|_| plain) {
                values.push(LineValue { digits: value..value + digits, line });
            }
        }
        at = end;
    }
    values
}

/// `html` with each `data-line` value made relative to the smallest, and that smallest line
/// (the block's first); `html` itself when it has no `data-line`.
pub(crate) fn relative(html: &str) -> (Cow<'_, str>, usize) {
    let values = find(html);
    let Some(base) = values.iter().map(|v| v.line).min() else { return (Cow::Borrowed(html), 0) };
    let mut out = String::with_capacity(html.len());
    write_shifted(&mut out, html, &values, |line| line - base, &mut Vec::new());
    (Cow::Owned(out), base)
}

/// The `data-line` values of the first tag of `html` (a code block's `<pre>`: the spans in it
/// carry none, so the rest need not be scanned).
pub(crate) fn find_in_first_tag(html: &str) -> Vec<LineValue> {
    let Some(start) = html.find('<') else { return Vec::new() };
    let end = tag_end(&html[start..]).map_or(html.len(), |len| start + len);
    find(&html[..end])
}

/// Appends `html` with each of its `values` (found by [`find`] in it) replaced by `shift(line)`;
/// `written` gets the offset in `out` of each value written.
pub(crate) fn write_shifted(
    out: &mut String,
    html: &str,
    values: &[LineValue],
    shift: impl Fn(usize) -> usize,
    written: &mut Vec<usize>,
) {
    let mut copied = 0;
    for value in values {
        out.push_str(&html[copied..value.digits.start]);
        written.push(out.len());
        out.push_str(&shift(value.line).to_string());
        copied = value.digits.end;
    }
    out.push_str(&html[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_in_tags_are_found_and_text_is_left_alone() {
        let html = "<ul data-line=\"7\">\n<li data-line=\"8\">x data-line=\"9\" <code>a &lt;b data-line=\"3\"&gt;</code></li>\n</ul>\n";
        let lines: Vec<usize> = find(html).iter().map(|v| v.line).collect();
        assert_eq!(lines, [7, 8]);
        let (moved, base) = relative(html);
        assert_eq!(base, 7);
        assert!(moved.starts_with("<ul data-line=\"0\">\n<li data-line=\"1\">x data-line=\"9\""), "{moved}");
        let mut back = String::new();
        let mut offsets = Vec::new();
        write_shifted(&mut back, &moved, &find(&moved), |line| line + base, &mut offsets);
        assert_eq!(back, html);
        assert_eq!(offsets, [15, 34]);
        assert!(back[15..].starts_with("7\"") && back[34..].starts_with("8\""));
    }

    #[test]
    fn quoted_values_and_html_without_lines_stay_as_they_are() {
        let html = "<h2 id=\"a\" title=\"x &quot; data-line=&quot;4&quot;\" data-line=\"12\">T</h2>\n";
        assert_eq!(find(html).iter().map(|v| v.line).collect::<Vec<_>>(), [12]);
        assert!(matches!(relative("<p>plain</p>"), (Cow::Borrowed("<p>plain</p>"), 0)));
    }

    #[test]
    fn comments_and_numbers_the_writer_never_writes_are_not_lines() {
        let html = "<!-- <p data-line=\"4\"> --><div data-line=\"007\"><p data-line=\"0\">a</p><p data-line=\"-2\">b</p><p data-line=\"\">c</p></div>";
        assert_eq!(find(html).iter().map(|v| v.line).collect::<Vec<_>>(), [0]);
        assert_eq!(&html[find(html)[0].digits.clone()], "0");
    }
}
