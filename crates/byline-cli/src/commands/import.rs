//! `import PATH...`

use anyhow::Result;
use byline_library::import::{ImportOptions, ImportProgress};
use byline_library::Library;

use crate::cli::ImportArgs;
use crate::output;

/// `byline import`: prints one slug per imported draft; reports created authors on stderr.
pub fn run(library: &mut Library, args: ImportArgs) -> Result<()> {
    let options = ImportOptions { encoding: args.encoding };
    let mut bar = None;
    let report = library.import_paths(&args.paths, &options, &mut |event| match event {
        ImportProgress::Planned(total) => bar = Some(output::progress(total, "Importing")),
        ImportProgress::Imported(_) => {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for draft in &report.drafts {
        println!("{}", draft.slug);
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for author in &report.created_authors {
        eprintln!("created author `{}` ({}); `byline author edit {}` adds a bio", author.slug, author.name, author.slug);
    }
    Ok(())
}
