//! How the file writes things: the style of one old value (which the new value copies), and
//! the layout of the whole block (for values written in a shape it has no example of).

use super::scan::{indent_of, inline_value, is_blank, is_comment, is_seq_item, key_at, Entry, Line};

/// How the old value was written; the new value copies it where it can.
pub(super) enum Old {
    Empty,
    Plain(String),
    Single,
    Double,
    Block { literal: bool, keep: bool, content: Option<usize> },
    Flow { pad: bool, sep: String, quote: Option<char> },
    Seq { dash: usize, quote: Option<char> },
    Map { child: usize },
    Other,
}

pub(super) fn old_style(lines: &[Line], e: &Entry) -> Old {
    let inline = inline_value(lines, e);
    let rest = &lines[e.first + 1..=e.last];
    match inline.as_bytes().first() {
        None => nested_style(rest),
        Some(b'|' | b'>') => Old::Block {
            literal: inline.starts_with('|'),
            keep: inline.contains('+'),
            content: rest.iter().find(|l| !is_blank(&l.body)).map(|l| indent_of(&l.body)),
        },
        Some(b'"') => Old::Double,
        Some(b'\'') => Old::Single,
        Some(b'[') => flow_style(inline),
        Some(b'{') => Old::Other,
        Some(_) => Old::Plain(inline.to_owned()),
    }
}

/// The style of a value that starts on the line after its key: a block list or mapping.
fn nested_style(rest: &[Line]) -> Old {
    let mut content = rest.iter().map(|l| l.body.as_str()).filter(|b| !is_blank(b) && !is_comment(b));
    let Some(body) = content.next() else {
        return Old::Empty;
    };
    let ind = indent_of(body);
    if is_seq_item(&body[ind..]) {
        let quote = std::iter::once(body)
            .chain(content)
            .filter(|b| indent_of(b) == ind && is_seq_item(&b[ind..]))
            .find_map(|b| b[ind + 1..].trim_start().chars().next().filter(|c| matches!(c, '"' | '\'')));
        Old::Seq { dash: ind, quote }
    } else if key_at(body, ind).is_some() {
        Old::Map { child: ind }
    } else {
        Old::Other
    }
}

/// A flow list's spacing inside the brackets, its separator and the first quote an item uses.
fn flow_style(inline: &str) -> Old {
    let pad = inline[1..].starts_with(' ');
    let (mut sep, mut quote, mut open, mut prev) = (None, None, None, b'[');
    for (i, &c) in inline.as_bytes().iter().enumerate().skip(1) {
        match open {
            Some(q) if c == q => open = None,
            Some(_) => {}
            None if matches!(c, b'"' | b'\'') && matches!(prev, b'[' | b',') => {
                open = Some(c);
                quote = quote.or(Some(char::from(c)));
            }
            None if c == b',' && sep.is_none() => {
                let spaces = inline[i + 1..].len() - inline[i + 1..].trim_start_matches(' ').len();
                sep = Some(format!(",{}", " ".repeat(spaces)));
            }
            None => {}
        }
        if c != b' ' {
            prev = c;
        }
    }
    Old::Flow { pad, sep: sep.unwrap_or_else(|| ", ".to_owned()), quote }
}

/// The file's own layout, for values written in a new shape.
pub(super) struct Style {
    /// Indentation of a nested mapping under its key.
    pub(super) unit: usize,
    /// Indentation of `- ` items under their key (Jekyll often uses 0).
    pub(super) seq: usize,
    pub(super) eol: &'static str,
}

/// The layout the top-level entries show: the first nested mapping's and list's indentation.
pub(super) fn detect_style(lines: &[Line], top: &[Entry], eol: &'static str) -> Style {
    let (mut unit, mut seq) = (None, None);
    for e in top {
        match old_style(lines, e) {
            Old::Map { child } => unit = unit.or(Some(child.saturating_sub(e.indent))),
            Old::Seq { dash, .. } => seq = seq.or(Some(dash.saturating_sub(e.indent))),
            _ => {}
        }
    }
    let unit = unit.filter(|u| *u > 0).unwrap_or(2);
    Style { unit, seq: seq.unwrap_or(unit), eol }
}
