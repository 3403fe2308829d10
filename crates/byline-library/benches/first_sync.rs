//! First sync of a 10,000-file drafts folder into an empty library.
//!
//! `cargo bench -p byline-library --bench first_sync` prints the median; `cargo test --benches`
//! runs it once on a small folder, so it keeps compiling and working.

#![allow(missing_docs, clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use byline_library::Library;
use criterion::{criterion_group, criterion_main, Criterion};

fn generate(folder: &Path, files: usize) {
    for i in 0..files {
        let sub = folder.join(format!("batch-{:02}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        let text = format!(
            "---\ntitle: Generated article {i}\ntags: [bench, topic-{}]\nstatus: draft\n---\n\n# Generated article {i}\n\n{}\n",
            i % 37,
            "A paragraph of plausible prose about writing, drafts and folders. ".repeat(12)
        );
        std::fs::write(sub.join(format!("article-{i:05}.md")), text).unwrap();
    }
}

fn first_sync(c: &mut Criterion) {
    // `cargo bench` passes `--bench`; without it (`cargo test --benches`) criterion runs each
    // benchmark once as a test, so a small folder keeps that quick.
    let files = if std::env::args().any(|a| a == "--bench") { 10_000 } else { 200 };
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("drafts");
    generate(&folder, files);
    let mut group = c.benchmark_group("first_sync");
    group.sample_size(10).measurement_time(Duration::from_secs(30)).warm_up_time(Duration::from_secs(1));
    let mut runs: Vec<Duration> = Vec::new();
    group.bench_function(format!("{files}_files"), |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let dir = tempfile::tempdir().unwrap();
                let mut lib = Library::open(&dir.path().join("library")).unwrap();
                let start = Instant::now();
                let report = lib.sync_folder(&folder).unwrap();
                let took = start.elapsed();
                assert_eq!(report.created.len(), files);
                total += took;
                runs.push(took);
            }
            total
        });
    });
    group.finish();
    runs.sort();
    if let Some(median) = runs.get(runs.len() / 2) {
        println!(
            "first_sync: {files} files into an empty library, median {:.2} s over {} runs",
            median.as_secs_f64(),
            runs.len()
        );
    }
}

criterion_group!(benches, first_sync);
criterion_main!(benches);
