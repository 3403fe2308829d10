//! export --format pdf|docx|epub and export-book, read back by programs other than Byline:
//! poppler and qpdf for the PDF, python-docx for the DOCX, epubcheck for the EPUB.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::export::{demo_library, ARTICLE};
use crate::harness::{workspace_root, Sandbox};

/// Runs a checker; a missing one fails the test with the fix, since `make test` installs them.
fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("{program} could not run ({err}); scripts/setup-test.sh installs it"))
}

fn stdout(program: &str, args: &[&str]) -> String {
    let output = run(program, args);
    assert!(output.status.success(), "{program} {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn export(s: &Sandbox, format: &str, name: &str, extra: &[&str]) -> std::path::PathBuf {
    let out = s.path(name);
    let mut args = vec!["export", ARTICLE, "--format", format, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    assert_eq!(s.ok(&args).trim(), out.to_str().unwrap(), "prints the path it wrote");
    out
}

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines().find_map(|line| line.strip_prefix(name)).map(str::trim).unwrap_or("")
}

#[test]
fn pdf_carries_the_authors_fonts_text_footnotes_and_bookmarks() {
    let s = demo_library();
    let pdf = export(&s, "pdf", "article.pdf", &["--paper", "letter"]);
    let path = pdf.to_str().unwrap();
    let info = stdout("pdfinfo", &[path]);
    assert_eq!(field(&info, "Title:"), "What a Small Parser Taught Me About Error Messages");
    assert_eq!(field(&info, "Author:"), "Mara Lindqvist, Tomás Okafor");
    assert_eq!(field(&info, "Keywords:"), "rust, parsing, developer-experience");
    assert!(field(&info, "Page size:").starts_with("612 x 792"), "Letter as asked: {info}");

    let fonts = stdout("pdffonts", &[path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "not embedded: {row}");
    }

    let text = stdout("pdftotext", &["-layout", path, "-"]);
    for needle in
        ["three weeks to make", "split_once", "Unclosed quote", "assigned by hand", "Written by", "Staff engineer"]
    {
        assert!(text.contains(needle), "{needle:?} missing from the PDF text");
    }
    assert!(run("qpdf", &["--check", path]).status.success(), "qpdf --check");

    let outline = stdout(
        "python3",
        &["-c", "import sys, pypdf; print('\\n'.join(i.title for i in pypdf.PdfReader(sys.argv[1]).outline if not isinstance(i, list)))", path],
    );
    for heading in ["The first version", "Counting the cost", "What good messages have in common", "The result"] {
        assert!(outline.lines().any(|line| line == heading), "bookmark {heading:?} missing: {outline}");
    }
}

#[test]
fn docx_reads_back_in_python_docx_with_styles_table_footnotes_image_and_properties() {
    let s = demo_library();
    let docx = export(&s, "docx", "article.docx", &[]);
    let script = workspace_root().join("crates/byline-export/tests/docx_read.py");
    let read: Value = serde_json::from_str(&stdout("python3", &[script.to_str().unwrap(), docx.to_str().unwrap()]))
        .expect("the reader prints JSON");
    let headings: Vec<&str> = read["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["style"] == "Heading 2")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(headings.contains(&"Counting the cost") && headings.contains(&"Written by"), "{headings:?}");
    assert!(read["tables"].to_string().contains("Unclosed quote"));
    assert!(read["footnotes"][0]["text"].as_str().unwrap().starts_with("The categories were assigned by hand"));
    assert!(read["inline_shapes"].as_u64().unwrap() >= 2, "the chart and the avatar: {}", read["inline_shapes"]);
    assert_eq!(read["core"]["title"], "What a Small Parser Taught Me About Error Messages");
    assert_eq!(read["core"]["author"], "Mara Lindqvist; Tomás Okafor");
    assert_eq!(read["core"]["keywords"], "rust, parsing, developer-experience");
    assert!(read["core"]["created"].as_str().unwrap().starts_with("2026-09-14T07:30:00"), "{}", read["core"]);
}

fn epubcheck(path: &Path) {
    let checker = workspace_root().join("scripts/epubcheck");
    let output = run(checker.to_str().unwrap(), &[path.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && report.contains("No errors or warnings detected"), "{report}");
}

#[test]
fn epub_and_book_pass_epubcheck() {
    let s = demo_library();
    epubcheck(&export(&s, "epub", "article.epub", &[]));
    let book = s.path("series.epub");
    let listed = s.json(&["list", "--json"]);
    let mut slugs: Vec<&str> = listed.as_array().unwrap().iter().map(|d| d["slug"].as_str().unwrap()).collect();
    // The two-author article first: the book credits authors in order of their first chapter.
    slugs.sort_by_key(|slug| (*slug != ARTICLE, slug.to_string()));
    assert_eq!(slugs.len(), 3, "the demo library's three drafts");
    let mut args = vec!["export-book", "--title", "Tooling Notes", "-o", book.to_str().unwrap()];
    args.extend(slugs.iter().copied());
    assert_eq!(s.ok(&args).trim(), book.to_str().unwrap());
    epubcheck(&book);
    let opf = stdout("python3", &["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read([n for n in z.namelist() if n.endswith('.opf')][0]).decode())", book.to_str().unwrap()]);
    assert!(opf.contains(">Tooling Notes</dc:title>"), "{opf}");
    let mara = opf.find(">Mara Lindqvist</dc:creator>").expect("Mara is credited");
    let tomas = opf.find(">Tomás Okafor</dc:creator>").expect("Tomás is credited");
    assert!(mara < tomas, "authors in credit order");
}

#[test]
fn documents_are_byte_identical_for_the_same_library() {
    let s = demo_library();
    for format in ["pdf", "docx", "epub"] {
        let first = std::fs::read(export(&s, format, &format!("a.{format}"), &[])).unwrap();
        let second = std::fs::read(export(&s, format, &format!("b.{format}"), &[])).unwrap();
        assert!(first == second, "{format} differs between two exports of the same draft");
    }
}

#[test]
fn a_book_of_unknown_drafts_names_the_missing_one() {
    let s = demo_library();
    let out = s.path("book.epub");
    let err = s.fails(&["export-book", ARTICLE, "no-such-draft", "-o", out.to_str().unwrap()]);
    assert!(err.contains("no-such-draft"), "{err}");
    assert!(!out.exists(), "nothing is written when a chapter is missing");
}

#[test]
fn export_book_smart_sets_typography_in_every_chapter_and_leaves_the_drafts_as_typed() {
    let s = Sandbox::new();
    let quai = s.write("notes/quai.md", "---\ntitle: Le quai\nlang: fr\n---\nIl a dit \"bonsoir\" -- puis... rien.\n");
    let pier = s.write("notes/pier.md", "---\ntitle: The pier\n---\nShe said \"later\" and left...\n");
    s.ok(&["import", quai.to_str().unwrap(), pier.to_str().unwrap()]);
    let chapters = |name: &str, smart: bool| {
        let book = s.path(name);
        let mut args = vec!["export-book", "le-quai", "the-pier", "-o", book.to_str().unwrap()];
        if smart {
            args.push("--smart");
        }
        s.ok(&args);
        stdout(
            "python3",
            &[
                "-c",
                "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
                 print(''.join(z.read(n).decode() for n in sorted(z.namelist()) if n.endswith('.xhtml')))",
                book.to_str().unwrap(),
            ],
        )
    };
    let smart = chapters("smart.epub", true);
    assert!(smart.contains("Il a dit «\u{202f}bonsoir\u{202f}» – puis… rien."), "French chapter: {smart}");
    assert!(smart.contains("She said “later” and left…"), "English chapter: {smart}");
    let plain = chapters("plain.epub", false);
    assert!(!plain.contains('«') && !plain.contains('…'), "without --smart the text is as typed: {plain}");
    let stored = s.json(&["show", "le-quai", "--json"]);
    assert_eq!(stored["body"].as_str().map(|body| body.contains("\"bonsoir\" --")), Some(true), "{stored}");
}
