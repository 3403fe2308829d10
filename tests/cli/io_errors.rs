//! A full or read-only disk through the CLI: exit 1, one line saying what happened, where and
//! what to do; the library keeps its previous text and works again once there is room.

use crate::harness::Sandbox;
use crate::scratch_disk::ScratchDisk;

const FIRST: &str = "Saved before the disk filled up.\n";

#[test]
fn a_full_disk_fails_edit_and_export_with_one_clear_line_and_keeps_the_previous_text() {
    let Some(disk) = ScratchDisk::mount_or_skip("cli full disk", "8m") else { return };
    let s = Sandbox::new();
    let library = disk.path().join("library");
    let lib = library.to_string_lossy().into_owned();
    let slug = s.run_with_input(&["--library", &lib, "new", "Harbour", "--body-file", "-"], Some(FIRST)).stdout;
    let slug = slug.trim();
    s.ok(&["--library", &lib, "list"]); // the daily automatic backup is taken before the disk fills
    disk.fill();

    let long = format!("{FIRST}{}", "Typed while the disk was full. ".repeat(3000));
    // From a file: the command may fail before it reads standard input.
    let long_file = s.write("long.md", &long).to_string_lossy().into_owned();
    let run = s.run(&["--library", &lib, "edit", slug, "--body-file", &long_file]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    assert!(run.stderr.contains("the disk is full"), "what: {}", run.stderr);
    assert!(run.stderr.contains(&library.join("library.db").display().to_string()), "where: {}", run.stderr);
    assert!(run.stderr.contains("free some space"), "what to do: {}", run.stderr);
    // Export from a library on another disk into the full one.
    let elsewhere = s.ok(&["new", "Exported"]);
    let page = disk.path().join("harbour.html");
    let line = s.fails(&["export", elsewhere.trim(), "-o", &page.to_string_lossy()]);
    assert!(line.contains("the disk is full") && line.contains("harbour.html"), "{line}");
    assert!(!page.exists(), "no partial page");

    disk.free();
    assert!(s.ok(&["--library", &lib, "check"]).starts_with("ok:"));
    let shown = s.json(&["--library", &lib, "show", slug, "--json"]);
    assert_eq!(shown["body"].as_str().unwrap(), FIRST, "the failed edit changed nothing");
    let run = s.run(&["--library", &lib, "edit", slug, "--body-file", &long_file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(s.json(&["--library", &lib, "show", slug, "--json"])["body"].as_str().unwrap(), long);
}

#[test]
fn a_read_only_disk_fails_writes_with_one_clear_line() {
    let Some(disk) = ScratchDisk::mount_or_skip("cli read-only disk", "8m") else { return };
    let s = Sandbox::new();
    let library = disk.path().join("library");
    let lib = library.to_string_lossy().into_owned();
    s.ok(&["--library", &lib, "new", "Harbour"]);
    disk.set_read_only(true).unwrap();
    let line = s.fails(&["--library", &lib, "new", "Another"]);
    disk.set_read_only(false).unwrap();
    assert!(line.contains("read-only") && line.contains(&lib), "{line}");
    assert!(line.contains("make it writable"), "{line}");
    assert!(!s.ok(&["--library", &lib, "list"]).contains("another"));
    s.ok(&["--library", &lib, "new", "Another"]);
}
