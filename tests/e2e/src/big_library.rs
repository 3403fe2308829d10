//! Large libraries for the performance tests, seeded through the real CLI in one `byline
//! import` (one transaction), with the draft bodies `make bench` uses.

use std::fmt::Write as _;

use anyhow::{Context, Result};

use crate::bench_inputs::draft_body;
use crate::seed::Library;

/// Imports `count` drafts of 300 to 1,500 words, tagged and titled like the library bench's,
/// every tenth with a code block.
pub fn import_drafts(library: &Library, count: usize) -> Result<()> {
    let dir = library.scratch("bulk-drafts");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for i in 0..count {
        let words = 300 + (i * 7919) % 1_200;
        let mut text = String::new();
        let _ = write!(text, "---\ntitle: \"Draft {i}: notes\"\ntags: [topic-{}, bench]\n---\n\n", i % 40);
        text.push_str(&draft_body(i as u64, words));
        if i % 10 == 0 {
            text.push_str("```rust\nfn main() { println!(\"draft\"); }\n```\n");
        }
        let path = dir.join(format!("draft-{i:05}.md"));
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    library.byline(&["import", &dir.to_string_lossy()])?;
    Ok(())
}
