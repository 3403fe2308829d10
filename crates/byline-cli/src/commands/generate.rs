//! `generate man DIR` and `generate completions SHELL`: the manual and the completion scripts,
//! both from the clap grammar itself, so they can never describe options that do not exist.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, GenerateArgs, Generated};

/// Runs `byline generate`.
pub fn run(args: GenerateArgs) -> Result<()> {
    match args.what {
        Generated::Man { dir } => {
            fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            let mut written = Vec::new();
            write_pages(&Cli::command(), "byline", &dir, &mut written)?;
            for path in written {
                println!("{path}");
            }
            Ok(())
        }
        Generated::Completions { shell } => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "byline", &mut out);
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes `name.1` for `command`, then a page for each of its subcommands (`byline-author-add.1`).
fn write_pages(command: &clap::Command, name: &str, dir: &Path, written: &mut Vec<String>) -> Result<()> {
    // The page's title and the synopsis use the command's name: give it the full one.
    let command = command.clone().name(name.to_owned()).bin_name(name.replace('-', " "));
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    let path = dir.join(format!("{name}.1"));
    fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    written.push(path.display().to_string());
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set() && sub.get_name() != "help") {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir, written)?;
    }
    Ok(())
}
