//! One module per command group; each turns parsed arguments into library calls and prints.

mod authors;
mod drafts;
mod export;
mod generate;
mod history;
mod import;
mod maintenance;
mod render;
mod repair;
mod search;
mod sync;

use std::path::PathBuf;

use anyhow::{Context, Result};
use byline_library::Library;

use crate::cli::{Cli, Command};

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let library_dir = cli.library.clone();
    let dir = library_dir.clone();
    let open = move || open_library(library_dir);
    match cli.command {
        // `render` and `generate` need no library.
        Command::Render(args) => render::run(args),
        Command::Generate(args) => generate::run(args),
        Command::New(args) => drafts::new(&mut open()?, args),
        Command::Import(args) => import::run(&mut open()?, args),
        Command::List(args) => drafts::list(&open()?, args),
        Command::Show(args) => drafts::show(&open()?, args),
        Command::Edit(args) => drafts::edit(&mut open()?, args),
        Command::Search(args) => search::run(&open()?, args),
        Command::History(args) => history::list(&open()?, args),
        Command::Restore(args) => history::restore(&mut open()?, args),
        Command::Repair(args) => repair::run(&mut open()?, args),
        Command::Trash(args) => drafts::trash(&mut open()?, &args.slug),
        Command::Untrash(args) => drafts::untrash(&mut open()?, &args.slug),
        Command::EmptyTrash(_) => drafts::empty_trash(&mut open()?),
        Command::Author(command) => authors::run(&mut open()?, command),
        Command::Export(args) => export::article(&open()?, args),
        Command::ExportBook(args) => export::book(&open()?, args),
        Command::ExportSite(args) => export::site(&open()?, args),
        Command::Sync(args) => sync::once(&mut open()?, args),
        Command::Watch(args) => sync::watch(&mut open()?, args),
        Command::Backup(args) => maintenance::backup(&open()?, args),
        Command::Init(args) => maintenance::init(&mut open()?, args),
        // `check` reports damage instead of repairing it.
        Command::Check => maintenance::check(&library_path(dir)?),
    }
}

/// The library folder: --library, else $BYLINE_LIBRARY (clap reads both), else the data dir.
fn library_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit {
        Some(dir) => Ok(dir),
        None => dirs::data_dir()
            .map(|data| data.join("byline"))
            .context("no data directory on this system; pass --library DIR"),
    }
}

/// Opens the library, recovering a damaged one from its backups (and saying so), and takes
/// the daily automatic backup when one is due.
fn open_library(explicit: Option<PathBuf>) -> Result<Library> {
    let (library, notice) = Library::open_or_recover(&library_path(explicit)?)?;
    if let Some(notice) = notice {
        eprintln!("byline: warning: {notice}");
    }
    if let Err(err) = library.backup_if_due(byline_library::recovery::AUTOMATIC_BACKUP_INTERVAL) {
        eprintln!("byline: warning: the automatic backup failed: {err}");
    }
    Ok(library)
}
