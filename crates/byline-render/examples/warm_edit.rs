//! Renders the generated article or book over and over with one paragraph edited each time,
//! to profile the warm preview path: `cargo run --release -p byline-render --example warm_edit -- book 200`.

#![allow(missing_docs)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::time::Instant;

use byline_render::Renderer;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "article".into());
    let rounds: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(500);
    let doc = if which == "book" { inputs::book() } else { inputs::article() };
    let renderer = Renderer::new();
    renderer.render(&doc);
    let edits: Vec<String> = (0..rounds).map(|i| inputs::edit_paragraph(&doc, &format!("edit{i}"))).collect();
    let start = Instant::now();
    for edit in &edits {
        std::hint::black_box(renderer.render(edit));
    }
    let per = start.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    println!("{which}: {per:.3} ms per warm render with one paragraph edited ({:?})", renderer.block_cache_stats());
}
