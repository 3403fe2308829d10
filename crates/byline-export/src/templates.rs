//! The embedded default theme, template overrides from a folder, and the filters templates use.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, Value};

use crate::ExportError;

/// Every template of the default theme, by the name templates and overrides use.
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("partials/author_card.html", include_str!("../templates/partials/author_card.html")),
    ("partials/article_list.html", include_str!("../templates/partials/article_list.html")),
    ("site/index.html", include_str!("../templates/site/index.html")),
    ("site/tags.html", include_str!("../templates/site/tags.html")),
    ("site/tag.html", include_str!("../templates/site/tag.html")),
    ("site/author.html", include_str!("../templates/site/author.html")),
    ("atom.xml", include_str!("../templates/atom.xml")),
    ("style.css", include_str!("../templates/style.css")),
];

/// An environment with the default theme and Byline's filters; `.html`/`.xml` auto-escape.
pub(crate) fn default_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_formatter(escape_formatter);
    env.add_filter("iso_date", iso_date);
    env.add_filter("human_date", human_date);
    for (name, source) in EMBEDDED {
        // The embedded theme is covered by tests; a broken one must not take the app down.
        if let Err(err) = env.add_template(name, source) {
            debug_assert!(false, "embedded template {name} does not parse: {err}");
        }
    }
    env
}

/// Adds every file under `dir` as a template named by its relative path, replacing embedded ones.
pub(crate) fn add_overrides(env: &mut Environment<'static>, dir: &Path) -> Result<(), ExportError> {
    let mut files = Vec::new();
    collect_files(dir, &mut files)?;
    files.sort();
    for path in files {
        let name = template_name(dir, &path);
        let bytes = std::fs::read(&path).map_err(|source| ExportError::TemplateRead { path: path.clone(), source })?;
        let source = String::from_utf8(bytes).map_err(|_| ExportError::TemplateEncoding { path: path.clone() })?;
        env.add_template_owned(name.clone(), source).map_err(|err| ExportError::syntax(&name, &err))?;
    }
    Ok(())
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ExportError> {
    let read_err = |source| ExportError::TemplateRead { path: dir.to_owned(), source };
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// `dir/site/index.html` → `site/index.html`, with `/` on every platform.
fn template_name(dir: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(dir).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Like minijinja's, but leaves `/` alone so URLs stay readable (`/` is harmless in HTML and XML).
fn escape_formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    match (state.auto_escape(), value.as_str()) {
        (AutoEscape::Html, Some(text)) if !value.is_safe() => {
            out.write_str(&escape_html(text)).map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Escapes the five characters that matter in HTML and XML text and quoted attributes.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    byline_render::escape_html_into(&mut out, text, byline_render::Quotes::Both);
    out
}

fn parse(value: &str) -> Result<DateTime<chrono::FixedOffset>, Error> {
    DateTime::parse_from_rfc3339(value)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("{value:?} is not an RFC 3339 date: {e}")))
}

/// `2024-05-01T10:00:00+02:00`: for `datetime` attributes, metas and feeds.
fn iso_date(value: &str) -> Result<String, Error> {
    Ok(parse(value)?.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// `May 1, 2024`: for readers.
fn human_date(value: &str) -> Result<String, Error> {
    Ok(parse(value)?.format("%B %-d, %Y").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_template_parses() {
        let env = default_environment();
        for (name, _) in EMBEDDED {
            assert!(env.get_template(name).is_ok(), "{name} does not parse");
        }
    }

    #[test]
    fn escaping_covers_html_and_xml_specials() {
        assert_eq!(escape_html("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(human_date("2024-05-01T23:30:00-07:00").ok().as_deref(), Some("May 1, 2024"));
        assert!(iso_date("not a date").is_err());
    }
}
