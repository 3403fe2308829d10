//! Heading ids: GitHub-style slugs, made unique within one document.

use std::collections::{HashMap, HashSet};

use crate::slug::{slugify, SlugStyle};

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
        let base = slugify(text, SlugStyle::HeadingId);
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

#[cfg(test)]
mod tests {
    use super::*;

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
