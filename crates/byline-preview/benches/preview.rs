//! The live preview's warm paths on the generated article and book: one paragraph edited,
//! Enter typed, and an edit in a ten-megabyte draft. The group names (`render`, `pathological`)
//! are the ones these benchmarks had in byline-render, so `bench/summarize.py`'s ids still match.
//!
//! `cargo bench -p byline-preview --bench preview` measures; `cargo test --benches` runs every
//! benchmark once on small inputs (criterion's test mode), so they keep compiling and working.

#![allow(missing_docs, clippy::unwrap_used)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use byline_preview::Preview;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

struct Inputs {
    article: String,
    book: String,
    huge: String,
}

fn inputs() -> Inputs {
    if inputs::measuring() {
        return Inputs { article: inputs::article(), book: inputs::book(), huge: inputs::ten_megabytes() };
    }
    let mut small_book = String::new();
    inputs::chapter(7, "Small", 500, 2, &mut small_book);
    Inputs { article: inputs::article(), book: small_book.clone(), huge: small_book }
}

fn preview(c: &mut Criterion) {
    let inputs = inputs();
    let docs = [("article", &inputs.article), ("book", &inputs.book)];
    let mut group = c.benchmark_group("render");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    for (name, doc) in docs {
        let warm = Preview::new();
        warm.render(doc);
        let counter = AtomicUsize::new(0);
        group.bench_function(format!("{name}_warm_edit"), |b| {
            b.iter_batched(|| inputs::edited(doc, &counter), |d| warm.render(&d), BatchSize::SmallInput)
        });
    }
    // Enter typed in a paragraph: every later `data-line` shifts (the fast path renumbers them;
    // blocks are cached by lines relative to their first). A fresh warm preview per
    // iteration (prepared outside the timing) keeps each iteration that first Enter.
    group.sample_size(10).measurement_time(Duration::from_secs(1));
    for (name, doc) in docs {
        group.bench_function(format!("{name}_warm_newline"), |b| {
            b.iter_batched(
                || {
                    let preview = Preview::new();
                    preview.render(doc);
                    (preview, inputs::break_paragraph(doc, "line"))
                },
                |(preview, d)| {
                    let out = preview.render(&d);
                    (preview, out)
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();

    let mut hard = c.benchmark_group("pathological");
    hard.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(5));
    let warm = Preview::new();
    warm.render(&inputs.huge);
    let counter = AtomicUsize::new(0);
    hard.bench_function("draft_10mb_warm_edit", |b| {
        b.iter_batched(|| inputs::edited(&inputs.huge, &counter), |d| warm.render(&d), BatchSize::PerIteration)
    });
    hard.finish();
}

criterion_group!(benches, preview);
criterion_main!(benches);
