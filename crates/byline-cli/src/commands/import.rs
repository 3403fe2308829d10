//! `import PATH...`

use anyhow::{bail, Result};
use byline_library::import::{ImportOptions, ImportProgress};
use byline_library::repair::MojibakeOnImport;
use byline_library::Library;

use crate::cli::ImportArgs;
use crate::output;

/// `byline import`: prints one slug per imported draft; on stderr, each skipped file and each
/// warning with its file and line, each file that looks damaged (mojibake), created authors, and a summary line. Fails (status 1) when a
/// file was skipped, after importing the rest.
pub fn run(library: &mut Library, args: ImportArgs) -> Result<()> {
    let mojibake = if args.fix_mojibake { MojibakeOnImport::Repair } else { MojibakeOnImport::Report };
    let options = ImportOptions { encoding: args.encoding, all_or_nothing: args.all_or_nothing, mojibake };
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
    for site in &report.sites {
        eprintln!("read as a {site}");
    }
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    for damaged in &report.damaged {
        let (path, places) = (damaged.path.display(), output::count(damaged.places, "place"));
        let example = format!("e.g. “{}” → “{}”", damaged.example, damaged.example_repaired);
        if damaged.repaired {
            eprintln!("{path}: repaired mojibake: {places}, {example}");
        } else {
            eprintln!("{path}: looks like mojibake: {places}, {example}; rerun with --fix-mojibake");
        }
    }
    // One file asked for and refused: one line says why, as for any failed command.
    let refused_alone = args.paths.iter().all(|p| p.is_file()) && report.drafts.is_empty() && report.skipped.len() == 1;
    if !refused_alone {
        for skipped in &report.skipped {
            eprintln!("skipped: {skipped}");
        }
    }
    for author in &report.created_authors {
        eprintln!(
            "created author `{}` ({}); `byline author edit {}` adds a bio",
            author.slug, author.name, author.slug
        );
    }
    match report.skipped.as_slice() {
        [] => {
            eprintln!("{}", report.summary());
            Ok(())
        }
        [only] if refused_alone => bail!("{} {}", only.path.display(), only.detail()),
        _ => bail!("{}; fix the skipped files and import them again", report.summary()),
    }
}
