//! One edit on the block's lines: find the entry down the key path, then replace its lines,
//! remove them, or insert new entries where the path ends early. Lines outside the entry are
//! never touched.

use serde_json::{Map, Value};

use super::err;
use super::expect::{json_remove, json_set};
use super::refuse::check_entry;
use super::render::{entry_line, key_text, render};
use super::scan::{indent_of, is_blank, is_comment, scan, top_indent, Entry, Line};
use super::style::{old_style, Old, Style};
use crate::edit::{Edit, EditError, NewValue};

/// Applies `edit` to `lines`, and to `expected`, what the block should read back as.
pub(super) fn apply_one(
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
            let removed = remove(lines, &levels, style)?;
            json_remove(expected, &path[..=removed]);
        }
        (Some(value), Some(m)) => {
            add(lines, &path[m.depth..], value, &m, style)?;
            json_set(expected, path, value);
        }
        (Some(value), None) => {
            replace(lines, &levels, value, style)?;
            json_set(expected, path, value);
        }
    }
    Ok(())
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
                    let missing = Missing { at: e.last + 1, indent: e.indent + style.unit, depth: depth + 1 };
                    return Ok((levels, Some(missing)));
                }
                _ => return Err(err(format!("`{key}` is not a block mapping"))),
            }
        }
    }
    Ok((levels, None))
}

/// Removes the entry at the end of `levels`; returns the depth of the entry actually removed.
fn remove(lines: &mut Vec<Line>, levels: &[(Entry, usize)], style: &Style) -> Result<usize, EditError> {
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
        match (is_blank(&line.body), is_comment(&line.body) && indent_of(&line.body) > e.indent) {
            (true, _) => {}
            (false, true) => last = i,
            (false, false) => break,
        }
    }
    splice(lines, e.first, last + 1, Vec::new(), style.eol);
    Ok(k)
}

/// Inserts the missing `keys` (parents first, then the leaf holding `value`) at `m`.
fn add(lines: &mut Vec<Line>, keys: &[String], value: &NewValue, m: &Missing, style: &Style) -> Result<(), EditError> {
    let Some((leaf, parents)) = keys.split_last() else {
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
    Ok(())
}

/// Rewrites the value of the entry at the end of `levels`, keeping its key text, the spacing
/// after the colon and a trailing comment.
fn replace(lines: &mut Vec<Line>, levels: &[(Entry, usize)], value: &NewValue, style: &Style) -> Result<(), EditError> {
    let Some((e, _)) = levels.last() else {
        return Err(err("key not found"));
    };
    check_entry(lines, e)?;
    let old = old_style(lines, e);
    let body = &lines[e.first].body;
    let (head, was_empty) = (&body[..=e.colon], e.val == e.val_end);
    let (gap, tail) = match (was_empty, e.closed) {
        (true, _) => (" ", &body[e.colon + 1..]),
        (false, closed) => (&body[e.colon + 1..e.val], if closed { &body[e.val_end..] } else { "" }),
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
    splice(lines, from, to, std::iter::once(first).chain(cont).collect(), style.eol);
    Ok(())
}

/// Replaces `lines[from..to]`; whichever line ends the block afterwards keeps the old block's
/// final line ending (or its lack of one).
fn splice(lines: &mut Vec<Line>, from: usize, to: usize, new: Vec<String>, eol: &'static str) {
    let final_end = if to == lines.len() { lines.last().map(|l| l.end) } else { None };
    lines.splice(from..to, new.into_iter().map(|body| Line { body, end: eol }));
    if let Some(end) = final_end {
        for line in lines.iter_mut().filter(|l| l.end.is_empty()) {
            line.end = eol;
        }
        if let Some(last) = lines.last_mut() {
            last.end = end;
        }
    }
}
