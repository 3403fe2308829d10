//! Byline's render pipeline: Markdown in, sanitized HTML plus table of contents and
//! reading statistics out. Pure functions, no I/O, no state: a caller that renders repeatedly
//! (the live preview, byline-preview) owns its caches and builds on [`stages`].
//!
//! ```
//! use byline_render::{render, RenderOptions};
//!
//! let page = render("# Hello\n\nSee ![logo](img/logo.png).\n", &RenderOptions::default());
//! assert_eq!(page.title.as_deref(), Some("Hello"));
//! assert_eq!(page.toc[0].id, "bl-hello");
//!
//! let to_files = |url: &str| Some(format!("hello_files/{url}"));
//! let options = RenderOptions { resolve_url: Some(&to_files), omit_source_lines: true, ..Default::default() };
//! let export = render("![logo](img/logo.png)", &options);
//! assert!(export.html.contains("src=\"hello_files/img/logo.png\""));
//! ```

mod autolink;
mod code_block;
mod code_style;
mod common_ends;
mod error;
mod escape;
mod events;
mod footnotes;
mod highlight;
mod html_balance;
mod html_writer;
mod ids;
mod lines;
mod sanitize;
mod slug;
pub mod stages;
mod stats;
mod template_find;
mod template_html;
mod template_mask;
mod template_tags;
mod theme_css;
mod typography;
mod units;
mod url_rewrite;

pub use code_style::{code_background, code_style, CodeStyle};
pub use common_ends::common_ends;
pub use error::RenderError;
pub use escape::{escape_html_into, Quotes};
pub use highlight::{CacheStats, HighlightCache};
pub use html_balance::VOID_ELEMENTS;
pub use slug::{slugify, SlugStyle};
pub use stats::{derive_title, first_heading, plain_text, text_stats, TextStats};
pub use theme_css::{highlight_css, theme_css, CodeTheme};
pub use typography::smarten;

use std::sync::OnceLock;

use highlight::{Highlighter, Syntaxes};
use html_writer::Written;
use sanitize::Sanitizer;
use units::UnitKind;

/// Prefix of every `id` attribute (and `#fragment` link) in rendered HTML, so document
/// content can never collide with the application's own DOM ids.
pub const ID_PREFIX: &str = "bl-";

/// Signature of the URL resolver callers may pass in [`RenderOptions::resolve_url`].
pub type ResolveUrl<'a> = &'a (dyn Fn(&str) -> Option<String> + Sync);

/// Turns Markdown into sanitized HTML; holds the loaded syntaxes and the sanitizer, nothing
/// that changes between renders.
///
/// Loading syntaxes is costly, so callers share one: [`Renderer::shared`] (it is `Send + Sync`).
pub struct Renderer {
    syntaxes: Syntaxes,
    sanitizer: Sanitizer,
}

/// Renders `markdown` with the process's shared [`Renderer`].
pub fn render(markdown: &str, options: &RenderOptions<'_>) -> Rendered {
    Renderer::shared().render(markdown, options)
}

/// Per-call knobs for [`render`].
#[derive(Default, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// Rewrites relative URLs (images and links, e.g. "img/a.png"); return None to keep the URL.
    /// A `data:image/...` URI returned here is trusted on `<img src>` only.
    pub resolve_url: Option<ResolveUrl<'a>>,
    /// Omit the `data-line` attributes (export does not need them).
    pub omit_source_lines: bool,
    /// Highlighted code kept between calls, owned by the caller; None: none kept.
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
    /// Text of the first level-1 heading with text, if any: [`first_heading`]'s.
    pub title: Option<String>,
}

/// One heading of the table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
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
        Renderer { syntaxes: Syntaxes::new(), sanitizer: Sanitizer::new() }
    }

    /// The process's one renderer, loaded on first use: loading syntaxes is the slow part of a
    /// first render, and an immutable renderer can be shared by every caller.
    pub fn shared() -> &'static Renderer {
        static SHARED: OnceLock<Renderer> = OnceLock::new();
        SHARED.get_or_init(Renderer::new)
    }

    /// Renders `markdown`; nothing is remembered.
    ///
    /// Each unit (a top-level block, or raw HTML left open with the blocks it encloses) is
    /// sanitized on its own and code is copied as written: highlighted code is already in the
    /// sanitizer's form, and skipping it is what keeps large code blocks fast. The result is
    /// byte-identical to [`Renderer::render_whole`].
    pub fn render(&self, markdown: &str, options: &RenderOptions<'_>) -> Rendered {
        let first_line = (!options.omit_source_lines).then_some(1);
        let written = html_writer::write_html(markdown, &self.highlighter(options), first_line);
        let mut html = String::with_capacity(written.html.len() + written.html.len() / 8);
        for unit in units::split(&written.html, &written.pieces) {
            let source = &written.html[unit.range];
            match unit.kind {
                UnitKind::Trusted => html.push_str(source),
                UnitKind::Written | UnitKind::Raw => html.push_str(&self.sanitize_unit(source)),
            }
        }
        if options.resolve_url.is_some() {
            html = url_rewrite::resolve_relative_urls(&html, options.resolve_url);
        }
        assemble(html, written)
    }

    /// Renders with one sanitizer pass over the whole document. Slower; the reference the
    /// per-unit paths (here and in the preview) are tested against, and a benchmark baseline.
    pub fn render_whole(&self, markdown: &str, options: &RenderOptions<'_>) -> Rendered {
        let first_line = (!options.omit_source_lines).then_some(1);
        let written = html_writer::write_html(markdown, &self.highlighter(options), first_line);
        let clean = self.sanitizer.clean(&written.html);
        let html = url_rewrite::resolve_relative_urls(&clean, options.resolve_url);
        assemble(html, written)
    }

    fn highlighter<'a>(&'a self, options: &RenderOptions<'a>) -> Highlighter<'a> {
        Highlighter::new(&self.syntaxes, options.highlight_cache)
    }
}

/// The final [`Rendered`] from sanitized HTML and what the writer collected.
fn assemble(html: String, written: Written) -> Rendered {
    let toc: Vec<TocEntry> = written
        .headings
        .into_iter()
        .map(|h| TocEntry { level: h.level, id: format!("{ID_PREFIX}{}", h.id), text: h.text })
        .collect();
    let title = toc.iter().find(|e| e.level == 1 && !e.text.is_empty()).map(|e| e.text.clone());
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
        let r = Renderer::new().render("## Intro\n\n# The *Real* Title\n\n# Second\n", &RenderOptions::default());
        assert_eq!(r.title.as_deref(), Some("The Real Title"));
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[1].id, "bl-the-real-title");
    }

    #[test]
    fn heading_ids_are_unique_and_prefixed() {
        let r = Renderer::new().render("# A\n\n## A\n\n### A\n\n# A-1\n", &RenderOptions::default());
        let ids: Vec<&str> = r.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["bl-a", "bl-a-1", "bl-a-2", "bl-a-1-1"]);
        for id in ids {
            assert!(r.html.contains(&format!("id=\"{id}\"")), "{id} missing in {}", r.html);
        }
    }

    #[test]
    fn fragment_links_follow_prefixed_ids() {
        let r = Renderer::new().render("# Setup\n\nSee [setup](#setup).\n", &RenderOptions::default());
        assert!(r.html.contains("href=\"#bl-setup\""), "{}", r.html);
    }

    #[test]
    fn second_render_of_same_block_hits_cache() {
        let (renderer, cache) = (Renderer::new(), HighlightCache::default());
        let options = RenderOptions { highlight_cache: Some(&cache), ..Default::default() };
        let doc = "```rust\nfn main() {}\n```\n";
        renderer.render(doc, &options);
        let first = cache.stats();
        renderer.render(&format!("# Edited\n\n{doc}"), &options);
        let second = cache.stats();
        assert_eq!(first.misses, 1);
        assert_eq!(second.misses, 1, "unchanged block was highlighted again");
        assert_eq!(second.hits, first.hits + 1);
    }

    #[test]
    fn omit_source_lines_drops_data_line() {
        let renderer = Renderer::new();
        let doc = "# T\n\npara\n\n- a\n";
        assert!(renderer.render(doc, &RenderOptions::default()).html.contains("data-line=\"3\""));
        let opts = RenderOptions { omit_source_lines: true, ..Default::default() };
        assert!(!renderer.render(doc, &opts).html.contains("data-line"));
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
        let html = renderer.render(doc, &opts).html;
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
        let html = render(
            "www.a.org `www.b.org` [www.c.org](https://d.org)\n\n```\nwww.e.org\n```\n",
            &RenderOptions::default(),
        )
        .html;
        assert!(html.contains("href=\"http://www.a.org\""), "{html}");
        assert!(!html.contains("www.b.org\""), "{html}");
        assert!(!html.contains("http://www.c.org"), "{html}");
        assert!(!html.contains("http://www.e.org"), "{html}");
    }

    #[test]
    fn table_alignment_is_a_class_not_a_style() {
        let html = render("| a |\n|:-:|\n| b |\n", &RenderOptions::default()).html;
        assert!(html.contains("<td class=\"align-center\">b</td>"), "{html}");
        assert!(!html.contains("style"), "{html}");
    }

    #[test]
    fn rendered_stats_match_text_stats() {
        let doc = "# Title\n\nSome words here.\n";
        assert_eq!(render(doc, &RenderOptions::default()).stats, text_stats(doc));
    }

    #[test]
    fn data_uri_in_source_never_survives() {
        let html = render("![a](data:image/png;base64,AAAA)", &RenderOptions::default()).html;
        assert!(!html.contains("data:"), "{html}");
        assert!(!html.contains("<img") && html.contains(">a</p>"), "no src-less img, alt kept: {html}");
    }
}
