//! End-to-end tests: each runs the real `byline` binary on a library in a temp folder.
#![allow(missing_docs, clippy::unwrap_used)]

mod authors;
mod concurrency;
mod crash;
mod documents;
mod drafts;
mod errors;
mod export;
mod generate;
mod harness;
mod import;
mod init;
mod io_errors;
mod mojibake;
mod recovery;
mod search_and_history;
// The scratch tmpfs shared with the library's own I/O-error tests.
#[path = "../../crates/byline-library/tests/scratch_disk/mod.rs"]
mod scratch_disk;
mod sites;
mod sync;
