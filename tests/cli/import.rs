//! import: files, folders, front matter conventions, authors and images.

use crate::drafts::slugs;
use crate::harness::{workspace_root, Sandbox};

fn fixtures() -> std::path::PathBuf {
    workspace_root().join("tests/fixtures/import")
}

#[test]
fn imports_a_folder_of_hugo_zola_and_jekyll_posts() {
    let s = Sandbox::new();
    let run = s.run(&["import", fixtures().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(printed.len(), 4, "one slug per imported draft: {printed:?}");
    assert!(run.stderr.contains("created author `priya-natarajan`"), "{}", run.stderr);

    let bread = s.json(&["show", "sourdough-a-field-guide", "--json"]);
    assert_eq!(bread["summary"], "Notes from a year of weekend baking.");
    assert_eq!(bread["status"], "published");
    assert_eq!(bread["tags"], serde_json::json!(["baking", "notes"]));
    assert_eq!(bread["authors"][0]["name"], "Priya Natarajan");
    assert_eq!(bread["extra"]["weight"], 12, "unknown keys are kept");

    let garden = s.json(&["show", "raised-beds-on-a-budget", "--json"]);
    assert_eq!(garden["tags"], serde_json::json!(["gardening"]));
    assert_eq!(garden["extra"]["hero_colour"], "green", "{garden}");
    assert_eq!(garden["subtitle"], "Cheap timber, good soil");

    let trains = s.json(&["show", "night-trains-are-back", "--json"]);
    assert_eq!(trains["canonical_url"], "https://example.com/trains");
    assert_eq!(trains["authors"][0]["slug"], "priya-natarajan", "existing author is reused");

    let titled = s.json(&["show", "title-from-the-heading", "--json"]);
    assert_eq!(titled["title"], "Title From The Heading");
    assert_eq!(s.json(&["author", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn images_referenced_by_relative_path_enter_the_library() {
    let s = Sandbox::new();
    s.ok(&["import", fixtures().join("hugo/bread.md").to_str().unwrap()]);
    let out = s.path("bread.html");
    s.ok(&["export", "sourdough-a-field-guide", "-o", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(out).unwrap();
    assert!(html.contains("src=\"data:image/png;base64,"), "image embedded from the library");
}

#[test]
fn reimporting_gives_a_new_slug_and_title_falls_back_to_file_name() {
    let s = Sandbox::new();
    let file = s.write("notes/my_rough-notes.md", "no heading here, just words\n");
    assert_eq!(s.ok(&["import", file.to_str().unwrap()]).trim(), "my-rough-notes");
    assert_eq!(s.ok(&["import", file.to_str().unwrap()]).trim(), "my-rough-notes-2");
    assert_eq!(s.json(&["show", "my-rough-notes", "--json"])["title"], "My rough notes");
}

#[test]
fn utf16_and_legacy_encodings() {
    let s = Sandbox::new();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "# Crème brûlée\n\nSweet.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let file = s.write("utf16.md", utf16);
    assert_eq!(s.ok(&["import", file.to_str().unwrap()]).trim(), "creme-brulee");
    let latin = s.write("latin.md", b"# Caf\xE9 notes\n");
    let err = s.fails(&["import", latin.to_str().unwrap()]);
    assert!(err.contains("latin.md") && err.contains("byte offset 5") && err.contains("--encoding"), "{err}");
    let slug = s.ok(&["import", "--encoding", "windows-1252", latin.to_str().unwrap()]);
    assert_eq!(s.json(&["show", slug.trim(), "--json"])["title"], "Café notes");
}

#[test]
fn with_all_or_nothing_a_bad_file_in_a_folder_imports_nothing() {
    let s = Sandbox::new();
    s.write("batch/a-good.md", "# Good\n\ntext\n");
    s.write("batch/b-bad.md", "---\ntitle: [unclosed\n---\nbody\n");
    let before = s.state();
    let err = s.fails(&["import", "--all-or-nothing", s.path("batch").to_str().unwrap()]);
    assert!(err.contains("b-bad.md") && err.contains("line"), "{err}");
    assert_eq!(before, s.state());
    assert_eq!(slugs(&s.json(&["list", "--json"])), Vec::<String>::new());
}

// One bad post once blocked a whole blog's import.
#[test]
fn a_bad_file_in_a_folder_is_skipped_and_the_rest_imported() {
    let s = Sandbox::new();
    s.write("batch/a-good.md", "# Good\n\ntext\n");
    s.write("batch/b-bad.md", "---\ntitle: [unclosed\n---\nbody\n");
    s.write("batch/c-image.md", "# Pic\n\n![gone](missing/pic.png)\n");
    let run = s.run(&["import", s.path("batch").to_str().unwrap()]);
    assert_eq!(run.code, 1, "a skipped file fails the command, after the rest went in: {}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("skipped: ") && l.contains("b-bad.md") && l.contains("line 3")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.starts_with("warning: ") && l.contains("missing/pic.png")), "{lines:?}");
    assert_eq!(
        lines.last().copied().unwrap_or_default().split(';').next(),
        Some("byline: imported 2 (0 published), skipped 1, 1 warning")
    );
    assert_eq!(slugs(&s.json(&["list", "--json"])).len(), 2);
    let pic = s.json(&["show", "pic", "--json"]);
    assert!(pic["body"].as_str().unwrap().contains("![gone](missing/pic.png)"), "the reference is left as written");
}

// Review finding: `../` and `./` references made import refuse a folder, or exports miss images.
#[test]
fn images_outside_the_folder_and_dot_slash_references() {
    let s = Sandbox::new();
    let png = std::fs::read(workspace_root().join("drafts/images/error-chart.png")).unwrap();
    s.write("blog/shared/chart.png", &png);
    s.write("blog/posts/my photo.png", &png);
    s.write("blog/posts/scan.bmp", b"BM not an image we keep");
    let post = s.write(
        "blog/posts/post.md",
        "# Pictures\n\n![a](../shared/chart.png)\n\n![b](./my%20photo.png)\n\n![c](scan.bmp)\n",
    );
    let run = s.run(&["import", post.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("scan.bmp") && run.stderr.contains("warning"), "{}", run.stderr);
    let html = s.ok(&["export", "pictures", "-o", "-"]);
    assert_eq!(html.matches("src=\"data:image/png;base64,").count(), 2, "both images embedded");
}

#[test]
fn a_discuss_link_in_front_matter_is_imported_and_written_back() {
    let s = Sandbox::new();
    let yaml = s.write(
        "in/yaml-post.md",
        "---\ntitle: Yaml post\ndiscuss_url: https://forum.example.com/t/11\nmood: calm\n---\n\nText.\n",
    );
    let toml = s.write(
        "in/toml-post.md",
        "+++\ntitle = \"Toml post\"\ndiscuss_url = \"https://forum.example.com/t/12\"\n+++\n\nText.\n",
    );
    let relative = s.write("in/relative.md", "---\ntitle: Relative\ndiscuss_url: /forum/t/13\n---\n\nText.\n");
    for file in [&yaml, &toml, &relative] {
        s.ok(&["import", file.to_str().unwrap()]);
    }
    let yaml_draft = s.json(&["show", "yaml-post", "--json"]);
    assert_eq!(yaml_draft["discuss_url"], "https://forum.example.com/t/11");
    assert_eq!(yaml_draft["extra"], serde_json::json!({"mood": "calm"}), "not left among the unknown keys");
    let toml_draft = s.json(&["show", "toml-post", "--json"]);
    assert_eq!(toml_draft["discuss_url"], "https://forum.example.com/t/12");
    assert_eq!(toml_draft["extra"], serde_json::json!({}));
    // A relative link is no link a page can show; the file still imports and keeps it as written.
    let relative_draft = s.json(&["show", "relative", "--json"]);
    assert_eq!(relative_draft["discuss_url"], serde_json::Value::Null);
    assert_eq!(relative_draft["extra"]["discuss_url"], "/forum/t/13");

    let hugo = s.ok(&["export", "yaml-post", "--format", "hugo", "-o", "-"]);
    assert!(hugo.contains("\ndiscuss_url: https://forum.example.com/t/11\n"), "{hugo}");
    let zola = s.ok(&["export", "toml-post", "--format", "zola", "-o", "-"]);
    assert!(zola.contains("[extra]\ndiscuss_url = \"https://forum.example.com/t/12\"\n"), "{zola}");
}

#[test]
fn a_synced_file_keeps_its_discuss_link_line_until_the_writer_changes_it() {
    let s = Sandbox::new();
    let original = "---\ntitle: Synced post\ndiscuss_url: 'https://forum.example.com/t/21'  # the thread\ntags: [a]\n---\n\nText.\n";
    let file = s.write("folder/synced-post.md", original);
    let dir = s.path("folder");
    let dir_arg = dir.to_str().unwrap();
    s.ok(&["sync", dir_arg]);
    assert_eq!(s.json(&["show", "synced-post", "--json"])["discuss_url"], "https://forum.example.com/t/21");
    s.ok(&["edit", "synced-post", "--title", "Synced post"]);
    s.ok(&["sync", dir_arg]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original, "unchanged: byte for byte");

    s.ok(&["edit", "synced-post", "--discuss-url", "https://forum.example.com/t/22"]);
    s.ok(&["sync", dir_arg]);
    let written = std::fs::read_to_string(&file).unwrap();
    let changed: Vec<(&str, &str)> = original.lines().zip(written.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "only the link's line changes: {written}");
    assert!(changed[0].1.contains("https://forum.example.com/t/22"), "{written}");
    assert_eq!(original.lines().count(), written.lines().count(), "{written}");

    s.ok(&["edit", "synced-post", "--discuss-url", ""]);
    s.ok(&["sync", dir_arg]);
    let cleared = std::fs::read_to_string(&file).unwrap();
    assert!(!cleared.contains("discuss_url"), "{cleared}");
}
