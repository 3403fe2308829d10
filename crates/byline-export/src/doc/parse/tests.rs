//! The tree read back from real renders: what DOCX, EPUB and PDF will show.

use super::*;
use crate::doc::Inline::*;

fn render(markdown: &str) -> Document {
    let options = byline_render::RenderOptions { omit_source_lines: true, ..Default::default() };
    parse(&byline_render::render(markdown, &options).html)
}

#[test]
fn headings_keep_their_level_and_the_page_ids() {
    let doc = render("## Counting *the* cost\n\ntext");
    assert_eq!(
        doc.blocks[0],
        Block::Heading {
            level: 2,
            id: Some("bl-counting-the-cost".into()),
            content: vec![Text("Counting ".into()), Emphasis(vec![Text("the".into())]), Text(" cost".into())],
        }
    );
    assert_eq!(doc.blocks[1], Block::Paragraph(vec![Text("text".into())]));
}

#[test]
fn code_keeps_its_text_language_and_highlight_classes() {
    let source = "fn main() {\n    let x = 1 < 2;\n}\n";
    let doc = render(&format!("```rust\n{source}```\n"));
    let Block::Code(code) = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(code.language.as_deref(), Some("rust"));
    assert_eq!(code.text(), source, "entities decoded, newlines kept");
    let keyword = code.runs.iter().find(|run| run.text == "fn").expect("fn is its own run");
    assert!(keyword.classes.iter().any(|c| c.contains("hl-storage")), "{:?}", keyword.classes);
}

#[test]
fn footnotes_are_numbered_and_lose_their_back_links() {
    let doc = render("Claim[^a] and more[^b].\n\n[^a]: First note.\n[^b]: Second *note*.\n");
    let Block::Paragraph(inlines) = &doc.blocks[0] else { panic!() };
    assert!(inlines.contains(&FootnoteRef { target: "bl-fn-1".into(), number: 1 }), "{inlines:?}");
    assert!(inlines.contains(&FootnoteRef { target: "bl-fn-2".into(), number: 2 }));
    assert_eq!(doc.footnotes.len(), 2);
    assert_eq!(doc.footnotes[0].id, "bl-fn-1");
    assert_eq!(doc.footnotes[0].blocks, vec![Block::Paragraph(vec![Text("First note.".into())])]);
    assert_eq!(doc.blocks.len(), 1, "the footnote section is not a body block");
}

#[test]
fn tables_keep_header_rows_and_alignment() {
    let doc = render("| A | B |\n|:--|--:|\n| `x` | 2 |\n");
    let Block::Table(table) = &doc.blocks[0] else { panic!("{:?}", doc.blocks) };
    assert_eq!(table.columns, vec![Align::Left, Align::Right]);
    assert_eq!(table.head.len(), 1);
    assert_eq!(table.rows[0][0].content, vec![Code("x".into())]);
    assert_eq!(Inline::plain_text(&table.rows[0][1].content), "2");
}

#[test]
fn lists_tasks_quotes_and_rules() {
    let doc = render("3. three\n4. four\n\n- [x] done\n- [ ] open\n\n> quoted\n\n---\n");
    let Block::List(numbered) = &doc.blocks[0] else { panic!() };
    assert!(numbered.ordered);
    assert_eq!(numbered.start, 3);
    assert_eq!(numbered.items[1].blocks, vec![Block::Paragraph(vec![Text("four".into())])]);
    let Block::List(tasks) = &doc.blocks[1] else { panic!() };
    assert_eq!(tasks.items.iter().map(|i| i.task).collect::<Vec<_>>(), vec![Some(true), Some(false)]);
    assert_eq!(Block::Paragraph(vec![Text("done".into())]), tasks.items[0].blocks[0]);
    assert_eq!(doc.blocks[2], Block::Quote(vec![Block::Paragraph(vec![Text("quoted".into())])]));
    assert_eq!(doc.blocks[3], Block::Rule);
}

#[test]
fn links_images_and_marks() {
    let doc = render(
        "See [the *site*](https://example.org) ![a chart](https://example.org/c.png \"Chart\") ~~old~~ a  \nnew line\n",
    );
    let Block::Paragraph(inlines) = &doc.blocks[0] else { panic!() };
    assert!(inlines.contains(&Link {
        href: "https://example.org".into(),
        content: vec![Text("the ".into()), Emphasis(vec![Text("site".into())])],
    }));
    assert!(inlines.contains(&Image {
        src: "https://example.org/c.png".into(),
        alt: "a chart".into(),
        title: Some("Chart".into()),
    }));
    assert!(inlines.contains(&Strikethrough(vec![Text("old".into())])));
    assert!(inlines.contains(&LineBreak));
}

#[test]
fn raw_html_the_sanitizer_kept_still_reads() {
    let doc = render(
        "<div><p>Inside a <kbd>div</kbd></p></div>\n\n<details><summary>More</summary>\n\nHidden text\n\n</details>\n",
    );
    assert_eq!(doc.blocks[0], Block::Paragraph(vec![Text("Inside a ".into()), Code("div".into())]));
    assert!(doc.blocks.contains(&Block::Paragraph(vec![Strong(vec![Text("More".into())])])), "{:?}", doc.blocks);
    assert!(doc.blocks.contains(&Block::Paragraph(vec![Text("Hidden text".into())])));
}

#[test]
fn unbalanced_input_still_gives_a_tree() {
    let doc = parse("<p>open <em>never closed</p></em></strong><p>next");
    assert_eq!(doc.blocks.len(), 2, "{:?}", doc.blocks);
    assert_eq!(
        Inline::plain_text(match &doc.blocks[1] {
            Block::Paragraph(i) => i,
            other => panic!("{other:?}"),
        }),
        "next"
    );
}
