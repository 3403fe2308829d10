//! The sample article exported to PDF and read back with real PDF tools (poppler's pdfinfo,
//! pdffonts and pdftotext, qpdf, pypdf): what a reader's viewer would see, not what we meant.

use std::path::PathBuf;
use std::process::Command;

use byline_export::{ArticleContext, AuthorContext};
use byline_pdf::{pdf, Paper, PdfOptions};
use chrono::DateTime;

#[path = "../../byline-export/tests/common/drafts.rs"]
mod drafts;

use drafts::{chart_url, draft_article};

fn sample() -> ArticleContext {
    let mara = AuthorContext {
        role: Some("Staff engineer, developer tools".into()),
        short_bio: Some("Mara builds parsers and the error messages that come with them.".into()),
        avatar_url: Some(chart_url()),
        website: Some("https://mara.example.org".into()),
        ..AuthorContext::new("mara-lindqvist", "Mara Lindqvist")
    };
    ArticleContext {
        language: "en-US".into(),
        modified: DateTime::parse_from_rfc3339("2026-09-15T18:05:00+02:00").expect("date"),
        ..draft_article("parser-error-messages.md", vec![mara, AuthorContext::new("tomas-okafor", "Tomás Okafor")])
    }
}

/// Runs a PDF tool; a missing tool (or a python3 without pypdf) fails the test with the fix,
/// unless the environment opts out.
fn tool(program: &str, args: &[&str]) -> Option<String> {
    let missing = |why: String| {
        if std::env::var_os("BYLINE_SKIP_PDF_TOOLS").is_some() {
            eprintln!("skipping {program}: {why} (BYLINE_SKIP_PDF_TOOLS is set)");
            return None;
        }
        panic!("{program} is not available ({why}): run scripts/setup-test.sh to install the PDF tools")
    };
    let output = match Command::new(program).args(args).output() {
        Ok(output) => output,
        Err(err) => return missing(err.to_string()),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains("ModuleNotFoundError") {
        return missing(stderr.trim().to_owned());
    }
    assert!(output.status.success(), "{program} {args:?} failed: {}{stderr}", String::from_utf8_lossy(&output.stdout));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn export(paper: Paper) -> (tempfile::TempDir, PathBuf) {
    let bytes = pdf(&sample(), &PdfOptions { paper }).expect("export");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("article.pdf");
    std::fs::write(&path, &bytes).expect("write pdf");
    // To look at the sample: BYLINE_PDF_KEEP=/tmp/sample.pdf cargo test -p byline-pdf
    if let Some(keep) = std::env::var_os("BYLINE_PDF_KEEP") {
        std::fs::write(keep, &bytes).expect("keep pdf");
    }
    (dir, path)
}

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines().find_map(|line| line.strip_prefix(name).and_then(|rest| rest.strip_prefix(':'))).map_or("", str::trim)
}

#[test]
fn pdfinfo_reads_the_metadata_and_a4_pages() {
    let (_dir, path) = export(Paper::A4);
    let path = path.to_str().expect("utf-8 path");
    let Some(info) = tool("pdfinfo", &[path]) else { return };
    println!("{info}");
    assert_eq!(field(&info, "Title"), "What a Small Parser Taught Me About Error Messages");
    let author = field(&info, "Author");
    assert!(author.contains("Mara Lindqvist") && author.contains("Tomás Okafor"), "{author}");
    assert_eq!(
        field(&info, "Subject"),
        "Pointing at the exact byte is cheap; explaining what to do next is the real work."
    );
    let keywords = field(&info, "Keywords");
    assert!(keywords.contains("rust") && keywords.contains("developer-experience"), "{keywords}");
    let pages: u32 = field(&info, "Pages").parse().expect("page count");
    assert!(pages >= 2, "{pages} pages");
    assert!(field(&info, "Page size").contains("(A4)"), "{info}");
}

#[test]
fn letter_paper_is_letter() {
    let (_dir, path) = export(Paper::Letter);
    let Some(info) = tool("pdfinfo", &[path.to_str().expect("utf-8 path")]) else { return };
    assert!(field(&info, "Page size").contains("612 x 792"), "{info}");
}

#[test]
fn every_font_is_embedded() {
    let (_dir, path) = export(Paper::A4);
    let Some(fonts) = tool("pdffonts", &[path.to_str().expect("utf-8 path")]) else { return };
    println!("{fonts}");
    let rows: Vec<&str> = fonts.lines().skip(2).filter(|l| !l.trim().is_empty()).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name, type (one or two words), encoding, emb, sub, uni, object, id: `emb` is fifth from the end.
        assert_eq!(columns.get(columns.len().saturating_sub(5)), Some(&"yes"), "not embedded: {row}");
    }
    assert!(fonts.contains("Libertinus") && fonts.contains("DejaVuSansMono"), "{fonts}");
}

#[test]
fn text_body_code_and_footnotes_come_out() {
    let (_dir, path) = export(Paper::A4);
    let Some(text) = tool("pdftotext", &[path.to_str().expect("utf-8 path"), "-"]) else { return };
    assert!(text.contains("What a Small Parser Taught Me"), "title");
    assert!(text.contains("three weeks to make"), "body text:\n{text}");
    assert!(text.contains("split_once"), "code text:\n{text}");
    assert!(text.contains("The categories were assigned by hand"), "footnote text:\n{text}");
    assert!(text.contains("Mara Lindqvist") && text.contains("Tomás Okafor"), "bylines");
    assert!(text.contains("Written by"), "author cards:\n{text}");
}

#[test]
fn qpdf_finds_no_structural_errors() {
    let (_dir, path) = export(Paper::A4);
    let Some(check) = tool("qpdf", &["--check", path.to_str().expect("utf-8 path")]) else { return };
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
}

#[test]
fn headings_are_bookmarks() {
    let (_dir, path) = export(Paper::A4);
    let script = "import sys, pypdf\n\
        def walk(items):\n\
        \x20   for item in items:\n\
        \x20       if isinstance(item, list): walk(item)\n\
        \x20       else: print(item.title)\n\
        walk(pypdf.PdfReader(sys.argv[1]).outline)\n";
    let Some(outline) = tool("python3", &["-c", script, path.to_str().expect("utf-8 path")]) else { return };
    for heading in ["The first version", "Counting the cost"] {
        assert!(outline.lines().any(|l| l.trim() == heading), "{heading:?} not in bookmarks:\n{outline}");
    }
}

#[test]
fn links_are_clickable() {
    let (_dir, path) = export(Paper::A4);
    let script = "import sys, pypdf\n\
        for page in pypdf.PdfReader(sys.argv[1]).pages:\n\
        \x20   for annot in page.get('/Annots') or []:\n\
        \x20       action = annot.get_object().get('/A')\n\
        \x20       if action and '/URI' in action: print(action['/URI'])\n";
    let Some(uris) = tool("python3", &["-c", script, path.to_str().expect("utf-8 path")]) else { return };
    assert!(uris.lines().any(|uri| uri == "https://mara.example.org"), "link annotations:\n{uris}");
}

#[test]
fn exports_are_byte_identical() {
    let article = sample();
    let options = PdfOptions { paper: Paper::A4 };
    let start = std::time::Instant::now();
    let first = pdf(&article, &options).expect("first export");
    let cold = start.elapsed();
    let start = std::time::Instant::now();
    let second = pdf(&article, &options).expect("second export");
    eprintln!("sample export: {cold:?} cold, {:?} with fonts cached", start.elapsed());
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == second, "two exports of one article differ");
}

#[test]
fn hostile_titles_come_out_verbatim() {
    let mut article = sample();
    article.title = "#let x = 1 *bold* $math$ @ref <label> \\".into();
    article.subtitle = Some("= not a heading - [not] a list _x_ `raw` ~ + / // /* */".into());
    article.body_html = "<p>#set page(width: 1cm) ]) } \" \\ <b>@x</b></p><p>= Heading?</p>".into();
    let bytes = pdf(&article, &PdfOptions::default()).expect("export");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    let Some(info) = tool("pdfinfo", &[path.to_str().expect("utf-8 path")]) else { return };
    assert_eq!(field(&info, "Title"), "#let x = 1 *bold* $math$ @ref <label> \\");
    let Some(text) = tool("pdftotext", &[path.to_str().expect("utf-8 path"), "-"]) else { return };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "#let x = 1 *bold* $math$ @ref <label> \\",
        "= not a heading - [not] a list _x_ `raw` ~ + / // /* */",
        "#set page(width: 1cm) ]) } \" \\ @x",
        "= Heading?",
    ] {
        assert!(flat.contains(expected), "{expected:?} not in:\n{text}");
    }
}
