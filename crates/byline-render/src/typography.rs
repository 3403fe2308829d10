//! Smart punctuation for an exported copy: straight quotes, `--`, `---` and `...` turned into
//! the draft language's typography, in prose only (never in code, URLs, HTML, template tags or
//! front matter).
//!
//! The rules are causal: each character is decided from the text before it, already converted,
//! exactly as the editor decides it while the writer types. So typing a text and exporting it
//! give the same result; `tests/smart_punctuation_cases.json` holds that one specification and
//! both implementations run it.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::events::options;
use crate::template_find::{lines, scan};

/// Narrow no-break space: French puts it inside guillemets and before `; ! ?` (the "espace fine
/// insécable"); a full no-break space (U+00A0) would be a word space, too wide and stretched by
/// justification.
const NNBSP: char = '\u{202F}';

/// One language's quotation marks.
struct Style {
    open2: &'static str,
    close2: &'static str,
    open1: char,
    close1: char,
    french: bool,
}

fn style(language: &str) -> Style {
    let primary = language.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "de" => Style { open2: "„", close2: "“", open1: '‚', close1: '‘', french: false },
        "fr" => Style { open2: "«\u{202F}", close2: "\u{202F}»", open1: '‘', close1: '’', french: true },
        _ => Style { open2: "“", close2: "”", open1: '‘', close1: '’', french: false },
    }
}

/// `markdown` (a body without front matter, though a leading block is skipped too) with smart
/// punctuation in its prose, for `language` (a tag such as "en", "de-CH"; English otherwise).
pub fn smarten(markdown: &str, language: &str) -> String {
    let style = style(language);
    let prose = prose_ranges(markdown);
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut ranges = prose.iter().peekable();
    for (at, c) in markdown.char_indices() {
        while ranges.peek().is_some_and(|range| range.end <= at) {
            ranges.next();
        }
        let in_prose = ranges.peek().is_some_and(|range| range.start <= at);
        if !in_prose || !apply(&mut out, c, &style) {
            out.push(c);
        }
    }
    out
}

/// Applies the rule for typing `c` after `out`; false when no rule applies (`c` stays as typed).
fn apply(out: &mut String, c: char, style: &Style) -> bool {
    if !matches!(c, '"' | '\'' | '-' | '.' | ';' | ':' | '!' | '?') && !c.is_ascii_digit() {
        return false;
    }
    if escaped(out) || in_url(out) {
        return false;
    }
    match c {
        '"' => {
            let opening = opens(out, style) && !(style.french && closes_spaced_guillemet(out));
            if style.french && !opening && out.ends_with(' ') {
                out.pop();
            }
            out.push_str(if opening { style.open2 } else { style.close2 });
        }
        '\'' => {
            let quote = if opens(out, style) {
                style.open1
            } else if style.close1 != '’' && unmatched(out, style.open1, style.close1) {
                style.close1
            } else {
                '’'
            };
            out.push(quote);
        }
        '-' if out.ends_with('–') => {
            out.pop();
            out.push('—');
        }
        '-' if out.ends_with('-') && !dash_at_line_start(&out[..out.len() - 1]) => {
            out.pop();
            out.push('–');
        }
        '.' if out.ends_with("..") => {
            out.truncate(out.len() - 2);
            out.push('…');
        }
        ';' | '!' | '?' | ':' if style.french => {
            let before: Vec<char> = out.chars().rev().take(2).collect();
            match before.as_slice() {
                [' ', prev, ..] if !prev.is_whitespace() => {
                    out.pop();
                    out.push(NNBSP);
                }
                // Never a space inserted before a colon: `http:`, `10:30` and `mailto:` stay whole.
                [prev, ..] if c != ':' && (prev.is_alphabetic() || *prev == '»') => out.push(NNBSP),
                _ => {}
            }
            out.push(c);
        }
        digit if digit.is_ascii_digit() => {
            // ’90s: an opening single quote right before a digit was an elision.
            let mut tail = out.chars().rev();
            if tail.next() == Some(style.open1) && tail.next().is_none_or(char::is_whitespace) {
                out.pop();
                out.push('’');
            }
            out.push(digit);
        }
        _ => return false,
    }
    true
}

/// A quote typed after this text opens: at the start, after a space, an opening bracket, a dash
/// or an opening quote; emphasis marks are looked through (`*"` opens, `word*"` closes).
fn opens(out: &str, style: &Style) -> bool {
    let before = out.trim_end_matches(['*', '_', '~']);
    match before.chars().next_back() {
        None => true,
        // `>` ends an HTML tag: `<b>"x"` opens. German's closing marks (“ ‘) are English's
        // opening ones, so only the language's own opening marks count.
        Some(prev) => {
            prev.is_whitespace() || "([{<>—–-«".contains(prev) || style.open2.starts_with(prev) || prev == style.open1
        }
    }
}

/// French writers often type `" Bonjour "`: a quote after a space closes an open guillemet.
fn closes_spaced_guillemet(out: &str) -> bool {
    out.ends_with(' ') && unmatched(out, '«', '»')
}

/// Whether the current paragraph has an `open` mark not yet closed by `close`.
fn unmatched(out: &str, open: char, close: char) -> bool {
    let paragraph = out.rfind("\n\n").map_or(out, |at| &out[at..]);
    let opened = paragraph.chars().filter(|&c| c == open).count();
    let closed = paragraph.chars().filter(|&c| c == close).count();
    opened > closed
}

/// An odd run of backslashes before the character: the writer asked for the plain character.
fn escaped(out: &str) -> bool {
    (out.len() - out.trim_end_matches('\\').len()) % 2 == 1
}

/// The word being typed is a bare URL.
fn in_url(out: &str) -> bool {
    let word = out.rsplit(char::is_whitespace).next().unwrap_or("");
    let word = word.trim_start_matches(['(', '<', '[', '"', '\'']);
    word.contains("://") || word.starts_with("www.") || word.starts_with("mailto:")
}

/// Dashes that begin a line (after quote, list or table marks) are Markdown: rules, setext
/// underlines, list items, table delimiter rows.
fn dash_at_line_start(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or("");
    line.chars().all(|c| c.is_whitespace() || "|:>+*-".contains(c))
}

/// The byte ranges of `markdown` that are prose: text outside code, autolinks, HTML, front
/// matter and template tags.
fn prose_ranges(markdown: &str) -> Vec<Range<usize>> {
    let options =
        options() | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut ranges = Vec::new();
    let mut shut = 0usize;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_))
            | Event::Start(Tag::Link { link_type: LinkType::Autolink | LinkType::Email, .. }) => shut += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => shut = shut.saturating_sub(1),
            Event::End(TagEnd::Link) if shut > 0 && is_autolink(markdown, &range) => shut -= 1,
            Event::Text(_) if shut == 0 => ranges.push(range),
            _ => {}
        }
    }
    without_template_tags(markdown, ranges)
}

fn is_autolink(markdown: &str, range: &Range<usize>) -> bool {
    markdown.get(range.clone()).is_some_and(|text| text.starts_with('<'))
}

/// `ranges` minus every template tag (`{{< figure src="a.png" >}}` must keep its straight quotes).
fn without_template_tags(markdown: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let tags: Vec<Range<usize>> = lines(markdown)
        .into_iter()
        .flat_map(|line| {
            let start = line.start;
            scan(&markdown[line]).into_iter().map(move |tag| start + tag.range.start..start + tag.range.end)
        })
        .collect();
    if tags.is_empty() {
        return ranges;
    }
    let mut kept = Vec::new();
    for range in ranges {
        let mut start = range.start;
        for tag in tags.iter().filter(|tag| tag.start < range.end && tag.end > range.start) {
            if tag.start > start {
                kept.push(start..tag.start);
            }
            start = start.max(tag.end);
        }
        if start < range.end {
            kept.push(start..range.end);
        }
    }
    kept
}
