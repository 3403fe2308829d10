//! TOML's four string forms, each written so it reads back as exactly the given text, or `None`
//! where the form cannot hold it.

fn is_forbidden_control(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
    }
}

/// A one-line basic string (`"…"`): quotes, backslashes and control characters escaped.
pub(crate) fn basic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '\t') || is_forbidden_control(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

pub(super) fn literal(s: &str) -> Option<String> {
    if s.contains('\'') || s.chars().any(is_forbidden_control) {
        return None;
    }
    Some(format!("'{s}'"))
}

/// Line breaks in the text are written as the file's own, which TOML reads back as `\n`.
pub(super) fn multi_basic(s: &str, opening: &str, le: &str) -> String {
    let opening = if opening.is_empty() && s.starts_with('\n') { le } else { opening };
    let mut out = format!("\"\"\"{opening}");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str(le),
            // Never two unescaped quotes in a row, nor one at the end: they could close it.
            '"' if matches!(chars.peek(), None | Some('"')) => out.push_str("\\\""),
            '"' | '\t' => out.push(c),
            '\\' => out.push_str("\\\\"),
            c if is_forbidden_control(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

pub(super) fn multi_literal(s: &str, opening: &str, le: &str) -> Option<String> {
    let forbidden = |c: char| is_forbidden_control(c) && c != '\n';
    if s.contains("'''") || s.ends_with('\'') || s.chars().any(forbidden) {
        return None;
    }
    let opening = if opening.is_empty() && s.starts_with('\n') { le } else { opening };
    Some(format!("'''{opening}{}'''", s.replace('\n', le)))
}
