//! End-to-end tests of the real Byline desktop app under WebDriver.
//!
//! Run after building the UI and the app (`scripts/e2e.sh` does everything):
//! `cargo test -p byline-e2e -- --test-threads=1`. Sessions also take turns on their own
//! (see `byline_e2e::session`), so a parallel run is slower, never flaky.

mod accessibility;
mod authors_export;
mod damaged_text;
mod documents_export;
mod drafts_folder;
mod editing;
mod first_run;
mod history;
mod import;
mod io_errors;
mod library;
mod lockdown;
mod metadata;
mod opened_files;
mod perf;
mod perf_big_inputs;
mod perf_startup;
mod relaunch;
mod screenshots;
mod security;
mod spelling;
mod writing_goals;
mod writing_room;
mod xss_surfaces;
