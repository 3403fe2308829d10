//! Reading a block mapping line by line: which lines make up each `key: value` entry, and where
//! its key, colon and value are on the key line. The scanner knows only block mappings; what it
//! cannot place it reports as an error, so the caller refuses the edit instead of guessing.

use serde_json::Value;
use serde_yaml_ng::Value as Y;

use super::err;
use crate::edit::{lines, EditError};
use crate::value::from_yaml;

/// One line of the block; edits replace whole lines, and untouched ones keep body and ending.
pub(super) struct Line {
    pub(super) body: String,
    pub(super) end: &'static str,
}

pub(super) fn split_lines(block: &str) -> Vec<Line> {
    lines::split(block).map(|(body, end)| Line { body: body.to_owned(), end }).collect()
}

pub(super) fn join_lines(lines: &[Line]) -> String {
    lines.iter().flat_map(|l| [l.body.as_str(), l.end]).collect()
}

/// The spaces and tabs a line starts with.
pub(super) fn lead(s: &str) -> &str {
    &s[..s.len() - s.trim_start_matches([' ', '\t']).len()]
}
pub(super) fn is_blank(s: &str) -> bool {
    lead(s).len() == s.len()
}
pub(super) fn indent_of(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}
pub(super) fn is_comment(s: &str) -> bool {
    s.trim_start_matches([' ', '\t']).starts_with('#')
}
pub(super) fn is_seq_item(s: &str) -> bool {
    s == "-" || s.starts_with("- ") || s.starts_with("-\t")
}
pub(super) fn top_indent(lines: &[Line]) -> usize {
    let content = lines.iter().find(|l| !is_blank(&l.body) && !is_comment(&l.body));
    content.map_or(0, |l| indent_of(&l.body))
}

/// One `key: value` entry of a block mapping, as lines and byte offsets in its key line.
#[derive(Clone)]
pub(super) struct Entry {
    pub(super) key: String,
    pub(super) first: usize,
    /// Last line of the value; blank and comment lines after it belong to what follows.
    pub(super) last: usize,
    pub(super) indent: usize,
    pub(super) colon: usize,
    pub(super) val: usize,
    pub(super) val_end: usize,
    /// Whether the value written on the key line also ends there.
    pub(super) closed: bool,
}

/// The value as written on the entry's key line (empty when it starts on the next line).
pub(super) fn inline_value<'a>(lines: &'a [Line], e: &Entry) -> &'a str {
    &lines[e.first].body[e.val..e.val_end]
}

/// The entries of the mapping at `indent` in lines `from..to`. Lines indented deeper than an
/// entry, and `- ` items at its own indentation under an empty value, continue it.
pub(super) fn scan(lines: &[Line], from: usize, to: usize, indent: usize) -> Result<Vec<Entry>, EditError> {
    let mut out: Vec<Entry> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        let body = line.body.as_str();
        if is_blank(body) {
            continue;
        }
        let ind = indent_of(body);
        let comment = is_comment(body);
        let same_level_item = ind == indent && is_seq_item(&body[ind..]);
        if ind > indent || (same_level_item && out.last().is_some_and(|e| e.val == e.val_end)) {
            match out.last_mut() {
                // Inside a block or quoted scalar a `#` line is text; elsewhere a comment that
                // ends an entry belongs to what follows.
                Some(e) if comment && e.closed && !inline_value(lines, e).starts_with(['|', '>']) => {}
                Some(e) => e.last = i,
                None if comment => {}
                None => return Err(err(format!("line {} is indented deeper than its mapping", i + 1))),
            }
            continue;
        }
        if comment {
            continue;
        }
        let Some((key, colon)) = key_at(body, ind).filter(|_| ind == indent) else {
            return Err(err(format!("line {} is not a `key: value` entry of its mapping", i + 1)));
        };
        let rest = &body[colon + 1..];
        let val = colon + 1 + lead(rest).len();
        let (n, closed) = value_extent(&body[val..]);
        out.push(Entry { key, first: i, last: i, indent: ind, colon, val, val_end: val + n, closed });
    }
    Ok(out)
}

/// The key of a `key: value` line (decoded as the YAML reader decodes it) and its colon's offset.
pub(super) fn key_at(body: &str, indent: usize) -> Option<(String, usize)> {
    let s = body.get(indent..)?;
    let first = s.chars().next()?;
    let colon = if first == '"' || first == '\'' {
        let (n, closed) = value_extent(s);
        let gap = lead(&s[n..]).len();
        (closed && s[n + gap..].starts_with(':')).then_some(n + gap)?
    } else {
        if "[]{},#&*!|>%@`?".contains(first) || is_seq_item(s) {
            return None;
        }
        let (i, _) = s.match_indices(':').find(|(i, _)| {
            let after = &s[i + 1..];
            after.is_empty() || after.starts_with([' ', '\t'])
        })?;
        (!s[..i].contains(" #") && !s[..i].contains("\t#")).then_some(i)?
    };
    let after = &s[colon + 1..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let parsed = serde_yaml_ng::from_str::<Y>(&format!("{}: 0", s[..colon].trim_end())).ok()?;
    let Y::Mapping(map) = parsed else { return None };
    let (key, _) = map.into_iter().next()?;
    let key = match from_yaml(key) {
        Value::String(s) => s,
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    };
    Some((key, indent + colon))
}

/// Length of the value at the start of `s` (a key line after `key: `), and whether it ends on
/// this line; a plain value stops before a ` #` comment.
fn value_extent(s: &str) -> (usize, bool) {
    let b = s.as_bytes();
    let mut i = 1;
    match b.first() {
        None | Some(b'#') => return (0, true),
        Some(b'"') => {
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 1,
                    b'"' => return (i + 1, true),
                    _ => {}
                }
                i += 1;
            }
        }
        Some(b'\'') => {
            while i < b.len() {
                if b[i] == b'\'' {
                    if b.get(i + 1) != Some(&b'\'') {
                        return (i + 1, true);
                    }
                    i += 1;
                }
                i += 1;
            }
        }
        Some(b'[' | b'{') => return flow_extent(b),
        Some(b'|' | b'>') => return (s.find([' ', '\t']).unwrap_or(s.len()), true),
        Some(_) => {
            let end = [" #", "\t#"].iter().filter_map(|p| s.find(p)).min().unwrap_or(s.len());
            return (s[..end].trim_end_matches([' ', '\t']).len(), true);
        }
    }
    (s.len(), false)
}

/// `value_extent` for a flow collection: up to the bracket that closes the first one, skipping
/// brackets inside quoted items.
fn flow_extent(b: &[u8]) -> (usize, bool) {
    let (mut depth, mut quote, mut prev) = (0usize, None, b' ');
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(b'"') if c == b'\\' => i += 1,
            Some(q) if c == q && q == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, b'"' | b'\'') && matches!(prev, b'[' | b'{' | b',' | b':') => {
                quote = Some(c);
            }
            None if matches!(c, b'[' | b'{') => depth += 1,
            None if matches!(c, b']' | b'}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return (i + 1, true);
                }
            }
            None => {}
        }
        if !c.is_ascii_whitespace() {
            prev = c;
        }
        i += 1;
    }
    (b.len(), false)
}
