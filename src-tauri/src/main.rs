//! `byline-app`: the Byline desktop app, a Tauri 2 shell over the Byline library.
//!
//! Usage: `byline-app [--library DIR] [FILE.md…]` (the library: else `$BYLINE_LIBRARY`, else the
//! platform data folder; each file opens as its draft, linked to the file).
//! Logs go to stderr.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;
mod args;
#[cfg(test)]
mod bindings;
#[cfg(test)]
mod capabilities;
#[cfg(test)]
mod command_list;
mod commands;
mod drafts_folder;
mod error;
mod ipc;
mod links;
mod menu;
mod opened_files;
mod plugins;
mod spelling;
mod state;
mod window;

use std::process::ExitCode;

fn main() -> ExitCode {
    // Before any thread exists (WebKit reads it when the first web view is created).
    if let Some(value) = window::compositing_default(std::env::var_os(window::COMPOSITING_ENV).as_deref()) {
        std::env::set_var(window::COMPOSITING_ENV, value);
    }
    let library_dir = match args::library_dir(std::env::args_os().skip(1), std::env::var_os(args::LIBRARY_ENV)) {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("byline-app: {message}");
            return ExitCode::from(2);
        }
    };
    let files = match std::env::current_dir() {
        Ok(cwd) => args::files_to_open(std::env::args_os().skip(1), &cwd),
        Err(_) => Vec::new(),
    };
    match app::run(library_dir, files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("byline-app: the app stopped with an error: {error}");
            ExitCode::FAILURE
        }
    }
}
