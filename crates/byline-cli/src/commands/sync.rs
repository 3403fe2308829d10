//! `sync DIR` and `watch DIR`: the library mirrored to a folder of Markdown files.

use std::time::Duration;

use anyhow::Result;
use byline_library::folder_sync::SyncReport;
use byline_library::Library;

use crate::cli::SyncArgs;

/// `byline sync DIR`: one reconciliation, both ways.
pub fn once(library: &mut Library, args: SyncArgs) -> Result<()> {
    let report = library.sync_folder(&args.dir)?;
    print_report(&report);
    Ok(())
}

/// `byline watch DIR`: reconcile now, then again whenever either side changes.
pub fn watch(library: &mut Library, args: SyncArgs) -> Result<()> {
    let report = library.sync_folder(&args.dir)?;
    print_report(&report);
    eprintln!("watching {}; press Ctrl-C to stop", args.dir.display());
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let report = library.sync_folder(&args.dir)?;
        if !report.is_empty() {
            print_report(&report);
        }
    }
}

fn print_report(report: &SyncReport) {
    for line in report.lines() {
        eprintln!("{line}");
    }
}
