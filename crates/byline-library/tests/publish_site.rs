//! `export_site` into a folder that already holds a site: stale pages go, the writer's own files
//! stay, a failed or interrupted export never leaves a half-written site, related lists are right.
#![allow(missing_docs, clippy::unwrap_used)]

mod common;
mod scratch_disk;

use std::path::{Path, PathBuf};

use byline_library::publish::SiteOptions;
use byline_library::{DraftChange, Library, NewDraft, SaveMode, Status};
use common::fixture;
use scratch_disk::ScratchDisk;

fn published(title: &str, tags: &[&str]) -> NewDraft {
    NewDraft {
        title: title.to_owned(),
        body: format!("Some words about {title}.\n"),
        status: Status::Published,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewDraft::default()
    }
}

fn export(lib: &Library, out: &Path) -> byline_library::Result<byline_library::publish::SiteSummary> {
    lib.export_site(out, &SiteOptions::default(), &mut |_, _| {})
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// Names beside `dir` that only an unfinished export would leave (`.<name>.byline-*`).
fn leftovers(dir: &Path) -> Vec<String> {
    let prefix = format!(".{}.byline-", dir.file_name().unwrap().to_string_lossy());
    std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix))
        .collect()
}

#[test]
fn publish_reexport_drops_unpublished_pages_and_keeps_writers_files() {
    let mut f = fixture();
    f.lib.create_draft(published("Kept Article", &["rust"])).unwrap();
    let gone = f.lib.create_draft(published("Withdrawn Article", &["rust"])).unwrap();
    let out = f.dir.path().join("public");
    export(&f.lib, &out).unwrap();
    assert!(out.join("articles/withdrawn-article/index.html").exists());
    std::fs::write(out.join("CNAME"), "blog.example.org\n").unwrap();
    std::fs::create_dir_all(out.join("downloads/empty")).unwrap();
    std::fs::write(out.join("downloads/talk.pdf"), b"%PDF").unwrap();
    std::fs::write(out.join("articles/notes.txt"), b"mine").unwrap();

    let change = DraftChange { status: Some(Status::Draft), ..DraftChange::default() };
    f.lib.update_draft(&gone.slug, change, SaveMode::Edit).unwrap();
    let summary = export(&f.lib, &out).unwrap();

    assert_eq!(summary.articles, 1);
    assert!(!out.join("articles/withdrawn-article").exists(), "an unpublished article's page must not stay online");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Kept Article") && !index.contains("Withdrawn Article"), "{index}");
    assert_eq!(std::fs::read_to_string(out.join("CNAME")).unwrap(), "blog.example.org\n");
    assert_eq!(std::fs::read(out.join("downloads/talk.pdf")).unwrap(), b"%PDF");
    assert!(out.join("downloads/empty").is_dir(), "the writer's empty folder is kept");
    assert_eq!(std::fs::read(out.join("articles/notes.txt")).unwrap(), b"mine");
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn publish_same_library_gives_byte_identical_sites() {
    let mut f = fixture();
    f.lib.create_draft(published("First Post", &["rust", "notes"])).unwrap();
    f.lib.create_draft(published("Second Post", &["notes"])).unwrap();
    let out = f.dir.path().join("site");
    export(&f.lib, &out).unwrap();
    let first = snapshot(&out);
    export(&f.lib, &out).unwrap();
    assert_eq!(first, snapshot(&out), "re-exporting an unchanged library changes nothing");
}

#[cfg(unix)]
#[test]
fn publish_failed_export_leaves_previous_site_intact_and_says_why() {
    let mut f = fixture();
    f.lib.create_draft(published("Old Article", &["rust"])).unwrap();
    let out = f.dir.path().join("site");
    export(&f.lib, &out).unwrap();
    // A socket cannot be carried into the new site: the export fails after staging every page.
    let _socket = std::os::unix::net::UnixListener::bind(out.join("server.sock")).unwrap();
    let before = snapshot(&out);
    f.lib.create_draft(published("New Article", &["rust"])).unwrap();

    let err = export(&f.lib, &out).unwrap_err().to_string();

    assert!(err.contains("server.sock") && err.contains("move it elsewhere"), "{err}");
    assert_eq!(snapshot(&out), before, "the previous site is untouched");
    assert!(!out.join("articles/new-article").exists());
    assert!(leftovers(&out).is_empty(), "the staged site is cleaned up: {:?}", leftovers(&out));
}

#[test]
fn publish_onto_a_read_only_or_full_disk_fails_clearly_and_keeps_the_previous_site() {
    let Some(disk) = ScratchDisk::mount_or_skip("export-site onto a read-only or full disk", "4m") else { return };
    let mut f = fixture();
    f.lib.create_draft(published("Old Article", &["rust"])).unwrap();
    let out = disk.path().join("site");
    export(&f.lib, &out).unwrap();
    let before = snapshot(&out);
    f.lib.create_draft(published("New Article", &["rust"])).unwrap();

    disk.set_read_only(true).unwrap();
    let err = export(&f.lib, &out).unwrap_err().to_string();
    assert!(err.contains(&out.display().to_string()) && err.contains("read-only"), "{err}");
    assert_eq!(snapshot(&out), before, "a read-only disk keeps the previous site");
    disk.set_read_only(false).unwrap();

    disk.fill();
    let err = export(&f.lib, &out).unwrap_err().to_string();
    assert!(err.contains("disk is full") && err.contains(&out.display().to_string()), "{err}");
    assert_eq!(snapshot(&out), before, "a full disk keeps the previous site");
    assert!(leftovers(&out).is_empty(), "the half-staged site is removed: {:?}", leftovers(&out));

    disk.free();
    export(&f.lib, &out).unwrap();
    assert!(out.join("articles/new-article/index.html").exists(), "the same export succeeds once there is room");
}

#[test]
fn publish_export_into_a_file_is_a_clear_error() {
    let f = fixture();
    let out = f.dir.path().join("site.html");
    std::fs::write(&out, "not a folder").unwrap();
    let err = export(&f.lib, &out).unwrap_err().to_string();
    assert!(err.contains("site.html") && err.contains("not a folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "not a folder");
}

#[test]
fn publish_into_the_folder_holding_the_library_is_refused() {
    let mut f = fixture();
    f.lib.create_draft(published("Article", &[])).unwrap();
    let err = export(&f.lib, f.dir.path()).unwrap_err().to_string();
    assert!(err.contains("holds the library") && err.contains("choose a folder outside"), "{err}");
    assert!(f.lib.dir().join(byline_library::DATABASE_FILE).exists());
    assert!(!f.dir.path().join("index.html").exists(), "nothing was written");
}

#[test]
fn publish_interrupted_swap_is_undone_by_the_next_export() {
    let mut f = fixture();
    f.lib.create_draft(published("Only Article", &[])).unwrap();
    let out = f.dir.path().join("site");
    export(&f.lib, &out).unwrap();
    std::fs::write(out.join("CNAME"), "blog.example.org\n").unwrap();
    // What a crash between the two renames leaves: the old site aside, a half-staged new one,
    // both from a process that no longer exists.
    let dead_pid = 4_000_000_000u32;
    std::fs::rename(&out, f.dir.path().join(format!(".site.byline-old-{dead_pid}"))).unwrap();
    let half = f.dir.path().join(format!(".site.byline-new-{dead_pid}"));
    std::fs::create_dir_all(half.join("articles")).unwrap();

    export(&f.lib, &out).unwrap();

    assert!(out.join("articles/only-article/index.html").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("CNAME")).unwrap(),
        "blog.example.org\n",
        "the old site came back first"
    );
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[test]
fn publish_related_articles_share_tags_and_skip_unpublished() {
    let mut f = fixture();
    f.lib.create_draft(published("Subject", &["rust", "parsing"])).unwrap();
    f.lib.create_draft(published("Both Tags", &["Rust", "parsing"])).unwrap();
    f.clock.advance_secs(60);
    f.lib.create_draft(published("Rust Newer", &["rust"])).unwrap();
    f.lib.create_draft(published("Parsing Newer", &["parsing"])).unwrap();
    f.lib.create_draft(published("Unrelated", &["cooking"])).unwrap();
    f.lib.create_draft(NewDraft { status: Status::Draft, ..published("Private Both", &["rust", "parsing"]) }).unwrap();
    let out = f.dir.path().join("site");
    export(&f.lib, &out).unwrap();

    let page = std::fs::read_to_string(out.join("articles/subject/index.html")).unwrap();
    let related = &page[page.find("class=\"related\"").expect("a related section")..];
    let order: Vec<usize> = ["Both Tags", "Parsing Newer", "Rust Newer"]
        .iter()
        .map(|title| related.find(title).unwrap_or_else(|| panic!("{title} listed")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "most shared tags first, then newest, then by slug: {order:?}");
    assert!(!related.contains("Private Both"), "a draft never shows up on a published page");
    assert!(!related.contains("Unrelated"));
}
