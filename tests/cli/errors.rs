//! Bad input: one clear line on stderr, exit 1 (2 for usage), and the library unchanged.

use crate::harness::Sandbox;

fn seeded() -> Sandbox {
    let s = Sandbox::new();
    s.ok(&["author", "add", "--name", "Only Author"]);
    s.ok(&["new", "Existing post", "--tag", "x"]);
    s
}

#[test]
fn unknown_slugs_and_authors() {
    let s = seeded();
    let before = s.state();
    for args in [
        &["show", "nope"][..],
        &["edit", "nope", "--title", "T"],
        &["history", "nope"],
        &["restore", "existing-post", "999"],
        &["trash", "nope"],
        &["export", "nope"],
        &["author", "show", "nobody"],
        &["new", "Orphan", "--author", "nobody"],
        &["edit", "existing-post", "--author", "nobody"],
        &["author", "add", "--name", "Only Author", "--slug", "only-author"],
        &["author", "add", "--name", "   "],
        &["author", "add", "--name", "X", "--social", "github"],
    ] {
        let line = s.fails(args);
        assert!(line.starts_with("byline: "), "{line}");
    }
    assert!(s.fails(&["show", "nope"]).contains("nope"));
    for args in [&["edit", "existing-post", "--status", "finished"][..], &["list", "--status", "finished"]] {
        let run = s.run(args);
        assert_eq!(run.code, 2, "a bad status is a usage error");
        assert!(run.stderr.contains("idea, draft, review, ready"), "{}", run.stderr);
    }
    assert_eq!(before, s.state(), "failed commands changed the library");
}

#[test]
fn bad_files_name_the_file_and_change_nothing() {
    let s = seeded();
    let before = s.state();
    let cases = [
        ("empty.md", b"".to_vec(), "empty"),
        ("binary.md", vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2, 0, 0], "binary"),
        ("unclosed.md", b"---\ntitle: x\nno end\n".to_vec(), "line 1"),
        ("badyaml.md", b"---\ntitle: ok\ntags: [a, b\nsummary: x\n---\nbody\n".to_vec(), "line"),
        ("dup.md", b"---\ntitle: Dup\nslug: existing-post\n---\nbody\n".to_vec(), "existing-post"),
        ("notes.rtf", b"{\\rtf1 hello}".to_vec(), "not a Markdown file"),
    ];
    for (name, bytes, expect) in cases {
        let path = s.write(name, bytes);
        let line = s.fails(&["import", path.to_str().unwrap()]);
        assert!(line.contains(name) && line.contains(expect), "{name}: {line}");
    }
    assert!(s.fails(&["import", s.path("nowhere").to_str().unwrap()]).contains("nowhere"));
    assert_eq!(before, s.state());
}

#[test]
fn unwritable_outputs_and_a_library_that_is_a_file() {
    let s = seeded();
    let line = s.fails(&["export", "existing-post", "-o", s.path("no/such/dir/x.html").to_str().unwrap()]);
    assert!(line.contains("x.html"), "{line}");
    let file = s.write("not-a-dir", "plain file");
    let run = s.run(&["--library", file.to_str().unwrap(), "list"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is a file"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2_and_help_reads_well() {
    let s = Sandbox::new();
    assert_eq!(s.run(&["frobnicate"]).code, 2);
    assert_eq!(s.run(&["new"]).code, 2);
    assert_eq!(s.run(&["export", "x", "--format", "rtf"]).code, 2);
    let help = s.run(&["help", "import"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("front matter") && help.stdout.contains("recursively"), "{}", help.stdout);
    for command in [
        "new",
        "list",
        "show",
        "edit",
        "search",
        "history",
        "restore",
        "trash",
        "untrash",
        "empty-trash",
        "author",
        "render",
        "export",
        "export-site",
        "sync",
        "watch",
        "backup",
        "check",
        "init",
    ] {
        let run = s.run(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command} --help");
    }
}
