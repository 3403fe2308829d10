//! sync: the library and a folder of .md files reconciled both ways, nothing lost.

use crate::harness::Sandbox;

#[test]
fn both_directions_renames_deletes_and_conflicts() {
    let s = Sandbox::new();
    s.ok(&["new", "Mirrored post", "--tag", "sync"]);
    let dir = s.path("folder");
    let dir_arg = dir.to_str().unwrap();
    s.ok(&["sync", dir_arg]);
    let file = dir.join("mirrored-post.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("---\n") && text.contains("title: Mirrored post"), "{text}");

    // A second sync with no changes does nothing.
    let run = s.run(&["sync", dir_arg]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));

    // An external edit becomes a revision of the draft.
    std::fs::write(&file, text.replace("title: Mirrored post", "title: Edited outside") + "\nA new paragraph.\n")
        .unwrap();
    s.ok(&["sync", dir_arg]);
    let draft = s.json(&["show", "mirrored-post", "--json"]);
    assert_eq!(draft["title"], "Edited outside");
    assert!(draft["body"].as_str().unwrap().contains("A new paragraph."));

    // A library edit is written out.
    let run = s.run_with_input(&["edit", "mirrored-post", "--body-file", "-"], Some("Library text.\n"));
    assert_eq!(run.code, 0);
    s.ok(&["sync", dir_arg]);
    assert!(std::fs::read_to_string(&file).unwrap().contains("Library text."));

    // Both sides change: the library keeps its text, the file's version is a revision.
    let run = s.run_with_input(&["edit", "mirrored-post", "--body-file", "-"], Some("Library wins.\n"));
    assert_eq!(run.code, 0);
    let on_disk = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, on_disk.replace("Library text.", "Outside text.")).unwrap();
    let run = s.run(&["sync", dir_arg]);
    assert!(run.stderr.contains("conflict"), "{}", run.stderr);
    assert_eq!(s.json(&["show", "mirrored-post", "--json"])["body"], "Library wins.\n");
    let history = s.json(&["history", "mirrored-post", "--json"]);
    let kept = history.as_array().unwrap().iter().any(|r| {
        let id = r["id"].as_i64().unwrap().to_string();
        let revision = s.json(&["show", "mirrored-post", "--revision", &id, "--json"]);
        revision["snapshot"]["body"].as_str().unwrap_or_default().contains("Outside text.")
    });
    assert!(kept, "the file's version is kept in the history: {history}");

    // A renamed file keeps its draft; a new file is a new draft; a deleted file trashes.
    std::fs::rename(&file, dir.join("renamed.md")).unwrap();
    std::fs::write(dir.join("fresh.md"), "# Fresh from the folder\n\nHello.\n").unwrap();
    let run = s.run(&["sync", dir_arg]);
    assert!(run.stderr.contains("renamed mirrored-post.md -> renamed.md"), "{}", run.stderr);
    assert!(s.json(&["show", "fresh-from-the-folder", "--json"])["body"].as_str().unwrap().contains("Hello."));
    std::fs::remove_file(dir.join("renamed.md")).unwrap();
    s.ok(&["sync", dir_arg]);
    assert!(s.json(&["show", "mirrored-post", "--json"])["trashed_at"].is_string(), "deleted file → trash");

    // Untrash brings the file back.
    s.ok(&["untrash", "mirrored-post"]);
    s.ok(&["sync", dir_arg]);
    assert!(dir.join("renamed.md").exists());
}

#[test]
fn malformed_files_are_reported_and_skipped() {
    let s = Sandbox::new();
    let dir = s.path("folder");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.md"), "---\ntitle: [oops\n---\n").unwrap();
    std::fs::write(dir.join("fine.md"), "# Fine\n").unwrap();
    let run = s.run(&["sync", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("broken.md"), "{}", run.stderr);
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 1);
}

// Review finding: a file that vanished for one scan (editor save-by-rename, git checkout) used to
// be deleted when it came back, with its new content never imported.
#[test]
fn a_file_that_comes_back_brings_its_draft_back_with_its_new_text() {
    let s = Sandbox::new();
    s.ok(&["new", "Flaky file"]);
    let dir = s.path("folder");
    let dir_arg = dir.to_str().unwrap();
    s.ok(&["sync", dir_arg]);
    let file = dir.join("flaky-file.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::rename(&file, s.path("aside.md")).unwrap();
    s.ok(&["sync", dir_arg]);
    assert!(s.json(&["show", "flaky-file", "--json"])["trashed_at"].is_string());
    std::fs::write(&file, text + "\nWritten while it was away.\n").unwrap();
    s.ok(&["sync", dir_arg]);
    assert!(file.exists(), "the returning file is kept");
    let draft = s.json(&["show", "flaky-file", "--json"]);
    assert!(draft["trashed_at"].is_null(), "the draft is back from the trash");
    assert!(draft["body"].as_str().unwrap().contains("Written while it was away."));
}

// Review finding: an unmounted or emptied folder used to trash every draft.
#[test]
fn a_folder_that_lost_every_file_changes_nothing() {
    let s = Sandbox::new();
    s.ok(&["new", "One"]);
    s.ok(&["new", "Two"]);
    let dir = s.path("folder");
    s.ok(&["sync", dir.to_str().unwrap()]);
    for name in ["one.md", "two.md"] {
        std::fs::remove_file(dir.join(name)).unwrap();
    }
    let before = s.state();
    assert!(s.fails(&["sync", dir.to_str().unwrap()]).contains("nothing was changed"));
    std::fs::remove_dir(&dir).unwrap();
    assert!(s.fails(&["sync", dir.to_str().unwrap()]).contains("missing"));
    assert_eq!(before, s.state());
}

// Review finding: `byline sync` skipped the placement rules the app applied, so it would sync the
// library's own folder (its database beside the drafts) or a folder around it.
#[test]
fn the_library_folder_or_one_around_it_is_refused_as_a_drafts_folder_and_nothing_is_written() {
    let s = Sandbox::new();
    s.ok(&["new", "Kept in the library"]);
    let before = s.state();
    let library = s.library();
    let inside = s.fails(&["sync", library.to_str().unwrap()]);
    assert!(inside.contains("inside the library folder") && inside.contains("choose a drafts folder"), "{inside}");
    let around = library.parent().unwrap();
    let holding = s.fails(&["sync", around.to_str().unwrap()]);
    assert!(holding.contains("contains the library folder"), "{holding}");
    assert!(!library.join("kept-in-the-library.md").exists(), "no draft file was written into the library");
    assert!(!around.join("kept-in-the-library.md").exists());
    assert_eq!(before, s.state());
}

// Review finding: a new draft whose `<slug>.md` name was held by another draft's file overwrote it.
#[test]
fn a_new_draft_never_takes_another_drafts_file() {
    let s = Sandbox::new();
    let dir = s.path("folder");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("hello.md"), "# Hello World\n\nOriginal words.\n").unwrap();
    s.ok(&["sync", dir.to_str().unwrap()]);
    s.ok(&["new", "Hello"]);
    s.ok(&["sync", dir.to_str().unwrap()]);
    assert!(std::fs::read_to_string(dir.join("hello.md")).unwrap().contains("Original words."));
    assert!(std::fs::read_to_string(dir.join("hello-2.md")).unwrap().contains("title: Hello\n"));
    let run = s.run(&["sync", dir.to_str().unwrap()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "a third sync has nothing to do");
}

// Review finding: after empty-trash, the destroyed draft's file was imported again.
#[test]
fn emptied_trash_stays_empty() {
    let s = Sandbox::new();
    s.ok(&["new", "Short lived"]);
    let dir = s.path("folder");
    s.ok(&["sync", dir.to_str().unwrap()]);
    s.ok(&["trash", "short-lived"]);
    s.ok(&["empty-trash"]);
    s.ok(&["sync", dir.to_str().unwrap()]);
    assert!(!dir.join("short-lived.md").exists());
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 0);
}

/// `byline watch` as a writer runs it: live both ways with `byline edit` from another process,
/// then Ctrl-C (SIGINT) ends it cleanly with exit code 0.
#[test]
fn watch_syncs_live_both_ways_and_stops_cleanly_on_ctrl_c() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let s = Sandbox::new();
    s.ok(&["new", "Live post"]);
    let dir = s.path("folder");
    let mut child = Command::new(crate::harness::byline_bin())
        .args(["watch", dir.to_str().unwrap()])
        .env("BYLINE_LIBRARY", s.library())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let wait_for = |what: &str, check: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !check() {
            assert!(start.elapsed() < Duration::from_secs(8), "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let file = dir.join("live-post.md");
    wait_for("the first sync", &|| file.exists());

    let run = s.run_with_input(&["edit", "live-post", "--body-file", "-"], Some("Edited with byline edit.\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    wait_for("the library edit in the file", &|| {
        std::fs::read_to_string(&file).unwrap_or_default().contains("Edited with byline edit.")
    });

    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Edited with byline edit.", "Edited in another editor.")).unwrap();
    wait_for("the file edit in the library", &|| {
        s.json(&["show", "live-post", "--json"])["body"]
            .as_str()
            .unwrap_or_default()
            .contains("Edited in another editor.")
    });

    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        assert!(start.elapsed() < Duration::from_secs(5), "watch did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("watching") && stderr.contains("stopped watching"), "{stderr}");
    assert!(stderr.contains("updated from file: live-post.md"), "{stderr}");
    assert!(!dir.read_dir().unwrap().any(|e| e.unwrap().file_name().to_string_lossy().contains("byline-tmp")));
}

/// A folder watch that cannot use OS notifications says so on stderr and still works.
#[test]
fn watch_tells_the_writer_when_it_falls_back_to_polling() {
    use std::process::{Command, Stdio};
    let s = Sandbox::new();
    let dir = s.path("folder");
    let child = Command::new(crate::harness::byline_bin())
        .args(["watch", dir.to_str().unwrap()])
        .env("BYLINE_LIBRARY", s.library())
        .env("BYLINE_WATCH_POLL", "1")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("note: cannot get live change notifications"), "{stderr}");
}
