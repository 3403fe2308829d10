//! Live folder sync with real files and real notify events: every editor save style, echoes,
//! conflicts, renames and deletes, images, malformed files and the polling fallback.

#![allow(clippy::unwrap_used)]

mod sync_support;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::time::Duration;

use byline_library::folder_sync::WatchOptions;
use sync_support::{draft_file, Live};

fn pause(ms: u64) {
    std::thread::sleep(Duration::from_millis(ms));
}

/// Waits until the draft's body holds `text`, then checks no revision ever held anything but
/// the start or the final text: an intermediate state of the save was never imported.
fn assert_only_final_imported(live: &Live, slug: &str, original: &str, final_body: &str) {
    let latency = live.wait_for("the final content", |l| l.body(slug).trim() == final_body.trim());
    assert!(latency < Duration::from_secs(2), "seen after {latency:?}");
    pause(400);
    for body in live.every_body(slug) {
        let body = body.trim();
        assert!(body == original.trim() || body == final_body.trim(), "intermediate state imported: {body:?}");
    }
    assert!(live.lib.draft(slug).unwrap().trashed_at.is_none(), "the draft never went to the trash");
    assert!(!live.report_lines().iter().any(|l| l.contains("trash")), "{:?}", live.report_lines());
}

#[test]
fn rename_over_saves_like_vim_vscode_and_jetbrains_import_only_the_final_text() {
    let live = Live::start(&["Vim", "Code", "Jet"]);
    let original = "First words of Vim.\n";
    live.wait_for("the files", |l| l.file("vim.md").exists() && l.file("jet.md").exists());

    // vim (backupcopy=no): probe file, swap file, old file renamed to a backup, new file written.
    let (vim, vim_final) = (live.file("vim.md"), draft_file("Vim", "Saved by vim.\n"));
    fs::write(live.file("4913"), "").unwrap();
    fs::remove_file(live.file("4913")).unwrap();
    fs::write(live.file(".vim.md.swp"), "swap").unwrap();
    fs::rename(&vim, live.file("vim.md~")).unwrap();
    fs::write(&vim, &vim_final[..10]).unwrap();
    OpenOptions::new().append(true).open(&vim).unwrap().write_all(&vim_final.as_bytes()[10..]).unwrap();
    fs::remove_file(live.file("vim.md~")).unwrap();

    // VS Code: a `.vsctmp` sibling renamed over the file.
    let code_final = draft_file("Code", "Saved by VS Code.\n");
    fs::write(live.file("code.md.vsctmp"), &code_final).unwrap();
    fs::rename(live.file("code.md.vsctmp"), live.file("code.md")).unwrap();

    // JetBrains safe write: temp, old moved aside, temp renamed in, old deleted.
    let jet_final = draft_file("Jet", "Saved by JetBrains.\n");
    fs::write(live.file("jet.md___jb_tmp___"), &jet_final).unwrap();
    fs::rename(live.file("jet.md"), live.file("jet.md___jb_old___")).unwrap();
    fs::rename(live.file("jet.md___jb_tmp___"), live.file("jet.md")).unwrap();
    fs::remove_file(live.file("jet.md___jb_old___")).unwrap();

    assert_only_final_imported(&live, "vim", original, "Saved by vim.\n");
    assert_only_final_imported(&live, "code", "First words of Code.\n", "Saved by VS Code.\n");
    assert_only_final_imported(&live, "jet", "First words of Jet.\n", "Saved by JetBrains.\n");
    assert_eq!(live.lib.stats().unwrap().drafts, 3, "no temp file became a draft");
    pause(300);
    fs::write(live.file(".vim.md.swp"), "swap").unwrap();
    fs::remove_file(live.file(".vim.md.swp")).unwrap();
}

#[test]
fn truncate_then_write_in_chunks_with_pauses_imports_only_the_whole_file() {
    let live = Live::start(&["Chunks"]);
    live.wait_for("the file", |l| l.file("chunks.md").exists());
    let final_text = draft_file("Chunks", "One, two, three, four: the whole paragraph arrives at last.\n");
    let mut file = OpenOptions::new().write(true).truncate(true).open(live.file("chunks.md")).unwrap();
    for chunk in final_text.as_bytes().chunks(final_text.len() / 4 + 1) {
        pause(80);
        file.write_all(chunk).unwrap();
        file.flush().unwrap();
    }
    drop(file);
    assert_only_final_imported(
        &live,
        "chunks",
        "First words of Chunks.\n",
        "One, two, three, four: the whole paragraph arrives at last.\n",
    );
}

#[test]
fn delete_then_create_is_an_edit_not_a_trashing() {
    let live = Live::start(&["Phoenix"]);
    live.wait_for("the file", |l| l.file("phoenix.md").exists());
    fs::remove_file(live.file("phoenix.md")).unwrap();
    pause(60);
    fs::write(live.file("phoenix.md"), draft_file("Phoenix", "Risen again.\n")).unwrap();
    assert_only_final_imported(&live, "phoenix", "First words of Phoenix.\n", "Risen again.\n");
}

#[test]
fn own_writes_are_not_echoed_and_an_external_edit_right_after_one_is_seen() {
    let mut live = Live::start(&["Echo"]);
    live.wait_for("the file", |l| l.file("echo.md").exists());
    for (round, delay_ms) in [0u64, 150, 500, 900].into_iter().enumerate() {
        let app_text = format!("App text {round}.\n");
        live.app_edit("echo", &app_text);
        live.wait_for("the app's text in the file", |l| l.file_text("echo.md").contains(&app_text));
        pause(delay_ms);
        let outside = format!("Outside text {round}, {delay_ms} ms after the app wrote.\n");
        fs::write(live.file("echo.md"), draft_file("Echo", &outside)).unwrap();
        live.wait_for("the external edit in the library", |l| l.body("echo").trim() == outside.trim());
    }
    pause(600);
    let lines = live.report_lines();
    let imports = lines.iter().filter(|l| l.starts_with("updated from file:")).count();
    assert_eq!(imports, 4, "exactly the four external edits were imported, no echo of our own writes: {lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("conflict")), "{lines:#?}");
    live.stop();
}

#[test]
fn both_sides_changed_keeps_both_and_reports_the_conflict() {
    let mut live = Live::start(&["Clash"]);
    live.wait_for("the file", |l| l.file("clash.md").exists());
    fs::write(live.file("clash.md"), draft_file("Clash", "The file's version.\n")).unwrap();
    live.app_edit("clash", "The library's version.\n");
    live.wait_for("the conflict", |l| l.report_lines().iter().any(|line| line.contains("conflict")));
    live.wait_for("the library's text in the file", |l| l.file_text("clash.md").contains("The library's version."));
    assert_eq!(live.body("clash"), "The library's version.\n", "the library keeps its text");
    assert!(
        live.every_body("clash").iter().any(|b| b.trim() == "The file's version."),
        "the file's version is a revision"
    );
}

#[test]
fn rename_keeps_history_and_delete_moves_to_trash_then_back() {
    let live = Live::start(&["Wanderer"]);
    live.wait_for("the file", |l| l.file("wanderer.md").exists());
    fs::create_dir(live.file("essays")).unwrap();
    fs::rename(live.file("wanderer.md"), live.file("essays/wanderer.md")).unwrap();
    live.wait_for("the rename", |l| {
        l.report_lines().iter().any(|line| line.contains("renamed wanderer.md -> essays/wanderer.md"))
    });
    assert_eq!(live.lib.stats().unwrap().drafts, 1, "a move is not a new draft");
    assert!(live.lib.draft("wanderer").unwrap().trashed_at.is_none());

    let text = live.file_text("essays/wanderer.md");
    fs::remove_file(live.file("essays/wanderer.md")).unwrap();
    live.wait_for("the trash", |l| l.lib.draft("wanderer").unwrap().trashed_at.is_some());
    fs::write(live.file("essays/wanderer.md"), text.replace("First words", "Back with new words")).unwrap();
    live.wait_for("the untrash", |l| l.lib.draft("wanderer").unwrap().trashed_at.is_none());
    live.wait_for("the new text", |l| l.body("wanderer").contains("Back with new words"));
}

#[test]
fn malformed_files_are_reported_with_file_and_line_and_change_nothing() {
    let live = Live::start(&["Fragile"]);
    live.wait_for("the file", |l| l.file("fragile.md").exists());
    let before = live.every_body("fragile");
    fs::write(live.file("fragile.md"), "---\ntitle: Fragile\nstatus: [oops\n---\n\nBody.\n").unwrap();
    fs::write(live.file("latin1.md"), b"# Caf\xe9\n\nline two \xe9\n").unwrap();
    fs::write(live.file("binary.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    fs::write(live.file("empty.md"), b"").unwrap();
    live.wait_for("every problem", |l| {
        let lines = l.report_lines();
        ["fragile.md", "latin1.md", "binary.md", "empty.md"]
            .iter()
            .all(|f| lines.iter().any(|x| x.starts_with("skipped") && x.contains(f)))
    });
    let lines = live.report_lines();
    let line_of = |file: &str| lines.iter().find(|l| l.starts_with("skipped") && l.contains(file)).unwrap().clone();
    assert!(line_of("fragile.md").contains("malformed front matter: line "), "{}", line_of("fragile.md"));
    assert!(line_of("latin1.md").contains("line 1"), "{}", line_of("latin1.md"));
    assert!(line_of("binary.md").contains("binary"), "{}", line_of("binary.md"));
    assert!(line_of("empty.md").contains("empty"), "{}", line_of("empty.md"));
    pause(500);
    assert_eq!(live.every_body("fragile"), before, "the library is untouched");
    assert_eq!(live.lib.stats().unwrap().drafts, 1);
    let repeats = live.report_lines().iter().filter(|l| l.contains("binary.md")).count();
    assert_eq!(repeats, 1, "a problem is reported once, not on every pass");
}

#[test]
fn a_draft_s_images_are_written_beside_its_file_and_read_back() {
    let root = tempfile::tempdir().unwrap();
    let mut lib = byline_library::Library::open(&sync_support::library_dir(root.path())).unwrap();
    let draft = lib
        .create_draft(byline_library::NewDraft {
            title: "Pictured".into(),
            body: "![chart](pictured.assets/chart.png)\n\n![escape](../outside.png)\n".into(),
            ..Default::default()
        })
        .unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRchart".to_vec();
    let asset = lib.add_asset(&png, "chart.png").unwrap();
    lib.attach_asset(&draft.slug, "pictured.assets/chart.png", &asset.hash).unwrap();
    lib.attach_asset(&draft.slug, "../outside.png", &asset.hash).unwrap();
    let folder = root.path().join("drafts");
    let live = Live::resume(root, folder, lib, WatchOptions::default());
    live.wait_for("the image", |l| l.file("pictured.assets/chart.png").exists());
    assert_eq!(fs::read(live.file("pictured.assets/chart.png")).unwrap(), png);
    assert!(!live.root.path().join("outside.png").exists(), "nothing is written outside the folder");
    let text = live.file_text("pictured.md");
    fs::write(live.file("pictured.md"), text.replace("![chart]", "Edited outside.\n\n![chart]")).unwrap();
    live.wait_for("the edit", |l| l.body("pictured").contains("Edited outside."));
    let assets = live.lib.draft_assets("pictured").unwrap();
    assert!(assets.iter().any(|a| a.path == "pictured.assets/chart.png" && a.asset.hash == asset.hash), "{assets:?}");
}

#[test]
fn polling_fallback_is_announced_and_still_syncs() {
    let options = WatchOptions { poll_files: true, ..WatchOptions::default() };
    let live = Live::start_with(&["Polled"], options);
    let lines = live.report_lines();
    assert!(lines.iter().any(|l| l.starts_with("note:") && l.contains("every 500 ms")), "{lines:#?}");
    live.wait_for("the file", |l| l.file("polled.md").exists());
    pause(1100);
    fs::write(live.file("polled.md"), draft_file("Polled", "Seen by polling.\n")).unwrap();
    let latency = live.wait_for("the edit", |l| l.body("polled").trim() == "Seen by polling.");
    assert!(latency < Duration::from_secs(3), "{latency:?}");
}

#[test]
fn new_files_in_subfolders_become_drafts_and_temp_files_never_do() {
    let live = Live::start(&[]);
    fs::create_dir_all(live.file("notes/2026")).unwrap();
    fs::write(live.file("notes/2026/idea.md"), "# A fresh idea\n\nWritten elsewhere.\n").unwrap();
    for temp in ["#idea.md#", ".#idea.md", "idea.md~", "idea.md.swp", "idea.md.crswap", ".idea.md.byline-tmp-1"] {
        fs::write(live.file(temp), "# Not a draft\n").unwrap();
    }
    live.wait_for("the new draft", |l| l.lib.draft("a-fresh-idea").is_ok());
    pause(500);
    assert_eq!(live.lib.stats().unwrap().drafts, 1);
}
