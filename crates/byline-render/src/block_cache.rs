//! Sanitized HTML of recently rendered units, keyed by their unsanitized HTML, so an edit
//! re-sanitizes only the blocks it changed. Bounded: least recently used entries go first.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::highlight::CacheStats;

const MAX_ENTRIES: usize = 32_768;
const MAX_BYTES: usize = 64 << 20;

struct Entry {
    /// The unsanitized HTML, compared on lookup so a hash collision can never serve wrong HTML.
    source: Box<str>,
    clean: Arc<str>,
    last_used: u64,
}

impl Entry {
    fn size(&self) -> usize {
        self.source.len() + self.clean.len() + 64
    }
}

/// The cache itself; the `Renderer` keeps it behind a mutex.
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

impl BlockCache {
    /// The sanitized HTML of `source`, if cached; counts a hit or a miss.
    pub(crate) fn get(&mut self, key: u64, source: &str) -> Option<Arc<str>> {
        self.tick += 1;
        let tick = self.tick;
        match self.entries.get_mut(&key).filter(|e| &*e.source == source) {
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

    /// Stores the sanitized HTML of `source`, evicting old entries past the bounds.
    pub(crate) fn insert(&mut self, key: u64, source: &str, clean: Arc<str>) {
        let entry = Entry { source: source.into(), clean, last_used: self.tick };
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
        let mut cache = BlockCache::default();
        cache.insert(1, "<p>a</p>", "<p>a</p>".into());
        assert!(cache.get(1, "<p>b</p>").is_none(), "same key, other source");
        assert_eq!(cache.get(1, "<p>a</p>").as_deref(), Some("<p>a</p>"));
        for i in 0..(MAX_ENTRIES as u64 + 10) {
            cache.insert(i + 2, "x", "x".into());
        }
        assert!(cache.stats().entries <= MAX_ENTRIES);
        assert_eq!((cache.stats().hits, cache.stats().misses), (1, 1));
    }
}
