//! Rendering on the generated article and book, pathological inputs, and comrak on the same
//! inputs. The preview's warm paths (an edit, Enter typed) are benchmarked in byline-preview.
//!
//! `cargo bench -p byline-render --bench render` measures; `cargo test --benches` runs every
//! benchmark once on small inputs (criterion's test mode), so they keep compiling and working.

#![allow(missing_docs, clippy::unwrap_used)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use byline_render::{HighlightCache, RenderOptions, Renderer};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

struct Inputs {
    article: String,
    book: String,
    json: String,
    huge: String,
}

fn inputs() -> Inputs {
    if inputs::measuring() {
        return Inputs {
            article: inputs::article(),
            book: inputs::book(),
            json: inputs::one_line_json(),
            huge: inputs::ten_megabytes(),
        };
    }
    let mut small_book = String::new();
    inputs::chapter(7, "Small", 500, 2, &mut small_book);
    Inputs {
        article: inputs::article(),
        book: small_book.clone(),
        json: format!("```json\n[{}1]\n```\n", "{\"a\":1},".repeat(2_000)),
        huge: small_book,
    }
}

fn render(c: &mut Criterion) {
    let inputs = inputs();
    let docs = [("article", &inputs.article), ("book", &inputs.book)];
    let mut group = c.benchmark_group("render");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let renderer = Renderer::new();
    for (name, doc) in docs {
        // Highlighted code kept from the first render, as a caller that renders again keeps it.
        let cache = HighlightCache::default();
        let warm = RenderOptions { highlight_cache: Some(&cache), ..Default::default() };
        renderer.render_whole(doc, &warm);
        let counter = AtomicUsize::new(0);
        group.bench_function(format!("{name}_whole_edit"), |b| {
            b.iter_batched(
                || inputs::edited(doc, &counter),
                |d| renderer.render_whole(&d, &warm),
                BatchSize::SmallInput,
            )
        });
    }
    group.sample_size(20).measurement_time(Duration::from_secs(3));
    let cold = RenderOptions::default();
    group.bench_function("article_cold", |b| b.iter(|| Renderer::new().render(&inputs.article, &cold)));
    group.bench_function("book_cold", |b| {
        b.iter_batched(Renderer::new, |r| r.render(&inputs.book, &cold), BatchSize::PerIteration)
    });
    group.finish();

    let mut peers = c.benchmark_group("comrak");
    peers.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let options = comrak_options();
    for (name, doc) in docs {
        peers.bench_function(name, |b| b.iter(|| comrak::markdown_to_html(doc, &options)));
    }
    peers.finish();

    let mut hard = c.benchmark_group("pathological");
    hard.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(5));
    // A fresh renderer each time (built outside the timing) so nothing is served from a cache.
    hard.bench_function("json_1mb_one_line", |b| {
        b.iter_batched(Renderer::new, |r| r.render(&inputs.json, &cold), BatchSize::PerIteration)
    });
    hard.bench_function("draft_10mb", |b| {
        b.iter_batched(Renderer::new, |r| r.render(&inputs.huge, &cold), BatchSize::PerIteration)
    });
    hard.finish();
}

/// GFM extensions as Byline enables them; comrak neither highlights nor sanitizes.
fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options
}

criterion_group!(benches, render);
criterion_main!(benches);
