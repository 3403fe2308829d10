//! The schema.org `BlogPosting` JSON-LD block, escaped so it can sit inside a `<script>` element.

use serde_json::{json, Map, Value};

use crate::{ArticleContext, AuthorContext};

/// The `BlogPosting` JSON for `article`, already safe to embed in `<script type="application/ld+json">`.
pub fn json_ld(article: &ArticleContext) -> String {
    let mut post = Map::new();
    post.insert("@context".into(), json!("https://schema.org"));
    post.insert("@type".into(), json!("BlogPosting"));
    post.insert("headline".into(), json!(article.title));
    insert_some(&mut post, "alternativeHeadline", article.subtitle.as_deref());
    post.insert("description".into(), json!(article.description));
    insert_some(&mut post, "datePublished", article.published.map(|d| d.to_rfc3339()).as_deref());
    post.insert("dateModified".into(), json!(article.modified.to_rfc3339()));
    if !article.authors.is_empty() {
        post.insert("author".into(), Value::Array(article.authors.iter().map(person).collect()));
    }
    if !article.tags.is_empty() {
        post.insert("keywords".into(), json!(article.tags));
    }
    post.insert("wordCount".into(), json!(article.word_count));
    post.insert("inLanguage".into(), json!(article.language));
    insert_some(&mut post, "image", article.cover_image.as_deref().filter(|u| is_absolute_url(u)));
    if let Some(url) = &article.canonical_url {
        post.insert("mainEntityOfPage".into(), json!({"@type": "WebPage", "@id": url}));
        post.insert("url".into(), json!(url));
    }
    // Serializing a map of strings and numbers cannot fail; the fallback keeps the page valid anyway.
    let text = serde_json::to_string_pretty(&Value::Object(post)).unwrap_or_else(|_| "{}".to_owned());
    script_safe(&text)
}

fn person(author: &AuthorContext) -> Value {
    let mut p = Map::new();
    p.insert("@type".into(), json!("Person"));
    p.insert("name".into(), json!(author.name));
    insert_some(&mut p, "url", author.website.as_deref());
    insert_some(&mut p, "image", author.avatar_url.as_deref().filter(|u| is_absolute_url(u)));
    if !author.social.is_empty() {
        p.insert("sameAs".into(), author.social.iter().map(|s| json!(s.url)).collect());
    }
    insert_some(&mut p, "jobTitle", author.role.as_deref());
    insert_some(&mut p, "description", author.short_bio.as_deref());
    Value::Object(p)
}

fn insert_some(map: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), json!(v));
    }
}

/// `http(s)://…`: the only URLs crawlers and social cards can fetch.
pub(crate) fn is_absolute_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Escapes what could end the `<script>` element or confuse an HTML parser; JSON stays equal.
pub(crate) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_parses_back_to_the_same_value() {
        let raw = json!({"t": "</script><script>alert(1)</script> & \u{2028}"}).to_string();
        let safe = script_safe(&raw);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back["t"], "</script><script>alert(1)</script> & \u{2028}");
    }
}
