//! Import of a file holding arbitrary bytes into a scratch library: Ok (one new draft that
//! loads) or a clean error that names the problem, never a panic; on error the library is
//! exactly as it was (import is one transaction).

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use byline_library::import::ImportOptions;
use byline_library::{Library, LibraryStats};
use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;

/// Successful imports after which the library starts afresh, so it stays small and fast.
const IMPORTS_PER_LIBRARY: usize = 200;

struct Scratch {
    library: Library,
    file: PathBuf,
    imports: usize,
    // Dropped last: removes the folder after the library has closed its database.
    _dir: TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        // tmpfs, where present, makes SQLite's fsyncs free: far more executions per second.
        let shm = Path::new("/dev/shm");
        let dir = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() };
        let dir = dir.unwrap_or_else(|e| panic!("cannot create a scratch folder: {e}"));
        let library =
            Library::open(&dir.path().join("library")).unwrap_or_else(|e| panic!("cannot open a scratch library: {e}"));
        let file = dir.path().join("post.md");
        Scratch { library, file, imports: 0, _dir: dir }
    }
}

static SCRATCH: Mutex<Option<Scratch>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let mut guard = SCRATCH.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if guard.as_ref().is_none_or(|s| s.imports >= IMPORTS_PER_LIBRARY) {
        // Drop the old library (and its folder) before the next one exists.
        *guard = None;
        *guard = Some(Scratch::new());
    }
    let Some(scratch) = guard.as_mut() else { return };
    std::fs::write(&scratch.file, data).unwrap_or_else(|e| panic!("cannot write the input file: {e}"));

    let before = fingerprint(&scratch.library);
    let file = std::slice::from_ref(&scratch.file);
    let result = scratch.library.import_paths(
        file,
        &ImportOptions { all_or_nothing: true, ..ImportOptions::default() },
        &mut |_| {},
    );
    let after = fingerprint(&scratch.library);
    match result {
        Ok(report) => {
            assert_eq!(report.drafts.len(), 1, "one file, one draft: {report:?}");
            assert_eq!(after.0.drafts, before.0.drafts + 1, "import reported a draft it did not add");
            let slug = &report.drafts[0].slug;
            if let Err(e) = scratch.library.draft(slug) {
                panic!("imported draft `{slug}` does not load: {e}");
            }
            scratch.imports += 1;
        }
        Err(e) => {
            assert!(!e.to_string().trim().is_empty(), "an import error with no message");
            assert_eq!(after, before, "a failed import changed the library ({e})");
        }
    }
});

/// What a failed import must leave untouched: the counts, and every live draft's slug and time of last change.
fn fingerprint(library: &Library) -> (LibraryStats, Vec<(String, String)>) {
    let stats = library.stats().unwrap_or_else(|e| panic!("cannot read library stats: {e}"));
    let drafts = library
        .list_drafts(&Default::default())
        .unwrap_or_else(|e| panic!("cannot list drafts: {e}"))
        .into_iter()
        .map(|d| (d.slug, d.updated.to_rfc3339()))
        .collect();
    (stats, drafts)
}
