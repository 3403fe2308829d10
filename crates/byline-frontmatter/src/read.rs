//! Maps a parsed key/value tree onto [`FrontMatter`]: aliases, type checks, and the leftovers kept as `extra`.

use serde_json::{Map, Value};

use crate::dates::parse_date;
use crate::{Format, FrontMatter, FrontMatterError};

/// Reads the known keys out of `map`; `locate` gives the file line of a key for error messages.
pub(crate) fn read(
    mut map: Map<String, Value>,
    format: Format,
    locate: &dyn Fn(&str) -> usize,
) -> Result<FrontMatter, FrontMatterError> {
    if format == Format::Toml {
        hoist_zola_extra(&mut map);
    }
    let zola_tags = take_zola_tags(&mut map);
    let jekyll_published = take_jekyll_published(&mut map);
    let mut r = Reader { map, locate };
    let mut front = FrontMatter {
        title: r.text(&["title"])?,
        subtitle: r.text(&["subtitle"])?,
        summary: r.text(&["summary", "description", "excerpt"])?,
        date: r.date(&["date", "publishDate", "published"])?,
        updated: r.date(&["updated", "lastmod", "last_modified_at", "modified"])?,
        draft: r
            .flag(&["draft"])?
            .or(jekyll_published.map(|published| !published)),
        slug: r.text(&["slug"])?,
        status: r.text(&["status"])?,
        tags: r.list(&["tags"], ListStyle::CommaSeparated)?,
        authors: r.list(&["authors", "author"], ListStyle::Single)?,
        image: r.image()?,
        canonical_url: r.text(&["canonical_url", "canonicalURL", "canonical"])?,
        language: r.text(&["lang", "language", "locale"])?,
        extra: Default::default(),
    };
    if front.tags.is_empty() {
        if let Some(tags) = zola_tags {
            front.tags = r.convert_list("taxonomies.tags", tags, ListStyle::CommaSeparated)?;
        }
    }
    front.extra = r.map.into_iter().collect();
    Ok(front)
}

/// Zola keeps non-standard keys under `[extra]`; lift them so `subtitle`, `image`… are found again.
fn hoist_zola_extra(map: &mut Map<String, Value>) {
    if !matches!(map.get("extra"), Some(Value::Object(_))) {
        return;
    }
    if let Some(Value::Object(extra)) = map.shift_remove("extra") {
        for (key, value) in extra {
            map.entry(key).or_insert(value);
        }
    }
}

/// Jekyll's `published: false` hides a post; it is a flag there, not the publication date.
fn take_jekyll_published(map: &mut Map<String, Value>) -> Option<bool> {
    match map.get("published") {
        Some(Value::Bool(published)) => {
            let published = *published;
            map.shift_remove("published");
            Some(published)
        }
        _ => None,
    }
}

/// Zola puts tags in `[taxonomies]`; other taxonomies (categories…) stay in `extra`.
fn take_zola_tags(map: &mut Map<String, Value>) -> Option<Value> {
    let Some(Value::Object(taxonomies)) = map.get_mut("taxonomies") else {
        return None;
    };
    let tags = taxonomies.shift_remove("tags");
    if taxonomies.is_empty() {
        map.shift_remove("taxonomies");
    }
    tags
}

#[derive(Clone, Copy)]
enum ListStyle {
    /// `tags: a, b` means two tags.
    CommaSeparated,
    /// `author: Ada Lovelace` means one author, commas and all.
    Single,
}

struct Reader<'a> {
    map: Map<String, Value>,
    locate: &'a dyn Fn(&str) -> usize,
}

impl Reader<'_> {
    /// Removes and returns the first alias present; later aliases stay behind as `extra`.
    fn take(&mut self, aliases: &[&'static str]) -> Option<(&'static str, Value)> {
        aliases
            .iter()
            .find_map(|key| self.map.shift_remove(*key).map(|v| (*key, v)))
    }

    fn error(&self, key: &str, message: String) -> FrontMatterError {
        FrontMatterError::new((self.locate)(key), message)
    }

    fn text(&mut self, aliases: &[&'static str]) -> Result<Option<String>, FrontMatterError> {
        match self.take(aliases) {
            None => Ok(None),
            Some((key, value)) => self.convert_text(key, value),
        }
    }

    fn convert_text(&self, key: &str, value: Value) -> Result<Option<String>, FrontMatterError> {
        match value {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            Value::Number(n) => Ok(Some(n.to_string())),
            Value::Bool(b) => Ok(Some(b.to_string())),
            other => Err(self.error(
                key,
                format!(
                    "`{key}` must be text, but it is {}; write it as a single quoted string",
                    kind(&other)
                ),
            )),
        }
    }

    fn date(
        &mut self,
        aliases: &[&'static str],
    ) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, FrontMatterError> {
        let Some((key, value)) = self.take(aliases) else {
            return Ok(None);
        };
        let raw = match value {
            Value::Null => return Ok(None),
            Value::String(s) => s,
            other => {
                return Err(self.error(
                    key,
                    format!("`{key}` must be a date, but it is {}", kind(&other)),
                ))
            }
        };
        parse_date(&raw).map(Some).ok_or_else(|| {
            self.error(key, format!("`{key}` is not a date: {raw:?}; write it like 2024-05-01, 2024-05-01 10:00 or 2024-05-01T10:00:00+02:00"))
        })
    }

    fn flag(&mut self, aliases: &[&'static str]) -> Result<Option<bool>, FrontMatterError> {
        let Some((key, value)) = self.take(aliases) else {
            return Ok(None);
        };
        match value {
            Value::Null => Ok(None),
            Value::Bool(b) => Ok(Some(b)),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            other => Err(self.error(
                key,
                format!("`{key}` must be true or false, but it is {}", kind(&other)),
            )),
        }
    }

    fn list(
        &mut self,
        aliases: &[&'static str],
        style: ListStyle,
    ) -> Result<Vec<String>, FrontMatterError> {
        match self.take(aliases) {
            None => Ok(Vec::new()),
            Some((key, value)) => self.convert_list(key, value, style),
        }
    }

    fn convert_list(
        &self,
        key: &str,
        value: Value,
        style: ListStyle,
    ) -> Result<Vec<String>, FrontMatterError> {
        let items = match value {
            Value::Null => return Ok(Vec::new()),
            Value::String(s) => {
                return Ok(match style {
                    ListStyle::CommaSeparated => s
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    ListStyle::Single => vec![s],
                })
            }
            Value::Array(items) => items,
            other => {
                return Err(self.error(
                    key,
                    format!("`{key}` must be a list, but it is {}", kind(&other)),
                ))
            }
        };
        items
            .into_iter()
            .filter(|item| !item.is_null())
            .map(|item| match item {
                // Jekyll themes often describe authors as `{name: …}` objects.
                Value::Object(mut obj) if obj.get("name").is_some_and(Value::is_string) => Ok(obj
                    .shift_remove("name")
                    .and_then(|n| n.as_str().map(str::to_owned))
                    .unwrap_or_default()),
                other => self.convert_text(key, other).map(Option::unwrap_or_default),
            })
            .collect()
    }

    fn image(&mut self) -> Result<Option<String>, FrontMatterError> {
        let aliases = [
            "image",
            "cover",
            "cover_image",
            "featured_image",
            "og_image",
            "images",
        ];
        let Some((key, value)) = self.take(&aliases) else {
            return Ok(None);
        };
        match value {
            Value::Array(items) => match items.into_iter().next() {
                Some(first) => self.convert_text(key, first),
                None => Ok(None),
            },
            // Hugo themes write `cover: {image: …, alt: …}`.
            Value::Object(mut obj) if obj.contains_key("image") => {
                let image = obj.shift_remove("image").unwrap_or(Value::Null);
                self.convert_text(key, image)
            }
            other => self.convert_text(key, other),
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a nested mapping",
    }
}
