//! A small HTML tokenizer for tests. It reads ammonia's canonical serialization and the
//! CommonMark reference output; it is not a general HTML parser.
#![allow(dead_code)]

/// One piece of HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// Start tag with lowercased name and decoded attribute values, in source order.
    Start { name: String, attrs: Vec<(String, String)> },
    /// End tag.
    End(String),
    /// Decoded text.
    Text(String),
    /// A comment (ammonia strips them, so any in output is a bug).
    Comment(String),
}

/// Splits `html` into tokens.
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let flush = |tokens: &mut Vec<Token>, end: usize| {
            if text_start < end {
                tokens.push(Token::Text(decode(&html[text_start..end])));
            }
        };
        if html[i..].starts_with("<!--") {
            flush(&mut tokens, i);
            let end = html[i + 4..].find("-->").map_or(html.len(), |e| i + 4 + e + 3);
            tokens.push(Token::Comment(html[i..end].to_string()));
            i = end;
            text_start = i;
        } else if html[i..].starts_with("</") && b.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
            flush(&mut tokens, i);
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            let name = html[i + 2..end.saturating_sub(1).max(i + 2)].trim().to_ascii_lowercase();
            tokens.push(Token::End(name));
            i = end;
            text_start = i;
        } else if b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            flush(&mut tokens, i);
            let (token, end) = start_tag(html, i + 1);
            tokens.push(token);
            i = end;
            text_start = i;
        } else {
            i += 1;
        }
    }
    if text_start < html.len() {
        tokens.push(Token::Text(decode(&html[text_start..])));
    }
    tokens
}

fn start_tag(html: &str, mut i: usize) -> (Token, usize) {
    let b = html.as_bytes();
    let name_start = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == b'>' {
            i += 1;
            break;
        }
        let attr_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = html[attr_start..i].to_ascii_lowercase();
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(html.len(), |e| i + 1 + e);
                    value = decode(&html[i + 1..end]);
                    i = (end + 1).min(html.len());
                }
                _ => {
                    let start = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&html[start..i]);
                }
            }
        }
        attrs.push((attr, value));
    }
    (Token::Start { name, attrs }, i)
}

/// Decodes the entities that appear in reference and ammonia output, plus numeric ones.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.bytes().take(12).position(|b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                u32::from_str_radix(&entity[2..], 16).ok().and_then(char::from_u32)
            }
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tags the sanitizer may let through.
pub const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Scheme of a URL as a browser parses it (tabs/newlines removed, leading junk trimmed).
pub fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    // Per the URL standard a scheme is ASCII alpha then alnum/+/-/.; anything else
    // (e.g. `java%73cript:`) makes the browser read the URL as a relative path.
    let valid = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// `//host/…` (or `/\host`, `\\host`): a browser loads it from another host.
pub fn is_network_path(url: &str) -> bool {
    let cleaned: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let mut chars = cleaned.chars();
    chars.next().is_some_and(|c| c == '/' || c == '\\') && chars.next().is_some_and(|c| c == '/' || c == '\\')
}

/// Every safety property sanitized output must have; returns the violations found.
pub fn violations(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    if html.to_ascii_lowercase().contains("<script") {
        found.push("`<script` in output".to_string());
    }
    for token in tokenize(html) {
        let (name, attrs) = match token {
            Token::Start { name, attrs } => (name, attrs),
            Token::End(name) => {
                if !ALLOWED_TAGS.contains(&name.as_str()) {
                    found.push(format!("end tag </{name}>"));
                }
                continue;
            }
            Token::Comment(c) => {
                found.push(format!("comment {c}"));
                continue;
            }
            Token::Text(_) => continue,
        };
        if !ALLOWED_TAGS.contains(&name.as_str()) {
            found.push(format!("tag <{name}>"));
        }
        for (attr, value) in &attrs {
            let bad = attr.starts_with("on")
                || attr == "style"
                || attr == "name"
                || attr == "srcset"
                || attr == "formaction"
                || attr == "action"
                || (attr == "id" && !value.starts_with("bl-"));
            if bad {
                found.push(format!("<{name} {attr}={value:?}>"));
            }
            if matches!(attr.as_str(), "href" | "src" | "cite" | "xlink:href" | "poster" | "background") {
                if let Some(scheme) = browser_scheme(value) {
                    if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
                        found.push(format!("<{name} {attr}={value:?}> has scheme {scheme}"));
                    }
                } else if attr == "href" && value.starts_with('#') && !value.starts_with("#bl-") {
                    found.push(format!("unprefixed fragment {value:?}"));
                } else if is_network_path(value) {
                    found.push(format!("<{name} {attr}={value:?}> is a remote URL that looks relative"));
                }
            }
        }
        if name == "input" {
            let has = |a: &str, v: Option<&str>| attrs.iter().any(|(n, val)| n == a && v.is_none_or(|v| val == v));
            if !has("type", Some("checkbox")) || !has("disabled", None) {
                found.push(format!("input that is not a disabled checkbox: {attrs:?}"));
            }
        }
    }
    found
}
