//! Autosaves one draft as fast as it can, printing `ack N` after save N has returned, so the
//! crash test knows what was acknowledged when it kills this process.

use std::io::Write;
use std::path::PathBuf;

use byline_library::{DraftChange, Library, NewDraft, SaveMode};

/// The body of save number `n`: long enough to span several database pages.
pub fn body(n: u64) -> String {
    format!("save {n}\n\n{}", "Words typed by a writer who trusts the app. ".repeat(200))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(start)) = (args.next(), args.next()) else {
        eprintln!("usage: byline-crash-writer LIBRARY_DIR START");
        std::process::exit(2);
    };
    let start: u64 = start.parse().unwrap_or(0);
    let mut library = match Library::open(&PathBuf::from(dir)) {
        Ok(library) => library,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    if library.draft("crash").is_err() {
        let created = library.create_draft(NewDraft {
            title: "Crash".into(),
            slug: Some("crash".into()),
            body: body(0),
            ..NewDraft::default()
        });
        if let Err(err) = created {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
    let mut out = std::io::stdout().lock();
    for n in start.. {
        // Every tenth save is an explicit checkpoint, as the app's Ctrl+S would be.
        let mode = if n % 10 == 0 { SaveMode::Checkpoint } else { SaveMode::Autosave };
        let change = DraftChange { body: Some(body(n)), ..DraftChange::default() };
        if let Err(err) = library.update_draft("crash", change, mode) {
            eprintln!("save {n} failed: {err}");
            std::process::exit(1);
        }
        if writeln!(out, "ack {n}").and_then(|()| out.flush()).is_err() {
            std::process::exit(0);
        }
    }
}
