//! Resolution of relative URLs through the caller's resolver, after sanitization.
//!
//! ammonia runs its URL-rewriting hooks after its scheme check and never re-validates them,
//! and its builder is built once while the resolver lives for one call; so resolution is a
//! separate pass over ammonia's canonical output, validating every replacement itself:
//! a `data:image/…;base64` URI is accepted on `<img src>` only.

use crate::escape::escape_html;
use crate::ResolveUrl;

/// Rewrites relative `img src` and `a href` values through `resolve`, and replaces images whose
/// source the sanitizer removed (e.g. `javascript:`) by their alt text: an `<img>` without `src`
/// is invalid HTML and shows a broken-image icon.
pub fn resolve_relative_urls(html: &str, resolve: Option<ResolveUrl<'_>>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // ammonia escapes `<` in text and drops comments, so every `<` opens a tag.
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(end) = tag_end(rest) else { break };
        rewrite_tag(&mut out, &rest[..end], resolve);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Copies an attribute-escaped value as text, escaping any raw `<` and `>` it still holds.
fn alt_as_text(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Byte index just past the `>` closing the tag at the start of `s` (quotes respected).
pub fn tag_end(s: &str) -> Option<usize> {
    let mut in_quote = false;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'"' => in_quote = !in_quote,
            b'>' if !in_quote => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Copies `tag` to `out`, replacing the URL attribute of `<img>`/`<a>` when the resolver maps it.
fn rewrite_tag(out: &mut String, tag: &str, resolve: Option<ResolveUrl<'_>>) {
    let (attribute, is_image) = if tag.starts_with("<img ") || tag == "<img>" {
        (" src=\"", true)
    } else if tag.starts_with("<a ") {
        (" href=\"", false)
    } else {
        out.push_str(tag);
        return;
    };
    let Some(start) = tag.find(attribute).map(|i| i + attribute.len()) else {
        if is_image {
            // The alt text is escaped for an attribute (`&`, `"`, and `<`/`>` by recent
            // html5ever); `<` and `>` are escaped here too so no serializer can make it markup.
            alt_as_text(out, attribute_value(tag, " alt=\"").unwrap_or_default());
        } else {
            out.push_str(tag);
        }
        return;
    };
    let Some(resolve) = resolve else {
        out.push_str(tag);
        return;
    };
    let Some(len) = tag[start..].find('"') else {
        out.push_str(tag);
        return;
    };
    let url = decode_attribute(&tag[start..start + len]);
    // Fragments point into the document and `//host` URLs are absolute: neither is an asset.
    let replacement = (is_relative(&url) && !url.starts_with('#') && !url.starts_with("//"))
        .then(|| resolve(&url))
        .flatten()
        .filter(|new| is_safe_replacement(new, is_image));
    match replacement {
        Some(new) => {
            out.push_str(&tag[..start]);
            escape_html(out, &new);
            out.push_str(&tag[start + len..]);
        }
        None => out.push_str(tag),
    }
}

/// The raw (still escaped) value of the attribute introduced by `prefix` (e.g. ` alt="`).
fn attribute_value<'t>(tag: &'t str, prefix: &str) -> Option<&'t str> {
    let start = tag.find(prefix)? + prefix.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Undoes html5ever's attribute escaping (`&amp;`, `&quot;`, `&nbsp;`).
fn decode_attribute(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&nbsp;", "\u{a0}").replace("&amp;", "&")
}

/// The scheme of `url`, if it has one (text before a `:` that precedes any `/`, `?`, `#`).
fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let first_delimiter = url.find(['/', '?', '#']).unwrap_or(url.len());
    (colon < first_delimiter).then(|| &url[..colon])
}

fn is_relative(url: &str) -> bool {
    scheme(url).is_none()
}

/// What the resolver may return: http(s), mailto (links only), relative, and base64 images on img.
fn is_safe_replacement(url: &str, is_image: bool) -> bool {
    if url.chars().any(|c| c.is_control()) {
        return false;
    }
    match scheme(url).map(str::to_ascii_lowercase).as_deref() {
        None => true,
        Some("http" | "https") => true,
        Some("mailto") => !is_image,
        Some("data") => is_image && is_base64_image(url),
        Some(_) => false,
    }
}

fn is_base64_image(url: &str) -> bool {
    const TYPES: &[&str] = &["png", "jpeg", "jpg", "gif", "webp", "avif", "svg+xml", "bmp", "x-icon"];
    let Some(rest) = url.get(5..).and_then(|r| r.strip_prefix("image/")) else { return false };
    let Some((mime, data)) = rest.split_once(";base64,") else { return false };
    TYPES.contains(&mime.to_ascii_lowercase().as_str())
        && data.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve_all_to(value: &'static str) -> impl Fn(&str) -> Option<String> + Sync {
        move |_| Some(value.to_string())
    }

    #[test]
    fn unsafe_replacements_are_refused() {
        let html = "<p><a href=\"x\">x</a><img src=\"y\" alt=\"a > b\"></p>";
        for evil in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:x",
            "data:text/html;base64,AA",
            "data:image/png,<svg onload=x>",
            "vbscript:x",
        ] {
            let resolve = resolve_all_to(evil);
            assert_eq!(resolve_relative_urls(html, Some(&resolve)), html, "{evil} got through");
        }
    }

    #[test]
    fn attribute_values_are_escaped() {
        let resolve = resolve_all_to("a\"b&c.png");
        let out = resolve_relative_urls("<img src=\"y\" alt=\"q\">", Some(&resolve));
        assert_eq!(out, "<img src=\"a&quot;b&amp;c.png\" alt=\"q\">");
    }

    #[test]
    fn alt_text_fallback_is_inert_text() {
        // As html5ever may serialize attributes: `&` and `"` escaped, `<` and `>` possibly raw.
        let raw = "<p><img alt=\"&quot;><script>alert(1)</script><img src=x onerror=alert(1)>&amp;lt;\"></p>";
        let out = resolve_relative_urls(raw, None);
        assert_eq!(
            out,
            "<p>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;lt;</p>"
        );
        let escaped = "<img alt=\"&lt;img src=x onerror=alert(1)&gt;\">";
        assert_eq!(resolve_relative_urls(escaped, None), "&lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(resolve_relative_urls("<img>", None), "");
    }

    #[test]
    fn data_images_only_on_img() {
        let resolve = resolve_all_to("data:image/png;base64,AAAA");
        let out = resolve_relative_urls("<a href=\"p.png\">l</a><img src=\"p.png\">", Some(&resolve));
        assert_eq!(out, "<a href=\"p.png\">l</a><img src=\"data:image/png;base64,AAAA\">");
    }
}
