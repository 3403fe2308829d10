//! End-to-end tests: each runs the real `byline` binary on a library in a temp folder.
#![allow(missing_docs, clippy::unwrap_used)]

mod authors;
mod crash;
mod drafts;
mod errors;
mod export;
mod harness;
mod import;
mod search_and_history;
mod recovery;
mod sync;
