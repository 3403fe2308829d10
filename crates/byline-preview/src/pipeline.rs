//! The preview's render: the document's units sanitized one by one through a cache of blocks,
//! URLs resolved per unit (so every offset kept indexes the HTML as shown), and the last render
//! kept per document for the one-paragraph fast path. The result is byte for byte what
//! `Renderer::render_whole` gives for the same text and resolver.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use byline_render::stages::{resolve_urls, UnitKind};
use byline_render::{CacheStats, HighlightCache, Rendered, Renderer};

use crate::block_cache::{self, has_url_tags, BlockCache, CleanBlock};
use crate::images::Urls;
use crate::incremental::{self, LastRender, Slot};
use crate::lines;

/// Per-call knobs for [`Preview::render_with`].
#[derive(Default, Clone, Copy)]
pub struct PreviewOptions<'a> {
    /// The images to show, resolved per block; None leaves every URL as written.
    pub urls: Option<Urls<'a>>,
    /// Omit the `data-line` attributes.
    pub omit_source_lines: bool,
}

/// What previews share: sanitized blocks and highlighted code, bounded. Every window's
/// [`Preview`] may use one set, so a block typed in one is known in all.
#[derive(Default)]
pub struct PreviewCaches {
    blocks: Mutex<BlockCache>,
    highlight: HighlightCache,
}

impl PreviewCaches {
    /// Counters of the sanitized-block cache (hits, misses, size).
    pub fn block_stats(&self) -> CacheStats {
        self.lock_blocks().stats()
    }

    /// Counters of the highlight cache (hits, misses, size).
    pub fn highlight_stats(&self) -> CacheStats {
        self.highlight.stats()
    }

    fn lock_blocks(&self) -> MutexGuard<'_, BlockCache> {
        // Entries are inserted whole; a panic elsewhere cannot leave one half-written.
        self.blocks.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One document's preview: its own last render (for the fast path) over caches it may share.
/// No other render (an export, another window) can replace that last render.
pub struct Preview {
    caches: Arc<PreviewCaches>,
    last: Mutex<Option<LastRender>>,
}

impl Default for Preview {
    fn default() -> Self {
        Preview::new()
    }
}

impl Preview {
    /// A preview with caches of its own.
    pub fn new() -> Preview {
        Preview::with_caches(Arc::default())
    }

    /// A preview over `caches`, shared with other previews.
    pub fn with_caches(caches: Arc<PreviewCaches>) -> Preview {
        Preview { caches, last: Mutex::new(None) }
    }

    /// Renders with preview defaults (source lines kept, URLs untouched).
    pub fn render(&self, markdown: &str) -> Rendered {
        self.render_with(markdown, &PreviewOptions::default())
    }

    /// Renders with explicit options.
    ///
    /// Each top-level block is sanitized on its own and remembered by its unsanitized HTML
    /// (lines counted from the block's first, so a block that only moved is still known);
    /// raw HTML left open is sanitized together with the blocks it encloses. When only one
    /// paragraph changed since the last render with the same options and images, that
    /// paragraph alone is redone. The result is byte-identical to `Renderer::render_whole`.
    pub fn render_with(&self, markdown: &str, options: &PreviewOptions<'_>) -> Rendered {
        let renderer = Renderer::shared();
        let source_lines = !options.omit_source_lines;
        let highlight = Some(&self.caches.highlight);
        let identity = options.urls.map(|urls| urls.identity);
        {
            let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
            let same = |l: &&mut LastRender| l.source_lines == source_lines && l.urls.as_deref() == identity;
            if let Some(previous) = last.as_mut().filter(same) {
                let write = |text: &str, line: usize| renderer.write(text, source_lines.then_some(line), highlight);
                let clean = |html: &str, kind: UnitKind| {
                    let (mut out, mut lines) = (String::with_capacity(html.len()), Vec::new());
                    self.clean_unit(renderer, &mut out, html, kind, &mut lines, options.urls);
                    (out, lines)
                };
                if let Some(rendered) = incremental::try_edit(previous, markdown, write, clean) {
                    return rendered;
                }
            }
        }
        let written = renderer.write(markdown, source_lines.then_some(1), highlight);
        let source = written.html();
        let mut html = String::with_capacity(source.len() + source.len() / 8);
        let (mut paragraphs, mut lines, mut last_raw) = (Vec::new(), Vec::new(), None);
        for unit in written.units() {
            let start = html.len();
            if unit.kind == UnitKind::Raw {
                last_raw = Some(start);
            }
            self.clean_unit(renderer, &mut html, &source[unit.range], unit.kind, &mut lines, options.urls);
            if let Some(source) = unit.paragraph {
                paragraphs.push(Slot { source, output: start..html.len() });
            }
        }
        let rendered = written.finish(html);
        let last = LastRender {
            markdown: markdown.to_string(),
            source_lines,
            urls: identity.map(str::to_owned),
            rendered: rendered.clone(),
            paragraphs,
            lines,
            last_raw,
        };
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(last);
        rendered
    }

    /// Counters of the sanitized-block cache (hits, misses, size), for diagnostics and tests.
    pub fn block_cache_stats(&self) -> CacheStats {
        self.caches.block_stats()
    }

    /// Counters of the highlight cache (hits, misses, size), for diagnostics and tests.
    pub fn highlight_cache_stats(&self) -> CacheStats {
        self.caches.highlight_stats()
    }

    /// Appends the sanitized HTML of one unit (image fallbacks applied, URLs resolved through
    /// `urls`), from the cache when possible; `lines` gets the offset in `out` of each writer's
    /// `data-line` value.
    fn clean_unit(
        &self,
        renderer: &Renderer,
        out: &mut String,
        html: &str,
        kind: UnitKind,
        lines: &mut Vec<usize>,
        urls: Option<Urls<'_>>,
    ) {
        match kind {
            UnitKind::Trusted => {
                let resolved = urls.filter(|_| has_url_tags(html)).map(|urls| resolve_urls(html, Some(urls.resolve)));
                let html = resolved.as_deref().unwrap_or(html);
                let values = lines::find_in_first_tag(html);
                lines::write_shifted(out, html, &values, |line| line, lines);
            }
            UnitKind::Written => {
                let (relative, first_line) = lines::relative(html);
                let clean = self.clean_cached(renderer, &relative, kind);
                self.resolved_cached(&relative, kind, clean, urls).write_to(out, first_line, lines);
            }
            // A raw unit's `data-line`s may be the author's: none is recorded for shifting.
            UnitKind::Raw => {
                let clean = self.clean_cached(renderer, html, kind);
                self.resolved_cached(html, kind, clean, urls).write_to(out, 0, &mut Vec::new());
            }
        }
    }

    /// The sanitized HTML of `source`, from the cache when possible.
    fn clean_cached(&self, renderer: &Renderer, source: &str, kind: UnitKind) -> Arc<CleanBlock> {
        let key = block_cache::key(source);
        if let Some(clean) = self.caches.lock_blocks().get(key, source, kind) {
            return clean;
        }
        // Sanitize outside the lock so concurrent renders do not serialize on ammonia.
        let clean = Arc::new(CleanBlock::new(renderer.sanitize_unit(source), kind));
        self.caches.lock_blocks().insert(key, source, kind, clean.clone());
        clean
    }

    /// `clean` (the sanitized HTML of `source`) with its URLs resolved through `urls`, from
    /// the cache when possible; `clean` itself when there is nothing to resolve.
    fn resolved_cached(
        &self,
        source: &str,
        kind: UnitKind,
        clean: Arc<CleanBlock>,
        urls: Option<Urls<'_>>,
    ) -> Arc<CleanBlock> {
        let Some(urls) = urls.filter(|_| clean.url_tags) else { return clean };
        let key = block_cache::resolved_key(source, urls.identity);
        if let Some(resolved) = self.caches.lock_blocks().get_resolved(key, source, kind, urls.identity) {
            return resolved;
        }
        // Line values are found again on the resolved text: the offsets kept index what is shown.
        let resolved = Arc::new(CleanBlock::new(resolve_urls(clean.html(), Some(urls.resolve)), kind));
        self.caches.lock_blocks().insert_resolved(key, source, kind, Arc::from(urls.identity), resolved.clone());
        resolved
    }
}
