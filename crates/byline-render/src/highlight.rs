//! Syntax highlighting of fenced code with syntect, into class-based spans (`hl-…`). The
//! loaded syntaxes belong to the `Renderer`; the bounded cache that lets an unchanged block be
//! highlighted once belongs to whoever renders repeatedly (the preview), so one render can
//! never evict another caller's entries.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::error::RenderError;
use crate::escape::canonical_highlight;

/// Class prefix of every highlight span; the CSS in `theme_css` uses the same.
pub(crate) const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Blocks above these sizes render as plain code: syntect's regexes can go quadratic on them.
const MAX_LINE_CHARS: usize = 5_000;
const MAX_BLOCK_BYTES: usize = 1 << 20;
/// Cache bounds; on overflow the least recently used quarter is dropped.
const MAX_CACHE_ENTRIES: usize = 4_096;
const MAX_CACHE_BYTES: usize = 16 << 20;

/// Highlight cache counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CacheStats {
    /// Blocks served from the cache.
    pub hits: u64,
    /// Blocks that had to be highlighted.
    pub misses: u64,
    /// Blocks currently cached.
    pub entries: usize,
    /// Approximate bytes held by the cache.
    pub bytes: usize,
}

struct Entry {
    syntax: String,
    code: Box<str>,
    html: Arc<str>,
    last_used: u64,
}

impl Entry {
    fn size(&self) -> usize {
        self.syntax.len() + self.code.len() + self.html.len() + 64
    }
}

#[derive(Default)]
struct Cache {
    entries: HashMap<u64, Entry>,
    bytes: usize,
    tick: u64,
    hits: u64,
    misses: u64,
}

impl Cache {
    fn get(&mut self, key: u64, syntax: &str, code: &str) -> Option<Arc<str>> {
        self.tick += 1;
        let tick = self.tick;
        let entry = self.entries.get_mut(&key).filter(|e| e.syntax == syntax && &*e.code == code)?;
        entry.last_used = tick;
        self.hits += 1;
        Some(entry.html.clone())
    }

    fn insert(&mut self, key: u64, entry: Entry) {
        self.bytes += entry.size();
        if let Some(old) = self.entries.insert(key, entry) {
            self.bytes -= old.size();
        }
        if self.entries.len() > MAX_CACHE_ENTRIES || self.bytes > MAX_CACHE_BYTES {
            self.evict();
        }
    }

    /// Drops least recently used entries until the cache is at three quarters of its bounds.
    fn evict(&mut self) {
        let mut by_age: Vec<(u64, u64)> = self.entries.iter().map(|(k, e)| (e.last_used, *k)).collect();
        by_age.sort_unstable();
        for (_, key) in by_age {
            if self.entries.len() <= MAX_CACHE_ENTRIES * 3 / 4 && self.bytes <= MAX_CACHE_BYTES * 3 / 4 {
                break;
            }
            if let Some(old) = self.entries.remove(&key) {
                self.bytes -= old.size();
            }
        }
    }
}

/// Highlighted code kept between renders, owned by the caller that renders repeatedly and
/// passed in [`crate::RenderOptions::highlight_cache`]. Bounded: least recently used go first.
#[derive(Default)]
pub struct HighlightCache {
    cache: Mutex<Cache>,
}

impl HighlightCache {
    /// Current cache counters (hits, misses, size), for diagnostics and tests.
    pub fn stats(&self) -> CacheStats {
        let cache = self.lock();
        CacheStats { hits: cache.hits, misses: cache.misses, entries: cache.entries.len(), bytes: cache.bytes }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic elsewhere cannot leave the cache inconsistent in a harmful way: keep using it.
        self.cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The loaded syntaxes: costly to build, immutable after.
pub(crate) struct Syntaxes {
    syntaxes: SyntaxSet,
}

/// What one render highlights with: the syntaxes and, if the caller keeps one, a cache.
#[derive(Clone, Copy)]
pub(crate) struct Highlighter<'a> {
    syntaxes: &'a Syntaxes,
    cache: Option<&'a HighlightCache>,
}

impl<'a> Highlighter<'a> {
    /// Highlights with `syntaxes`, remembering blocks in `cache` when there is one.
    pub(crate) fn new(syntaxes: &'a Syntaxes, cache: Option<&'a HighlightCache>) -> Highlighter<'a> {
        Highlighter { syntaxes, cache }
    }

    /// Highlighted HTML for `code` in language `token`, or `None` when it should render as
    /// plain escaped code (unknown language, pathological size, highlighter failure).
    pub(crate) fn highlight(&self, token: &str, code: &str) -> Option<Arc<str>> {
        let syntax = self.syntaxes.syntax_for(token)?;
        if code.len() > MAX_BLOCK_BYTES || code.lines().any(|l| l.chars().count() > MAX_LINE_CHARS) {
            return None;
        }
        let Some(cache) = self.cache else { return self.syntaxes.highlight_uncached(syntax, code).ok().map(Arc::from) };
        let key = cache_key(&syntax.name, code);
        if let Some(html) = cache.lock().get(key, &syntax.name, code) {
            return Some(html);
        }
        // Highlight outside the lock so concurrent renders don't serialize on syntect.
        let html: Arc<str> = self.syntaxes.highlight_uncached(syntax, code).ok()?.into();
        let mut cache = cache.lock();
        cache.misses += 1;
        let last_used = cache.tick;
        cache.insert(key, Entry { syntax: syntax.name.clone(), code: code.into(), html: html.clone(), last_used });
        Some(html)
    }
}

impl Syntaxes {
    /// Loads syntect's bundled syntaxes.
    pub(crate) fn new() -> Syntaxes {
        Syntaxes { syntaxes: SyntaxSet::load_defaults_newlines() }
    }

    fn highlight_uncached(&self, syntax: &SyntaxReference, code: &str) -> Result<String, RenderError> {
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .map_err(|source| RenderError::Highlight { language: syntax.name.clone(), source })?;
        }
        Ok(canonical_highlight(&generator.finalize()))
    }

    /// Finds a syntax by token or extension, then through common aliases; plain text is `None`.
    fn syntax_for(&self, token: &str) -> Option<&SyntaxReference> {
        let lower = token.to_ascii_lowercase();
        if matches!(lower.as_str(), "text" | "txt" | "plain" | "plaintext" | "none") {
            return None;
        }
        let found = self.syntaxes.find_syntax_by_token(&lower).or_else(|| {
            let alias = match lower.as_str() {
                "ts" | "tsx" | "typescript" | "jsx" | "mjs" | "cjs" | "javascript" | "node" => "js",
                "shell" | "zsh" | "console" | "shellsession" | "sh" => "bash",
                "yml" => "yaml",
                "py" | "python3" | "py3" => "python",
                "golang" => "go",
                "rs" => "rust",
                "jsonc" | "json5" => "json",
                "c++" | "cxx" | "hpp" | "cc" => "cpp",
                "csharp" | "c#" => "cs",
                "rb" => "ruby",
                "md" | "markdown" => "markdown",
                "htm" | "xhtml" => "html",
                "kt" | "kotlin" => "java",
                "dockerfile" | "ini" | "conf" | "toml" => "",
                _ => "",
            };
            (!alias.is_empty()).then(|| self.syntaxes.find_syntax_by_token(alias)).flatten()
        })?;
        (found.name != "Plain Text").then_some(found)
    }
}

fn cache_key(syntax: &str, code: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    syntax.hash(&mut hasher);
    code.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages_and_aliases_resolve() {
        let h = Syntaxes::new();
        for token in [
            "rust", "rs", "js", "ts", "python", "py", "sh", "bash", "zsh", "yml", "json", "jsonc", "go", "golang",
            "sql", "html", "css", "c", "cpp", "java", "ruby",
        ] {
            assert!(h.syntax_for(token).is_some(), "{token} should resolve");
        }
        assert!(h.syntax_for("no-such-lang").is_none());
        assert!(h.syntax_for("text").is_none());
    }

    #[test]
    fn highlighting_uses_prefixed_classes_not_styles() {
        let (syntaxes, cache) = (Syntaxes::new(), HighlightCache::default());
        let html =
            Highlighter::new(&syntaxes, Some(&cache)).highlight("rust", "fn main() {}\n").expect("rust highlights");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn pathological_blocks_render_plain() {
        let (syntaxes, cache) = (Syntaxes::new(), HighlightCache::default());
        let h = Highlighter::new(&syntaxes, Some(&cache));
        assert!(h.highlight("rust", &"x".repeat(MAX_LINE_CHARS + 1)).is_none());
        assert!(h.highlight("rust", &"let a = 1;\n".repeat(MAX_BLOCK_BYTES / 10)).is_none());
        assert_eq!(cache.stats().misses, 0);
    }

    #[test]
    fn cache_stays_bounded() {
        let (syntaxes, cache) = (Syntaxes::new(), HighlightCache::default());
        let h = Highlighter::new(&syntaxes, Some(&cache));
        for i in 0..(MAX_CACHE_ENTRIES + 10) {
            h.highlight("c", &format!("int x = {i};\n"));
        }
        let stats = cache.stats();
        assert!(stats.entries <= MAX_CACHE_ENTRIES, "{stats:?}");
        assert_eq!(stats.misses as usize, MAX_CACHE_ENTRIES + 10);
    }
}
