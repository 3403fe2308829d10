//! Writing a file's head back after its draft changed: each changed field is edited in place,
//! under the key the file already uses and in its style; a field the file has no key for gets
//! the generator's own key (or its extension point: Hugo `params`, Zola `[extra]`). A draft
//! that did not change gets its head back byte for byte.

use serde_json::{Map, Value};

use crate::dates::{jekyll, restyle, rfc3339};
use crate::edit::{self, Edit, KeyPath, NewValue};
use crate::read::keys;
use crate::{split, Flavor, Format, FrontMatter, SiteKind};

/// Zola's own page keys stay top-level; Byline's and unknown keys go under `[extra]`.
const ZOLA_PAGE_KEYS: [&str; 7] = ["weight", "path", "aliases", "in_search_index", "template", "authors", "render"];

/// A file as Byline read it, kept with its draft so the file can be written back in its own
/// dialect and the git diff shows only what the writer changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// Everything before the body, byte for byte (see [`crate::Document::head`]).
    pub head: String,
    /// The draft's metadata as it stood when the file was read; a field that still equals it
    /// is left alone in the file.
    pub base: FrontMatter,
    /// The generator whose conventions the file follows, if any.
    pub site: Option<SiteKind>,
    /// The file's path relative to the content folder, `/`-separated.
    pub path: String,
}

/// The head of the file for a draft whose metadata is now `new`.
pub fn rewrite_head(origin: &Origin, new: &FrontMatter) -> String {
    let (bom, text) = match origin.head.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", origin.head.as_str()),
    };
    let range = split::block_range(text);
    let format = range.as_ref().map(|(format, _)| *format);
    let flavor = flavor_of(origin.site, format);
    let map = range
        .as_ref()
        .and_then(|(format, range)| crate::parse_block(*format, &text[range.clone()]).ok())
        .unwrap_or_default();
    let edits = Planner { map: &map, flavor, origin, new }.edits();
    if edits.is_empty() {
        return origin.head.clone();
    }
    let (format, block, before, after) = match &range {
        Some((format, range)) => (*format, &text[range.clone()], &text[..range.start], &text[range.end..]),
        None => {
            let format = if flavor == Flavor::Zola { Format::Toml } else { Format::Yaml };
            let fence = if format == Format::Toml { "+++\n" } else { "---\n" };
            let edited = apply(format, "", &edits).unwrap_or_default();
            return format!("{bom}{fence}{edited}{fence}\n{text}");
        }
    };
    match apply(format, block, &edits) {
        Ok(edited) => format!("{bom}{before}{edited}{after}"),
        // A block the editors cannot change safely is written anew rather than corrupted.
        Err(_) => format!("{bom}{}", crate::write(new, "", flavor)),
    }
}

fn apply(format: Format, block: &str, edits: &[Edit]) -> Result<String, edit::EditError> {
    match format {
        Format::Yaml => edit::yaml::apply(block, edits),
        Format::Toml => edit::toml::apply(block, edits),
    }
}

/// Whose key names a new key takes: the site's; outside a site, Zola's for TOML (Hugo reads
/// them too) and Byline's own for YAML.
fn flavor_of(site: Option<SiteKind>, format: Option<Format>) -> Flavor {
    match (site, format) {
        (Some(site), _) => site.flavor(),
        (None, Some(Format::Toml)) => Flavor::Zola,
        (None, _) => Flavor::Byline,
    }
}

struct Planner<'a> {
    map: &'a Map<String, Value>,
    flavor: Flavor,
    origin: &'a Origin,
    new: &'a FrontMatter,
}

impl Planner<'_> {
    fn edits(&self) -> Vec<Edit> {
        let (old, new) = (&self.origin.base, self.new);
        let mut edits = Vec::new();
        self.text(&mut edits, keys::TITLE, &["title"], &old.title, &new.title);
        let subtitle: &[&str] = match self.flavor {
            Flavor::Hugo => &["params", "subtitle"],
            Flavor::Zola => &["extra", "subtitle"],
            _ => &["subtitle"],
        };
        self.text(&mut edits, keys::SUBTITLE, subtitle, &old.subtitle, &new.subtitle);
        let summary: &[&str] = if self.flavor == Flavor::Byline { &["summary"] } else { &["description"] };
        self.text(&mut edits, keys::SUMMARY, summary, &old.summary, &new.summary);
        self.date(&mut edits, keys::DATE, &old.date, &new.date);
        self.date(&mut edits, keys::UPDATED, &old.updated, &new.updated);
        self.status(&mut edits);
        if old.slug != new.slug {
            // The file name carries the slug unless the file has a key for it.
            if let Some(path) = self.find(keys::SLUG) {
                edits.push(Edit { path, value: new.slug.clone().map(|s| NewValue::Json(Value::String(s))) });
            }
        }
        self.tags(&mut edits);
        self.authors(&mut edits);
        self.image(&mut edits);
        let canonical: &[&str] = match self.flavor {
            Flavor::Hugo => &["canonicalURL"],
            Flavor::Zola => &["extra", "canonical_url"],
            _ => &["canonical_url"],
        };
        self.text(&mut edits, keys::CANONICAL_URL, canonical, &old.canonical_url, &new.canonical_url);
        // No generator has a key of its own for it: a new one goes to the extension point.
        let discuss: &[&str] = match self.flavor {
            Flavor::Hugo => &["params", "discuss_url"],
            Flavor::Zola => &["extra", "discuss_url"],
            _ => &["discuss_url"],
        };
        self.text(&mut edits, keys::DISCUSS_URL, discuss, &old.discuss_url, &new.discuss_url);
        let language: &[&str] = match self.flavor {
            Flavor::Byline => &["language"],
            Flavor::Zola => &["extra", "language"],
            _ => &["lang"],
        };
        self.text(&mut edits, keys::LANGUAGE, language, &old.language, &new.language);
        self.extra(&mut edits);
        edits
    }

    /// The path of the first alias the file has: top level, then Zola's `[extra]`, then
    /// Hugo's `params`.
    fn find(&self, aliases: &[&str]) -> Option<KeyPath> {
        for parent in [None, Some("extra"), Some("params")] {
            let table = match parent {
                None => Some(self.map),
                Some(name) => self.map.get(name).and_then(Value::as_object),
            };
            let Some(table) = table else { continue };
            if let Some(key) = aliases.iter().find(|key| table.contains_key(**key)) {
                return Some(parent.into_iter().chain([*key]).map(str::to_owned).collect());
            }
        }
        None
    }

    fn value_at(&self, path: &[String]) -> Option<&Value> {
        let (last, parents) = path.split_last()?;
        let mut table = self.map;
        for parent in parents {
            table = table.get(parent)?.as_object()?;
        }
        table.get(last)
    }

    /// Sets (or, for `None`, removes) a field under the key the file uses, else under `fresh`.
    fn set(&self, edits: &mut Vec<Edit>, aliases: &[&str], fresh: &[&str], value: Option<NewValue>) {
        match (self.find(aliases), value) {
            (Some(path), value) => edits.push(Edit { path, value }),
            (None, Some(value)) => edits.push(Edit { path: owned(fresh), value: Some(value) }),
            (None, None) => {}
        }
    }

    fn text(
        &self,
        edits: &mut Vec<Edit>,
        aliases: &[&str],
        fresh: &[&str],
        old: &Option<String>,
        new: &Option<String>,
    ) {
        if old != new {
            self.set(edits, aliases, fresh, new.clone().map(|v| NewValue::Json(Value::String(v))));
        }
    }

    /// A changed date keeps the text style (and offset) of the date it replaces.
    fn date(
        &self,
        edits: &mut Vec<Edit>,
        aliases: &[&str],
        old: &Option<chrono::DateTime<chrono::FixedOffset>>,
        new: &Option<chrono::DateTime<chrono::FixedOffset>>,
    ) {
        if old == new {
            return;
        }
        let existing = self.find(aliases);
        let old_text = existing.as_ref().and_then(|path| self.value_at(path)).and_then(Value::as_str);
        let value = new.as_ref().map(|date| {
            NewValue::Date(match (old_text, self.flavor) {
                (Some(text), _) => restyle(date, text),
                (None, Flavor::Jekyll) => jekyll(date),
                (None, _) => rfc3339(date),
            })
        });
        self.set(edits, aliases, &aliases[..1], value);
    }

    /// Byline's status onto the file: its `status` key if it has one; otherwise the draft
    /// marker of the convention (Hugo and Zola `draft`, Jekyll `published: false`). Moving a
    /// Jekyll post out of `_drafts/` is the caller's (it renames the file).
    fn status(&self, edits: &mut Vec<Edit>) {
        let (old, new) = (&self.origin.base.status, &self.new.status);
        let published = |status: &Option<String>| status.as_deref() == Some("published");
        if let Some(path) = self.find(keys::STATUS) {
            if old != new {
                edits.push(Edit { path, value: new.clone().map(|s| NewValue::Json(Value::String(s))) });
            }
            if let Some(path) = self.find(keys::DRAFT) {
                if published(old) != published(new) {
                    edits.push(Edit { path, value: Some(NewValue::Json(Value::Bool(!published(new)))) });
                }
            }
            return;
        }
        if published(old) == published(new) {
            return;
        }
        let draft_key = self.find(keys::DRAFT);
        let jekyll_flag =
            (self.map.get("published").and_then(Value::as_bool) == Some(false)).then(|| owned(&["published"]));
        if published(new) {
            edits.extend(draft_key.into_iter().chain(jekyll_flag).map(|path| Edit { path, value: None }));
            return;
        }
        match (self.flavor, draft_key) {
            (_, Some(path)) => edits.push(Edit { path, value: Some(NewValue::Json(Value::Bool(true))) }),
            (Flavor::Jekyll, None) if self.origin.path.split('/').any(|part| part == "_drafts") => {}
            (Flavor::Jekyll, None) => {
                edits.push(Edit { path: owned(&["published"]), value: Some(NewValue::Json(Value::Bool(false))) })
            }
            (_, None) => edits.push(Edit { path: owned(&["draft"]), value: Some(NewValue::Json(Value::Bool(true))) }),
        }
    }

    /// Tags as a list, or as `a, b` where the file wrote them as one string.
    fn tags(&self, edits: &mut Vec<Edit>) {
        let (old, new) = (&self.origin.base.tags, &self.new.tags);
        if old == new {
            return;
        }
        let existing = self.find(keys::TAGS).or_else(|| {
            let zola = owned(&["taxonomies", "tags"]);
            self.value_at(&zola).is_some().then_some(zola)
        });
        let as_string = existing.as_ref().and_then(|path| self.value_at(path)).is_some_and(Value::is_string);
        let value = match (new.is_empty(), as_string) {
            (true, _) => None,
            (false, true) => Some(NewValue::Json(Value::String(new.join(", ")))),
            (false, false) => Some(NewValue::Json(Value::from(new.clone()))),
        };
        let fresh = owned(if self.flavor == Flavor::Zola { &["taxonomies", "tags"] } else { &["tags"] });
        match (existing, value) {
            (Some(path), value) => edits.push(Edit { path, value }),
            (None, Some(value)) => edits.push(Edit { path: fresh, value: Some(value) }),
            (None, None) => {}
        }
    }

    /// One author as text where the file's key (or the convention) takes one, else a list.
    fn authors(&self, edits: &mut Vec<Edit>) {
        let (old, new) = (&self.origin.base.authors, &self.new.authors);
        if old == new {
            return;
        }
        let existing = self.find(keys::AUTHORS);
        let single_key = match &existing {
            Some(path) => path.last().is_some_and(|key| key == "author"),
            None => self.flavor == Flavor::Jekyll,
        };
        let value = match new.as_slice() {
            [] => None,
            [one] if single_key => Some(NewValue::Json(Value::String(one.clone()))),
            many => Some(NewValue::Json(Value::from(many.to_vec()))),
        };
        let fresh: &[&str] = match self.flavor {
            Flavor::Hugo => &["params", "authors"],
            Flavor::Jekyll if new.len() == 1 => &["author"],
            _ => &["authors"],
        };
        match (existing, value) {
            // Jekyll's `author:` holds one name; several go under `authors:` instead.
            (Some(path), Some(NewValue::Json(Value::Array(list)))) if single_key && self.flavor == Flavor::Jekyll => {
                edits.push(Edit { path, value: None });
                edits.push(Edit { path: owned(&["authors"]), value: Some(NewValue::Json(Value::Array(list))) });
            }
            (Some(path), value) => edits.push(Edit { path, value }),
            (None, Some(value)) => edits.push(Edit { path: owned(fresh), value: Some(value) }),
            (None, None) => {}
        }
    }

    /// The cover: a list's first item (`images:`), a Hugo theme's `cover.image`, or one string.
    fn image(&self, edits: &mut Vec<Edit>) {
        let (old, new) = (&self.origin.base.image, &self.new.image);
        if old == new {
            return;
        }
        let Some(path) = self.find(keys::IMAGE) else {
            let fresh: &[&str] = match self.flavor {
                Flavor::Hugo => &["images"],
                Flavor::Zola => &["extra", "image"],
                _ => &["image"],
            };
            if let Some(image) = new {
                let value = if self.flavor == Flavor::Hugo {
                    Value::from(vec![image.clone()])
                } else {
                    Value::String(image.clone())
                };
                edits.push(Edit { path: owned(fresh), value: Some(NewValue::Json(value)) });
            }
            return;
        };
        let Some(image) = new else {
            edits.push(Edit { path, value: None });
            return;
        };
        match self.value_at(&path) {
            Some(Value::Array(items)) => {
                let mut items = items.clone();
                match items.first_mut() {
                    Some(first) => *first = Value::String(image.clone()),
                    None => items.push(Value::String(image.clone())),
                }
                edits.push(Edit { path, value: Some(NewValue::Json(Value::Array(items))) });
            }
            Some(Value::Object(cover)) if cover.contains_key("image") => {
                let path = path.into_iter().chain(["image".to_owned()]).collect();
                edits.push(Edit { path, value: Some(NewValue::Json(Value::String(image.clone()))) });
            }
            _ => edits.push(Edit { path, value: Some(NewValue::Json(Value::String(image.clone()))) }),
        }
    }

    /// Keys Byline has no field for, each where the file keeps it.
    fn extra(&self, edits: &mut Vec<Edit>) {
        let (old, new) = (&self.origin.base.extra, &self.new.extra);
        let keys = old.keys().chain(new.keys().filter(|key| !old.contains_key(*key)));
        for key in keys {
            let (before, after) = (old.get(key), new.get(key));
            if before == after {
                continue;
            }
            let fresh: Vec<&str> = match self.flavor {
                Flavor::Zola if !ZOLA_PAGE_KEYS.contains(&key.as_str()) => vec!["extra", key],
                _ => vec![key],
            };
            let value = after.filter(|v| !v.is_null()).cloned().map(NewValue::Json);
            let path = self.find(&[key]).unwrap_or_else(|| owned(&fresh));
            if edits.iter().any(|edit| edit.path == path) {
                continue;
            }
            if value.is_some() || self.value_at(&path).is_some() {
                edits.push(Edit { path, value });
            }
        }
    }
}

fn owned(path: &[&str]) -> KeyPath {
    path.iter().map(|part| (*part).to_owned()).collect()
}
