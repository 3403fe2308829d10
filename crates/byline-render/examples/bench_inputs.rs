//! Writes the benchmark inputs to files, for peers that run outside Rust (markdown-it on Node,
//! pandoc) and for the CLI's whole-process timings:
//! `cargo run --release -p byline-render --example bench_inputs -- target/bench/inputs`.

#![allow(missing_docs)]

#[path = "../../../bench/inputs.rs"]
mod inputs;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/bench/inputs".into()));
    let files = [
        ("article.md", inputs::article()),
        ("article_edited.md", inputs::edit_paragraph(&inputs::article(), "edited")),
        ("book.md", inputs::book()),
        ("book_edited.md", inputs::edit_paragraph(&inputs::book(), "edited")),
        ("json_1mb.md", inputs::one_line_json()),
    ];
    if let Err(err) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {err}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in files {
        let path = dir.join(name);
        if let Err(err) = std::fs::write(&path, &text) {
            eprintln!("cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{} ({} words, {} bytes)", path.display(), inputs::approximate_words(&text), text.len());
    }
    // The 10,000 source files the CLI's whole-process timings import, and `grep -r` reads.
    let library = dir.join("library");
    if let Err(err) = std::fs::create_dir_all(&library) {
        eprintln!("cannot create {}: {err}", library.display());
        return ExitCode::FAILURE;
    }
    let mut bytes = 0;
    for i in 0..inputs::LIBRARY_DRAFTS {
        let (path, text) = (library.join(inputs::library_draft_name(i)), inputs::library_draft_file(i));
        if let Err(err) = std::fs::write(&path, &text) {
            eprintln!("cannot write {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += text.len();
    }
    println!("{} ({} files, {bytes} bytes)", library.display(), inputs::LIBRARY_DRAFTS);
    ExitCode::SUCCESS
}
