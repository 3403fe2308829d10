//! Markdown → sanitized HTML on arbitrary input: the output keeps every sanitizer invariant
//! (no `<script`, no `on*=` or `style` attributes, no URL scheme but http/https/mailto, only
//! allowed tags, every id prefixed `bl-`), and the block-cached preview, including its
//! one-paragraph fast path, equals one sanitizer pass over the whole document.

#![no_main]

use std::sync::OnceLock;

use byline_render::{RenderOptions, Rendered, Renderer, ID_PREFIX};
use libfuzzer_sys::fuzz_target;

// The checker the render crate's own tests use, so both enforce the same invariants.
#[path = "../../crates/byline-render/tests/common/mod.rs"]
mod common;

fn renderer() -> &'static Renderer {
    // Loading syntaxes takes tens of milliseconds: one renderer for the whole run.
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(Renderer::new)
}

fuzz_target!(|data: &[u8]| {
    let new = String::from_utf8_lossy(data);
    let old = without_one_char(&new, position(data));
    let renderer = renderer();
    // Forget the previous input's render, so a failure reproduces from its input alone:
    // `old` renders from scratch, then `new` and `old` again are edits of each other.
    renderer.render("");
    for markdown in [old.as_str(), &new, old.as_str()] {
        check(renderer, markdown);
    }
});

/// Renders `markdown` as the preview and as an export, cached and whole, and checks both.
fn check(renderer: &Renderer, markdown: &str) {
    let preview = RenderOptions::default();
    let whole = renderer.render_whole(markdown, &preview);
    let cached = renderer.render(markdown);
    assert_eq!(cached, whole, "block-cached preview differs from the whole render of {markdown:?}");
    assert_safe(markdown, &whole);

    let resolve = |url: &str| Some(format!("files/{url}"));
    let export = RenderOptions { resolve_url: Some(&resolve), omit_source_lines: true, ..Default::default() };
    let whole = renderer.render_whole(markdown, &export);
    assert_eq!(renderer.render_with(markdown, &export), whole, "cached export differs for {markdown:?}");
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
