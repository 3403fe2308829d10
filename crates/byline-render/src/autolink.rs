//! GFM "extended autolinks": bare `www.` domains, `http(s)://` URLs and e-mail addresses
//! in plain text become links, as on GitHub (pulldown-cmark only does `<…>` autolinks).

/// A piece of a text run: kept as text or turned into a link.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Segment<'a> {
    /// Plain text.
    Text(&'a str),
    /// Link text as written and the href it points to.
    Link { text: &'a str, href: String },
}

/// Splits `text` into plain runs and extended autolinks.
pub(crate) fn split(text: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some((end, href)) = link_at(text, i) {
            if plain_start < i {
                segments.push(Segment::Text(&text[plain_start..i]));
            }
            segments.push(Segment::Link { text: &text[i..end], href });
            plain_start = end;
            i = end;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_start < text.len() {
        segments.push(Segment::Text(&text[plain_start..]));
    }
    segments
}

/// A link starting exactly at byte `i`: its end and href.
fn link_at(text: &str, i: usize) -> Option<(usize, String)> {
    let before = text[..i].chars().next_back();
    let rest = &text[i..];
    let url_boundary = before.is_none_or(|c| c.is_whitespace() || "*_~(".contains(c));
    if url_boundary {
        if rest.starts_with("www.") {
            let end = i + url_len(rest, 0)?;
            return Some((end, format!("http://{}", &text[i..end])));
        }
        for scheme in ["http://", "https://"] {
            if rest.get(..scheme.len()).is_some_and(|p| p.eq_ignore_ascii_case(scheme)) {
                let end = i + url_len(rest, scheme.len())?;
                return Some((end, text[i..end].to_string()));
            }
        }
    }
    if before.is_none_or(|c| !is_email_local(c)) {
        let end = i + email_len(rest)?;
        return Some((end, format!("mailto:{}", &text[i..end])));
    }
    None
}

/// Length of a URL whose domain starts at byte `domain_start`, after GFM trailing-punctuation rules.
fn url_len(s: &str, domain_start: usize) -> Option<usize> {
    let domain_end = domain_start + domain_len(&s[domain_start..]);
    let raw_end = s.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(s.len());
    let end = trim_trailing(&s[..raw_end]);
    let domain = s[domain_start..end.min(domain_end)].trim_end_matches('.');
    (end > domain_start && valid_domain(domain)).then_some(end)
}

/// Bytes of `s` that can belong to a domain.
fn domain_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.')).unwrap_or(s.len())
}

/// Segments separated by dots, at least one dot, no `_` in the last two segments.
fn valid_domain(domain: &str) -> bool {
    let segments: Vec<&str> = domain.split('.').collect();
    segments.len() >= 2
        && segments.iter().all(|s| !s.is_empty())
        && segments.iter().rev().take(2).all(|s| !s.contains('_'))
}

/// Drops trailing punctuation, unbalanced `)` and entity-like `&name;` from a URL candidate.
fn trim_trailing(url: &str) -> usize {
    let mut end = url.len();
    loop {
        let current = &url[..end];
        let Some(last) = current.chars().next_back() else { return end };
        let unbalanced_paren = last == ')' && current.matches(')').count() > current.matches('(').count();
        if "?!.,:*_~'\"".contains(last) || unbalanced_paren {
            end -= 1;
        } else if last == ';' {
            let body = &current[..end - 1];
            let name_start = body.trim_end_matches(|c: char| c.is_ascii_alphanumeric()).len();
            if name_start < body.len() && body[..name_start].ends_with('&') {
                end = name_start - 1;
            } else {
                return end;
            }
        } else {
            return end;
        }
    }
}

fn is_email_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".+-_".contains(c)
}

/// Length of an e-mail address at the start of `s`.
fn email_len(s: &str) -> Option<usize> {
    let at = s.find(|c: char| !is_email_local(c))?;
    if at == 0 || !s[at..].starts_with('@') {
        return None;
    }
    let domain = &s[at + 1..];
    let mut len = domain
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .unwrap_or(domain.len());
    while len > 0 && domain[..len].ends_with('.') {
        len -= 1;
    }
    let d = &domain[..len];
    let ok = d.contains('.')
        && !d.ends_with('-')
        && !d.ends_with('_')
        && d.split('.').all(|seg| !seg.is_empty());
    ok.then_some(at + 1 + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<(String, String)> {
        split(text)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Link { text, href } => Some((text.to_string(), href)),
                Segment::Text(_) => None,
            })
            .collect()
    }

    fn one(text: &str, link: &str, href: &str) {
        assert_eq!(links(text), vec![(link.to_string(), href.to_string())], "in {text:?}");
    }

    #[test]
    fn gfm_spec_examples() {
        one("www.commonmark.org", "www.commonmark.org", "http://www.commonmark.org");
        one("Visit www.commonmark.org/help for more information.", "www.commonmark.org/help", "http://www.commonmark.org/help");
        one("Visit www.commonmark.org.", "www.commonmark.org", "http://www.commonmark.org");
        one("Visit www.commonmark.org/a.b.", "www.commonmark.org/a.b", "http://www.commonmark.org/a.b");
        one("www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)", "http://www.google.com/search?q=Markup+(business)");
        one("www.google.com/search?q=Markup+(business)))", "www.google.com/search?q=Markup+(business)", "http://www.google.com/search?q=Markup+(business)");
        one("(www.google.com/search?q=Markup+(business))", "www.google.com/search?q=Markup+(business)", "http://www.google.com/search?q=Markup+(business)");
        one("www.google.com/search?q=commonmark&hl=en", "www.google.com/search?q=commonmark&hl=en", "http://www.google.com/search?q=commonmark&hl=en");
        one("www.google.com/search?q=commonmark&hl;", "www.google.com/search?q=commonmark", "http://www.google.com/search?q=commonmark");
        one("www.commonmark.org/he<lp", "www.commonmark.org/he", "http://www.commonmark.org/he");
        one("http://commonmark.org", "http://commonmark.org", "http://commonmark.org");
        one("(Visit https://encrypted.google.com/search?q=Markup+(business))", "https://encrypted.google.com/search?q=Markup+(business)", "https://encrypted.google.com/search?q=Markup+(business)");
        one("foo@bar.baz", "foo@bar.baz", "mailto:foo@bar.baz");
        one("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.", "hello+xyz@mail.example", "mailto:hello+xyz@mail.example");
    }

    #[test]
    fn non_links_stay_text() {
        assert!(links("www.").is_empty());
        assert!(links("www.x_y_z").is_empty());
        assert!(links("awww.example.com").is_empty());
        assert!(links("http://localhost").is_empty());
        assert!(links("a.b@c").is_empty());
        assert!(links("a@b.c-").is_empty());
        assert!(links("javascript://www.x.com").is_empty());
        assert!(links("\\3\\φ\\«").is_empty());
    }

    #[test]
    fn text_around_links_is_kept() {
        let parts = split("see www.x.com, ok");
        assert_eq!(parts[0], Segment::Text("see "));
        assert_eq!(parts[2], Segment::Text(", ok"));
    }
}
