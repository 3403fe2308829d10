//! Maps a parsed key/value tree onto [`FrontMatter`]: aliases, type checks, and the leftovers kept as `extra`.

use serde_json::{Map, Value};

use crate::dates::parse_date;
use crate::{Format, FrontMatter, FrontMatterError};

/// The keys each field is read from, first match wins; `rewrite` edits the same key.
pub(crate) mod keys {
    pub(crate) const TITLE: &[&str] = &["title"];
    pub(crate) const SUBTITLE: &[&str] = &["subtitle"];
    pub(crate) const SUMMARY: &[&str] = &["summary", "description", "excerpt"];
    pub(crate) const DATE: &[&str] = &["date", "publishDate", "published"];
    pub(crate) const UPDATED: &[&str] = &["updated", "lastmod", "last_modified_at", "modified"];
    pub(crate) const DRAFT: &[&str] = &["draft"];
    pub(crate) const SLUG: &[&str] = &["slug"];
    pub(crate) const STATUS: &[&str] = &["status"];
    pub(crate) const TAGS: &[&str] = &["tags"];
    pub(crate) const AUTHORS: &[&str] = &["authors", "author"];
    pub(crate) const IMAGE: &[&str] = &["image", "cover", "cover_image", "featured_image", "og_image", "images"];
    pub(crate) const CANONICAL_URL: &[&str] = &["canonical_url", "canonicalURL", "canonical"];
    pub(crate) const DISCUSS_URL: &[&str] = &["discuss_url"];
    pub(crate) const LANGUAGE: &[&str] = &["lang", "language", "locale"];
    /// Byline fields a Hugo page keeps under `params:` (its extension point): the names read
    /// there, and every name of the field at the top level.
    pub(crate) const HUGO_PARAMS: &[(&[&str], &[&str])] = &[
        (&["subtitle"], SUBTITLE),
        (&["authors", "author"], AUTHORS),
        (&["canonical_url", "canonicalURL"], CANONICAL_URL),
        (&["discuss_url"], DISCUSS_URL),
        (&["language"], LANGUAGE),
    ];
}

/// What `read` found: the typed front matter, and what it kept as written because it could not
/// read it (an unreadable date): the file still imports, and the writer is told.
pub(crate) struct Read {
    pub front: FrontMatter,
    pub warnings: Vec<FrontMatterError>,
}

/// Reads the known keys out of `map`; `locate` gives the file line of a key for error messages.
pub(crate) fn read(
    mut map: Map<String, Value>,
    format: Format,
    locate: &dyn Fn(&str) -> usize,
) -> Result<Read, FrontMatterError> {
    if format == Format::Toml {
        hoist_zola_extra(&mut map);
    }
    hoist_hugo_params(&mut map);
    let zola_tags = take_zola_tags(&mut map);
    let jekyll_published = take_jekyll_published(&mut map);
    let mut r = Reader { map, locate, warnings: Vec::new() };
    let mut front = FrontMatter {
        title: r.text(keys::TITLE)?,
        subtitle: r.text(keys::SUBTITLE)?,
        summary: r.text(keys::SUMMARY)?,
        date: r.date(keys::DATE)?,
        updated: r.date(keys::UPDATED)?,
        draft: r.flag(keys::DRAFT)?.or(jekyll_published.map(|published| !published)),
        slug: r.text(keys::SLUG)?,
        status: r.text(keys::STATUS)?,
        tags: r.list(keys::TAGS, ListStyle::CommaSeparated)?,
        authors: r.list(keys::AUTHORS, ListStyle::Single)?,
        image: r.image()?,
        canonical_url: r.text(keys::CANONICAL_URL)?,
        discuss_url: r.text(keys::DISCUSS_URL)?,
        language: r.text(keys::LANGUAGE)?,
        extra: Default::default(),
    };
    if front.tags.is_empty() {
        if let Some(tags) = zola_tags {
            front.tags = r.convert_list("taxonomies.tags", tags, ListStyle::CommaSeparated)?;
        }
    }
    front.extra = r.map.into_iter().collect();
    Ok(Read { front, warnings: r.warnings })
}

/// Hugo pages keep custom values under `params:`; Byline's own fields found there (a subtitle,
/// co-authors) are lifted so they are read like top-level ones. Other params stay where they are.
fn hoist_hugo_params(map: &mut Map<String, Value>) {
    for (names, top_names) in keys::HUGO_PARAMS {
        // A field the top level has a value for under any of its names (`author` beside
        // `params.authors`) stays in `params`: neither value is lost, and writing it back cannot
        // change which one is read. An empty top-level key (`author:`) holds no value, as the
        // reader sees it too.
        if top_names.iter().any(|name| map.get(*name).is_some_and(|value| !value.is_null())) {
            continue;
        }
        let Some(Value::Object(params)) = map.get_mut("params") else { return };
        // One name per field (a second would sit beside it as an unread alias), and only a value
        // the field can hold: a theme's `params.author: {handle: …}` stays a param.
        let Some(name) = names.iter().find(|name| params.get(**name).is_some_and(|value| holds(top_names, value)))
        else {
            continue;
        };
        let Some(value) = params.shift_remove(*name) else { continue };
        for empty in *top_names {
            map.shift_remove(*empty);
        }
        map.insert((*name).to_owned(), value);
    }
    if matches!(map.get("params"), Some(Value::Object(params)) if params.is_empty()) {
        map.shift_remove("params");
    }
}

/// Whether the field whose top-level names are `top_names` can be read from `value`: the
/// reader's own conversion decides.
fn holds(top_names: &[&str], value: &Value) -> bool {
    let no_line = |_: &str| 1;
    let probe = Reader { map: Map::new(), locate: &no_line, warnings: Vec::new() };
    if top_names == keys::AUTHORS {
        probe.convert_list("", value.clone(), ListStyle::Single).is_ok()
    } else {
        probe.convert_text("", value.clone()).is_ok()
    }
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
    warnings: Vec<FrontMatterError>,
}

impl Reader<'_> {
    /// Removes and returns the first alias present; later aliases stay behind as `extra`.
    fn take(&mut self, aliases: &[&'static str]) -> Option<(&'static str, Value)> {
        aliases.iter().find_map(|key| self.map.shift_remove(*key).map(|v| (*key, v)))
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
                format!("`{key}` must be text, but it is {}; write it as a single quoted string", kind(&other)),
            )),
        }
    }

    /// The first alias holding a readable date. One nobody can read stays in the front matter as
    /// written (in `extra`, so it is written back unchanged) with a warning: a site that builds
    /// with it must not lose the post over it.
    fn date(
        &mut self,
        aliases: &[&'static str],
    ) -> Result<Option<chrono::DateTime<chrono::FixedOffset>>, FrontMatterError> {
        let mut unreadable = Vec::new();
        let mut found = None;
        for key in aliases {
            let Some(value) = self.map.shift_remove(*key) else { continue };
            let parsed = match &value {
                Value::Null => None,
                Value::String(raw) => parse_date(raw),
                _ => None,
            };
            if parsed.is_some() || value.is_null() {
                found = parsed;
                break;
            }
            let shown = match &value {
                Value::String(raw) => format!("{raw:?}"),
                other => format!("{} ({other})", kind(other)),
            };
            self.warnings.push(self.error(
                key,
                format!("`{key}` is not a date Byline can read: {shown}; it was kept as written. Write it like 2024-05-01, 2024-05-01 10:00 or 2024-05-01T10:00:00+02:00 to give the article a publication date"),
            ));
            unreadable.push(((*key).to_owned(), value));
        }
        self.map.extend(unreadable);
        Ok(found)
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
            other => Err(self.error(key, format!("`{key}` must be true or false, but it is {}", kind(&other)))),
        }
    }

    fn list(&mut self, aliases: &[&'static str], style: ListStyle) -> Result<Vec<String>, FrontMatterError> {
        match self.take(aliases) {
            None => Ok(Vec::new()),
            Some((key, value)) => self.convert_list(key, value, style),
        }
    }

    fn convert_list(&self, key: &str, value: Value, style: ListStyle) -> Result<Vec<String>, FrontMatterError> {
        let items = match value {
            Value::Null => return Ok(Vec::new()),
            Value::String(s) => {
                return Ok(match style {
                    ListStyle::CommaSeparated => {
                        s.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
                    }
                    ListStyle::Single => vec![s],
                })
            }
            Value::Array(items) => items,
            other => return Err(self.error(key, format!("`{key}` must be a list, but it is {}", kind(&other)))),
        };
        items
            .into_iter()
            .filter(|item| !item.is_null())
            .map(|item| match item {
                // Jekyll themes often describe authors as `{name: …}` objects.
                Value::Object(mut obj) if obj.get("name").is_some_and(Value::is_string) => {
                    Ok(obj.shift_remove("name").and_then(|n| n.as_str().map(str::to_owned)).unwrap_or_default())
                }
                other => self.convert_text(key, other).map(Option::unwrap_or_default),
            })
            .collect()
    }

    fn image(&mut self) -> Result<Option<String>, FrontMatterError> {
        let Some((key, value)) = self.take(keys::IMAGE) else {
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
