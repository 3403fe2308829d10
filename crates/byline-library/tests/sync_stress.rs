//! Stress: a folder and the library edited at the same time, nothing lost.
//!
//! What counts as a version. A writer thread edits 100 files through plain `std::fs` (no Byline
//! code), 10 rounds of one edit per file (1,000 edits), alternating save styles (truncate and
//! write, write a temp file and rename it over, write in two chunks). Before it edits a file
//! again it waits until Byline has acknowledged its previous write of that file: the state
//! table records that content's hash for the file, or the file no longer holds it (Byline kept
//! it as a revision and wrote the library's text over it, or a later reconcile wrote on top).
//! A write overwritten before it was ever complete on disk is not a version anyone could see;
//! every acknowledged write is. Meanwhile the test thread edits the same drafts in the library
//! (`SaveMode::Edit`), each edit a version too.
//!
//! Afterwards every version of either side must be the draft's current text or one of its
//! revisions (read back with `history` + `revision`).

#![allow(clippy::unwrap_used)]

mod sync_support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline_library::{DraftChange, SaveMode};
use sha2::{Digest, Sha256};
use sync_support::{draft_file, library_dir, Live};

const FILES: usize = 100;
const ROUNDS: usize = 10;

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn slug(file: usize) -> String {
    format!("stress-{file:02}")
}

fn write_version(path: &Path, text: &str, style: usize) {
    match style % 3 {
        0 => std::fs::write(path, text).unwrap(),
        1 => {
            let tmp = path.with_extension("md.tmp");
            std::fs::write(&tmp, text).unwrap();
            std::fs::rename(&tmp, path).unwrap();
        }
        _ => {
            use std::io::Write;
            let mut file = std::fs::File::create(path).unwrap();
            let (head, tail) = text.split_at(text.len() / 2);
            file.write_all(head.as_bytes()).unwrap();
            file.flush().unwrap();
            file.write_all(tail.as_bytes()).unwrap();
        }
    }
}

/// The external writer: returns every version it wrote, as (slug, body).
fn external_writer(folder: PathBuf, library: PathBuf) -> Vec<(String, String)> {
    let db = rusqlite::Connection::open(library.join(byline_library::DATABASE_FILE)).unwrap();
    db.busy_timeout(Duration::from_secs(10)).unwrap();
    let mut written = Vec::new();
    for round in 0..ROUNDS {
        let mut awaiting = Vec::new();
        for file in 0..FILES {
            let body = format!("File version {round} of {}.\n", slug(file));
            let text = draft_file(&format!("Stress {file:02}"), &body);
            let path = folder.join(format!("{}.md", slug(file)));
            write_version(&path, &text, round + file);
            written.push((slug(file), body));
            awaiting.push((path, format!("{}.md", slug(file)), text));
        }
        let start = Instant::now();
        while !awaiting.is_empty() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "round {round}: {} writes never acknowledged",
                awaiting.len()
            );
            std::thread::sleep(Duration::from_millis(25));
            awaiting.retain(|(path, name, text)| {
                let recorded: Option<String> =
                    db.query_row("SELECT file_hash FROM sync_files WHERE path = ?1", [name], |row| row.get(0)).ok();
                let on_disk = std::fs::read_to_string(path).unwrap_or_default();
                recorded.as_deref() != Some(hex_sha256(text.as_bytes()).as_str()) && on_disk == *text
            });
        }
    }
    written
}

#[test]
fn a_thousand_file_edits_and_concurrent_library_edits_lose_nothing() {
    let titles: Vec<String> = (0..FILES).map(|i| format!("Stress {i:02}")).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    let mut live = Live::start(&titles);
    live.wait_for("every file", |l| (0..FILES).all(|i| l.file(&format!("{}.md", slug(i))).exists()));

    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (folder, library, done) = (live.folder.clone(), library_dir(live.root.path()), done.clone());
        std::thread::spawn(move || {
            let written = external_writer(folder, library);
            done.store(true, Ordering::SeqCst);
            written
        })
    };
    let mut library_versions = Vec::new();
    let mut k = 0;
    while !done.load(Ordering::SeqCst) {
        let target = slug((k * 37) % FILES);
        let body = format!("Library version {k} of {target}.\n");
        let change = DraftChange { body: Some(body.clone()), ..DraftChange::default() };
        live.lib.update_draft(&target, change, SaveMode::Edit).unwrap();
        library_versions.push((target, body));
        k += 1;
        std::thread::sleep(Duration::from_millis(40));
    }
    let file_versions = writer.join().unwrap();

    // Let the watch converge: every file holds its draft's current text.
    live.wait_for("the folder and the library to agree", |l| {
        (0..FILES).all(|i| l.file_text(&format!("{}.md", slug(i))).contains(l.body(&slug(i)).trim()))
    });
    live.stop();

    let mut bodies: HashMap<String, Vec<String>> = HashMap::new();
    for i in 0..FILES {
        bodies.insert(slug(i), live.every_body(&slug(i)).iter().map(|b| b.trim().to_owned()).collect());
    }
    let versions: Vec<&(String, String)> = file_versions.iter().chain(&library_versions).collect();
    let lost: Vec<_> = versions.iter().filter(|(slug, body)| !bodies[slug].contains(&body.trim().to_owned())).collect();
    println!(
        "stress: edits={} versions_found={} versions_lost={}",
        versions.len(),
        versions.len() - lost.len(),
        lost.len()
    );
    println!(
        "stress: {} file edits, {} library edits, {} conflicts kept both",
        file_versions.len(),
        library_versions.len(),
        live.report_lines().iter().filter(|l| l.contains("conflict")).count()
    );
    assert!(lost.is_empty(), "lost versions: {lost:#?}");
    assert_eq!(file_versions.len(), FILES * ROUNDS);
    assert!(live.lib.integrity_check().unwrap().is_empty());
}
