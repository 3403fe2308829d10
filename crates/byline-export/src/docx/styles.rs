//! `word/styles.xml`: Word's own built-in styles where one exists (Title, Subtitle, heading 1
//! to 6, Body Text, Quote, List Paragraph, Hyperlink, footnote text…), so a writer's Word
//! templates, its navigation pane and its table of contents treat the export like any other
//! document; Byline's own only for the byline, code and table text.

use std::fmt::Write;

use byline_render::CodeTheme;

use crate::xml;

const BODY_FONT: &str = "Cambria";
const HEADING_FONT: &str = "Calibri";
const CODE_FONT: &str = "Consolas";

/// Heading sizes in half-points, from `heading 1` to `heading 6`.
const HEADING_SIZES: [u32; 6] = [36, 30, 26, 24, 22, 22];

/// The styles part; `language` is the documents' proofing language.
pub(super) fn styles(language: &str) -> String {
    let [r, g, b] = byline_render::code_background(CodeTheme::Light);
    let code_fill = format!("{r:02X}{g:02X}{b:02X}");
    let mut out = String::from(super::parts::XML_DECLARATION);
    out.push_str("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    let _ = write!(
        out,
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{BODY_FONT}\" w:hAnsi=\"{BODY_FONT}\" \
         w:eastAsia=\"{BODY_FONT}\" w:cs=\"{BODY_FONT}\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\""
    );
    xml::escape_into(&mut out, language);
    out.push_str(
        "\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" \
         w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
    );
    out.push_str(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>\
         <w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
         <w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
         <w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>\
         <w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/>\
         <w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>",
    );
    paragraph_style(&mut out, "BodyText", "Body Text", "", "", "");
    let title_fonts =
        format!("<w:rFonts w:ascii=\"{HEADING_FONT}\" w:hAnsi=\"{HEADING_FONT}\" w:cs=\"{HEADING_FONT}\"/>");
    paragraph_style(
        &mut out,
        "Title",
        "Title",
        "<w:next w:val=\"Subtitle\"/>",
        "<w:spacing w:after=\"80\"/><w:contextualSpacing/>",
        &format!("{title_fonts}<w:b/><w:kern w:val=\"28\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/>"),
    );
    paragraph_style(
        &mut out,
        "Subtitle",
        "Subtitle",
        "<w:next w:val=\"BodyText\"/>",
        "<w:spacing w:after=\"160\"/>",
        "<w:color w:val=\"595959\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
    );
    paragraph_style(
        &mut out,
        "Byline",
        "Byline",
        "<w:next w:val=\"BodyText\"/>",
        "<w:spacing w:after=\"360\"/>",
        "<w:color w:val=\"595959\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    for (at, size) in HEADING_SIZES.iter().enumerate() {
        let level = at + 1;
        let italic = if level >= 5 { "<w:i/>" } else { "" };
        paragraph_style(
            &mut out,
            &format!("Heading{level}"),
            &format!("heading {level}"),
            "<w:next w:val=\"BodyText\"/>",
            &format!("<w:keepNext/><w:keepLines/><w:spacing w:before=\"320\" w:after=\"120\"/><w:outlineLvl w:val=\"{at}\"/>"),
            &format!("{title_fonts}<w:b/>{italic}<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"),
        );
    }
    let code_fonts = format!("<w:rFonts w:ascii=\"{CODE_FONT}\" w:hAnsi=\"{CODE_FONT}\" w:cs=\"{CODE_FONT}\"/>");
    paragraph_style(
        &mut out,
        "SourceCode",
        "Source Code",
        "<w:next w:val=\"BodyText\"/>",
        &format!(
            "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{code_fill}\"/>\
             <w:left w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{code_fill}\"/>\
             <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{code_fill}\"/>\
             <w:right w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"{code_fill}\"/></w:pBdr>\
             <w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{code_fill}\"/>\
             <w:spacing w:before=\"120\" w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"113\" w:right=\"113\"/>"
        ),
        &format!("{code_fonts}<w:noProof/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>"),
    );
    let _ = write!(
        out,
        "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"VerbatimChar\"><w:name w:val=\"Verbatim Char\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:qFormat/><w:rPr>{code_fonts}<w:noProof/><w:sz w:val=\"20\"/>\
         <w:szCs w:val=\"20\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{code_fill}\"/></w:rPr></w:style>"
    );
    paragraph_style(
        &mut out,
        "Quote",
        "Quote",
        "<w:next w:val=\"BodyText\"/>",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"BFBFBF\"/></w:pBdr>\
         <w:ind w:left=\"720\" w:right=\"720\"/>",
        "<w:color w:val=\"404040\"/>",
    );
    paragraph_style(
        &mut out,
        "ListParagraph",
        "List Paragraph",
        "",
        "<w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/>",
        "",
    );
    paragraph_style(&mut out, "TableText", "Table Text", "", "<w:spacing w:before=\"40\" w:after=\"40\"/>", "");
    paragraph_style(
        &mut out,
        "Caption",
        "caption",
        "<w:next w:val=\"BodyText\"/>",
        "<w:spacing w:after=\"240\"/>",
        "<w:i/><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    paragraph_style(
        &mut out,
        "FootnoteText",
        "footnote text",
        "",
        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
    );
    out.push_str(
        "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
         <w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
         <w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"Table\"><w:name w:val=\"Table\"/>\
         <w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>\
         </w:tblBorders></w:tblPr></w:style>",
    );
    out.push_str("</w:styles>");
    out
}

/// A paragraph style based on Normal. `extra` goes between `w:basedOn` and `w:qFormat`
/// (`w:next`), `paragraph` and `run` are the insides of its `w:pPr` and `w:rPr`, each already
/// in schema order.
fn paragraph_style(out: &mut String, id: &str, name: &str, extra: &str, paragraph: &str, run: &str) {
    // Word marks the styles it does not know as the document's own.
    let custom = if matches!(id, "Byline" | "SourceCode" | "TableText") { " w:customStyle=\"1\"" } else { "" };
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\"{custom} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/>{extra}"
    );
    out.push_str("<w:qFormat/>");
    if !paragraph.is_empty() {
        let _ = write!(out, "<w:pPr>{paragraph}</w:pPr>");
    }
    if !run.is_empty() {
        let _ = write!(out, "<w:rPr>{run}</w:rPr>");
    }
    out.push_str("</w:style>");
}
