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
    std::fs::write(&file, text.replace("title: Mirrored post", "title: Edited outside") + "\nA new paragraph.\n").unwrap();
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
