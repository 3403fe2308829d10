//! URL path segments: checking the caller's slugs and deriving stable ones for tags.

use std::collections::BTreeMap;

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

/// `Rust & WebAssembly` → `rust-webassembly`; `C++` → `c-plus-plus`; never empty.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let piece = match c {
            '+' => Some("-plus-".to_owned()),
            '#' => Some("-sharp-".to_owned()),
            c if c.is_alphanumeric() => Some(c.to_lowercase().collect()),
            _ => None,
        };
        match piece {
            Some(p) => {
                for pc in p.chars() {
                    if pc == '-' {
                        dash = !out.is_empty();
                    } else {
                        if dash {
                            out.push('-');
                            dash = false;
                        }
                        out.push(pc);
                    }
                }
            }
            None => dash = !out.is_empty(),
        }
    }
    if out.is_empty() {
        "tag".to_owned()
    } else {
        out
    }
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
        assert_eq!(slugify("Rust & WebAssembly"), "rust-webassembly");
        assert_eq!(slugify("C++"), "c-plus-plus");
        assert_eq!(slugify("C#"), "c-sharp");
        assert_eq!(slugify("Café au lait"), "café-au-lait");
        assert_eq!(slugify("</script>"), "script");
        assert_eq!(slugify("!!!"), "tag");
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
