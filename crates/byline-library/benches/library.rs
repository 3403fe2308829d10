//! The library under load: autosave of a 10,000-word draft, FTS search and listing on a
//! 10,000-draft library, `export-site` of 1,000 articles, and a cold HTML export of the book.
//!
//! `cargo bench -p byline-library --bench library` measures; `cargo test --benches` runs every
//! benchmark once on small libraries (criterion's test mode), so they keep working.

#![allow(missing_docs, clippy::unwrap_used)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use byline_export::{ArticleContext, Exporter, PageOptions, TocItem};
use byline_library::publish::SiteOptions;
use byline_library::{DraftChange, DraftFilter, Library, NewDraft, SaveMode, Status};
use byline_render::{RenderOptions, Renderer};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

/// A library of `count` drafts of 300 to 1,500 words, tagged and titled like real ones.
fn build_library(dir: &Path, count: usize, status: Status) -> Library {
    let mut lib = Library::open(dir).unwrap();
    for i in 0..count {
        let words = 300 + (i * 7919) % 1_200;
        let mut body = inputs::draft_body(i as u64, words);
        if i % 10 == 0 {
            body.push_str("```rust\nfn main() { println!(\"draft\"); }\n```\n");
        }
        lib.create_draft(NewDraft {
            title: format!(
                "Draft {i}: notes on {}",
                inputs::draft_body(i as u64 + 1, 1).split(' ').next().unwrap_or("x")
            ),
            body,
            status,
            tags: vec![format!("topic-{}", i % 40), "bench".to_string()],
            ..NewDraft::default()
        })
        .unwrap();
    }
    lib
}

fn library(c: &mut Criterion) {
    let drafts = if inputs::measuring() { 10_000 } else { 100 };
    let root = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut lib = build_library(&root.path().join("library"), drafts, Status::Draft);
    eprintln!("built a {drafts}-draft library in {:.1} s", started.elapsed().as_secs_f64());

    let mut group = c.benchmark_group("library");
    group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));

    let long = lib
        .create_draft(NewDraft {
            title: "The long draft".into(),
            body: inputs::draft_body(42, 10_000),
            ..NewDraft::default()
        })
        .unwrap();
    let base = long.body.clone();
    let counter = AtomicUsize::new(0);
    group.bench_function("autosave_10k_words", |b| {
        b.iter_batched(
            || inputs::edited(&base, &counter),
            |body| {
                let change = DraftChange { body: Some(body), ..DraftChange::default() };
                lib.update_draft(&long.slug, change, SaveMode::Autosave).unwrap()
            },
            BatchSize::SmallInput,
        )
    });

    let queries = [
        "river",
        "garden window",
        "compiler pipeline",
        "revision",
        "latency budget",
        "harb",
        "editor preview",
        "silence lantern",
    ];
    let next = AtomicUsize::new(0);
    group.bench_function("search", |b| {
        b.iter(|| lib.search(queries[next.fetch_add(1, Ordering::Relaxed) % queries.len()], 20).unwrap())
    });
    write_per_query_search(&lib, &queries);

    group.bench_function("list_all", |b| b.iter(|| lib.list_drafts(&DraftFilter::default()).unwrap()));
    group.bench_function("list_page_50", |b| {
        b.iter(|| lib.list_drafts(&DraftFilter { limit: Some(50), ..DraftFilter::default() }).unwrap())
    });
    group.finish();
}

/// FTS latency per query (not per criterion sample), so its p95 is the p95 a user meets.
fn write_per_query_search(lib: &Library, queries: &[&str]) {
    let runs = if inputs::measuring() { 300 } else { 20 };
    let mut times: Vec<f64> = (0..runs)
        .map(|i| {
            let start = Instant::now();
            lib.search(queries[i % queries.len()], 20).unwrap();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let json = format!(
        "{{\"metric\":\"library/search_per_query\",\"median\":{:.4},\"p95\":{:.4},\"unit\":\"ms\",\"input\":\"10,000-draft library, {} queries\"}}\n",
        at(0.5),
        at(0.95),
        runs
    );
    write_custom("library_search_per_query", &json);
}

/// Writes a metric row measured outside criterion where `bench/summarize.py` collects it
/// (only when measuring: the small smoke-test inputs would give misleading rows).
fn write_custom(name: &str, json: &str) {
    if !inputs::measuring() {
        return;
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target").into());
    let dir = Path::new(&target).join("bench/custom");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.json")), json).unwrap();
}

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(10));

    let book = if inputs::measuring() { inputs::book() } else { inputs::article() };
    // Cold: a fresh renderer (syntax loading included) and a fresh exporter every time.
    group.bench_function("book_html_cold", |b| {
        b.iter(|| {
            let renderer = Renderer::new();
            let options = RenderOptions { resolve_url: None, omit_source_lines: true, ..Default::default() };
            let rendered = renderer.render(&book, &options);
            Exporter::new().article_page(&article_context(rendered), &PageOptions::default()).unwrap()
        })
    });

    group.finish();

    // `export-site` takes a second or more: criterion's minimum of 10 samples plus warm-up would
    // take long, so it is timed directly (5 runs) and reported like the other rows. Fresh runs
    // write a new folder; re-exports replace the site already there, as a writer's second export
    // does (the previous site is moved aside and removed).
    let articles = if inputs::measuring() { 1_000 } else { 20 };
    let root = tempfile::tempdir().unwrap();
    let lib = build_library(&root.path().join("library"), articles, Status::Published);
    let time_export = |out: &Path| {
        let start = Instant::now();
        let summary = lib.export_site(out, &SiteOptions::default(), &mut |_, _| {}).unwrap();
        assert_eq!(summary.articles, articles);
        start.elapsed().as_secs_f64() * 1e3
    };
    // Every site stays until the end: removing one between runs loads the disk during the next.
    let out = tempfile::tempdir().unwrap();
    let fresh: Vec<f64> = (0..5).map(|run| time_export(&out.path().join(format!("new-{run}")))).collect();
    let again: Vec<f64> = (0..6).map(|_| time_export(&out.path().join("again"))).skip(1).collect();
    write_export_site_row(
        "export_site",
        &format!("site_{articles}_articles"),
        &format!("{articles} published articles, new folder"),
        fresh,
    );
    write_export_site_row(
        "export_site_again",
        &format!("site_{articles}_articles_again"),
        &format!("{articles} published articles, replacing the previous site"),
        again,
    );
}

/// One row of `export-site` timings: the median and the slowest run (5 runs: no finer p95).
fn write_export_site_row(file: &str, metric: &str, input: &str, mut runs: Vec<f64>) {
    runs.sort_by(f64::total_cmp);
    let (median, slowest) = (runs[runs.len() / 2], runs[runs.len() - 1]);
    let json = format!(
        "{{\"metric\":\"export/{metric}\",\"median\":{median:.1},\"p95\":{slowest:.1},\"unit\":\"ms\",\"input\":\"{input}, {} runs\"}}\n",
        runs.len()
    );
    write_custom(file, &json);
}

fn article_context(rendered: byline_render::Rendered) -> ArticleContext {
    let now = chrono::Utc::now().fixed_offset();
    ArticleContext {
        slug: "book".into(),
        title: rendered.title.clone().unwrap_or_else(|| "Book".into()),
        subtitle: None,
        description: "A generated book.".into(),
        language: "en".into(),
        canonical_url: None,
        cover_image: None,
        published: Some(now),
        modified: now,
        tags: vec!["bench".into()],
        authors: Vec::new(),
        word_count: rendered.stats.words,
        reading_minutes: rendered.stats.reading_minutes,
        toc: rendered.toc.into_iter().map(TocItem::from).collect(),
        body_html: rendered.html,
        related: Vec::new(),
        discuss_url: None,
    }
}

criterion_group!(benches, library, export);
criterion_main!(benches);
