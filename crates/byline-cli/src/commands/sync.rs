//! `sync DIR` and `watch DIR`: the library mirrored to a folder of Markdown files.

use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use byline_library::folder_sync::{FolderWatcher, SyncReport, WatchOptions};
use byline_library::Library;

use crate::cli::SyncArgs;

/// Set by SIGINT/SIGTERM; the watch loop checks it between steps and stops cleanly.
static STOP: AtomicBool = AtomicBool::new(false);

/// `byline sync DIR`: one reconciliation, both ways.
pub fn once(library: &mut Library, args: SyncArgs) -> Result<()> {
    let report = library.sync_folder(&args.dir)?;
    print_report(&report);
    Ok(())
}

/// `byline watch DIR`: reconcile now, then live until Ctrl-C. `BYLINE_WATCH_POLL=1` polls the
/// folder instead of using OS notifications (network and FUSE file systems have none).
pub fn watch(library: &mut Library, args: SyncArgs) -> Result<()> {
    stop_on_signals();
    let options = WatchOptions {
        poll_files: std::env::var_os("BYLINE_WATCH_POLL").is_some_and(|v| v == "1"),
        ..WatchOptions::default()
    };
    let (mut watcher, first) = FolderWatcher::start(library, &args.dir, options)?;
    print_report(&first);
    eprintln!("watching {}; press Ctrl-C to stop", args.dir.display());
    watcher.run(library, &STOP, print_report)?;
    eprintln!("stopped watching {}", args.dir.display());
    Ok(())
}

fn print_report(report: &SyncReport) {
    for line in report.lines() {
        eprintln!("{line}");
    }
}

extern "C" fn request_stop(_signal: libc::c_int) {
    // Only an atomic store: the one kind of work that is safe inside a signal handler.
    STOP.store(true, Ordering::SeqCst);
}

/// Ctrl-C (and `kill`) end the watch between two steps, never in the middle of a write.
#[allow(unsafe_code)]
fn stop_on_signals() {
    let handler = request_stop as extern "C" fn(libc::c_int) as libc::sighandler_t;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler);
        libc::signal(libc::SIGTERM, handler);
    }
}
