//! What a writer sees in Word, checked on the package's XML: styles, numbering, footnotes,
//! links, pictures and properties, and odd input that must still give a well-formed file.

use std::collections::BTreeMap;
use std::io::Read;

use chrono::DateTime;

use super::*;
use crate::AuthorContext;

/// A 1×1 PNG.
const PIXEL: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn render(markdown: &str) -> String {
    let chart = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../drafts/images/error-chart.png");
    let chart = std::fs::read(chart).unwrap();
    let chart =
        format!("data:image/png;base64,{}", base64::Engine::encode(&base64::engine::general_purpose::STANDARD, chart));
    let resolve = move |url: &str| match url {
        "chart.png" => Some(chart.clone()),
        "pixel.png" => Some(PIXEL.to_owned()),
        "vector.svg" => Some("data:image/svg+xml;base64,PHN2Zy8+".to_owned()),
        _ => None,
    };
    let options =
        byline_render::RenderOptions { omit_source_lines: true, resolve_url: Some(&resolve), ..Default::default() };
    byline_render::render(markdown, &options).html
}

fn author(name: &str) -> AuthorContext {
    AuthorContext::new(&name.to_lowercase(), name)
}

fn article(markdown: &str) -> ArticleContext {
    ArticleContext {
        slug: "a".into(),
        title: "A title".into(),
        subtitle: None,
        description: "What it is about".into(),
        language: "en".into(),
        canonical_url: None,
        cover_image: None,
        published: None,
        modified: DateTime::parse_from_rfc3339("2026-05-01T10:00:00+02:00").unwrap(),
        tags: Vec::new(),
        authors: vec![author("Ann")],
        body_html: render(markdown),
        toc: Vec::new(),
        word_count: 3,
        reading_minutes: 1,
        related: Vec::new(),
        discuss_url: None,
    }
}

/// The package's entries by name, as text (media as lossy text; tests only look at their names).
fn unpack(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for at in 0..archive.len() {
        let mut entry = archive.by_index(at).unwrap();
        let mut contents = Vec::new();
        entry.read_to_end(&mut contents).unwrap();
        parts.insert(entry.name().unwrap().to_string(), String::from_utf8_lossy(&contents).into_owned());
    }
    parts
}

fn export(article: &ArticleContext) -> BTreeMap<String, String> {
    let parts = unpack(&docx(article).unwrap());
    for (name, xml) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            assert_balanced(name, xml);
        }
    }
    parts
}

fn body_of(markdown: &str) -> String {
    export(&article(markdown))["word/document.xml"].clone()
}

/// Every start tag has its end tag, in order: what a reader's XML parser checks first.
fn assert_balanced(name: &str, xml: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find('<') {
        let end = rest[at..].find('>').map(|e| at + e).unwrap_or_else(|| panic!("{name}: unclosed tag"));
        let tag = &rest[at + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.ends_with('/') {
            continue;
        }
        if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(closing), "{name}: </{closing}> closes the wrong element");
        } else {
            open.push(tag.split_whitespace().next().unwrap_or_default());
        }
    }
    assert!(open.is_empty(), "{name}: {open:?} never closed");
}

#[test]
fn headings_are_words_own_so_the_navigation_pane_lists_them() {
    let parts = export(&article("## Counting the cost\n\n###### Fine print\n"));
    let styles = &parts["word/styles.xml"];
    for level in 1..=6 {
        let style = format!("w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>");
        assert!(styles.contains(&style), "{style}");
        assert!(styles.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", level - 1)));
    }
    let body = &parts["word/document.xml"];
    assert!(body.contains("<w:pStyle w:val=\"Heading2\"/>"), "{body}");
    assert!(body.contains("<w:pStyle w:val=\"Heading6\"/>"));
    assert!(body.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">A title</w:t>"));
}

#[test]
fn a_leading_h1_repeating_the_title_is_not_shown_twice() {
    let body = body_of("# A title\n\nText\n\n# Another part\n");
    assert_eq!(body.matches("A title").count(), 1, "{body}");
    assert!(body.contains("<w:pStyle w:val=\"Heading1\"/>"), "a later h1 stays");
}

#[test]
fn fragment_links_land_on_the_headings_bookmark() {
    let parts = export(&article("## Counting the cost\n\nSee [above](#counting-the-cost) and [nowhere](#gone).\n"));
    let body = &parts["word/document.xml"];
    assert!(body.contains("<w:bookmarkStart w:id=\"1\" w:name=\"bl_counting_the_cost\"/>"), "{body}");
    assert!(body.contains("<w:bookmarkEnd w:id=\"1\"/>"));
    assert!(body.contains("<w:hyperlink w:anchor=\"bl_counting_the_cost\" w:history=\"1\">"));
    assert!(!body.contains("gone") && body.contains("nowhere"), "a dead fragment stays as text");
}

#[test]
fn web_links_are_external_relationships() {
    let parts = export(&article("Read [the *docs*](https://example.org/a?b=1&c=2).\n"));
    let rels = &parts["word/_rels/document.xml.rels"];
    assert!(rels.contains("Target=\"https://example.org/a?b=1&amp;c=2\" TargetMode=\"External\""), "{rels}");
    let body = &parts["word/document.xml"];
    let link = &body[body.find("<w:hyperlink r:id=\"rId5\"").expect("linked through rId5")..];
    assert!(link.contains("<w:rStyle w:val=\"Hyperlink\"/><w:i/>"), "marks inside the link kept: {link}");
}

#[test]
fn each_numbered_list_starts_at_its_own_number() {
    let parts = export(&article("3. three\n4. four\n\nBreak.\n\n1. one\n   - nested\n"));
    let numbering = &parts["word/numbering.xml"];
    assert!(numbering.contains("<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/>"), "{numbering}");
    assert!(numbering.contains(
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
    ));
    assert!(
        numbering.contains("<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\">"),
        "the nested bullets"
    );
    let body = &parts["word/document.xml"];
    assert_eq!(body.matches("<w:numId w:val=\"1\"/>").count(), 2);
    assert!(body.contains("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr>"), "{body}");
}

#[test]
fn task_items_show_their_box_and_no_bullet() {
    let body = body_of("- [x] done\n- [ ] open\n");
    assert!(body.contains("\u{2612} </w:t></w:r><w:r><w:t xml:space=\"preserve\">done"), "{body}");
    assert!(body.contains("\u{2610} "));
    assert!(!body.contains("<w:numPr>"), "{body}");
}

#[test]
fn code_keeps_its_lines_indentation_and_theme_colours() {
    let parts = export(&article("```rust\nfn main() {\n\tlet  x = \"<1>\";\n}\n```\n\nSay `x < y` here.\n"));
    let body = &parts["word/document.xml"];
    let code = &body[body.find("<w:pStyle w:val=\"SourceCode\"/>").expect("a code paragraph")..];
    let code = &code[..code.find("</w:p>").unwrap()];
    assert_eq!(code.matches("<w:br/>").count(), 2, "three lines, no trailing break: {code}");
    assert!(code.contains("<w:tab/>"));
    assert!(code.contains("<w:t xml:space=\"preserve\">  x </w:t>") || code.contains("  x"), "{code}");
    assert!(code.contains("&lt;1&gt;"));
    let keyword = byline_render::code_style(
        byline_render::CodeTheme::Light,
        &["hl-source hl-rust", "hl-storage hl-type hl-rust"],
    );
    let [r, g, b] = keyword.color;
    assert!(
        code.contains(&format!("<w:color w:val=\"{r:02X}{g:02X}{b:02X}\"/></w:rPr><w:t xml:space=\"preserve\">fn<")),
        "{code}"
    );
    assert!(body.contains("<w:rStyle w:val=\"VerbatimChar\"/></w:rPr><w:t xml:space=\"preserve\">x &lt; y</w:t>"));
    let [r, g, b] = byline_render::code_background(byline_render::CodeTheme::Light);
    let styles = &parts["word/styles.xml"];
    assert!(styles.contains(&format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{r:02X}{g:02X}{b:02X}\"/>")));
    assert!(styles.contains("w:styleId=\"VerbatimChar\""));
}

#[test]
fn footnotes_are_word_footnotes_with_the_separators_word_writes() {
    let parts = export(&article(
        "Claim[^a] and [^b].\n\n[^a]: First *note*, see [it](https://example.org/n).\n[^b]: Second.\n",
    ));
    let notes = &parts["word/footnotes.xml"];
    assert!(notes.contains("<w:footnote w:type=\"separator\" w:id=\"-1\">"), "{notes}");
    assert!(notes.contains("<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"));
    assert!(notes.contains("<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"));
    assert!(notes.contains("<w:footnote w:id=\"2\">"));
    let note_rels = &parts["word/_rels/footnotes.xml.rels"];
    assert!(note_rels.contains("https://example.org/n"), "a footnote's link is the footnote part's own");
    let body = &parts["word/document.xml"];
    assert!(body.contains("<w:footnoteReference w:id=\"1\"/>") && body.contains("<w:footnoteReference w:id=\"2\"/>"));
    assert!(parts["word/settings.xml"]
        .contains("<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"));
}

#[test]
fn tables_have_a_header_row_alignment_and_borders() {
    let parts = export(&article("| A | B | C |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n| D |\n|---|\n| 4 |\n"));
    let body = &parts["word/document.xml"];
    assert_eq!(body.matches("<w:tbl>").count(), 2);
    assert!(body.contains("<w:tr><w:trPr><w:tblHeader/></w:trPr>"));
    assert!(body.contains("<w:jc w:val=\"center\"/>") && body.contains("<w:jc w:val=\"right\"/>"));
    assert!(!body.contains("</w:tbl><w:tbl>"), "two tables in a row stay two tables");
    assert!(parts["word/styles.xml"].contains("<w:insideV w:val=\"single\""));
}

#[test]
fn pictures_are_embedded_at_their_size_and_others_read_as_alt_text() {
    let parts = export(&article(
        "![Chart](chart.png \"Failures\")\n\n![Chart again](chart.png) ![Remote](https://example.org/r.png) ![](vector.svg)\n",
    ));
    let media: Vec<&String> = parts.keys().filter(|name| name.starts_with("word/media/")).collect();
    assert_eq!(media, ["word/media/image1.png"], "one file for the same picture twice");
    assert!(parts["[Content_Types].xml"].contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"));
    let body = &parts["word/document.xml"];
    assert_eq!(body.matches("<wp:extent cx=\"762000\" cy=\"609600\"/>").count(), 2, "80x64 px at 96 dpi");
    assert!(body.contains("<wp:docPr id=\"1\" name=\"Picture 1\" descr=\"Chart\"/>"));
    assert!(body.contains("<wp:docPr id=\"2\""), "drawing ids are unique");
    assert!(body.contains("<w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Failures"));
    assert!(body.contains("[Image: Remote]"));
    assert!(body.contains("[Image]"), "an SVG Word cannot show without a fallback");
}

#[test]
fn quotes_rules_and_marks() {
    let body = body_of("> quoted\n>\n> > deeper\n\n---\n\n~~old~~ <mark>hot</mark> H<sub>2</sub>O x<sup>2</sup>\n");
    assert!(body.contains("<w:pStyle w:val=\"Quote\"/><w:ind w:left=\"720\"/>"), "{body}");
    assert!(body.contains("<w:pStyle w:val=\"Quote\"/><w:ind w:left=\"1440\"/>"));
    assert!(body.contains("<w:pBdr><w:bottom "));
    assert!(body.contains("<w:strike/></w:rPr><w:t xml:space=\"preserve\">old"));
    assert!(body.contains("<w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">hot"));
    assert!(body.contains("<w:vertAlign w:val=\"subscript\"/></w:rPr><w:t xml:space=\"preserve\">2"));
}

#[test]
fn written_by_shows_each_author_with_one_avatar_file() {
    let mut article = article("Text.\n");
    let card = |name: &str| AuthorContext {
        role: Some("Editor".into()),
        short_bio: Some(format!("{name} edits.")),
        bio_html: Some(render("Likes **bold** claims.")),
        avatar_url: Some(PIXEL.into()),
        website: Some(format!("https://{}.example.org/", name.to_lowercase())),
        ..author(name)
    };
    article.authors = vec![card("Ann"), card("Bo")];
    let parts = export(&article);
    let body = &parts["word/document.xml"];
    let written_by = &body[body.find(">Written by<").expect("a Written by heading")..];
    assert!(written_by.contains("<w:pStyle w:val=\"Heading3\"/>"));
    assert!(
        written_by.contains(">Bo edits.<") && written_by.contains("<w:b/></w:rPr><w:t xml:space=\"preserve\">bold")
    );
    assert_eq!(written_by.matches("<wp:extent cx=\"914400\" cy=\"914400\"/>").count(), 2, "an inch square each");
    assert_eq!(parts.keys().filter(|name| name.starts_with("word/media/")).count(), 1);
    assert!(body.contains(">By <") && body.contains(">Ann<") && body.contains(" and "));
}

#[test]
fn core_properties_carry_the_articles_metadata() {
    let mut article = article("Text.\n");
    article.authors.push(author("Bo & Co"));
    article.tags = vec!["rust".into(), "docs".into()];
    let core = &export(&article)["docProps/core.xml"];
    assert!(core.contains("<dc:title>A title</dc:title>"));
    assert!(core.contains("<dc:creator>Ann; Bo &amp; Co</dc:creator>"));
    assert!(core.contains("<dc:subject>What it is about</dc:subject>"), "no subtitle: the description");
    assert!(core.contains("<cp:keywords>rust, docs</cp:keywords>"));
    assert!(core.contains("<dc:language>en</dc:language>"));
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-05-01T08:00:00Z</dcterms:created>"),
        "unpublished: created is the last change, in UTC: {core}"
    );
    assert!(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-05-01T08:00:00Z</dcterms:modified>"));
}

#[test]
fn odd_articles_still_give_well_formed_packages() {
    let wide_row = format!("|{}\n|{}\n", " h |".repeat(40), "---|".repeat(40));
    let tall_table = format!("{wide_row}{}", "| x |\n".repeat(300));
    let deep_list: String = (0..12).map(|depth| format!("{}- level {depth}\n", "  ".repeat(depth))).collect();
    let broken_png = "data:image/png;base64,iVBORw0KGgo=";
    for markdown in [
        String::new(),
        "## Only a heading\n".to_owned(),
        tall_table,
        deep_list,
        format!("![no size]({broken_png})\n"),
        "```klingon\nqaStaHvIS wa' ram\n```\n\n```\n```\n".to_owned(),
        "[^orphan]\n\n<table><tr><td>ragged</td></tr><tr><td>a</td><td>b</td></tr></table>\n".to_owned(),
        "Bell \u{7} and \u{FFFF} vanish <sup>[1]</sup>\n".to_owned(),
    ] {
        let mut odd = article(&markdown);
        odd.language = "tlh-Piqd-x-unknown".into();
        odd.title = "Tabs\tand <angles> & \u{1}controls".into();
        odd.authors.clear();
        let parts = export(&odd);
        assert!(parts["word/document.xml"].contains("&lt;angles&gt; &amp; controls"), "{markdown:?}");
    }
}

#[test]
fn a_huge_table_keeps_every_cell() {
    let header = format!("|{}\n|{}\n", " h |".repeat(50), "---|".repeat(50));
    let body = body_of(&format!("{header}{}", format!("|{}\n", " c |".repeat(50)).repeat(200)));
    assert_eq!(body.matches("<w:tc>").count(), 50 * 201);
    assert!(body.contains("<w:gridCol w:w=\"180\"/>"), "fifty columns share the text width");
}

#[test]
fn an_embedded_cover_opens_the_document_and_one_word_cannot_show_is_left_out() {
    let mut with_cover = article("Text.\n");
    with_cover.cover_image = Some(PIXEL.into());
    let body = &export(&with_cover)["word/document.xml"];
    let cover = body.find("<w:drawing>").expect("the cover is drawn");
    assert!(cover < body.find(">Text.<").unwrap(), "before the body");

    with_cover.cover_image = Some("data:image/svg+xml;base64,PHN2Zy8+".into());
    let body = &export(&with_cover)["word/document.xml"];
    assert!(!body.contains("<w:drawing>") && !body.contains("[Image"), "{body}");
}
