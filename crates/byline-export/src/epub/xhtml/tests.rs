use super::*;
use crate::doc::{parse, CodeRun, Footnote};

const PIXEL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn write(doc: &Document) -> (String, Vec<Heading>, Images) {
    let mut images = Images::default();
    let (xhtml, headings) = Writer::new("ch2-", &mut images).document(doc, &doc.blocks);
    (xhtml, headings, images)
}

fn write_html(html: &str) -> String {
    write(&parse(html)).0
}

#[test]
fn code_runs_reopen_only_the_spans_that_change() {
    let run = |text: &str, classes: &[&str]| CodeRun {
        text: text.into(),
        classes: classes.iter().map(|c| (*c).to_owned()).collect(),
    };
    let code = CodeBlock {
        language: Some("rust".into()),
        runs: vec![
            run("fn", &["hl-source hl-rust", "hl-storage"]),
            run(" ", &["hl-source hl-rust"]),
            run("a<b>", &["hl-source hl-rust", "hl-entity"]),
            run("\n", &[]),
        ],
    };
    let (xhtml, _, _) = write(&Document { blocks: vec![Block::Code(code)], footnotes: Vec::new() });
    assert_eq!(
        xhtml,
        "<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-source hl-rust\"><span class=\"hl-storage\">fn</span> \
         <span class=\"hl-entity\">a&lt;b&gt;</span></span>\n</code></pre>\n"
    );
}

#[test]
fn ids_and_fragment_links_move_under_the_prefix_and_dangling_or_relative_links_become_text() {
    let xhtml = write_html(
        "<h2 id=\"bl-intro\">Intro</h2>\
         <p><a href=\"#bl-intro\">up</a> <a href=\"#bl-nowhere\">lost</a> <a href=\"other.html\">rel</a> \
         <a href=\"https://example.org/?a=1&amp;b=2\">out</a> <a href=\"javascript:alert(1)\">js</a></p>",
    );
    assert!(xhtml.contains("<h2 id=\"ch2-bl-intro\">Intro</h2>"));
    assert!(xhtml.contains("<a href=\"#ch2-bl-intro\">up</a> lost rel"));
    assert!(xhtml.contains("<a href=\"https://example.org/?a=1&amp;b=2\">out</a> js</p>"));
}

#[test]
fn odd_ids_are_escaped_injectively() {
    assert_eq!(chapter_id("ch1-", "bl-a b"), "ch1-bl-a_20_b");
    assert_ne!(chapter_id("ch1-", "a_20_"), chapter_id("ch1-", "a b"));
    assert_eq!(chapter_id("ch1-", "bl-é"), "ch1-bl-_e9_");
}

#[test]
fn footnotes_are_epub_notes_with_a_way_back_to_their_first_reference() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![
            Inline::Text("a".into()),
            Inline::FootnoteRef { target: "bl-fn-1".into(), number: 1 },
            Inline::FootnoteRef { target: "bl-fn-1".into(), number: 1 },
            Inline::FootnoteRef { target: "bl-fn-9".into(), number: 9 },
        ])],
        footnotes: vec![Footnote {
            id: "bl-fn-1".into(),
            number: 1,
            blocks: vec![Block::Paragraph(vec![Inline::Text("Note.".into())])],
        }],
    };
    let (xhtml, _, _) = write(&doc);
    assert!(xhtml.contains("<sup><a epub:type=\"noteref\" id=\"ch2-ref-1\" href=\"#ch2-bl-fn-1\">1</a></sup>"));
    assert!(xhtml.contains("id=\"ch2-ref-2\""), "a second reference has its own id");
    assert!(xhtml.contains("<sup>9</sup>"), "a reference to no note is just its number");
    assert!(xhtml.contains(
        "<aside epub:type=\"footnote\" id=\"ch2-bl-fn-1\">\n<p><a class=\"note-number\" href=\"#ch2-ref-1\">1.</a> Note.</p>"
    ));
}

#[test]
fn embedded_images_become_files_and_remote_ones_their_alt_text() {
    let doc = Document {
        blocks: vec![
            Block::Paragraph(vec![Inline::Image { src: PIXEL.into(), alt: "dot".into(), title: Some("A dot".into()) }]),
            Block::Paragraph(vec![
                Inline::Image { src: "https://example.org/x.png".into(), alt: "remote <x>".into(), title: None },
                Inline::Image { src: PIXEL.into(), alt: "again".into(), title: None },
            ]),
        ],
        footnotes: Vec::new(),
    };
    let (xhtml, _, images) = write(&doc);
    assert!(
        xhtml.contains("<figure><img src=\"images/image-1.png\" alt=\"dot\"/><figcaption>A dot</figcaption></figure>")
    );
    assert!(xhtml.contains("<p>remote &lt;x&gt;<img src=\"images/image-1.png\" alt=\"again\"/></p>"));
    assert_eq!(images.files().len(), 1);
}

#[test]
fn no_link_inside_a_link() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![Inline::Link {
            href: "https://a.example/".into(),
            content: vec![
                Inline::Link { href: "https://b.example/".into(), content: vec![Inline::Text("inner".into())] },
                Inline::FootnoteRef { target: "bl-fn-1".into(), number: 1 },
            ],
        }])],
        footnotes: vec![Footnote { id: "bl-fn-1".into(), number: 1, blocks: Vec::new() }],
    };
    let (xhtml, _, _) = write(&doc);
    assert!(xhtml.starts_with("<p><a href=\"https://a.example/\">inner<sup>1</sup></a></p>"), "{xhtml}");
    assert!(xhtml.contains("<p><span class=\"note-number\">1.</span> </p>"), "a note with no way back");
}

#[test]
fn tables_lists_and_headings() {
    let xhtml = write_html(
        "<table><thead><tr><th class=\"align-right\">n</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\
         <ol start=\"3\"><li>three</li></ol>\
         <ul><li><input type=\"checkbox\" checked disabled> done</li></ul>\
         <h3 id=\"bl-x\"><em>Deep</em> one</h3><h4></h4>",
    );
    assert!(xhtml.contains("<thead>\n<tr><th class=\"align-right\">n</th></tr>\n</thead>"));
    assert!(xhtml.contains("<ol start=\"3\">\n<li>three</li>"));
    assert!(xhtml.contains("<ul class=\"tasks\">\n<li><span class=\"task\" title=\"done\">\u{2611}</span> done</li>"));
    let (_, headings, _) = write(&parse("<h3 id=\"bl-x\"><em>Deep</em> one</h3><h4 id=\"bl-y\"></h4>"));
    assert_eq!(headings, [Heading { level: 3, id: "ch2-bl-x".into(), text: "Deep one".into() }]);
}

#[test]
fn empty_and_junk_input_writes_nothing_broken() {
    assert_eq!(write_html(""), "");
    let xhtml = write_html("<p>a</b></i><ul><li></ul>\u{0}<h9>x</h9>&");
    assert!(!xhtml.contains('\u{0}'));
    assert!(!xhtml.contains("&</"));
}
