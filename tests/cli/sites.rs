//! A writer's existing Hugo, Zola or Jekyll site: imported with its conventions, synced without
//! changing a byte it was not asked to, edited as one-line diffs, exported as the site has it.
//! The fixture sites (tests/fixtures/sites/, see MANIFEST.md there) are laid out as each
//! generator lays them out, each with one post missing an image and one with an unreadable date.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::harness::{workspace_root, Sandbox};

struct SiteCase {
    name: &'static str,
    files: usize,
    published: usize,
    sections: usize,
    bad: [&'static str; 2],
    /// A page whose title is edited, its slug, and the line that must become the only change.
    edited: &'static str,
    edited_slug: &'static str,
    new_title_line: &'static str,
}

const CASES: [SiteCase; 3] = [
    SiteCase {
        name: "hugo",
        files: 14,
        published: 13,
        sections: 2,
        bad: ["building-a-clay-oven.md", "wild-garlic-soup.md"],
        edited: "content/posts/market-day-in-lyon.md",
        edited_slug: "lyon-market",
        new_title_line: "Market Day, Revisited",
    },
    SiteCase {
        name: "zola",
        files: 13,
        published: 12,
        sections: 2,
        bad: ["cliff-path.md", "sowing-beans.md"],
        edited: "content/blog/late-frost.md",
        edited_slug: "late-frost",
        new_title_line: "Late Frost, Revisited",
    },
    SiteCase {
        name: "jekyll",
        files: 15,
        published: 12,
        sections: 0,
        bad: ["2022-03-03-benchmarking-json.md", "2022-06-10-release-checklist.md"],
        edited: "_posts/2018-01-02-tracing-a-memory-leak.md",
        edited_slug: "tracing-a-memory-leak",
        new_title_line: "Tracing a Leak, Revisited",
    },
];

/// A copy of a fixture site in the sandbox.
fn site_copy(s: &Sandbox, name: &str) -> PathBuf {
    let from = workspace_root().join("tests/fixtures/sites").join(name);
    let to = s.path(name);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    to
}

/// Every file of the site with its bytes and inode: an atomic rewrite changes the inode even
/// when it writes the same bytes.
fn snapshot(root: &Path) -> BTreeMap<String, (Vec<u8>, u64)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned();
            (relative, (std::fs::read(e.path()).unwrap(), e.metadata().unwrap().ino()))
        })
        .collect()
}

fn changed_files(before: &BTreeMap<String, (Vec<u8>, u64)>, after: &BTreeMap<String, (Vec<u8>, u64)>) -> Vec<String> {
    let names = before.keys().chain(after.keys()).collect::<std::collections::BTreeSet<_>>();
    names.into_iter().filter(|name| before.get(*name) != after.get(*name)).cloned().collect()
}

/// The lines that differ between two texts of the same length in lines.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(before.lines().count(), after.lines().count(), "same number of lines:\n{before}\n---\n{after}");
    before.lines().zip(after.lines()).filter(|(a, b)| a != b).map(|(a, b)| (a.to_owned(), b.to_owned())).collect()
}

#[test]
fn importing_a_site_imports_every_page_and_reports_the_two_bad_ones() {
    for case in &CASES {
        let s = Sandbox::new();
        let root = site_copy(&s, case.name);
        let run = s.run(&["import", root.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}: {}", case.name, run.stderr);
        assert_eq!(run.stdout.lines().count(), case.files, "{}: every page imported: {}", case.name, run.stdout);
        let warnings: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("warning: ")).collect();
        assert_eq!(warnings.len(), 2, "{}: {warnings:?}", case.name);
        for bad in case.bad {
            assert!(warnings.iter().any(|w| w.contains(bad)), "{}: {bad} reported: {warnings:?}", case.name);
        }
        assert!(warnings.iter().any(|w| w.contains("is not a date Byline can read")), "{warnings:?}");
        let summary = run.stderr.lines().last().unwrap();
        let sections = if case.sections > 0 { format!(", {} section pages", case.sections) } else { String::new() };
        assert_eq!(
            summary,
            format!("imported {} ({} published{sections}), skipped 0, 2 warnings", case.files, case.published)
        );
        let published = s.json(&["list", "--status", "published", "--json"]);
        assert_eq!(published.as_array().unwrap().len(), case.published, "{}", case.name);
        assert!(run.stderr.contains(&format!("site at {}", root.canonicalize().unwrap().display())), "{}", run.stderr);
    }
}

#[test]
fn syncing_a_site_just_read_writes_nothing_and_touches_nothing_outside_content() {
    for case in &CASES {
        let s = Sandbox::new();
        let root = site_copy(&s, case.name);
        let before = snapshot(&root);
        // First sync of a fresh library reads every page; the second finds nothing to do.
        let first = s.run(&["sync", root.to_str().unwrap()]);
        assert_eq!(first.code, 0, "{}: {}", case.name, first.stderr);
        s.ok(&["sync", root.to_str().unwrap()]);
        assert_eq!(changed_files(&before, &snapshot(&root)), Vec::<String>::new(), "{}: no byte written", case.name);
        assert_eq!(s.json(&["list", "--json"]).as_array().unwrap().len(), case.files, "{}", case.name);

        // Imported first, then bound: each draft pairs with the file it came from.
        let t = Sandbox::new();
        let root = site_copy(&t, case.name);
        let before = snapshot(&root);
        t.ok(&["import", root.to_str().unwrap()]);
        t.ok(&["sync", root.to_str().unwrap()]);
        assert_eq!(changed_files(&before, &snapshot(&root)), Vec::<String>::new(), "{}: import then sync", case.name);
    }
}

#[test]
fn editing_one_field_changes_one_line_and_editing_the_body_changes_only_the_body() {
    for case in &CASES {
        let s = Sandbox::new();
        let root = site_copy(&s, case.name);
        s.ok(&["sync", root.to_str().unwrap()]);
        let file = root.join(case.edited);
        let original = std::fs::read_to_string(&file).unwrap();
        let slug = case.edited_slug;
        let shown = s.json(&["show", slug, "--json"]);
        assert_eq!(shown["body"].as_str(), Some(body_of(&original)), "{}: the slug the site's URL uses", case.name);
        let before = snapshot(&root);

        s.ok(&["edit", slug, "--title", case.new_title_line]);
        s.ok(&["sync", root.to_str().unwrap()]);
        let after = snapshot(&root);
        assert_eq!(changed_files(&before, &after), vec![case.edited.to_owned()], "{}: only the edited file", case.name);
        let edited = std::fs::read_to_string(&file).unwrap();
        let diff = changed_lines(&original, &edited);
        assert_eq!(diff.len(), 1, "{}: one line: {diff:?}", case.name);
        assert!(diff[0].1.contains(case.new_title_line), "{}: {diff:?}", case.name);
        assert!(diff[0].1.trim_start().starts_with("title"), "{}: under the file's own key: {diff:?}", case.name);

        let body_file = s.write("body.md", "A new body, written in Byline.\n");
        s.ok(&["edit", slug, "--body-file", body_file.to_str().unwrap()]);
        s.ok(&["sync", root.to_str().unwrap()]);
        let rewritten = std::fs::read_to_string(&file).unwrap();
        let head_len = edited.len() - body_of(&edited).len();
        assert_eq!(&rewritten[..head_len], &edited[..head_len], "{}: the front matter is untouched", case.name);
        assert_eq!(&rewritten[head_len..], "A new body, written in Byline.\n", "{}", case.name);
    }
}

#[test]
fn export_in_the_sites_own_flavor_gives_the_file_back() {
    for case in &CASES {
        let s = Sandbox::new();
        let root = site_copy(&s, case.name);
        s.ok(&["import", root.to_str().unwrap()]);
        let file = root.join(case.edited);
        let original = std::fs::read_to_string(&file).unwrap();
        let exported = s.ok(&["export", case.edited_slug, "--format", case.name, "-o", "-"]);
        assert_eq!(exported, original, "{}: same keys, date text and published state", case.name);
    }
}

/// The body of a file: what follows its front matter block and one blank line.
fn body_of(text: &str) -> &str {
    let fence = &text[..3];
    let after_open = text.find('\n').unwrap() + 1;
    let close = text[after_open..].find(&format!("\n{fence}")).unwrap() + after_open + 1;
    let after_close = close + text[close..].find('\n').unwrap() + 1;
    let rest = &text[after_close..];
    rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).unwrap_or(rest)
}

#[test]
fn a_new_draft_lands_where_the_site_expects_it_in_its_dialect() {
    for (name, expected, marker) in [
        ("hugo", "content/posts/lantern-street-notes.md", "draft: true"),
        ("zola", "content/blog/lantern-street-notes.md", "draft = true"),
        ("jekyll", "_drafts/lantern-street-notes.md", "published: false"),
    ] {
        let s = Sandbox::new();
        let root = site_copy(&s, name);
        s.ok(&["sync", root.to_str().unwrap()]);
        let before = snapshot(&root);
        s.ok(&["new", "Lantern Street Notes"]);
        s.ok(&["sync", root.to_str().unwrap()]);
        let after = snapshot(&root);
        assert_eq!(changed_files(&before, &after), vec![expected.to_owned()], "{name}");
        let text = std::fs::read_to_string(root.join(expected)).unwrap();
        assert!(text.contains(marker), "{name}: the site's draft marker: {text}");
        assert!(!text.contains("status:"), "{name}: no Byline-only keys: {text}");
        // Synced again: the file it wrote is now its file, and nothing moves.
        s.ok(&["sync", root.to_str().unwrap()]);
        assert_eq!(changed_files(&after, &snapshot(&root)), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn publishing_maps_onto_each_convention() {
    // Hugo: `draft: false` becomes `draft: true` on one line, and back.
    let s = Sandbox::new();
    let root = site_copy(&s, "hugo");
    s.ok(&["sync", root.to_str().unwrap()]);
    let file = root.join("content/posts/market-day-in-lyon.md");
    let original = std::fs::read_to_string(&file).unwrap();
    s.ok(&["edit", "lyon-market", "--status", "draft"]);
    s.ok(&["sync", root.to_str().unwrap()]);
    let drafted = std::fs::read_to_string(&file).unwrap();
    assert_eq!(changed_lines(&original, &drafted), vec![("draft: false".to_owned(), "draft: true".to_owned())]);

    // Jekyll: a draft published moves from _drafts/ to _posts/ with its date in the name.
    let s = Sandbox::new();
    let root = site_copy(&s, "jekyll");
    s.ok(&["sync", root.to_str().unwrap()]);
    let draft_file = root.join("_drafts/ractor-experiments.md");
    let slug = "ractor-experiments";
    s.ok(&["edit", slug, "--status", "published"]);
    let run = s.run(&["sync", root.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!draft_file.exists(), "moved out of _drafts/: {}", run.stdout);
    let posts: Vec<String> = std::fs::read_dir(root.join("_posts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with("-ractor-experiments.md"))
        .collect();
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert!(chrono_like_date(&posts[0][..10]), "{posts:?}");
    s.ok(&["sync", root.to_str().unwrap()]);
    assert_eq!(s.json(&["show", slug, "--json"])["status"], "published", "read back as published from _posts/");
}

fn chrono_like_date(text: &str) -> bool {
    text.len() == 10
        && text.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
}
