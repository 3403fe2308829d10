//! The app commands the UI invokes. Each is a one-line hand-off into the library (or, for links
//! and the window, into the shell module that guards them). They are `async` so Tauri runs them
//! off the main thread and a slow export never freezes the window.

pub mod actions;
pub mod authors;
pub mod drafts;
pub mod export;
pub mod files;
pub mod first_run;
pub mod images;
pub mod import;
pub mod repair;
pub mod spelling;
pub mod sync;
pub mod system;
pub mod writing;
