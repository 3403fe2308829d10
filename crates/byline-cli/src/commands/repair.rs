//! `repair SLUG [--apply]`: damaged text (mojibake) in a draft, shown, and repaired on request.

use anyhow::Result;
use byline_library::Library;

use crate::cli::RepairArgs;
use crate::output;

/// `byline repair`: one line per damaged place (`line 3: “CafÃ©” → “Café”`); with --apply the
/// repaired body is saved as a new revision. Status 0 either way: finding damage is no failure.
pub fn run(library: &mut Library, args: RepairArgs) -> Result<()> {
    let repairs = library.find_repairs(&args.slug)?;
    if repairs.is_empty() {
        eprintln!("no damaged text found in `{}`", args.slug);
        return Ok(());
    }
    for place in &repairs {
        println!("line {}: “{}” → “{}”", place.repair.line, place.word, place.word_repaired);
    }
    let places = output::count(repairs.len(), "place");
    if args.apply {
        library.repair_draft(&args.slug)?;
        eprintln!("repaired {places} in `{}`, saved as a new revision", args.slug);
    } else {
        eprintln!("{places} to repair; `byline repair {} --apply` saves them as a new revision", args.slug);
    }
    Ok(())
}
