//! Text as a YAML scalar: plain, single-quoted, double-quoted or a block scalar. A style is
//! used only when the YAML reader gives back exactly the text, so the checks here parse the
//! candidate rather than trust a list of rules alone.

use std::fmt::Write as _;

use serde_yaml_ng::Value as Y;

/// Characters a YAML file cannot hold as they are (line breaks included); tab is fine.
pub(super) fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}')
}

pub(super) fn double(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if unprintable(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Whether `s` can be written unquoted. `strict` also keeps out what a YAML 1.1 reader would
/// take for a boolean, null, number, date or time, though this reader sees a string.
pub(super) fn plain_ok(s: &str, flow: bool, strict: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let second = s[first.len_utf8()..].chars().next();
    let unsafe_ = s.trim() != s
        || s.chars().any(|c| c == '\t' || unprintable(c))
        || "[]{},#&*!|>'\"%@`".contains(first)
        || (matches!(first, '-' | '?' | ':') && second.is_none_or(char::is_whitespace))
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || (flow && s.contains([',', '[', ']', '{', '}', ':', '#']))
        || (strict && looks_typed(s));
    !unsafe_ && reads_back(&if flow { format!("k: [{s}]\n") } else { format!("k: {s}\n") }, s)
}

fn looks_typed(s: &str) -> bool {
    const WORDS: [&str; 23] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "true",
        "True", "TRUE", "false", "False", "FALSE", "=",
    ];
    let unsigned = s.trim_start_matches(['+', '-']);
    WORDS.contains(&s)
        || s.starts_with("<<")
        || ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
        || (s.contains(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| c.is_ascii_digit() || "_:.+-eE TtZz".contains(c)))
}

/// Whether `doc` reads as `k:` holding `s` (directly, or as the one item of a list).
fn reads_back(doc: &str, s: &str) -> bool {
    let Ok(Y::Mapping(map)) = serde_yaml_ng::from_str::<Y>(doc) else {
        return false;
    };
    match map.get("k") {
        Some(Y::String(got)) => got == s,
        Some(Y::Sequence(items)) => matches!(items.as_slice(), [Y::String(got)] if got == s),
        _ => false,
    }
}

/// `s` as a `|` (`literal`) or `>` block scalar with content at column `content`, or `None`
/// when that style cannot hold it exactly.
pub(super) fn block_scalar(
    s: &str,
    literal: bool,
    keep: bool,
    content: usize,
    indent: usize,
) -> Option<(String, Vec<String>)> {
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 if !keep => "",
        _ => "+",
    };
    let rel = content.checked_sub(indent).filter(|r| (1..=9).contains(r))?;
    if body.chars().any(|c| c != '\n' && unprintable(c)) {
        return None;
    }
    let segments: Vec<&str> = if body.is_empty() { Vec::new() } else { body.split('\n').collect() };
    let mut rows = block_rows(&segments, literal)?;
    if chomp == "+" {
        rows.extend(std::iter::repeat_n("", trailing - 1));
    }
    let leading_space = segments.iter().find(|l| !l.is_empty()).is_some_and(|l| l.starts_with(' '));
    let indicator = if leading_space { rel.to_string() } else { String::new() };
    let header = format!("{}{indicator}{chomp}", if literal { '|' } else { '>' });
    let at = |column: usize| {
        let pad = " ".repeat(column);
        rows.iter().map(move |r| if r.is_empty() { String::new() } else { format!("{pad}{r}") })
    };
    let doc: String = at(rel).fold(format!("k: {header}\n"), |doc, row| doc + &row + "\n");
    reads_back(&doc, s).then(|| (header, at(content).collect()))
}

/// The content rows for the text's lines; `None` when folding cannot hold them.
fn block_rows<'a>(segments: &[&'a str], literal: bool) -> Option<Vec<&'a str>> {
    let mut rows: Vec<&str> = Vec::new();
    let mut seen_text = false;
    for seg in segments {
        if !literal && !seg.is_empty() {
            // Folding joins two text lines with a space; one more empty line keeps a break.
            if seg.starts_with([' ', '\t']) {
                return None;
            }
            if seen_text {
                rows.push("");
            }
            seen_text = true;
        }
        rows.push(seg);
    }
    Some(rows)
}
