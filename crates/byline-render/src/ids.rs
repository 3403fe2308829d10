//! Heading ids: GitHub-style slugs, made unique within one document.

use std::collections::HashSet;

/// Hands out unique slugs: a repeated slug gets `-1`, `-2`, … appended.
#[derive(Default)]
pub(crate) struct IdRegistry {
    used: HashSet<String>,
}

impl IdRegistry {
    /// A slug of `text` that no earlier call returned.
    pub(crate) fn unique(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() { "section".to_string() } else { base };
        let mut candidate = base.clone();
        let mut n = 0;
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// Lowercases, keeps letters, digits, `-` and `_`, turns spaces into `-` and drops the rest,
/// as GitHub does, so anchors written by hand for GitHub keep working.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            slug.push('-');
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slugify("Hello, World!"), "hello-world");
        assert_eq!(slugify("  Über `code` café "), "über-code-café");
        assert_eq!(slugify("C++ & Rust"), "c--rust");
    }

    #[test]
    fn repeated_headings_get_suffixes() {
        let mut ids = IdRegistry::default();
        assert_eq!(ids.unique("Intro"), "intro");
        assert_eq!(ids.unique("Intro"), "intro-1");
        assert_eq!(ids.unique("Intro"), "intro-2");
        assert_eq!(ids.unique("Intro 1"), "intro-1-1");
        assert_eq!(ids.unique("!!!"), "section");
        assert_eq!(ids.unique("???"), "section-1");
    }
}
