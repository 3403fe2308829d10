//! The page around the body: document metadata, page setup, the title block and the author
//! cards. Writer-supplied values go in as string literals (see `markup`), never as markup.

use std::fmt::Write as _;

use byline_export::doc::{self, Block, Document, Inline};
use byline_export::{ArticleContext, AuthorContext};

use crate::markup::{string, text, Files, MarkupWriter};
use crate::Paper;

/// Definitions and show rules that do not depend on the article: the code block, the task
/// box, images no wider than the column, and the typography.
const PRELUDE: &str = r#"
#set par(justify: true, leading: 0.62em, spacing: 1.1em)
#set heading(numbering: none, bookmarked: true)
#show heading: set text(weight: "bold")
#show heading: set block(above: 1.6em, below: 0.8em)
#show heading.where(level: 1): set text(size: 1.45em)
#show heading.where(level: 2): set text(size: 1.25em)
#show heading.where(level: 3): set text(size: 1.1em)
#show raw: set text(font: "DejaVu Sans Mono", size: 0.88em)
#show link: set text(fill: rgb(0, 82, 155))
#show quote.where(block: true): it => block(
  width: 100%, inset: (left: 1em, y: 0.3em), stroke: (left: 2pt + luma(190)), it.body,
)
#set table(stroke: 0.5pt + luma(180), inset: 6pt)
#show table.cell.where(y: 0): set text(weight: "bold")
#set figure(numbering: none)
#show footnote.entry: set text(size: 0.85em)
#let byline-code(background, body) = block(
  width: 100%, fill: background, inset: 8pt, radius: 3pt, breakable: true,
  {
    set par(justify: false, leading: 0.5em)
    set text(font: "DejaVu Sans Mono", size: 8.5pt, hyphenate: false)
    body
  },
)
#let byline-task(done) = box(
  width: 0.75em, height: 0.75em, baseline: 0.05em, stroke: 0.6pt + luma(60), radius: 1.5pt,
  if done { align(center + horizon, text(font: "DejaVu Sans Mono", size: 0.6em, "✓")) },
) + h(0.4em)
#let byline-image(path, alt) = layout(region => {
  let natural = measure(image(path)).width
  image(path, alt: alt, width: calc.min(natural, region.width))
})
"#;

/// The name typst's `page(paper: ...)` knows `paper` by.
fn typst_paper(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "a4",
        Paper::Letter => "us-letter",
    }
}

/// The whole typst source of an article and the virtual files it names.
pub(crate) fn document(article: &ArticleContext, paper: Paper) -> (String, Files) {
    let mut out = String::with_capacity(article.body_html.len());
    metadata(&mut out, article);
    let _ = writeln!(
        out,
        "#set page(paper: \"{}\", margin: (x: 2.4cm, top: 2.4cm, bottom: 2.6cm), numbering: \"1 / 1\")",
        typst_paper(paper)
    );
    out.push_str("#set text(font: \"Libertinus Serif\", size: 11pt");
    if let Some((lang, region)) = language(&article.language) {
        out.push_str(", lang: ");
        string(&mut out, &lang);
        if let Some(region) = region {
            out.push_str(", region: ");
            string(&mut out, &region);
        }
    }
    out.push_str(")\n");
    out.push_str(PRELUDE);
    out.push('\n');
    title_block(&mut out, article);

    let body = doc::parse(&article.body_html);
    let mut writer = MarkupWriter::new(&body, "body", Files::default());
    writer.blocks(without_title(&body.blocks, &article.title));
    let (markup, mut files) = writer.finish();
    out.push_str(&markup);

    authors(&mut out, &article.authors, &mut files);
    (out, files)
}

/// `set document(...)`: the PDF's Title, Author, Subject and Keywords. The date is left to the
/// PDF writer's timestamp, which carries the article's time zone.
fn metadata(out: &mut String, article: &ArticleContext) {
    out.push_str("#set document(title: ");
    string(out, &article.title);
    out.push_str(", author: (");
    for author in &article.authors {
        string(out, &author.name);
        out.push_str(", ");
    }
    out.push(')');
    let description = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&article.description);
    if !description.trim().is_empty() {
        out.push_str(", description: ");
        string(out, description);
    }
    out.push_str(", keywords: (");
    for tag in &article.tags {
        string(out, tag);
        out.push_str(", ");
    }
    out.push_str("))\n");
}

/// typst's `lang` (ISO 639, 2 or 3 letters) and `region` (ISO 3166, 2 letters) from a BCP 47
/// tag; `None` for a tag typst would reject, so a stray value cannot fail the export.
fn language(tag: &str) -> Option<(String, Option<String>)> {
    let mut parts = tag.trim().split(['-', '_']);
    let lang = parts.next()?;
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let region = parts.find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()));
    Some((lang.to_ascii_lowercase(), region.map(str::to_ascii_uppercase)))
}

/// The body usually opens with the title as a level-1 heading; the title block already shows it.
fn without_title<'b>(blocks: &'b [Block], title: &str) -> &'b [Block] {
    match blocks.split_first() {
        Some((Block::Heading { level: 1, content, .. }, rest))
            if Inline::plain_text(content).trim() == title.trim() =>
        {
            rest
        }
        _ => blocks,
    }
}

fn title_block(out: &mut String, article: &ArticleContext) {
    out.push_str("#block(width: 100%, below: 2em)[\n#set par(justify: false)\n");
    out.push_str("#block(below: 0.9em)[#text(size: 22pt, weight: \"bold\")[");
    text(out, &article.title);
    out.push_str("]]\n");
    if let Some(subtitle) = article.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push_str("#block(below: 0.9em)[#text(size: 13pt, style: \"italic\", fill: luma(70))[");
        text(out, subtitle);
        out.push_str("]]\n");
    }
    let mut line = Vec::new();
    let names: Vec<&str> = article.authors.iter().map(|a| a.name.as_str()).collect();
    if !names.is_empty() {
        line.push(format!("By {}", join_names(&names)));
    }
    let date = article.published.unwrap_or(article.modified);
    line.push(date.format("%-d %B %Y").to_string());
    if article.reading_minutes > 0 {
        line.push(format!("{} min read", article.reading_minutes));
    }
    out.push_str("#block(below: 0.9em)[#text(size: 10pt, fill: luma(80))[");
    text(out, &line.join(" · "));
    out.push_str("]]\n#line(length: 100%, stroke: 0.5pt + luma(180))\n]\n\n");
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A "Written by" card per author: avatar (when embedded), name, role, bio.
fn authors(out: &mut String, authors: &[AuthorContext], files: &mut Files) {
    if authors.is_empty() {
        return;
    }
    out.push_str(
        "\n#v(1.5em)\n#block(breakable: false)[#text(size: 10pt, weight: \"bold\", fill: luma(90))[#\"Written by\"]]\n",
    );
    for (i, author) in authors.iter().enumerate() {
        let avatar = author.avatar_url.as_deref().and_then(|src| files.image(src));
        out.push_str("#block(width: 100%, breakable: false, inset: 10pt, radius: 4pt, stroke: 0.5pt + luma(200), above: 0.8em)[\n");
        match &avatar {
            Some(path) => {
                out.push_str("#grid(columns: (44pt, 1fr), column-gutter: 12pt, box(width: 44pt, height: 44pt, radius: 22pt, clip: true, image(");
                string(out, path);
                out.push_str(", alt: ");
                string(out, &author.name);
                out.push_str(", width: 44pt, height: 44pt, fit: \"cover\")), [\n");
            }
            None => out.push_str("#grid(columns: (1fr), [\n"),
        }
        out.push_str("#set par(justify: false)\n#strong[");
        text(out, &author.name);
        out.push(']');
        if let Some(role) = author.role.as_deref().filter(|r| !r.trim().is_empty()) {
            out.push_str("#linebreak()#text(size: 9.5pt, fill: luma(80))[");
            text(out, role);
            out.push(']');
        }
        out.push_str("\n\n#text(size: 9.5pt)[\n");
        bio(out, author, &format!("bio-{i}"), files);
        if let Some(website) = author.website.as_deref().filter(|w| w.starts_with("http")) {
            out.push_str("#link(");
            string(out, website);
            out.push_str(")[");
            text(out, website);
            out.push(']');
        }
        out.push_str("]\n])\n]\n");
    }
}

/// The short bio, which suits a card; the long one only when there is no short one.
fn bio(out: &mut String, author: &AuthorContext, scope: &str, files: &mut Files) {
    if let Some(short) = author.short_bio.as_deref().filter(|s| !s.trim().is_empty()) {
        text(out, short);
        out.push_str("\n\n");
    } else if let Some(html) = author.bio_html.as_deref() {
        let document: Document = doc::parse(html);
        let mut writer = MarkupWriter::new(&document, scope, std::mem::take(files));
        // A bio's headings are not sections of the article.
        out.push_str("#set heading(bookmarked: false, outlined: false)\n");
        writer.blocks(&document.blocks);
        let (markup, back) = writer.finish();
        *files = back;
        out.push_str(&markup);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_typst_accepts() {
        assert_eq!(language("en-US"), Some(("en".into(), Some("US".into()))));
        assert_eq!(language("pt_br"), Some(("pt".into(), Some("BR".into()))));
        assert_eq!(language("zh-Hant-TW"), Some(("zh".into(), Some("TW".into()))));
        assert_eq!(language("fr"), Some(("fr".into(), None)));
        assert_eq!(language(""), None);
        assert_eq!(language("english"), None);
        assert_eq!(language("e1"), None);
    }

    #[test]
    fn names_join_in_prose() {
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A and B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }
}
