//! Heading ids: GitHub-style slugs, made unique within one document.

use std::collections::{HashMap, HashSet};

/// Hands out unique slugs: a repeated slug gets `-1`, `-2`, … appended.
#[derive(Default)]
pub(crate) struct IdRegistry {
    used: HashSet<String>,
    /// Per base slug, the first suffix not yet known to be taken: `base`, `base-1`, … below it are
    /// all used (and stay used), so N equal headings cost O(N), not O(N²), suffix probes.
    next_suffix: HashMap<String, usize>,
}

impl IdRegistry {
    /// A slug of `text` that no earlier call returned.
    pub(crate) fn unique(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() { "section".to_string() } else { base };
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(0);
        let mut candidate = if n == 0 { base.clone() } else { format!("{base}-{n}") };
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.next_suffix.insert(base, n + 1);
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

    #[test]
    fn suffixes_skip_ids_taken_by_other_headings() {
        let mut ids = IdRegistry::default();
        assert_eq!(ids.unique("a-1"), "a-1");
        assert_eq!(ids.unique("a"), "a");
        assert_eq!(ids.unique("a"), "a-2");
        assert_eq!(ids.unique("a-3"), "a-3");
        assert_eq!(ids.unique("a"), "a-4");
        assert_eq!(ids.unique("a-2"), "a-2-1");
    }

    #[test]
    fn many_equal_headings_stay_linear() {
        let mut ids = IdRegistry::default();
        for _ in 0..100_000 {
            ids.unique("Same");
        }
        assert_eq!(ids.unique("Same"), "same-100000");
    }
}
