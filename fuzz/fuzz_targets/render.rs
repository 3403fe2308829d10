//! Markdown → sanitized HTML on arbitrary input: the output keeps every sanitizer invariant
//! (no `<script`, no `on*=` or `style` attributes, no URL scheme but http/https/mailto, only
//! allowed tags, every id prefixed `bl-`), and the block-cached preview (byline-preview),
//! including its one-paragraph fast path, and the stateless per-unit render both equal one
//! sanitizer pass over the whole document.

#![no_main]

use std::sync::{Arc, OnceLock};

use byline_preview::{Preview, PreviewCaches, PreviewOptions, Urls};
use byline_render::{RenderOptions, Rendered, Renderer, ID_PREFIX};
use libfuzzer_sys::fuzz_target;

// The checker the render crate's own tests use, so both enforce the same invariants.
#[path = "../../crates/byline-render/tests/common/mod.rs"]
mod common;

/// The preview and the export each with its own last render, over shared caches: one pair
/// for the whole run (loading syntaxes takes tens of milliseconds).
struct Previews {
    preview: Preview,
    export: Preview,
}

fn previews() -> &'static Previews {
    static PREVIEWS: OnceLock<Previews> = OnceLock::new();
    PREVIEWS.get_or_init(|| {
        let caches = Arc::new(PreviewCaches::default());
        Previews { preview: Preview::with_caches(Arc::clone(&caches)), export: Preview::with_caches(caches) }
    })
}

fn resolve(url: &str) -> Option<String> {
    Some(format!("files/{url}"))
}

fn export_options() -> PreviewOptions<'static> {
    PreviewOptions { urls: Some(Urls { identity: "files/", resolve: &resolve }), omit_source_lines: true }
}

fuzz_target!(|data: &[u8]| {
    let new = String::from_utf8_lossy(data);
    let old = without_one_char(&new, position(data));
    let previews = previews();
    // Forget the previous input's render, so a failure reproduces from its input alone:
    // `old` renders from scratch, then `new` and `old` again are edits of each other.
    previews.preview.render("");
    previews.export.render_with("", &export_options());
    for markdown in [old.as_str(), &new, old.as_str()] {
        check(previews, markdown);
    }
});

/// Renders `markdown` as the preview and as an export, cached and whole, and checks both.
fn check(previews: &Previews, markdown: &str) {
    let renderer = Renderer::shared();
    let preview = RenderOptions::default();
    let whole = renderer.render_whole(markdown, &preview);
    let cached = previews.preview.render(markdown);
    assert_eq!(cached, whole, "block-cached preview differs from the whole render of {markdown:?}");
    assert_eq!(renderer.render(markdown, &preview), whole, "per-unit render differs for {markdown:?}");
    assert_safe(markdown, &whole);

    let export = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
    let whole = renderer.render_whole(markdown, &export);
    assert_eq!(
        previews.export.render_with(markdown, &export_options()),
        whole,
        "cached export differs for {markdown:?}"
    );
    assert_eq!(renderer.render(markdown, &export), whole, "per-unit export differs for {markdown:?}");
    assert_safe(markdown, &whole);
    // Raw HTML may carry its own `data-line`; the writer's must be gone.
    let written_lines = whole.html.matches("data-line=").count();
    assert!(
        written_lines <= markdown.matches("data-line").count(),
        "export keeps data-line for {markdown:?}: {}",
        whole.html
    );
}

fn assert_safe(markdown: &str, rendered: &Rendered) {
    let found = common::violations(&rendered.html);
    assert!(found.is_empty(), "unsafe output for {markdown:?}:\n{}\n{found:?}", rendered.html);
    for entry in &rendered.toc {
        assert!(entry.id.starts_with(ID_PREFIX), "toc id {:?} for {markdown:?}", entry.id);
    }
}

/// Where the simulated keystroke happens: a position derived from every byte of the input,
/// so each mutation also moves the edit.
fn position(data: &[u8]) -> usize {
    data.iter().fold(0usize, |h, &b| h.wrapping_mul(31).wrapping_add(usize::from(b)))
}

/// `text` as it was before one character (chosen by `seed`) was typed.
fn without_one_char(text: &str, seed: usize) -> String {
    let count = text.chars().count();
    if count == 0 {
        return String::new();
    }
    let skip = seed % count;
    text.chars().enumerate().filter(|&(i, _)| i != skip).map(|(_, c)| c).collect()
}
