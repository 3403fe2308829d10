//! Renders the generated article or book over and over with one paragraph edited each time,
//! to profile the warm preview path: `cargo run --release -p byline-preview --example warm_edit -- book 200`.
//! A third argument `newline` types Enter instead (every later line shifts).

#![allow(missing_docs)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::time::Instant;

use byline_preview::Preview;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_else(|| "article".into());
    let rounds: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(500);
    let doc = if which == "book" { inputs::book() } else { inputs::article() };
    let renderer = Preview::new();
    renderer.render(&doc);
    let newline = std::env::args().nth(3).is_some_and(|mode| mode == "newline");
    let edit = if newline { inputs::break_paragraph } else { inputs::edit_paragraph };
    let edits: Vec<String> = (0..rounds).map(|i| edit(&doc, &format!("edit{i}"))).collect();
    let start = Instant::now();
    for edit in &edits {
        std::hint::black_box(renderer.render(edit));
        if newline {
            // Back to the original: Enter deleted, so every render shifts the later lines.
            std::hint::black_box(renderer.render(&doc));
        }
    }
    let rounds = if newline { rounds * 2 } else { rounds };
    let per = start.elapsed().as_secs_f64() * 1e3 / rounds as f64;
    let what = if newline { "a new line typed" } else { "one paragraph edited" };
    println!("{which}: {per:.3} ms per warm render with {what} ({:?})", renderer.block_cache_stats());
}
