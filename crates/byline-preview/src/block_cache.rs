//! Sanitized HTML of recently rendered units, keyed by their unsanitized HTML (with lines
//! relative to the block's first, for writer-only units), so an edit re-sanitizes only the
//! blocks it changed. A unit shown with a draft's images resolved is kept too, keyed also by the
//! image set's identity, so typing in a draft with images re-resolves only the edited block.
//! Bounded: least recently used entries go first, resolved ones included.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use byline_render::stages::UnitKind;
use byline_render::CacheStats;

use crate::lines::{self, LineValue};

const MAX_ENTRIES: usize = 32_768;
const MAX_BYTES: usize = 64 << 20;

/// The sanitized HTML of one unit, as cached.
#[derive(Debug)]
pub(crate) struct CleanBlock {
    html: Box<str>,
    /// For a writer-only unit, its `data-line` values, relative to the block's first line.
    lines: Vec<LineValue>,
    /// Whether it holds a tag whose URL a resolver may rewrite; without one, resolving is a no-op.
    pub(crate) url_tags: bool,
}

impl CleanBlock {
    /// Wraps sanitized HTML; for a [`UnitKind::Written`] unit, finds its relative lines.
    pub(crate) fn new(html: String, kind: UnitKind) -> CleanBlock {
        let lines = if kind == UnitKind::Written { lines::find(&html) } else { Vec::new() };
        let url_tags = has_url_tags(&html);
        CleanBlock { html: html.into(), lines, url_tags }
    }

    /// The sanitized HTML, lines as cached.
    pub(crate) fn html(&self) -> &str {
        &self.html
    }

    /// Appends the HTML with its lines counted from `first_line` (0 for raw units); `lines`
    /// gets the offset in `out` of each writer's `data-line` value.
    pub(crate) fn write_to(&self, out: &mut String, first_line: usize, lines: &mut Vec<usize>) {
        lines::write_shifted(out, &self.html, &self.lines, |line| line + first_line, lines);
    }

    fn size(&self) -> usize {
        self.html.len() + self.lines.len() * std::mem::size_of::<LineValue>()
    }
}

struct Entry {
    /// The unsanitized HTML, its kind and the identity of the images resolved in it, compared on
    /// lookup so neither a hash collision, a raw unit spelled like a writer one nor another
    /// image set can serve wrong HTML.
    source: Box<str>,
    kind: UnitKind,
    urls: Option<Arc<str>>,
    clean: Arc<CleanBlock>,
    last_used: u64,
}

impl Entry {
    fn size(&self) -> usize {
        // The identity is shared by every entry of one image set: counted once per entry is
        // an overestimate, which only evicts sooner.
        self.source.len() + self.clean.size() + self.urls.as_ref().map_or(0, |urls| urls.len()) + 64
    }
}

/// The cache itself; the preview's caches keep it behind a mutex.
#[derive(Default)]
pub(crate) struct BlockCache {
    entries: HashMap<u64, Entry>,
    bytes: usize,
    tick: u64,
    hits: u64,
    misses: u64,
}

/// Hash of a unit's unsanitized HTML.
pub(crate) fn key(source: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    hasher.finish()
}

/// Hash of a unit's unsanitized HTML shown with the images of one identity.
pub(crate) fn resolved_key(source: &str, urls: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    source.hash(&mut hasher);
    urls.hash(&mut hasher);
    hasher.finish()
}

/// Whether sanitized `html` holds a tag `resolve_urls` may rewrite (`<img>`, `<a …>`).
pub(crate) fn has_url_tags(html: &str) -> bool {
    html.contains("<img") || html.contains("<a ")
}

impl BlockCache {
    /// The sanitized HTML of `source`, if cached; counts a hit or a miss.
    pub(crate) fn get(&mut self, key: u64, source: &str, kind: UnitKind) -> Option<Arc<CleanBlock>> {
        self.tick += 1;
        let tick = self.tick;
        match self.entries.get_mut(&key).filter(|e| e.kind == kind && e.urls.is_none() && &*e.source == source) {
            Some(entry) => {
                entry.last_used = tick;
                self.hits += 1;
                Some(entry.clean.clone())
            }
            None => {
                self.misses += 1;
                None
            }
        }
    }

    /// The HTML of `source` with the images of identity `urls` resolved, if cached. Not counted:
    /// the counters tell how often sanitizing was saved, which a resolved miss does not cost.
    pub(crate) fn get_resolved(
        &mut self,
        key: u64,
        source: &str,
        kind: UnitKind,
        urls: &str,
    ) -> Option<Arc<CleanBlock>> {
        self.tick += 1;
        let tick = self.tick;
        let entry = self
            .entries
            .get_mut(&key)
            .filter(|e| e.kind == kind && e.urls.as_deref() == Some(urls) && &*e.source == source)?;
        entry.last_used = tick;
        Some(entry.clean.clone())
    }

    /// Stores the sanitized HTML of `source`, evicting old entries past the bounds.
    pub(crate) fn insert(&mut self, key: u64, source: &str, kind: UnitKind, clean: Arc<CleanBlock>) {
        self.insert_entry(key, Entry { source: source.into(), kind, urls: None, clean, last_used: self.tick });
    }

    /// Stores the HTML of `source` with the images of identity `urls` resolved.
    pub(crate) fn insert_resolved(
        &mut self,
        key: u64,
        source: &str,
        kind: UnitKind,
        urls: Arc<str>,
        clean: Arc<CleanBlock>,
    ) {
        self.insert_entry(key, Entry { source: source.into(), kind, urls: Some(urls), clean, last_used: self.tick });
    }

    fn insert_entry(&mut self, key: u64, entry: Entry) {
        self.bytes += entry.size();
        if let Some(old) = self.entries.insert(key, entry) {
            self.bytes -= old.size();
        }
        if self.entries.len() > MAX_ENTRIES || self.bytes > MAX_BYTES {
            self.evict();
        }
    }

    /// Current counters.
    pub(crate) fn stats(&self) -> CacheStats {
        CacheStats { hits: self.hits, misses: self.misses, entries: self.entries.len(), bytes: self.bytes }
    }

    /// Drops least recently used entries until the cache is at three quarters of its bounds.
    fn evict(&mut self) {
        let mut by_age: Vec<(u64, u64)> = self.entries.iter().map(|(k, e)| (e.last_used, *k)).collect();
        by_age.sort_unstable();
        for (_, key) in by_age {
            if self.entries.len() <= MAX_ENTRIES * 3 / 4 && self.bytes <= MAX_BYTES * 3 / 4 {
                break;
            }
            if let Some(old) = self.entries.remove(&key) {
                self.bytes -= old.size();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_verified_and_bounded() {
        let clean = |html: &str, kind| Arc::new(CleanBlock::new(html.to_string(), kind));
        let mut cache = BlockCache::default();
        cache.insert(1, "<p>a</p>", UnitKind::Raw, clean("<p>a</p>", UnitKind::Raw));
        assert!(cache.get(1, "<p>b</p>", UnitKind::Raw).is_none(), "same key, other source");
        assert!(cache.get(1, "<p>a</p>", UnitKind::Written).is_none(), "same key, other kind");
        assert_eq!(cache.get(1, "<p>a</p>", UnitKind::Raw).map(|c| c.html.to_string()).as_deref(), Some("<p>a</p>"));
        for i in 0..(MAX_ENTRIES as u64 + 10) {
            cache.insert(i + 2, "x", UnitKind::Raw, clean("x", UnitKind::Raw));
        }
        assert!(cache.stats().entries <= MAX_ENTRIES);
        assert_eq!((cache.stats().hits, cache.stats().misses), (1, 2));
    }

    #[test]
    fn written_blocks_are_shifted_and_raw_ones_kept() {
        let written = CleanBlock::new("<p data-line=\"0\">a</p><p data-line=\"2\">b</p>".into(), UnitKind::Written);
        let mut out = String::new();
        written.write_to(&mut out, 40, &mut Vec::new());
        assert_eq!(out, "<p data-line=\"40\">a</p><p data-line=\"42\">b</p>");
        let raw = CleanBlock::new("<p data-line=\"0\">a</p>".into(), UnitKind::Raw);
        out.clear();
        raw.write_to(&mut out, 40, &mut Vec::new());
        assert_eq!(out, "<p data-line=\"0\">a</p>", "a raw unit's data-line is the author's");
    }
}
