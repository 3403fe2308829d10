//! `byline`: every Byline capability from the command line.

mod cli;
mod commands;
mod input;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    restore_default_sigpipe();
    // clap exits with status 2 on a malformed command line, and 0 for --help/--version.
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, no backtrace: the writer needs the reason and what to do, nothing more.
            let message = err.chain().map(ToString::to_string).collect::<Vec<_>>().join(": ").replace('\n', " ");
            let _ = writeln!(std::io::stderr(), "byline: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Rust ignores SIGPIPE, which turns `byline list | head` into a panic on the first write after
/// `head` exits. A command-line tool should simply stop, like every other Unix filter.
#[allow(unsafe_code)]
fn restore_default_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is always valid.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
