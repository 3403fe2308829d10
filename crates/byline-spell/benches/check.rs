//! How long checking takes: a 5,000-word draft's visible range (about 600 words, one window of
//! text) and the whole draft, with the en_US dictionary already loaded, plus loading it and one
//! suggestion. The editor sends only words it has not checked before, so these are the worst case.
//!
//! `cargo bench -p byline-spell --bench check` measures; `cargo test --benches` runs each once.

#![allow(missing_docs, clippy::unwrap_used)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::path::PathBuf;

use byline_spell::SpellChecker;
use criterion::{criterion_group, criterion_main, Criterion};

/// The words of a 5,000-word draft, split as the editor splits prose.
fn draft_words() -> Vec<String> {
    let body = inputs::draft_body(7, 5_000);
    body.split(|c: char| !(c.is_alphabetic() || c == '\''))
        .map(|word| word.trim_matches('\''))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

fn checker() -> SpellChecker {
    SpellChecker::with_dirs(&[PathBuf::from("/usr/share/hunspell")])
}

fn bench(c: &mut Criterion) {
    let words = draft_words();
    let visible = &words[..600.min(words.len())];
    let en = vec!["en-US".to_owned()];
    let mut group = c.benchmark_group("spelling");
    group.sample_size(10);
    group.bench_function("load en_US", |b| b.iter(|| checker().misspelled(&en, &["the".to_owned()]).unwrap()));
    let mut loaded = checker();
    loaded.misspelled(&en, &["the".to_owned()]).unwrap();
    group.bench_function("visible range, 600 words", |b| b.iter(|| loaded.misspelled(&en, visible).unwrap()));
    group.bench_function(format!("whole draft, {} words", words.len()), |b| {
        b.iter(|| loaded.misspelled(&en, &words).unwrap())
    });
    group.bench_function("suggestions for quikc", |b| b.iter(|| loaded.suggestions(&en, "quikc", 8).unwrap()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
