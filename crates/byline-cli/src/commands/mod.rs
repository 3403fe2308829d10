//! One module per command group; each turns parsed arguments into library calls and prints.

mod authors;
mod drafts;
mod export;
mod history;
mod import;
mod maintenance;
mod render;
mod search;
mod sync;

use std::path::PathBuf;

use anyhow::{Context, Result};
use byline_library::Library;

use crate::cli::{Cli, Command};

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let library_dir = cli.library.clone();
    let open = move || open_library(library_dir);
    match cli.command {
        // `render` needs no library: it works on any Markdown.
        Command::Render(args) => render::run(args),
        Command::New(args) => drafts::new(&mut open()?, args),
        Command::Import(args) => import::run(&mut open()?, args),
        Command::List(args) => drafts::list(&open()?, args),
        Command::Show(args) => drafts::show(&open()?, args),
        Command::Edit(args) => drafts::edit(&mut open()?, args),
        Command::Search(args) => search::run(&open()?, args),
        Command::History(args) => history::list(&open()?, args),
        Command::Restore(args) => history::restore(&mut open()?, args),
        Command::Trash(args) => drafts::trash(&mut open()?, &args.slug),
        Command::Untrash(args) => drafts::untrash(&mut open()?, &args.slug),
        Command::EmptyTrash(_) => drafts::empty_trash(&mut open()?),
        Command::Author(command) => authors::run(&mut open()?, command),
        Command::Export(args) => export::article(&open()?, args),
        Command::ExportSite(args) => export::site(&open()?, args),
        Command::Sync(args) => sync::once(&mut open()?, args),
        Command::Watch(args) => sync::watch(&mut open()?, args),
        Command::Backup(args) => maintenance::backup(&open()?, args),
        Command::Check => maintenance::check(&open()?),
    }
}

/// The library folder: --library, else $BYLINE_LIBRARY (clap reads both), else the data dir.
fn open_library(explicit: Option<PathBuf>) -> Result<Library> {
    let dir = match explicit {
        Some(dir) => dir,
        None => dirs::data_dir()
            .map(|data| data.join("byline"))
            .context("no data directory on this system; pass --library DIR")?,
    };
    Ok(Library::open(&dir)?)
}
