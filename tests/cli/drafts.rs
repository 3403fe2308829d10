//! new, list, show, edit, trash, untrash, empty-trash.

use crate::harness::Sandbox;

#[test]
fn new_prints_a_slug_that_show_and_list_know() {
    let s = Sandbox::new();
    let slug = s.ok(&["new", "Hello, Wörld!", "--subtitle", "A first post", "--tag", "intro", "--tag", "meta"]);
    assert_eq!(slug.trim(), "hello-world");
    let shown = s.json(&["show", "hello-world", "--json"]);
    assert_eq!(shown["title"], "Hello, Wörld!");
    assert_eq!(shown["subtitle"], "A first post");
    assert_eq!(shown["tags"], serde_json::json!(["intro", "meta"]));
    assert_eq!(shown["status"], "draft");
    let list = s.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(s.ok(&["list"]).contains("hello-world"));
}

#[test]
fn slugs_are_unique_and_stable_across_title_changes() {
    let s = Sandbox::new();
    assert_eq!(s.ok(&["new", "Same title"]).trim(), "same-title");
    assert_eq!(s.ok(&["new", "Same title"]).trim(), "same-title-2");
    s.ok(&["edit", "same-title", "--title", "A different title"]);
    let shown = s.json(&["show", "same-title", "--json"]);
    assert_eq!(shown["title"], "A different title");
    assert_eq!(shown["slug"], "same-title");
}

#[test]
fn edit_body_from_stdin_and_file_counts_words() {
    let s = Sandbox::new();
    s.ok(&["new", "Body test"]);
    let run = s.run_with_input(&["edit", "body-test", "--body-file", "-"], Some("One two three four.\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(s.json(&["show", "body-test", "--json"])["word_count"], 4);
    let file = s.write("body.md", "# Heading\n\nFive words are in here.\n");
    s.ok(&["edit", "body-test", "--body-file", file.to_str().unwrap(), "--status", "ready"]);
    let shown = s.json(&["show", "body-test", "--json"]);
    assert_eq!(shown["status"], "ready");
    assert!(shown["body"].as_str().unwrap().contains("Five words"));
    assert!(s.ok(&["show", "body-test"]).contains("Five words are in here."));
}

#[test]
fn filters_by_status_and_tag() {
    let s = Sandbox::new();
    s.ok(&["new", "Alpha", "--tag", "rust"]);
    s.ok(&["new", "Beta", "--tag", "go", "--status", "idea"]);
    let rust: Vec<String> = slugs(&s.json(&["list", "--tag", "rust", "--json"]));
    assert_eq!(rust, ["alpha"]);
    let ideas = slugs(&s.json(&["list", "--status", "idea", "--json"]));
    assert_eq!(ideas, ["beta"]);
}

#[test]
fn trash_untrash_and_empty_trash() {
    let s = Sandbox::new();
    s.ok(&["new", "Keep me"]);
    s.ok(&["new", "Lose me"]);
    s.ok(&["trash", "lose-me"]);
    assert_eq!(slugs(&s.json(&["list", "--json"])), ["keep-me"]);
    assert_eq!(slugs(&s.json(&["list", "--trash", "--json"])), ["lose-me"]);
    s.ok(&["untrash", "lose-me"]);
    assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), 2);
    s.ok(&["trash", "lose-me"]);
    let run = s.run(&["empty-trash"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("deleted 1 draft"), "{}", run.stderr);
    assert_eq!(slugs(&s.json(&["list", "--trash", "--json"])), Vec::<String>::new());
    // A destroyed draft's slug is never handed out again silently.
    assert_eq!(s.ok(&["new", "Lose me"]).trim(), "lose-me-2");
}

#[test]
fn editing_a_trashed_draft_is_refused() {
    let s = Sandbox::new();
    s.ok(&["new", "Gone"]);
    s.ok(&["trash", "gone"]);
    let err = s.fails(&["edit", "gone", "--title", "Back"]);
    assert!(err.contains("untrash"), "{err}");
}

pub fn slugs(list: &serde_json::Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|d| d["slug"].as_str().unwrap().to_owned()).collect()
}

// Review finding: `byline list | head -1` panicked with "failed printing to stdout".
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let s = Sandbox::new();
    for n in 0..40 {
        s.ok(&["new", &format!("Post number {n}")]);
    }
    let mut child = std::process::Command::new(crate::harness::byline_bin())
        .args(["list"])
        .env("BYLINE_LIBRARY", s.library())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before byline writes
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(output.status.code(), Some(101), "no panic exit");
}

#[test]
fn the_discuss_link_is_set_shown_and_cleared() {
    let s = Sandbox::new();
    s.ok(&["new", "Talk about it"]);
    s.ok(&["edit", "talk-about-it", "--canonical-url", "https://example.com/talk/"]);
    s.ok(&["edit", "talk-about-it", "--discuss-url", " https://forum.example.com/t/42 "]);
    let shown = s.json(&["show", "talk-about-it", "--json"]);
    assert_eq!(shown["discuss_url"], "https://forum.example.com/t/42", "trimmed like other text fields");
    assert_eq!(shown["canonical_url"], "https://example.com/talk/", "the canonical URL is left alone");
    let text = s.ok(&["show", "talk-about-it"]);
    let canonical = text.find("canonical: https://example.com/talk/").expect("canonical URL shown");
    let discuss = text.find("discuss:   https://forum.example.com/t/42").expect("discuss link shown");
    assert!(canonical < discuss, "the discuss link sits under the canonical URL:\n{text}");

    s.ok(&["edit", "talk-about-it", "--title", "Talk about it, again"]);
    assert_eq!(s.json(&["show", "talk-about-it", "--json"])["discuss_url"], "https://forum.example.com/t/42");

    s.ok(&["edit", "talk-about-it", "--discuss-url", ""]);
    let shown = s.json(&["show", "talk-about-it", "--json"]);
    assert_eq!(shown["discuss_url"], serde_json::Value::Null, "an empty value clears it");
    assert!(!s.ok(&["show", "talk-about-it"]).contains("discuss:"));
}

#[test]
fn a_discuss_link_that_is_no_web_address_is_refused() {
    let s = Sandbox::new();
    s.ok(&["new", "Safe links"]);
    s.ok(&["edit", "safe-links", "--discuss-url", "https://forum.example.com/t/1"]);
    let before = s.state();
    for bad in
        ["javascript:alert(1)", "JavaScript:alert(document.cookie)", "/forum/t/1", "forum.example.com/t/1", "https://"]
    {
        let line = s.fails(&["edit", "safe-links", "--discuss-url", bad]);
        assert!(line.starts_with("byline: "), "{line}");
        assert!(line.contains("discuss_url") && line.contains("http(s)") && line.contains(bad), "{line}");
    }
    assert_eq!(before, s.state(), "a refused link changed the library");
    assert_eq!(s.json(&["show", "safe-links", "--json"])["discuss_url"], "https://forum.example.com/t/1");
}
