//! search, history, restore, render, backup, check.

use crate::harness::Sandbox;

#[test]
fn search_ranks_title_matches_first_and_escapes_snippets() {
    let s = Sandbox::new();
    let body = s.write("b.md", "Lighthouses are mentioned here once. <script>alert(1)</script>\n");
    s.ok(&["new", "Notes on keepers", "--body-file", body.to_str().unwrap()]);
    s.ok(&["new", "Lighthouses of the north coast"]);
    let hits = s.json(&["search", "lighthouses", "--json"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["slug"], "lighthouses-of-the-north-coast");
    let snippet = hits[1]["snippet_html"].as_str().unwrap();
    assert!(snippet.contains("<mark>"), "{snippet}");
    assert!(!snippet.contains("<script>"), "{snippet}");
    // Prefix matching on the last word, and syntax characters are just text.
    assert_eq!(s.json(&["search", "lightho", "--json"]).as_array().unwrap().len(), 2);
    s.ok(&["search", "c++", "\"AND(", "--json"]);
    s.ok(&["trash", "notes-on-keepers"]);
    assert_eq!(s.json(&["search", "lighthouses", "--json"]).as_array().unwrap().len(), 1, "trash is not searched");
    assert!(s.ok(&["search", "lighthouses"]).contains("lighthouses-of-the-north-coast"));
}

#[test]
fn history_and_restore_keep_everything() {
    let s = Sandbox::new();
    s.ok(&["new", "Versions"]);
    for text in ["first text", "second text", "third text"] {
        let run = s.run_with_input(&["edit", "versions", "--body-file", "-"], Some(text));
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let history = s.json(&["history", "versions", "--json"]);
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 4, "create + three explicit edits: {history:?}");
    let first_edit = history[2]["id"].as_i64().unwrap();
    s.ok(&["restore", "versions", &first_edit.to_string()]);
    assert_eq!(s.json(&["show", "versions", "--json"])["body"], "first text");
    assert_eq!(s.json(&["history", "versions", "--json"]).as_array().unwrap().len(), 5, "restore adds a revision");
    // An edit that changes nothing adds nothing.
    let run = s.run_with_input(&["edit", "versions", "--body-file", "-"], Some("first text"));
    assert_eq!(run.code, 0);
    assert_eq!(s.json(&["history", "versions", "--json"]).as_array().unwrap().len(), 5);
    assert!(s.ok(&["history", "versions"]).contains("restore"));
}

#[test]
fn render_prints_the_sanitized_fragment() {
    let s = Sandbox::new();
    let run = s.run_with_input(
        &["render"],
        Some("# Hi\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n```rust\nfn main() {}\n```\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<h1") && run.stdout.contains("data-line=\"1\""), "{}", run.stdout);
    assert!(run.stdout.contains("hl-"), "highlighted code: {}", run.stdout);
    assert!(!run.stdout.contains("javascript:") && !run.stdout.contains("onerror"), "{}", run.stdout);
    let file = s.write("x.md", "*emphasis*\n");
    assert!(s.ok(&["render", file.to_str().unwrap()]).contains("<em>emphasis</em>"));
}

#[test]
fn backup_and_check() {
    let s = Sandbox::new();
    s.ok(&["new", "Safe"]);
    let verdict = s.ok(&["check"]);
    assert!(verdict.starts_with("ok: 1 drafts"), "{verdict}");
    let backup = s.ok(&["backup"]);
    let backup = std::path::PathBuf::from(backup.trim());
    assert!(backup.exists());
    let copy = s.path("copy.db");
    s.ok(&["backup", copy.to_str().unwrap()]);
    assert!(s.fails(&["backup", copy.to_str().unwrap()]).contains("already exists"));
    // The backup is a working library.
    let restored = s.path("restored");
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(&copy, restored.join("library.db")).unwrap();
    let run = s.run(&["--library", restored.to_str().unwrap(), "show", "safe", "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn restoring_a_revision_brings_its_discuss_link_back() {
    let s = Sandbox::new();
    s.ok(&["new", "Threads"]);
    s.ok(&["edit", "threads", "--discuss-url", "https://forum.example.com/t/1"]);
    let with_link = s.json(&["history", "threads", "--json"])[0]["id"].as_i64().unwrap();
    s.ok(&["edit", "threads", "--discuss-url", "https://forum.example.com/t/2"]);
    s.ok(&["edit", "threads", "--discuss-url", ""]);
    assert_eq!(s.json(&["show", "threads", "--json"])["discuss_url"], serde_json::Value::Null);
    assert_eq!(
        s.json(&["show", "threads", "--revision", &with_link.to_string(), "--json"])["snapshot"]["discuss_url"],
        "https://forum.example.com/t/1",
        "the revision holds the link"
    );
    s.ok(&["restore", "threads", &with_link.to_string()]);
    assert_eq!(s.json(&["show", "threads", "--json"])["discuss_url"], "https://forum.example.com/t/1");
}
