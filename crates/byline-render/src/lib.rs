//! Byline's render pipeline: Markdown in, sanitized HTML plus table of contents and
//! reading statistics out. Pure functions, no I/O; shared by the live preview and export.
//!
//! ```
//! use byline_render::{RenderOptions, Renderer};
//!
//! let renderer = Renderer::new(); // loads syntaxes: keep one and share it
//! let page = renderer.render("# Hello\n\nSee ![logo](img/logo.png).\n");
//! assert_eq!(page.title.as_deref(), Some("Hello"));
//! assert_eq!(page.toc[0].id, "bl-hello");
//!
//! let to_files = |url: &str| Some(format!("hello_files/{url}"));
//! let options = RenderOptions { resolve_url: Some(&to_files), omit_source_lines: true, ..Default::default() };
//! let export = renderer.render_with("![logo](img/logo.png)", &options);
//! assert!(export.html.contains("src=\"hello_files/img/logo.png\""));
//! ```

mod autolink;
mod block_cache;
mod code_block;
mod common_ends;
mod error;
mod escape;
mod events;
mod footnotes;
mod highlight;
mod html_balance;
mod html_writer;
mod ids;
mod incremental;
mod lines;
mod relative_lines;
mod sanitize;
mod slug;
pub mod stages;
mod stats;
mod template_find;
mod template_html;
mod template_mask;
mod template_tags;
mod theme_css;
mod units;
mod url_rewrite;

pub use common_ends::common_ends;
pub use error::RenderError;
pub use escape::{escape_html_into, Quotes};
pub use highlight::{CacheStats, HighlightCache};
pub use html_balance::VOID_ELEMENTS;
pub use relative_lines::{find as data_line_values, LineValue};
pub use slug::{slugify, SlugStyle};
pub use stats::{first_heading, plain_text, text_stats, TextStats};
pub use theme_css::{highlight_css, theme_css, CodeTheme};

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use block_cache::{BlockCache, CleanBlock};
use highlight::{Highlighter, Syntaxes};
use html_writer::Written;
use incremental::{LastRender, Slot};
use sanitize::Sanitizer;
use units::UnitKind;

/// Prefix of every `id` attribute (and `#fragment` link) in rendered HTML, so document
/// content can never collide with the application's own DOM ids.
pub const ID_PREFIX: &str = "bl-";

/// Signature of the URL resolver callers may pass in [`RenderOptions::resolve_url`].
pub type ResolveUrl<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// Turns Markdown into sanitized HTML; holds the loaded syntaxes, a highlight cache and a cache
/// of sanitized blocks, so re-rendering an edited document only redoes the blocks that changed.
///
/// Loading syntaxes is costly, so callers keep one `Renderer` and share it (it is `Send + Sync`).
pub struct Renderer {
    syntaxes: Syntaxes,
    /// Highlighted code for renders that bring no cache of their own.
    highlights: HighlightCache,
    sanitizer: Sanitizer,
    blocks: Mutex<BlockCache>,
    /// The last preview render, which the next one may patch instead of redoing.
    last: Mutex<Option<LastRender>>,
}

/// Per-call knobs for [`Renderer::render_with`].
#[derive(Default, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// Rewrites relative URLs (images and links, e.g. "img/a.png"); return None to keep the URL.
    /// A `data:image/...` URI returned here is trusted on `<img src>` only.
    pub resolve_url: Option<ResolveUrl<'a>>,
    /// Omit the `data-line` attributes (export does not need them).
    pub omit_source_lines: bool,
    /// Highlighted code kept between calls, owned by the caller; None: the renderer's own.
    pub highlight_cache: Option<&'a HighlightCache>,
}

/// The result of rendering one document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    /// Sanitized HTML fragment.
    pub html: String,
    /// Every heading in document order.
    pub toc: Vec<TocEntry>,
    /// Word count and reading time.
    pub stats: TextStats,
    /// Text of the first level-1 heading, if any.
    pub title: Option<String>,
}

/// One heading of the table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// Heading level, 1 to 6.
    pub level: u8,
    /// The final id of the heading element in the rendered HTML (already prefixed).
    pub id: String,
    /// Plain text of the heading.
    pub text: String,
}

impl Renderer {
    /// Loads syntaxes and builds the sanitizer once.
    pub fn new() -> Renderer {
        Renderer {
            syntaxes: Syntaxes::new(),
            highlights: HighlightCache::default(),
            sanitizer: Sanitizer::new(),
            blocks: Mutex::new(BlockCache::default()),
            last: Mutex::new(None),
        }
    }

    /// The process's one renderer, loaded on first use: loading syntaxes is the slow part of a
    /// first render, and an immutable renderer can be shared by every caller.
    pub fn shared() -> &'static Renderer {
        static SHARED: OnceLock<Renderer> = OnceLock::new();
        SHARED.get_or_init(Renderer::new)
    }

    /// Renders with preview defaults (source lines kept, URLs untouched).
    pub fn render(&self, markdown: &str) -> Rendered {
        self.render_with(markdown, &RenderOptions::default())
    }

    /// Renders with explicit options.
    ///
    /// Each top-level block is sanitized on its own and remembered by its unsanitized HTML
    /// (lines counted from the block's first, so a block that only moved is still known);
    /// raw HTML left open is sanitized together with the blocks it encloses. The result is
    /// byte-identical to [`Renderer::render_whole`].
    pub fn render_with(&self, markdown: &str, options: &RenderOptions<'_>) -> Rendered {
        let source_lines = !options.omit_source_lines;
        let highlighter = self.highlighter(options);
        // Resolved URLs depend on a per-call resolver: only resolver-free renders are remembered.
        let remember = options.resolve_url.is_none();
        if remember {
            let mut last = self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            if let Some(previous) = last.as_mut().filter(|l| l.source_lines == source_lines) {
                let write =
                    |text: &str, line: usize| html_writer::write_html(text, &highlighter, source_lines.then_some(line));
                let clean = |html: &str, kind: UnitKind| {
                    let (mut out, mut lines) = (String::with_capacity(html.len()), Vec::new());
                    self.clean_unit(&mut out, html, kind, &mut lines);
                    (out, lines)
                };
                if let Some(rendered) = incremental::try_edit(previous, markdown, write, clean) {
                    return rendered;
                }
            }
        }
        let written = html_writer::write_html(markdown, &highlighter, source_lines.then_some(1));
        let mut html = String::with_capacity(written.html.len() + written.html.len() / 8);
        let (mut paragraphs, mut lines, mut last_raw) = (Vec::new(), Vec::new(), None);
        for unit in units::split(&written.html, &written.pieces) {
            let start = html.len();
            if unit.kind == UnitKind::Raw {
                last_raw = Some(start);
            }
            self.clean_unit(&mut html, &written.html[unit.range], unit.kind, &mut lines);
            if let Some(source) = unit.paragraph {
                paragraphs.push(Slot { source, output: start..html.len() });
            }
        }
        if options.resolve_url.is_some() {
            html = url_rewrite::resolve_relative_urls(&html, options.resolve_url);
        }
        let rendered = assemble(html, written);
        if remember {
            let markdown = markdown.to_string();
            let last = LastRender { markdown, source_lines, rendered: rendered.clone(), paragraphs, lines, last_raw };
            *self.last.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(last);
        }
        rendered
    }

    /// Renders without the block cache: one sanitizer pass over the whole document. Slower;
    /// the reference the cached path is tested against, and the naive baseline in benchmarks.
    pub fn render_whole(&self, markdown: &str, options: &RenderOptions<'_>) -> Rendered {
        let first_line = (!options.omit_source_lines).then_some(1);
        let written = html_writer::write_html(markdown, &self.highlighter(options), first_line);
        let clean = self.sanitizer.clean(&written.html);
        let html = url_rewrite::resolve_relative_urls(&clean, options.resolve_url);
        assemble(html, written)
    }

    /// Counters of the sanitized-block cache (hits, misses, size), for diagnostics and tests.
    pub fn block_cache_stats(&self) -> CacheStats {
        self.lock_blocks().stats()
    }

    /// Appends the sanitized HTML of one unit (with image fallbacks applied), from the cache
    /// when possible; `lines` gets the offset in `out` of each writer's `data-line` value.
    fn clean_unit(&self, out: &mut String, html: &str, kind: UnitKind, lines: &mut Vec<usize>) {
        match kind {
            UnitKind::Trusted => {
                let values = relative_lines::find_in_first_tag(html);
                relative_lines::write_shifted(out, html, &values, |line| line, lines);
            }
            UnitKind::Written => {
                let (relative, first_line) = relative_lines::relative(html);
                self.clean_cached(&relative, kind).write_to(out, first_line, lines);
            }
            // A raw unit's `data-line`s may be the author's: none is recorded for shifting.
            UnitKind::Raw => self.clean_cached(html, kind).write_to(out, 0, &mut Vec::new()),
        }
    }

    /// The sanitized HTML of `source`, from the cache when possible.
    fn clean_cached(&self, source: &str, kind: UnitKind) -> Arc<CleanBlock> {
        let key = block_cache::key(source);
        if let Some(clean) = self.lock_blocks().get(key, source, kind) {
            return clean;
        }
        // Sanitize outside the lock so concurrent renders do not serialize on ammonia.
        let html = url_rewrite::resolve_relative_urls(&self.sanitizer.clean(source), None);
        let clean = Arc::new(CleanBlock::new(html, kind));
        self.lock_blocks().insert(key, source, kind, clean.clone());
        clean
    }

    fn lock_blocks(&self) -> MutexGuard<'_, BlockCache> {
        // Entries are inserted whole; a panic elsewhere cannot leave one half-written.
        self.blocks.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Counters of the highlight cache (hits, misses, size), for diagnostics and tests.
    pub fn cache_stats(&self) -> CacheStats {
        self.highlights.stats()
    }

    fn highlighter<'a>(&'a self, options: &RenderOptions<'a>) -> Highlighter<'a> {
        Highlighter::new(&self.syntaxes, Some(options.highlight_cache.unwrap_or(&self.highlights)))
    }
}

/// The final [`Rendered`] from sanitized HTML and what the writer collected.
fn assemble(html: String, written: Written) -> Rendered {
    let toc: Vec<TocEntry> = written
        .headings
        .into_iter()
        .map(|h| TocEntry { level: h.level, id: format!("{ID_PREFIX}{}", h.id), text: h.text })
        .collect();
    let title = toc.iter().find(|e| e.level == 1).map(|e| e.text.clone());
    Rendered { html, toc, stats: written.stats, title }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn renderer_is_send_and_sync() {
        assert_send_sync::<Renderer>();
    }

    #[test]
    fn title_is_first_level_one_heading() {
        let r = Renderer::new().render("## Intro\n\n# The *Real* Title\n\n# Second\n");
        assert_eq!(r.title.as_deref(), Some("The Real Title"));
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[1].id, "bl-the-real-title");
    }

    #[test]
    fn heading_ids_are_unique_and_prefixed() {
        let r = Renderer::new().render("# A\n\n## A\n\n### A\n\n# A-1\n");
        let ids: Vec<&str> = r.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["bl-a", "bl-a-1", "bl-a-2", "bl-a-1-1"]);
        for id in ids {
            assert!(r.html.contains(&format!("id=\"{id}\"")), "{id} missing in {}", r.html);
        }
    }

    #[test]
    fn fragment_links_follow_prefixed_ids() {
        let r = Renderer::new().render("# Setup\n\nSee [setup](#setup).\n");
        assert!(r.html.contains("href=\"#bl-setup\""), "{}", r.html);
    }

    #[test]
    fn second_render_of_same_block_hits_cache() {
        let renderer = Renderer::new();
        let doc = "```rust\nfn main() {}\n```\n";
        renderer.render(doc);
        let first = renderer.cache_stats();
        renderer.render(&format!("# Edited\n\n{doc}"));
        let second = renderer.cache_stats();
        assert_eq!(first.misses, 1);
        assert_eq!(second.misses, 1, "unchanged block was highlighted again");
        assert_eq!(second.hits, first.hits + 1);
    }

    #[test]
    fn omit_source_lines_drops_data_line() {
        let renderer = Renderer::new();
        let doc = "# T\n\npara\n\n- a\n";
        assert!(renderer.render(doc).html.contains("data-line=\"3\""));
        let opts = RenderOptions { omit_source_lines: true, ..Default::default() };
        assert!(!renderer.render_with(doc, &opts).html.contains("data-line"));
    }

    #[test]
    fn resolver_rewrites_relative_urls_and_data_uri_only_on_images() {
        let renderer = Renderer::new();
        let resolve = |url: &str| -> Option<String> {
            match url {
                "img/a.png" => Some("data:image/png;base64,AAAA".to_string()),
                "doc.md" => Some("data:text/html;base64,PHNjcmlwdD4=".to_string()),
                "other.md" => Some("other.html".to_string()),
                _ => None,
            }
        };
        let opts = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
        let doc = "![a](img/a.png) [d](doc.md) [o](other.md) [i](img/a.png) [x](#top) [w](https://x.org/img/a.png)";
        let html = renderer.render_with(doc, &opts).html;
        assert!(html.contains("<img src=\"data:image/png;base64,AAAA\""), "{html}");
        assert!(html.contains("href=\"doc.md\""), "{html}");
        assert!(html.contains("href=\"other.html\""), "{html}");
        assert!(html.contains("href=\"img/a.png\""), "{html}");
        assert!(html.contains("href=\"#bl-top\""), "{html}");
        assert!(html.contains("href=\"https://x.org/img/a.png\""), "{html}");
        assert!(!html.contains("data:text"), "{html}");
    }

    #[test]
    fn bare_urls_link_only_outside_code_and_links() {
        let html =
            Renderer::new().render("www.a.org `www.b.org` [www.c.org](https://d.org)\n\n```\nwww.e.org\n```\n").html;
        assert!(html.contains("href=\"http://www.a.org\""), "{html}");
        assert!(!html.contains("www.b.org\""), "{html}");
        assert!(!html.contains("http://www.c.org"), "{html}");
        assert!(!html.contains("http://www.e.org"), "{html}");
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let html = Renderer::new().render("| a |\n|:-:|\n| b |\n").html;
        assert!(html.contains("<td class=\"align-center\">b</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
    }

    #[test]
    fn rendered_stats_match_text_stats() {
        let doc = "# Title\n\nSome words here.\n";
        assert_eq!(Renderer::new().render(doc).stats, text_stats(doc));
    }

    #[test]
    fn data_uri_in_source_never_survives() {
        let html = Renderer::new().render("![a](data:image/png;base64,AAAA)").html;
        assert!(!html.contains("data:"), "{html}");
        assert!(!html.contains("<img") && html.contains(">a</p>"), "no src-less img, alt kept: {html}");
    }
}
