//! End-to-end tests of the `byline` binary live in `cli/main.rs` and its modules.
