//! In-place edits of a YAML front matter block. Only the lines of an edited entry are
//! rewritten; every other line keeps its bytes, so a one-field change is a one-line diff.
//!
//! How a new value is written, from the style of the value it replaces:
//! - Text keeps plain, single-quoted or double-quoted style. Plain is kept only when the text
//!   reads back as the same string here *and* does not look like a YAML 1.1 boolean, number,
//!   date or time (Jekyll's and older Hugo's readers are 1.1), else it becomes double-quoted.
//!   Single quotes fall back to double quotes for text they cannot hold (line breaks, control
//!   characters).
//! - A block scalar (`|`, `|-`, `>`, `>-`, …) stays one, with its `|` or `>` and its content
//!   indentation; its chomping indicator changes only if the new text's trailing line breaks
//!   need it. Text with line breaks replacing a plain or single-quoted scalar becomes a `|`
//!   block; a double-quoted one stays double-quoted with `\n` escapes. Whatever cannot be
//!   written that way (folded text with indented lines, leading spaces…) is double-quoted.
//! - A date (`NewValue::Date`) is text written exactly as given: plain where the old value was
//!   plain and the text reads back as a string, else in the old quotes.
//! - A list keeps flow style `[a, b]` (same spacing) or block style (`- a` at the old items'
//!   indentation); its items are plain when safe, else in the quote the old items used.
//! - Numbers, booleans and null are plain (null stays `~` or empty if it was); mappings, and
//!   lists replacing something else, are block style at the file's own indentation.
//! - New keys go after the last entry of their mapping (missing parents are created); removing
//!   a mapping's last key removes the mapping.
//!
//! Anything the line scanner is not sure of is refused with `EditError` rather than guessed,
//! and every result is parsed again and compared with the intended values.

use std::fmt::Write as _;

use serde_json::{Map, Value};
use serde_yaml_ng::Value as Y;

use super::{Edit, EditError, NewValue};
use crate::value::from_yaml;

/// Applies `edits` to `block` (the text between the `---` lines, each line with its ending).
pub(crate) fn apply(block: &str, edits: &[Edit]) -> Result<String, EditError> {
    if edits.is_empty() {
        return Ok(block.to_owned());
    }
    check_edits(edits)?;
    let mut expected = parse_map(block)?;
    // YAML also breaks lines at a lone CR, NEL, LS and PS; the line scanner knows only `\n`,
    // and a BOM inside the block would not survive the next read of the file.
    if block.contains(['\u{85}', '\u{2028}', '\u{2029}', '\u{feff}'])
        || block.replace("\r\n", "").contains('\r')
    {
        return Err(err("the block has a lone CR, NEL, LS, PS or BOM"));
    }
    let mut lines = split_lines(block);
    if lines
        .iter()
        .any(|l| !is_blank(&l.body) && lead(&l.body).contains('\t'))
    {
        return Err(err("the block indents with tabs"));
    }
    let first = lines
        .iter()
        .find(|l| !is_blank(&l.body) && !is_comment(&l.body));
    if first.is_some_and(|l| l.body.trim_start().starts_with(['{', '['])) {
        return Err(err("the block is a flow collection, not a block mapping"));
    }
    let top = scan(&lines, 0, lines.len(), top_indent(&lines))?;
    if !top
        .iter()
        .map(|e| e.key.as_str())
        .eq(expected.keys().map(String::as_str))
    {
        return Err(err("the block's lines do not match its keys"));
    }
    let style = detect_style(&lines, &top);
    for edit in edits {
        apply_one(&mut lines, edit, &style, &mut expected)?;
    }
    let out: String = lines
        .iter()
        .flat_map(|l| [l.body.as_str(), l.end])
        .collect();
    if parse_map(&out)? != expected {
        return Err(err("the edited block does not read back as intended"));
    }
    Ok(out)
}

fn err(reason: impl Into<String>) -> EditError {
    EditError(reason.into())
}

/// Overlapping edits (`a` and `a.b`, or one key twice) have no single meaning.
fn check_edits(edits: &[Edit]) -> Result<(), EditError> {
    for (i, a) in edits.iter().enumerate() {
        if a.path.is_empty() {
            return Err(err("an edit has an empty key path"));
        }
        for b in &edits[..i] {
            let n = a.path.len().min(b.path.len());
            if a.path[..n] == b.path[..n] {
                return Err(err(format!("edits overlap at `{}`", a.path[..n].join("."))));
            }
        }
    }
    Ok(())
}

fn parse_map(text: &str) -> Result<Map<String, Value>, EditError> {
    let parsed: Y = serde_yaml_ng::from_str(text).map_err(|e| err(format!("invalid YAML: {e}")))?;
    match from_yaml(parsed) {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(err("the block is not a mapping")),
    }
}

struct Line {
    body: String,
    end: &'static str,
}

fn split_lines(block: &str) -> Vec<Line> {
    let line = |body: &str, end| Line {
        body: body.to_owned(),
        end,
    };
    block
        .split_inclusive('\n')
        .map(|l| match (l.strip_suffix("\r\n"), l.strip_suffix('\n')) {
            (Some(body), _) => line(body, "\r\n"),
            (None, Some(body)) => line(body, "\n"),
            _ => line(l, ""),
        })
        .collect()
}

fn lead(s: &str) -> &str {
    &s[..s.len() - s.trim_start_matches([' ', '\t']).len()]
}
fn is_blank(s: &str) -> bool {
    lead(s).len() == s.len()
}
fn indent_of(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}
fn is_comment(s: &str) -> bool {
    s.trim_start_matches([' ', '\t']).starts_with('#')
}
fn is_seq_item(s: &str) -> bool {
    s == "-" || s.starts_with("- ") || s.starts_with("-\t")
}
fn top_indent(lines: &[Line]) -> usize {
    let content = lines
        .iter()
        .find(|l| !is_blank(&l.body) && !is_comment(&l.body));
    content.map_or(0, |l| indent_of(&l.body))
}

/// One `key: value` entry of a block mapping, as lines and byte offsets in its key line.
#[derive(Clone)]
struct Entry {
    key: String,
    first: usize,
    /// Last line of the value; blank and comment lines after it belong to what follows.
    last: usize,
    indent: usize,
    colon: usize,
    val: usize,
    val_end: usize,
    /// Whether the value written on the key line also ends there.
    closed: bool,
}

/// The entries of the mapping at `indent` in lines `from..to`. Lines indented deeper than an
/// entry, and `- ` items at its own indentation under an empty value, continue it.
fn scan(lines: &[Line], from: usize, to: usize, indent: usize) -> Result<Vec<Entry>, EditError> {
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
                Some(e) if comment && e.closed && !line_of(lines, e).starts_with(['|', '>']) => {}
                Some(e) => e.last = i,
                None if comment => {}
                None => {
                    return Err(err(format!(
                        "line {} is indented deeper than its mapping",
                        i + 1
                    )))
                }
            }
            continue;
        }
        if comment {
            continue;
        }
        let Some((key, colon)) = key_at(body, ind).filter(|_| ind == indent) else {
            return Err(err(format!(
                "line {} is not a `key: value` entry of its mapping",
                i + 1
            )));
        };
        let rest = &body[colon + 1..];
        let val = colon + 1 + lead(rest).len();
        let (n, closed) = value_extent(&body[val..]);
        out.push(Entry {
            key,
            first: i,
            last: i,
            indent: ind,
            colon,
            val,
            val_end: val + n,
            closed,
        });
    }
    Ok(out)
}

fn line_of<'a>(lines: &'a [Line], e: &Entry) -> &'a str {
    &lines[e.first].body[e.val..e.val_end]
}

/// The key of a `key: value` line (decoded as the YAML reader decodes it) and its colon's offset.
fn key_at(body: &str, indent: usize) -> Option<(String, usize)> {
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
        Some(b'[' | b'{') => {
            let (mut depth, mut quote, mut prev) = (0usize, None, b' ');
            i = 0;
            while i < b.len() {
                let c = b[i];
                match quote {
                    Some(b'"') if c == b'\\' => i += 1,
                    Some(q) if c == q && q == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if matches!(c, b'"' | b'\'')
                        && matches!(prev, b'[' | b'{' | b',' | b':') =>
                    {
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
        }
        Some(b'|' | b'>') => return (s.find([' ', '\t']).unwrap_or(s.len()), true),
        Some(_) => {
            let end = [" #", "\t#"]
                .iter()
                .filter_map(|p| s.find(p))
                .min()
                .unwrap_or(s.len());
            return (s[..end].trim_end_matches([' ', '\t']).len(), true);
        }
    }
    (s.len(), false)
}

/// How the old value was written; the new value copies it where it can.
enum Old {
    Empty,
    Plain(String),
    Single,
    Double,
    Block {
        literal: bool,
        keep: bool,
        content: Option<usize>,
    },
    Flow {
        pad: bool,
        sep: String,
        quote: Option<char>,
    },
    Seq {
        dash: usize,
        quote: Option<char>,
    },
    Map {
        child: usize,
    },
    Other,
}

fn old_style(lines: &[Line], e: &Entry) -> Old {
    let inline = &lines[e.first].body[e.val..e.val_end];
    let rest = &lines[e.first + 1..=e.last];
    let mut content = rest
        .iter()
        .map(|l| l.body.as_str())
        .filter(|b| !is_blank(b) && !is_comment(b));
    match inline.as_bytes().first() {
        None => {
            let Some(body) = content.next() else {
                return Old::Empty;
            };
            let ind = indent_of(body);
            if is_seq_item(&body[ind..]) {
                let quote = std::iter::once(body)
                    .chain(content)
                    .filter(|b| indent_of(b) == ind && is_seq_item(&b[ind..]))
                    .find_map(|b| {
                        b[ind + 1..]
                            .trim_start()
                            .chars()
                            .next()
                            .filter(|c| matches!(c, '"' | '\''))
                    });
                Old::Seq { dash: ind, quote }
            } else if key_at(body, ind).is_some() {
                Old::Map { child: ind }
            } else {
                Old::Other
            }
        }
        Some(b'|' | b'>') => Old::Block {
            literal: inline.starts_with('|'),
            keep: inline.contains('+'),
            content: rest
                .iter()
                .find(|l| !is_blank(&l.body))
                .map(|l| indent_of(&l.body)),
        },
        Some(b'"') => Old::Double,
        Some(b'\'') => Old::Single,
        Some(b'[') => {
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
                        let spaces =
                            inline[i + 1..].len() - inline[i + 1..].trim_start_matches(' ').len();
                        sep = Some(format!(",{}", " ".repeat(spaces)));
                    }
                    None => {}
                }
                if c != b' ' {
                    prev = c;
                }
            }
            Old::Flow {
                pad,
                sep: sep.unwrap_or_else(|| ", ".to_owned()),
                quote,
            }
        }
        Some(b'{') => Old::Other,
        Some(_) => Old::Plain(inline.to_owned()),
    }
}

/// Anchors, aliases, tags and merge keys tie an entry to others; editing it could change them.
fn check_entry(lines: &[Line], e: &Entry) -> Result<(), EditError> {
    let refused = |v: &str| {
        v.starts_with(['&', '*', '!'])
            || (v.starts_with(['[', '{'])
                && v.as_bytes().windows(2).any(|w| {
                    matches!(w[0], b'[' | b'{' | b',' | b' ') && matches!(w[1], b'&' | b'*' | b'!')
                }))
    };
    let inline = &lines[e.first].body[e.val..e.val_end];
    let mut values = vec![inline];
    if !inline.starts_with(['|', '>']) {
        for line in &lines[e.first + 1..=e.last] {
            let mut t = line.body.trim_start();
            while is_seq_item(t) {
                t = t[1..].trim_start();
            }
            if t.starts_with("<<") {
                return Err(err(format!("`{}` uses a merge key", e.key)));
            }
            values.push(key_at(t, 0).map_or(t, |(_, colon)| t[colon + 1..].trim_start()));
        }
    }
    match values.into_iter().any(refused) {
        true => Err(err(format!("`{}` uses an anchor, alias or tag", e.key))),
        false => Ok(()),
    }
}

/// The file's own layout, for values written in a new shape.
struct Style {
    /// Indentation of a nested mapping under its key.
    unit: usize,
    /// Indentation of `- ` items under their key (Jekyll often uses 0).
    seq: usize,
    eol: &'static str,
}

fn detect_style(lines: &[Line], top: &[Entry]) -> Style {
    let (mut unit, mut seq) = (None, None);
    for e in top {
        match old_style(lines, e) {
            Old::Map { child } => unit = unit.or(Some(child.saturating_sub(e.indent))),
            Old::Seq { dash, .. } => seq = seq.or(Some(dash.saturating_sub(e.indent))),
            _ => {}
        }
    }
    let unit = unit.filter(|u| *u > 0).unwrap_or(2);
    let eol = lines
        .first()
        .map(|l| l.end)
        .filter(|end| !end.is_empty())
        .unwrap_or("\n");
    Style {
        unit,
        seq: seq.unwrap_or(unit),
        eol,
    }
}

/// Where an edit's key is: the entries down its path found so far, each with the number of
/// entries in its mapping, and, if the path ends early, where the rest would be inserted.
struct Missing {
    at: usize,
    indent: usize,
    depth: usize,
}

type Located = (Vec<(Entry, usize)>, Option<Missing>);

fn locate(lines: &[Line], path: &[String], style: &Style) -> Result<Located, EditError> {
    let (mut from, mut to, mut indent) = (0, lines.len(), top_indent(lines));
    let mut levels: Vec<(Entry, usize)> = Vec::new();
    for (depth, key) in path.iter().enumerate() {
        let entries = scan(lines, from, to, indent)?;
        let mut hits = entries.iter().filter(|e| e.key == *key);
        let Some(e) = hits.next().cloned() else {
            let after = entries.last().or(levels.last().map(|(parent, _)| parent));
            let at = after.map_or(lines.len(), |e| e.last + 1);
            return Ok((levels, Some(Missing { at, indent, depth })));
        };
        if hits.next().is_some() {
            return Err(err(format!("`{key}` is given twice")));
        }
        levels.push((e.clone(), entries.len()));
        if depth + 1 < path.len() {
            match old_style(lines, &e) {
                Old::Map { child } => (from, to, indent) = (e.first + 1, e.last + 1, child),
                Old::Empty => {
                    let missing = Missing {
                        at: e.last + 1,
                        indent: e.indent + style.unit,
                        depth: depth + 1,
                    };
                    return Ok((levels, Some(missing)));
                }
                _ => return Err(err(format!("`{key}` is not a block mapping"))),
            }
        }
    }
    Ok((levels, None))
}

fn apply_one(
    lines: &mut Vec<Line>,
    edit: &Edit,
    style: &Style,
    expected: &mut Map<String, Value>,
) -> Result<(), EditError> {
    let path = &edit.path;
    let (levels, missing) = locate(lines, path, style)?;
    match (&edit.value, missing) {
        (None, Some(_)) => {}
        (None, None) => {
            // A mapping left with no keys goes too, rather than turning into a null.
            let mut k = levels.len().saturating_sub(1);
            while k > 0 && levels[k].1 == 1 {
                k -= 1;
            }
            let Some((e, _)) = levels.get(k) else {
                return Err(err("key not found"));
            };
            check_entry(lines, e)?;
            // Comments indented under the entry go with it; left behind, they would hang under
            // the entry before it (and inside a block scalar there, become its text).
            let mut last = e.last;
            for (i, line) in lines.iter().enumerate().skip(e.last + 1) {
                match (
                    is_blank(&line.body),
                    is_comment(&line.body) && indent_of(&line.body) > e.indent,
                ) {
                    (true, _) => {}
                    (false, true) => last = i,
                    (false, false) => break,
                }
            }
            splice(lines, e.first, last + 1, Vec::new(), style.eol);
            json_remove(expected, &path[..=k]);
        }
        (Some(value), Some(m)) => {
            let Some((leaf, parents)) = path[m.depth..].split_last() else {
                return Err(err("empty key path"));
            };
            let mut new = Vec::new();
            let mut indent = m.indent;
            for key in parents {
                new.push(entry_line(indent, &key_text(key), ""));
                indent += style.unit;
            }
            let (inline, cont) = render(value, &Old::Empty, indent, style, false);
            new.push(entry_line(indent, &key_text(leaf), &inline));
            new.extend(cont);
            splice(lines, m.at, m.at, new, style.eol);
            json_set(expected, path, value);
        }
        (Some(value), None) => {
            let Some((e, _)) = levels.last() else {
                return Err(err("key not found"));
            };
            check_entry(lines, e)?;
            let old = old_style(lines, e);
            let body = &lines[e.first].body;
            let (head, was_empty) = (&body[..=e.colon], e.val == e.val_end);
            let (gap, tail) = match (was_empty, e.closed) {
                (true, _) => (" ", &body[e.colon + 1..]),
                (false, closed) => (
                    &body[e.colon + 1..e.val],
                    if closed { &body[e.val_end..] } else { "" },
                ),
            };
            // A block scalar would take an indented comment line after the entry as its text.
            let next = lines[e.last + 1..].iter().find(|l| !is_blank(&l.body));
            let block_ok = next.is_none_or(|l| indent_of(&l.body) <= e.indent);
            let (inline, cont) = render(value, &old, e.indent, style, block_ok);
            let comment = if tail.contains('#') { tail } else { "" };
            let first = match (inline.is_empty(), was_empty) {
                (true, _) => format!("{head}{comment}"),
                (false, true) => format!("{head}{gap}{inline}{comment}"),
                (false, false) => format!("{head}{gap}{inline}{tail}"),
            };
            let (from, to) = (e.first, e.last + 1);
            splice(
                lines,
                from,
                to,
                std::iter::once(first).chain(cont).collect(),
                style.eol,
            );
            json_set(expected, path, value);
        }
    }
    Ok(())
}

/// Replaces `lines[from..to]`; whichever line ends the block afterwards keeps the old block's
/// final line ending (or its lack of one).
fn splice(lines: &mut Vec<Line>, from: usize, to: usize, new: Vec<String>, eol: &'static str) {
    let final_end = if to == lines.len() {
        lines.last().map(|l| l.end)
    } else {
        None
    };
    lines.splice(
        from..to,
        new.into_iter().map(|body| Line { body, end: eol }),
    );
    if let Some(end) = final_end {
        for line in lines.iter_mut().filter(|l| l.end.is_empty()) {
            line.end = eol;
        }
        if let Some(last) = lines.last_mut() {
            last.end = end;
        }
    }
}

fn json_set(map: &mut Map<String, Value>, path: &[String], value: &NewValue) {
    let Some((leaf, parents)) = path.split_last() else {
        return;
    };
    let mut map = map;
    for key in parents {
        let slot = map.entry(key.clone()).or_insert(Value::Null);
        if !slot.is_object() {
            *slot = Value::Object(Map::new());
        }
        let Value::Object(next) = slot else { return };
        map = next;
    }
    let value = match value {
        NewValue::Json(v) => v.clone(),
        NewValue::Date(text) => Value::String(text.clone()),
    };
    map.insert(leaf.clone(), value);
}

fn json_remove(map: &mut Map<String, Value>, path: &[String]) {
    match path {
        [] => {}
        [key] => drop(map.shift_remove(key)),
        [key, rest @ ..] => {
            if let Some(Value::Object(child)) = map.get_mut(key) {
                json_remove(child, rest);
            }
        }
    }
}

fn entry_line(indent: usize, key: &str, inline: &str) -> String {
    let sep = if inline.is_empty() { "" } else { " " };
    format!("{}{key}:{sep}{inline}", " ".repeat(indent))
}

/// A new value as its text on the key line and the lines that follow it.
fn render(
    value: &NewValue,
    old: &Old,
    indent: usize,
    style: &Style,
    block_ok: bool,
) -> (String, Vec<String>) {
    match value {
        NewValue::Date(text) => render_str(text, old, indent, style, true, block_ok),
        NewValue::Json(Value::String(s)) => render_str(s, old, indent, style, false, block_ok),
        NewValue::Json(v) => render_json(v, old, indent, style),
    }
}

fn render_json(v: &Value, old: &Old, indent: usize, style: &Style) -> (String, Vec<String>) {
    let inline = |text: &str| (text.to_owned(), Vec::new());
    match v {
        Value::String(s) => render_str(s, old, indent, style, false, false),
        Value::Null => inline(match old {
            Old::Empty => "",
            Old::Plain(p) if p == "~" => "~",
            _ => "null",
        }),
        Value::Bool(_) | Value::Number(_) => inline(&v.to_string()),
        Value::Array(items) if items.is_empty() => inline("[]"),
        Value::Object(map) if map.is_empty() => inline("{}"),
        Value::Array(items) => match old {
            Old::Flow { pad, sep, quote }
                if items.iter().all(|i| !i.is_array() && !i.is_object()) =>
            {
                let inner: Vec<String> = items.iter().map(|i| item_text(i, *quote, true)).collect();
                let pad = if *pad { " " } else { "" };
                inline(&format!("[{pad}{}{pad}]", inner.join(sep)))
            }
            Old::Seq { dash, quote } => (String::new(), seq_lines(items, *dash, *quote, style)),
            _ => (
                String::new(),
                seq_lines(items, indent + style.seq, None, style),
            ),
        },
        Value::Object(map) => {
            let child = match old {
                Old::Map { child } => *child,
                _ => indent + style.unit,
            };
            (String::new(), map_lines(map, child, style))
        }
    }
}

fn render_str(
    s: &str,
    old: &Old,
    indent: usize,
    style: &Style,
    date: bool,
    block_ok: bool,
) -> (String, Vec<String>) {
    let block = match old {
        _ if !block_ok => None,
        Old::Block {
            literal,
            keep,
            content,
        } => Some((*literal, *keep, content.filter(|c| *c > indent))),
        Old::Plain(_) | Old::Single if s.contains('\n') => Some((true, false, None)),
        _ => None,
    };
    if let Some((literal, keep, content)) = block {
        let content = content.unwrap_or(indent + style.unit);
        if let Some(out) = block_scalar(s, literal, keep, content, indent) {
            return out;
        }
    }
    let text = match old {
        Old::Double => double(s),
        Old::Single if !s.chars().any(unprintable) => single(s),
        Old::Single => double(s),
        _ if plain_ok(s, false, !date) => s.to_owned(),
        _ => double(s),
    };
    (text, Vec::new())
}

fn seq_lines(items: &[Value], dash: usize, quote: Option<char>, style: &Style) -> Vec<String> {
    let pad = " ".repeat(dash);
    let mut out = Vec::new();
    for item in items {
        let nested = match item {
            Value::Array(a) if !a.is_empty() => seq_lines(a, dash + 2, quote, style),
            Value::Object(m) if !m.is_empty() => map_lines(m, dash + 2, style),
            _ => vec![format!("  {}", item_text(item, quote, false))],
        };
        for (i, line) in nested.into_iter().enumerate() {
            out.push(if i == 0 {
                format!("{pad}- {}", line.trim_start())
            } else {
                line
            });
        }
    }
    out
}

fn map_lines(map: &Map<String, Value>, indent: usize, style: &Style) -> Vec<String> {
    let mut out = Vec::new();
    for (key, v) in map {
        let (inline, cont) = render_json(v, &Old::Empty, indent, style);
        out.push(entry_line(indent, &key_text(key), &inline));
        out.extend(cont);
    }
    out
}

fn item_text(v: &Value, quote: Option<char>, flow: bool) -> String {
    match v {
        Value::String(s) if plain_ok(s, flow, true) => s.clone(),
        Value::String(s) if quote == Some('\'') && !s.chars().any(unprintable) => single(s),
        Value::String(s) => double(s),
        other => other.to_string(),
    }
}

fn key_text(key: &str) -> String {
    if plain_ok(key, false, true) {
        key.to_owned()
    } else {
        double(key)
    }
}

/// Characters a YAML file cannot hold as they are (line breaks included); tab is fine.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{feff}' | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn double(s: &str) -> String {
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

fn single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// Whether `s` can be written unquoted. `strict` also keeps out what a YAML 1.1 reader would
/// take for a boolean, null, number, date or time, though this reader sees a string.
fn plain_ok(s: &str, flow: bool, strict: bool) -> bool {
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
    !unsafe_
        && reads_back(
            &if flow {
                format!("k: [{s}]\n")
            } else {
                format!("k: {s}\n")
            },
            s,
        )
}

fn looks_typed(s: &str) -> bool {
    const WORDS: [&str; 23] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
        "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "=",
    ];
    let unsigned = s.trim_start_matches(['+', '-']);
    WORDS.contains(&s)
        || s.starts_with("<<")
        || ["0x", "0o", "0b"].iter().any(|p| unsigned.starts_with(p))
        || (s.contains(|c: char| c.is_ascii_digit())
            && s.chars()
                .all(|c| c.is_ascii_digit() || "_:.+-eE TtZz".contains(c)))
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
fn block_scalar(
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
    let rel = content
        .checked_sub(indent)
        .filter(|r| (1..=9).contains(r))?;
    if body.chars().any(|c| c != '\n' && unprintable(c)) {
        return None;
    }
    let segments: Vec<&str> = if body.is_empty() {
        Vec::new()
    } else {
        body.split('\n').collect()
    };
    let mut rows: Vec<&str> = Vec::new();
    let mut seen_text = false;
    for seg in &segments {
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
    if chomp == "+" {
        rows.extend(std::iter::repeat_n("", trailing - 1));
    }
    let leading_space = segments
        .iter()
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with(' '));
    let indicator = if leading_space {
        rel.to_string()
    } else {
        String::new()
    };
    let header = format!("{}{indicator}{chomp}", if literal { '|' } else { '>' });
    let at = |column: usize| {
        let pad = " ".repeat(column);
        rows.iter().map(move |r| {
            if r.is_empty() {
                String::new()
            } else {
                format!("{pad}{r}")
            }
        })
    };
    let doc: String = at(rel).fold(format!("k: {header}\n"), |doc, row| doc + &row + "\n");
    reads_back(&doc, s).then(|| (header, at(content).collect()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "yaml_tests.rs"]
mod tests;
