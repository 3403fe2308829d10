//! `history` and `restore`.

use anyhow::Result;
use byline_library::Library;

use crate::cli::{HistoryArgs, RestoreArgs};
use crate::output;

/// `byline history`: revisions, newest first.
pub fn list(library: &Library, args: HistoryArgs) -> Result<()> {
    let revisions = library.history(&args.slug)?;
    if args.json {
        return output::json(&revisions);
    }
    let rows: Vec<Vec<String>> = revisions
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                output::when(&r.created),
                r.word_count.to_string(),
                r.reason.clone(),
                r.title.clone(),
            ]
        })
        .collect();
    output::table(&["revision", "saved", "words", "kind", "title"], &rows)
}

/// `byline restore`: the restore is a new revision.
pub fn restore(library: &mut Library, args: RestoreArgs) -> Result<()> {
    let draft = library.restore_revision(&args.slug, args.revision)?;
    eprintln!("restored revision {} of `{}` as a new revision", args.revision, draft.slug);
    Ok(())
}
