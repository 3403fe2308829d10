//! The IPC shapes of import and the drafts folder, checked against what the UI is written for:
//! the TypeScript declarations (generated into `ui/ipc/bindings.ts`) must name exactly the fields
//! serde sends, including the types that serialize by hand, and the report fixture the UI's tests
//! format must be what the core serializes and prints.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use byline_library::import::{ImportIssue, ImportOptions, ImportReport, ImportedDraft};
use byline_library::Library;
use serde_json::Value;
use ts_rs::{Config, TS};

use super::{import_sources, DraftsFolder, FolderSite};
use crate::bindings::layout::object_fields;

const REPORT_FIXTURE: &str = include_str!("../../ui/src/import/reportFixture.json");

/// The field names the TypeScript declaration of `T` has.
fn declared_fields<T: TS>() -> BTreeSet<String> {
    let decl = T::decl(&Config::new());
    let fields = object_fields(&decl).unwrap_or_else(|| panic!("not an object type: {decl}"));
    fields.iter().map(|field| field.name().to_owned()).collect()
}

fn sent_fields(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap_or_else(|| panic!("not an object: {value}")).keys().cloned().collect()
}

fn issue(path: &str, line: Option<usize>, message: &str) -> ImportIssue {
    ImportIssue { path: PathBuf::from(path), line, message: message.into() }
}

fn draft(slug: &str, source: &str, images: usize, published: bool, section: bool) -> ImportedDraft {
    ImportedDraft { slug: slug.into(), source: PathBuf::from(source), images, published, section }
}

/// The report `ui/src/import/reportFixture.json` stands for, built as the core builds it.
fn fixture_report() -> ImportReport {
    let posts = "/home/ada/blog/content/posts";
    ImportReport {
        drafts: vec![
            draft("harbour-notes", &format!("{posts}/harbour-notes.md"), 1, true, false),
            draft("posts", &format!("{posts}/_index.md"), 0, true, true),
            draft("kiln-photos", &format!("{posts}/kiln-photos.md"), 0, false, false),
        ],
        created_authors: Vec::new(),
        warnings: vec![issue(
            &format!("{posts}/kiln-photos.md"),
            None,
            "refers to image `kiln.png`, which cannot be read (No such file or directory (os error 2); looked for /home/ada/blog/content/posts/kiln.png); fix the path or add the file; the reference was kept as written",
        )],
        skipped: vec![
            issue(
                &format!("{posts}/broken.md"),
                Some(3),
                "has malformed front matter: line 3: invalid YAML front matter: mapping values are not allowed in this context; fix it and import again",
            ),
            issue(&format!("{posts}/dated.md"), Some(4), "front matter: the date on this line is not a date"),
            issue(
                &format!("{posts}/again.md"),
                None,
                "asks for slug `posts`, which is already taken; change or remove `slug:` in its front matter",
            ),
        ],
        sites: vec!["Hugo site at /home/ada/blog".into()],
        damaged: Vec::new(),
    }
}

#[test]
fn the_report_fixture_the_ui_formats_is_what_the_core_sends_and_the_cli_prints() {
    let fixture: Value = serde_json::from_str(REPORT_FIXTURE).unwrap();
    let report = fixture_report();
    assert_eq!(serde_json::to_value(&report).unwrap(), fixture["report"], "reportFixture.json is stale");
    assert_eq!(fixture["summary"], report.summary());
    let text = fixture["text"].as_str().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], report.summary(), "the copied report starts with the summary line");
    // The CLI's own lines (`byline import` on stderr), word for word.
    let with = |prefix: &str| {
        lines.iter().filter(|line| line.starts_with(prefix)).map(|line| (*line).to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(with("read as a "), report.sites.iter().map(|site| format!("read as a {site}")).collect::<Vec<_>>());
    assert_eq!(with("skipped: "), report.skipped.iter().map(|issue| format!("skipped: {issue}")).collect::<Vec<_>>());
    assert_eq!(with("warning: "), report.warnings.iter().map(|issue| format!("warning: {issue}")).collect::<Vec<_>>());
}

#[test]
fn the_bindings_declare_exactly_the_fields_the_import_report_sends() {
    let report = serde_json::to_value(fixture_report()).unwrap();
    assert_eq!(declared_fields::<ImportReport>(), sent_fields(&report));
    assert_eq!(declared_fields::<ImportedDraft>(), sent_fields(&report["drafts"][0]));
    assert_eq!(declared_fields::<ImportIssue>(), sent_fields(&report["skipped"][0]));
    assert!(report["warnings"][0]["line"].is_null(), "no line crosses as null, as the bindings say");
}

#[test]
fn the_bindings_declare_exactly_the_fields_the_drafts_folder_sends() {
    let root = tempfile::tempdir().unwrap();
    let site = hugo_site(root.path());
    let folder = serde_json::to_value(DraftsFolder::of(site.join("content"))).unwrap();
    assert_eq!(declared_fields::<DraftsFolder>(), sent_fields(&folder));
    assert_eq!(declared_fields::<FolderSite>(), sent_fields(&folder["site"]));
}

#[test]
fn a_drafts_folder_in_a_site_names_the_generator_and_its_root() {
    let root = tempfile::tempdir().unwrap();
    let site = hugo_site(root.path());
    let folder = serde_json::to_value(DraftsFolder::of(site.join("content").canonicalize().unwrap())).unwrap();
    assert_eq!(folder["site"]["kind"], "Hugo");
    assert_eq!(folder["site"]["root"], site.canonicalize().unwrap().to_string_lossy().as_ref());
    let plain = root.path().join("notes");
    std::fs::create_dir(&plain).unwrap();
    assert!(serde_json::to_value(DraftsFolder::of(plain)).unwrap()["site"].is_null());
}

#[test]
fn import_refuses_an_empty_choice_and_relative_paths() {
    let none = import_sources(&[]).unwrap_err().to_string();
    assert!(none.contains("nothing to import"), "{none}");
    let relative = import_sources(&[PathBuf::from("/tmp/a.md"), PathBuf::from("posts")]).unwrap_err().to_string();
    assert!(relative.contains("`posts` is not a full path"), "{relative}");
    assert_eq!(import_sources(&[PathBuf::from("/tmp/posts")]).unwrap(), [PathBuf::from("/tmp/posts")]);
}

#[test]
fn importing_a_folder_imports_the_good_files_and_reports_the_rest_with_their_lines() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("old-blog");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("good.md"), "---\ntitle: Harbour Notes\n---\nThe harbour opens at six.\n").unwrap();
    std::fs::write(folder.join("broken.md"), "---\ntitle: Broken\nsummary: one: two\n---\nBody.\n").unwrap();
    std::fs::write(folder.join("kiln.md"), "---\ntitle: Kiln Photos\n---\n![The kiln](kiln.png)\n").unwrap();
    let mut library = Library::open(&root.path().join("library")).unwrap();
    let paths = [folder.clone()];
    let report = library.import_paths(import_sources(&paths).unwrap(), &ImportOptions::default(), &mut |_| {}).unwrap();
    let sent = serde_json::to_value(&report).unwrap();
    assert_eq!(sent["drafts"].as_array().unwrap().len(), 2, "{sent:#}");
    let skipped = &sent["skipped"][0];
    assert!(skipped["path"].as_str().unwrap().ends_with("broken.md"), "{sent:#}");
    assert_eq!(skipped["line"], 3, "the skipped file names its line: {sent:#}");
    assert!(sent["warnings"][0]["message"].as_str().unwrap().contains("kiln.png"), "{sent:#}");
}

fn hugo_site(parent: &Path) -> PathBuf {
    let site = parent.join("blog");
    std::fs::create_dir_all(site.join("content/posts")).unwrap();
    std::fs::write(site.join("hugo.toml"), "baseURL = 'https://blog.example.org/'\n").unwrap();
    site
}
