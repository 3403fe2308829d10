//! Large libraries for the performance tests, seeded through the real CLI in one `byline
//! import` (one transaction), with the draft files `make bench` times the CLI on.

use anyhow::{Context, Result};

use crate::bench_inputs::{library_draft_file, library_draft_name};
use crate::seed::Library;

/// Imports the first `count` drafts of the bench library (`bench/inputs.rs`).
pub fn import_drafts(library: &Library, count: usize) -> Result<()> {
    let dir = library.scratch("bulk-drafts");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for i in 0..count {
        let path = dir.join(library_draft_name(i));
        std::fs::write(&path, library_draft_file(i)).with_context(|| format!("writing {}", path.display()))?;
    }
    library.byline(&["import", &dir.to_string_lossy()])?;
    Ok(())
}
