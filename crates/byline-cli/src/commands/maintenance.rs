//! `init`, `backup` and `check`.

use std::path::Path;

use anyhow::{bail, Result};
use byline_library::Library;

use crate::cli::{BackupArgs, InitArgs};

/// `byline init [--no-welcome]`: the library exists once it is open; print its folder.
pub fn init(library: &mut Library, args: InitArgs) -> Result<()> {
    if args.no_welcome {
        library.skip_welcome()?;
    }
    println!("{}", library.dir().display());
    Ok(())
}

/// `byline backup [PATH]`: a consistent online copy of the library database.
pub fn backup(library: &Library, args: BackupArgs) -> Result<()> {
    let path = library.backup(args.path.as_deref())?;
    println!("{}", path.display());
    Ok(())
}

/// `byline check`: integrity verdict; exit 1 when the library is damaged. Never repairs.
pub fn check(dir: &Path) -> Result<()> {
    let db = dir.join(byline_library::DATABASE_FILE);
    if db.exists() {
        if let Some(reason) = byline_library::recovery::diagnose(&db) {
            bail!(
                "the library at {} is damaged ({reason}); the next byline command moves it aside and restores \
                 the newest good backup from {}",
                dir.display(),
                dir.join(byline_library::recovery::BACKUP_DIR).display()
            );
        }
    }
    let library = Library::open(dir)?;
    let problems = library.integrity_check()?;
    let stats = library.stats()?;
    if problems.is_empty() {
        println!(
            "ok: {} drafts ({} in the trash), {} revisions, {} authors, {} assets; integrity check passed",
            stats.drafts, stats.trashed, stats.revisions, stats.authors, stats.assets
        );
        return Ok(());
    }
    for problem in &problems {
        println!("problem: {problem}");
    }
    bail!(
        "the library at {} is damaged ({} problems above); restore a backup from `byline backup`",
        library.dir().display(),
        problems.len()
    )
}
