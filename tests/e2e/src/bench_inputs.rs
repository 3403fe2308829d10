//! The inputs of `make bench` for the app's performance tests: the article and the book of
//! `bench/inputs.rs` (the same deterministic generator, so the same bytes), read from the files
//! the bench runner wrote when `$BYLINE_BENCH_INPUTS` names their folder.

use std::path::PathBuf;

use anyhow::{Context, Result};

#[path = "../../../bench/inputs.rs"]
mod generator;

pub use generator::{
    approximate_words, draft_body, library_draft_file, library_draft_name, one_line_json, ten_megabytes, LIBRARY_DRAFTS,
};

/// Folder of the generated inputs (`target/bench/inputs`, written by `bench/run.sh`).
pub const INPUTS_ENV: &str = "BYLINE_BENCH_INPUTS";

/// The ~5,000-word article with a dozen code blocks.
pub fn article() -> Result<String> {
    read_or(generator::article, "article.md")
}

/// The ~100,000-word book.
pub fn book() -> Result<String> {
    read_or(generator::book, "book.md")
}

/// The file `name` from `$BYLINE_BENCH_INPUTS` when set, else the generator's output.
fn read_or(generate: impl FnOnce() -> String, name: &str) -> Result<String> {
    match std::env::var_os(INPUTS_ENV) {
        Some(dir) => {
            let path = PathBuf::from(dir).join(name);
            std::fs::read_to_string(&path)
                .with_context(|| format!("reading the bench input {} (from ${INPUTS_ENV})", path.display()))
        }
        None => Ok(generate()),
    }
}
