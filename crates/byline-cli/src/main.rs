//! `byline`: every Byline capability from the command line.

mod cli;
mod commands;
mod input;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // clap exits with status 2 on a malformed command line, and 0 for --help/--version.
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, no backtrace: the writer needs the reason and what to do, nothing more.
            let message = err
                .chain()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(": ")
                .replace('\n', " ");
            let _ = writeln!(std::io::stderr(), "byline: {message}");
            ExitCode::FAILURE
        }
    }
}
