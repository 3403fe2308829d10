//! Writes [`FrontMatter`] back out in each tool's convention, always through a real serializer.

use indexmap::IndexMap;
use serde_json::Value;

use crate::dates::{jekyll, rfc3339};
use crate::{value, Flavor, FrontMatter};

/// Zola's own page keys: these stay top-level, every other unknown key goes under `[extra]`.
const ZOLA_PAGE_KEYS: [&str; 5] = ["weight", "path", "aliases", "in_search_index", "template"];

/// Renders `front` in `flavor`'s convention, then a blank line, then `body`.
pub fn write(front: &FrontMatter, body: &str, flavor: Flavor) -> String {
    let block = match flavor {
        Flavor::Byline => yaml_block(byline_fields(front)),
        Flavor::Hugo => yaml_block(hugo_fields(front)),
        Flavor::Jekyll => yaml_block(jekyll_fields(front)),
        Flavor::Zola => toml_block(front),
    };
    format!("{block}\n{body}")
}

type Fields = IndexMap<String, Value>;

/// Collects fields in order, skipping the empty ones.
#[derive(Default)]
struct FieldsBuilder(Fields);

impl FieldsBuilder {
    fn text(mut self, key: &str, value: &Option<String>) -> Self {
        if let Some(v) = value {
            self.0.insert(key.to_owned(), Value::String(v.clone()));
        }
        self
    }

    fn value(mut self, key: &str, value: Option<Value>) -> Self {
        if let Some(v) = value {
            self.0.insert(key.to_owned(), v);
        }
        self
    }

    fn list(mut self, key: &str, items: &[String]) -> Self {
        if !items.is_empty() {
            self.0.insert(key.to_owned(), Value::from(items.to_vec()));
        }
        self
    }

    /// Unknown keys come last; a key already written by a known field wins over a stale copy.
    fn extra(mut self, extra: &IndexMap<String, Value>) -> Fields {
        for (key, value) in extra {
            self.0.entry(key.clone()).or_insert_with(|| value.clone());
        }
        self.0
    }
}

/// The status decides when there is one; otherwise the draft flag; unknown means draft, so nothing
/// unreviewed gets published by accident.
fn is_draft(front: &FrontMatter) -> bool {
    match &front.status {
        Some(status) => !status.trim().eq_ignore_ascii_case("published"),
        None => front.draft.unwrap_or(true),
    }
}

fn date_text(
    date: &Option<chrono::DateTime<chrono::FixedOffset>>,
    format: fn(&chrono::DateTime<chrono::FixedOffset>) -> String,
) -> Option<Value> {
    date.as_ref().map(|d| Value::String(format(d)))
}

fn byline_fields(f: &FrontMatter) -> Fields {
    FieldsBuilder::default()
        .text("title", &f.title)
        .text("subtitle", &f.subtitle)
        .text("summary", &f.summary)
        .text("status", &f.status)
        .value("draft", f.draft.map(Value::Bool))
        .value("date", date_text(&f.date, rfc3339))
        .value("updated", date_text(&f.updated, rfc3339))
        .text("slug", &f.slug)
        .list("tags", &f.tags)
        .list("authors", &f.authors)
        .text("image", &f.image)
        .text("canonical_url", &f.canonical_url)
        .text("discuss_url", &f.discuss_url)
        .text("language", &f.language)
        .extra(&f.extra)
}

fn hugo_fields(f: &FrontMatter) -> Fields {
    FieldsBuilder::default()
        .text("title", &f.title)
        .text("subtitle", &f.subtitle)
        .text("description", &f.summary)
        .value("date", date_text(&f.date, rfc3339))
        .value("lastmod", date_text(&f.updated, rfc3339))
        .value("draft", Some(Value::Bool(is_draft(f))))
        .text("slug", &f.slug)
        .list("tags", &f.tags)
        .list("authors", &f.authors)
        .value("images", f.image.as_ref().map(|i| Value::from(vec![i.clone()])))
        .text("canonicalURL", &f.canonical_url)
        .text("discuss_url", &f.discuss_url)
        .text("lang", &f.language)
        .extra(&f.extra)
}

fn jekyll_fields(f: &FrontMatter) -> Fields {
    let layout = (!f.extra.contains_key("layout")).then(|| Value::from("post"));
    let (author_key, authors) = match f.authors.as_slice() {
        [one] => ("author", Some(Value::from(one.clone()))),
        [] => ("author", None),
        many => ("authors", Some(Value::from(many.to_vec()))),
    };
    FieldsBuilder::default()
        .value("layout", layout)
        .text("title", &f.title)
        .text("subtitle", &f.subtitle)
        .text("description", &f.summary)
        .value("date", date_text(&f.date, jekyll))
        .value("last_modified_at", date_text(&f.updated, jekyll))
        .value("published", is_draft(f).then_some(Value::Bool(false)))
        .text("slug", &f.slug)
        .list("tags", &f.tags)
        .value(author_key, authors)
        .text("image", &f.image)
        .text("canonical_url", &f.canonical_url)
        .text("discuss_url", &f.discuss_url)
        .text("lang", &f.language)
        .extra(&f.extra)
}

fn yaml_block(fields: Fields) -> String {
    if fields.is_empty() {
        return "---\n---\n".to_owned();
    }
    let mapping = fields.iter().map(|(k, v)| (serde_yaml_ng::Value::String(k.clone()), value::to_yaml(v))).collect();
    let yaml = serde_yaml_ng::to_string(&serde_yaml_ng::Value::Mapping(mapping))
        .unwrap_or_else(|e| format!("# Byline could not write this front matter: {e}\n"));
    format!("---\n{yaml}---\n")
}

fn toml_block(f: &FrontMatter) -> String {
    let mut top = toml::Table::new();
    let mut put = |key: &str, v: Option<toml::Value>| {
        if let Some(v) = v {
            top.insert(key.to_owned(), v);
        }
    };
    put("title", f.title.clone().map(toml::Value::String));
    put("description", f.summary.clone().map(toml::Value::String));
    put("date", f.date.as_ref().and_then(toml_date));
    put("updated", f.updated.as_ref().and_then(toml_date));
    put("draft", Some(toml::Value::Boolean(is_draft(f))));
    put("slug", f.slug.clone().map(toml::Value::String));
    if !f.authors.is_empty() {
        put("authors", value::to_toml(&Value::from(f.authors.clone())));
    }
    let mut extra = toml::Table::new();
    let mut taxonomies = toml::Table::new();
    for (key, v) in [
        ("subtitle", &f.subtitle),
        ("image", &f.image),
        ("canonical_url", &f.canonical_url),
        ("discuss_url", &f.discuss_url),
        ("language", &f.language),
        ("status", &f.status),
    ] {
        if let Some(v) = v {
            extra.insert(key.to_owned(), toml::Value::String(v.clone()));
        }
    }
    for (key, v) in &f.extra {
        let Some(v) = value::to_toml(v) else { continue };
        match (key.as_str(), v) {
            ("taxonomies", toml::Value::Table(t)) => taxonomies.extend(t),
            // Categories are a taxonomy in Zola, as they are in Hugo and Jekyll.
            ("categories", v @ toml::Value::Array(_)) => {
                taxonomies.entry("categories").or_insert(v);
            }
            (k, v) if ZOLA_PAGE_KEYS.contains(&k) => {
                top.entry(key.clone()).or_insert(v);
            }
            (_, v) => {
                extra.entry(key.clone()).or_insert(v);
            }
        }
    }
    if !f.tags.is_empty() {
        taxonomies
            .insert("tags".to_owned(), toml::Value::Array(f.tags.iter().cloned().map(toml::Value::String).collect()));
    }
    if !taxonomies.is_empty() {
        top.insert("taxonomies".to_owned(), toml::Value::Table(taxonomies));
    }
    if !extra.is_empty() {
        top.insert("extra".to_owned(), toml::Value::Table(extra));
    }
    let body = toml::to_string(&top)
        .map(|body| keep_delimiters_out_of_multiline_strings(body, &top))
        .unwrap_or_else(|e| format!("# Byline could not write this front matter: {e}\n"));
    format!("+++\n{body}+++\n")
}

/// The TOML writer puts a string with line breaks on several lines; one of them reading `+++`
/// would close the front matter early, so such a file could not be read back. Those strings are
/// written again on one line, with `\n` escapes (the value is the same).
fn keep_delimiters_out_of_multiline_strings(body: String, top: &toml::Table) -> String {
    if !body.lines().any(|line| line.trim_end() == "+++") {
        return body;
    }
    let mut strings = Vec::new();
    let mut table = top.clone();
    // A placeholder that appears nowhere in the document, so replacing it touches nothing else.
    let mut marker = String::from("byline-one-line-");
    while body.contains(&marker) {
        marker.push('x');
    }
    for (_, value) in table.iter_mut() {
        stash_delimiter_strings(value, &marker, &mut strings);
    }
    let Ok(mut text) = toml::to_string(&table) else { return body };
    for (i, original) in strings.iter().enumerate() {
        text = text.replacen(&format!("\"{marker}{i}\""), &crate::edit::toml::strings::basic(original), 1);
    }
    text
}

fn stash_delimiter_strings(value: &mut toml::Value, marker: &str, strings: &mut Vec<String>) {
    match value {
        toml::Value::String(s) if s.lines().any(|line| line.trim_end() == "+++") => {
            let placeholder = format!("{marker}{}", strings.len());
            strings.push(std::mem::replace(s, placeholder));
        }
        toml::Value::Array(items) => items.iter_mut().for_each(|v| stash_delimiter_strings(v, marker, strings)),
        toml::Value::Table(t) => t.iter_mut().for_each(|(_, v)| stash_delimiter_strings(v, marker, strings)),
        _ => {}
    }
}

/// Zola wants a native TOML datetime, not a string.
fn toml_date(date: &chrono::DateTime<chrono::FixedOffset>) -> Option<toml::Value> {
    rfc3339(date).parse::<toml::value::Datetime>().ok().map(toml::Value::Datetime)
}
