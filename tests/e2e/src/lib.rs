//! Harness for the end-to-end tests of the Byline desktop app.
//!
//! Each test gets its own headless X display, its own `tauri-driver` (which spawns
//! WebKitWebDriver, which launches the real `byline-app` binary) and its own library seeded
//! with the real `byline` CLI. [`session::with_app`] runs a test body against that window and
//! always deletes the WebDriver session and stops every process it started, even when the
//! body fails or panics.

pub mod bench_inputs;
pub mod big_library;
pub mod csp;
pub mod deb;
pub mod display;
pub mod driver;
pub mod figures;
pub mod hostile;
pub mod memory;
pub mod paths;
pub mod picture;
pub mod processes;
pub mod scripts;
pub mod seed;
pub mod session;
pub mod startup;
pub mod typing_probe;
pub mod ui;
pub mod window_title;
pub mod x11;
pub mod xss_corpus;

pub use seed::Library;
pub use session::{with_app, with_launch, App, Launch};
