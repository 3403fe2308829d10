//! Paragraph and run properties, written in the order the WordprocessingML schema gives their
//! elements: Word reports a file with `w:b` after `w:color`, or `w:ind` before `w:spacing`, as
//! damaged, so the order lives in one place instead of in every caller.

use std::fmt::Write;

/// What a paragraph's `w:pPr` says, fields in schema order (CT_PPrBase).
#[derive(Debug, Clone, Default)]
pub(super) struct ParagraphProps<'a> {
    pub style: Option<&'a str>,
    pub keep_next: bool,
    /// `(numId, ilvl)` of a numbered or bulleted list.
    pub numbering: Option<(usize, usize)>,
    /// A bottom border: how a thematic break reads on paper.
    pub bottom_border: bool,
    /// Space before and after, in twentieths of a point.
    pub spacing: Option<(u32, u32)>,
    /// Left indent in twentieths of a point.
    pub indent_left: Option<u32>,
    pub justify: Option<&'static str>,
}

impl ParagraphProps<'_> {
    pub(super) fn styled(style: &str) -> ParagraphProps<'_> {
        ParagraphProps { style: Some(style), ..ParagraphProps::default() }
    }

    pub(super) fn write(&self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:pPr>");
        let empty_len = out.len();
        if let Some(style) = self.style {
            let _ = write!(out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if let Some((num_id, level)) = self.numbering {
            let _ = write!(out, "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num_id}\"/></w:numPr>");
        }
        if self.bottom_border {
            out.push_str("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"A0A0A0\"/></w:pBdr>");
        }
        if let Some((before, after)) = self.spacing {
            let _ = write!(out, "<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>");
        }
        if let Some(left) = self.indent_left {
            let _ = write!(out, "<w:ind w:left=\"{left}\"/>");
        }
        if let Some(justify) = self.justify {
            let _ = write!(out, "<w:jc w:val=\"{justify}\"/>");
        }
        if out.len() == empty_len {
            out.truncate(start);
        } else {
            out.push_str("</w:pPr>");
        }
    }
}

/// Vertical position of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum VerticalAlign {
    Superscript,
    Subscript,
}

/// The marks a run carries, from the inlines around it; fields in schema order (EG_RPrBase).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct RunProps {
    /// A character style: inline code, a hyperlink, a footnote reference.
    pub style: Option<&'static str>,
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub color: Option<[u8; 3]>,
    pub highlight: bool,
    pub underline: bool,
    pub vertical: Option<VerticalAlign>,
}

impl RunProps {
    pub(super) fn write(&self, out: &mut String) {
        if *self == RunProps::default() {
            return;
        }
        out.push_str("<w:rPr>");
        if let Some(style) = self.style {
            let _ = write!(out, "<w:rStyle w:val=\"{style}\"/>");
        }
        if self.bold {
            out.push_str("<w:b/>");
        }
        if self.italic {
            out.push_str("<w:i/>");
        }
        if self.strike {
            out.push_str("<w:strike/>");
        }
        if let Some([r, g, b]) = self.color {
            let _ = write!(out, "<w:color w:val=\"{r:02X}{g:02X}{b:02X}\"/>");
        }
        if self.highlight {
            out.push_str("<w:highlight w:val=\"yellow\"/>");
        }
        if self.underline {
            out.push_str("<w:u w:val=\"single\"/>");
        }
        match self.vertical {
            Some(VerticalAlign::Superscript) => out.push_str("<w:vertAlign w:val=\"superscript\"/>"),
            Some(VerticalAlign::Subscript) => out.push_str("<w:vertAlign w:val=\"subscript\"/>"),
            None => {}
        }
        out.push_str("</w:rPr>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_properties_follow_the_schema_order() {
        let props = RunProps {
            style: Some("VerbatimChar"),
            bold: true,
            italic: true,
            strike: true,
            color: Some([0x12, 0xAB, 0x00]),
            highlight: true,
            underline: true,
            vertical: Some(VerticalAlign::Superscript),
        };
        let mut out = String::new();
        props.write(&mut out);
        let order =
            ["rStyle", "<w:b/>", "<w:i/>", "strike", "color w:val=\"12AB00\"", "highlight", "<w:u ", "vertAlign"];
        let positions: Vec<usize> = order.iter().map(|tag| out.find(tag).expect(tag)).collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{out}");
    }

    #[test]
    fn paragraph_properties_follow_the_schema_order_and_vanish_when_empty() {
        let props = ParagraphProps {
            style: Some("ListParagraph"),
            keep_next: true,
            numbering: Some((3, 1)),
            bottom_border: true,
            spacing: Some((0, 120)),
            indent_left: Some(720),
            justify: Some("center"),
        };
        let mut out = String::new();
        props.write(&mut out);
        let order = ["pStyle", "keepNext", "numPr", "pBdr", "spacing", "<w:ind ", "<w:jc "];
        let positions: Vec<usize> = order.iter().map(|tag| out.find(tag).expect(tag)).collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{out}");

        let mut empty = String::from("<w:p>");
        ParagraphProps::default().write(&mut empty);
        RunProps::default().write(&mut empty);
        assert_eq!(empty, "<w:p>");
    }
}
