//! URL path segments: checking the caller's slugs and deriving stable ones for tags.

use std::collections::BTreeMap;

use byline_render::SlugStyle;

use crate::ExportError;

/// Rejects slugs that would escape their folder or make an unusable path.
pub(crate) fn check(what: &'static str, slug: &str) -> Result<(), ExportError> {
    let bad = slug.is_empty()
        || slug == "."
        || slug == ".."
        || slug.chars().any(|c| matches!(c, '/' | '\\' | '?' | '#' | '%' | ':') || c.is_control() || c.is_whitespace());
    if bad {
        return Err(ExportError::InvalidSlug { what, slug: slug.to_owned() });
    }
    Ok(())
}

/// A tag's page name (byline_render's [`SlugStyle::Tag`]): `C++` → `c-plus-plus`, never empty.
pub(crate) fn slugify(text: &str) -> String {
    byline_render::slugify(text, SlugStyle::Tag)
}

/// Gives each distinct tag a distinct slug; sorted input makes the `-2` suffixes deterministic.
pub(crate) fn tag_slugs<'a>(tags: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut names: Vec<&str> = tags.into_iter().collect();
    names.sort_unstable();
    names.dedup();
    let mut taken = std::collections::BTreeSet::new();
    let mut out = BTreeMap::new();
    for name in names {
        let base = slugify(name);
        let mut slug = base.clone();
        let mut n = 2;
        while !taken.insert(slug.clone()) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        out.insert(name.to_owned(), slug);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_distinct() {
        assert_eq!(slugify("C++"), "c-plus-plus", "tags use the tag style");
        let slugs = tag_slugs(["Rust", "rust", "RUST!"]);
        let mut values: Vec<_> = slugs.values().cloned().collect();
        values.sort();
        assert_eq!(values, ["rust", "rust-2", "rust-3"]);
    }

    #[test]
    fn unsafe_slugs_are_refused() {
        for bad in ["", "..", "a/b", "a\\b", "a b", "x?y"] {
            assert!(check("article", bad).is_err(), "{bad:?}");
        }
        assert!(check("article", "hello-world").is_ok());
    }
}
