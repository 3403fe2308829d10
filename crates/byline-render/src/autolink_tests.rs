//! The GFM extended-autolink cases, each as GitHub renders it.

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
    one(
        "Visit www.commonmark.org/help for more information.",
        "www.commonmark.org/help",
        "http://www.commonmark.org/help",
    );
    one("Visit www.commonmark.org.", "www.commonmark.org", "http://www.commonmark.org");
    one("Visit www.commonmark.org/a.b.", "www.commonmark.org/a.b", "http://www.commonmark.org/a.b");
    one(
        "www.google.com/search?q=Markup+(business)",
        "www.google.com/search?q=Markup+(business)",
        "http://www.google.com/search?q=Markup+(business)",
    );
    one(
        "www.google.com/search?q=Markup+(business)))",
        "www.google.com/search?q=Markup+(business)",
        "http://www.google.com/search?q=Markup+(business)",
    );
    one(
        "(www.google.com/search?q=Markup+(business))",
        "www.google.com/search?q=Markup+(business)",
        "http://www.google.com/search?q=Markup+(business)",
    );
    one(
        "www.google.com/search?q=commonmark&hl=en",
        "www.google.com/search?q=commonmark&hl=en",
        "http://www.google.com/search?q=commonmark&hl=en",
    );
    one(
        "www.google.com/search?q=commonmark&hl;",
        "www.google.com/search?q=commonmark",
        "http://www.google.com/search?q=commonmark",
    );
    one("www.commonmark.org/he<lp", "www.commonmark.org/he", "http://www.commonmark.org/he");
    one("http://commonmark.org", "http://commonmark.org", "http://commonmark.org");
    one(
        "(Visit https://encrypted.google.com/search?q=Markup+(business))",
        "https://encrypted.google.com/search?q=Markup+(business)",
        "https://encrypted.google.com/search?q=Markup+(business)",
    );
    one("foo@bar.baz", "foo@bar.baz", "mailto:foo@bar.baz");
    one(
        "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
        "hello+xyz@mail.example",
        "mailto:hello+xyz@mail.example",
    );
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

/// The previous implementation, quadratic but straightforward: the reference for `split`.
mod naive {
    use super::super::{email_len, is_email_local, valid_domain};

    pub(super) fn links(text: &str) -> Vec<(usize, usize, String)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if let Some((end, href)) = link_at(text, i) {
                found.push((i, end, href));
                i = end;
            } else {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    fn link_at(text: &str, i: usize) -> Option<(usize, String)> {
        let before = text[..i].chars().next_back();
        let rest = &text[i..];
        if before.is_none_or(|c| c.is_whitespace() || "*_~(".contains(c)) {
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

    fn url_len(s: &str, domain_start: usize) -> Option<usize> {
        let domain_end = domain_start
            + s[domain_start..]
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_' || c == '.'))
                .unwrap_or(s.len() - domain_start);
        let raw_end = s.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(s.len());
        let end = trim_trailing(&s[..raw_end]);
        let domain = s[domain_start..end.min(domain_end)].trim_end_matches('.');
        (end > domain_start && valid_domain(domain)).then_some(end)
    }

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
}

fn all_links(text: &str) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for segment in split(text) {
        match segment {
            Segment::Text(t) => offset += t.len(),
            Segment::Link { text: t, href } => {
                found.push((offset, offset + t.len(), href));
                offset += t.len();
            }
        }
    }
    assert_eq!(offset, text.len(), "segments cover {text:?}");
    found
}

#[test]
fn same_links_as_the_reference_implementation() {
    const PIECES: &[&str] = &[
        "www.", "http://", "HTTPS://", "a", "b", "w", "1", "-", "_", ".", "..", "(", ")", "))", "!", "?", ",", ":",
        "*", "~", "'", "\"", "&", "&lt;", "&x1;", ";", " ", "\n", "<", "@", "+", "/", "é", "x.y", "_www.", "(www.",
    ];
    // A fixed pseudo-random sequence (xorshift), so failures reproduce.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % n as u64).unwrap_or(0)
    };
    for _ in 0..200_000 {
        let len = 1 + next(14);
        let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
        assert_eq!(all_links(&text), naive::links(&text), "in {text:?}");
    }
}

#[test]
fn domain_facts_agree_with_valid_domain() {
    // Every string of up to 7 characters over the alphabet that matters to `valid_domain`.
    let alphabet = [b'a', b'.', b'_', b'-'];
    let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
    for _ in 0..7 {
        let longer: Vec<Vec<u8>> = strings
            .iter()
            .filter(|s| s.len() == strings.last().map_or(0, Vec::len))
            .flat_map(|s| alphabet.iter().map(move |&c| [s.clone(), vec![c]].concat()))
            .collect();
        strings.extend(longer);
    }
    for s in &strings {
        let text = std::str::from_utf8(s).unwrap_or_default();
        let end = text.trim_end_matches('.').len();
        let facts = DomainFacts::new(s, 0, end);
        for start in 0..=text.len() {
            let expected = valid_domain(text.get(start..end.max(start)).unwrap_or_default());
            assert_eq!(facts.valid_from(s, start), expected, "{text:?} from {start}");
        }
    }
}

#[test]
fn trailing_parens_are_trimmed_in_linear_time() {
    // Each of these took minutes with a recount per trimmed character.
    let closing = format!("www.a.com{}", ")".repeat(100_000));
    one(&closing, "www.a.com", "http://www.a.com");
    let nested = format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(100_000));
    let kept = format!("www.a.com{}{}", "(".repeat(50_000), ")".repeat(50_000));
    one(&nested, &kept, &format!("http://{kept}"));
    let long = format!("www.a.com/{}", "x".repeat(1 << 20));
    one(&long, &long, &format!("http://{long}"));
    let punctuation = format!("www.a.com/x{}", "!.)".repeat(100_000));
    one(&punctuation, "www.a.com/x", "http://www.a.com/x");
}

#[test]
fn many_candidates_in_one_token_stay_linear() {
    // Each candidate used to rescan the rest of the token (and of its domain).
    let patterns = |n: usize| {
        [
            "(www.".repeat(n),
            "_www.".repeat(n),
            "(http://_".repeat(n),
            format!("{}x{}", "(www.a.b_".repeat(n), "!".repeat(n)),
            format!("{}a.b{}", "_www.".repeat(n), ")".repeat(n)),
            format!("{}{}", "(www.a.b".repeat(n), ")".repeat(2 * n)),
        ]
    };
    for text in patterns(200) {
        assert_eq!(all_links(&text), naive::links(&text), "in {text:?}");
    }
    let n = 100_000;
    assert!(links(&"(www.".repeat(n)).is_empty());
    assert!(links(&"_www.".repeat(n)).is_empty());
    assert!(links(&"(http://_".repeat(n)).is_empty());
    let failing = format!("{}x{}", "(www.a.b_".repeat(n), "!".repeat(n));
    assert!(links(&failing).is_empty());
    let chained = format!("{}a.b{}", "_www.".repeat(n), ")".repeat(n));
    assert_eq!(links(&chained).len(), 1);
    let tail = format!("{}{}", "(www.a.b".repeat(n), ")".repeat(2 * n));
    assert_eq!(links(&tail).len(), 1);
    let entities = format!("www.a.b{}", "&amp;".repeat(n));
    one(&entities, "www.a.b", "http://www.a.b");
}

#[test]
fn text_around_links_is_kept() {
    let parts = split("see www.x.com, ok");
    assert_eq!(parts[0], Segment::Text("see "));
    assert_eq!(parts[2], Segment::Text(", ok"));
}
