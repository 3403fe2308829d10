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

/// False when `text` certainly holds no extended autolink: each needs `www.`, `://` or `@`.
/// Most prose has none, and this check is much cheaper than [`split`].
pub(crate) fn may_contain_link(text: &str) -> bool {
    text.contains("www.") || text.contains("://") || text.contains('@')
}

/// Splits `text` into plain runs and extended autolinks.
///
/// Linear in `text.len()`: the scans a URL candidate needs (to the end of its token, to the end
/// of its domain, back over trailing punctuation) are cached and shared by the later candidates
/// of the same token, so input such as `(www.(www.(www.…` or `_www._www._www.…` stays linear.
pub(crate) fn split(text: &str) -> Vec<Segment<'_>> {
    let mut scanner = Scanner { text, token: None, run: None };
    let mut segments = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        if let Some((end, href)) = scanner.link_at(i) {
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

/// Candidate positions only move forward, so each cache is extended or advanced, never rebuilt
/// over the same bytes (a query outside a cache rebuilds it, so results never depend on order).
struct Scanner<'t> {
    text: &'t str,
    token: Option<Token>,
    run: Option<Run>,
}

/// `[from, end)`: up to the first whitespace or `<` (where a URL ends before trimming).
#[derive(Clone, Copy)]
struct Token {
    from: usize,
    end: usize,
    /// `(` and `)` in `[from, end)`.
    open: usize,
    close: usize,
    /// Where trimming back from `end` stops if every `)` is unbalanced (computed on demand).
    hard_stop: Option<usize>,
}

/// `[from, end)`: a stretch of domain characters up to the first non-domain one.
#[derive(Clone, Copy)]
struct Run {
    from: usize,
    end: usize,
    /// The domain as written, trailing dots dropped.
    untrimmed: DomainFacts,
    /// The domain after trailing punctuation trimming reached into it (trailing `.` and `_` dropped).
    trimmed: DomainFacts,
}

/// What `valid_domain` needs to know about `text[start..end]`, for every `start >= from`.
#[derive(Clone, Copy)]
struct DomainFacts {
    end: usize,
    /// Last and second-to-last `.` before `end`.
    last_dot: Option<usize>,
    second_dot: Option<usize>,
    /// Start of the last `..` inside `[from, end)`.
    double_dot: Option<usize>,
    /// Last `_` before `end`.
    underscore: Option<usize>,
}

impl DomainFacts {
    fn new(bytes: &[u8], from: usize, end: usize) -> DomainFacts {
        let mut facts = DomainFacts { end, last_dot: None, second_dot: None, double_dot: None, underscore: None };
        for k in (from..end).rev() {
            match bytes[k] {
                b'.' => {
                    if facts.last_dot.is_none() {
                        facts.last_dot = Some(k);
                    } else if facts.second_dot.is_none() {
                        facts.second_dot = Some(k);
                    }
                    if facts.double_dot.is_none() && bytes.get(k + 1) == Some(&b'.') && k + 1 < end {
                        facts.double_dot = Some(k);
                    }
                }
                b'_' if facts.underscore.is_none() => facts.underscore = Some(k),
                _ => {}
            }
        }
        facts
    }

    /// `valid_domain(&text[start..self.end])`, in constant time (`self.end` never follows a `.`).
    fn valid_from(&self, bytes: &[u8], start: usize) -> bool {
        if start >= self.end {
            return false;
        }
        let two_segments = self.last_dot.is_some_and(|d| d >= start);
        let no_empty_segment = bytes[start] != b'.' && self.double_dot.is_none_or(|d| d < start);
        // The last two segments start after the second-to-last dot, or at `start` if there is none.
        let last_two_start = self.second_dot.filter(|&d| d >= start).unwrap_or(start);
        two_segments && no_empty_segment && self.underscore.is_none_or(|u| u < last_two_start)
    }
}

impl Scanner<'_> {
    /// A link starting exactly at byte `i`: its end and href.
    fn link_at(&mut self, i: usize) -> Option<(usize, String)> {
        let text = self.text;
        let before = text[..i].chars().next_back();
        let rest = &text[i..];
        let url_boundary = before.is_none_or(|c| c.is_whitespace() || "*_~(".contains(c));
        if url_boundary {
            if rest.starts_with("www.") {
                let end = self.url_end(i, i)?;
                return Some((end, format!("http://{}", &text[i..end])));
            }
            for scheme in ["http://", "https://"] {
                if rest.get(..scheme.len()).is_some_and(|p| p.eq_ignore_ascii_case(scheme)) {
                    let end = self.url_end(i, i + scheme.len())?;
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

    /// End of a URL starting at byte `start` whose domain starts at `domain_start`, after GFM
    /// trailing-punctuation rules; `None` if its domain is invalid.
    fn url_end(&mut self, start: usize, domain_start: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let run = self.run(domain_start);
        // The domain is checked as written if trimming stops at or after its end, or else as
        // shortened by trimming: if neither can be valid, no need to look at the rest.
        let valid_untrimmed = run.untrimmed.valid_from(bytes, domain_start);
        if !valid_untrimmed && !run.trimmed.valid_from(bytes, domain_start) {
            return None;
        }
        // Only the trimmed domain can be valid: trimming must remove everything after the domain,
        // impossible if a character trimming never removes (for any start) follows it.
        if !valid_untrimmed && self.hard_stop(start) > run.end {
            return None;
        }
        let token = self.token(start);
        let end = start + trim_trailing(&self.text[start..token.end], token.open, token.close);
        let domain = self.text[domain_start..end.min(run.end)].trim_end_matches('.');
        (end > domain_start && valid_domain(domain)).then_some(end)
    }

    /// The token holding byte `q`, advanced to start at `q`.
    fn token(&mut self, q: usize) -> Token {
        let bytes = self.text.as_bytes();
        let token = match self.token.filter(|t| t.from <= q && q <= t.end) {
            Some(mut t) => {
                for &b in &bytes[t.from..q] {
                    t.open -= usize::from(b == b'(');
                    t.close -= usize::from(b == b')');
                }
                t.from = q;
                t
            }
            None => {
                let rest = &self.text[q..];
                let end = q + rest.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(rest.len());
                let parens = |p| bytes[q..end].iter().filter(|&&b| b == p).count();
                Token { from: q, end, open: parens(b'('), close: parens(b')'), hard_stop: None }
            }
        };
        self.token = Some(token);
        token
    }

    /// Where trimming back from the end of the token at `q` must stop, whatever the candidate's
    /// start (at or before a candidate's own `www.` or `://`): the nearest character it never trims.
    fn hard_stop(&mut self, q: usize) -> usize {
        let mut token = self.token(q);
        let stop = *token
            .hard_stop
            .get_or_insert_with(|| token.from + trim_trailing(&self.text[token.from..token.end], 0, usize::MAX));
        self.token = Some(token);
        stop
    }

    /// The domain run holding byte `q`.
    fn run(&mut self, q: usize) -> Run {
        if let Some(run) = self.run.filter(|r| r.from <= q && q <= r.end) {
            return run;
        }
        let rest = &self.text[q..];
        let end = q + domain_len(rest);
        let bytes = self.text.as_bytes();
        let domain = &self.text[q..end];
        let untrimmed_end = q + domain.trim_end_matches('.').len();
        let trimmed_end = q + domain.trim_end_matches(['.', '_']).len();
        let run = Run {
            from: q,
            end,
            untrimmed: DomainFacts::new(bytes, q, untrimmed_end),
            trimmed: DomainFacts::new(bytes, q, trimmed_end),
        };
        self.run = Some(run);
        run
    }
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

/// Drops trailing punctuation, unbalanced `)` and entity-like `&name;` from a URL candidate
/// holding `open` `(` and `close` `)`; returns the length kept.
///
/// Linear: the counts are updated as characters are trimmed rather than recounted (a `(` is
/// never trimmed, so only `close` changes).
fn trim_trailing(url: &str, open: usize, mut close: usize) -> usize {
    let bytes = url.as_bytes();
    let mut end = url.len();
    while end > 0 {
        match bytes[end - 1] {
            b'?' | b'!' | b'.' | b',' | b':' | b'*' | b'_' | b'~' | b'\'' | b'"' => end -= 1,
            b')' if close > open => {
                close -= 1;
                end -= 1;
            }
            b';' => {
                let body = &url[..end - 1];
                let name_start = body.trim_end_matches(|c: char| c.is_ascii_alphanumeric()).len();
                if name_start < body.len() && body[..name_start].ends_with('&') {
                    end = name_start - 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    end
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
    let mut len =
        domain.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')).unwrap_or(domain.len());
    while len > 0 && domain[..len].ends_with('.') {
        len -= 1;
    }
    let d = &domain[..len];
    let ok = d.contains('.') && !d.ends_with('-') && !d.ends_with('_') && d.split('.').all(|seg| !seg.is_empty());
    ok.then_some(at + 1 + len)
}

#[cfg(test)]
#[path = "autolink_tests.rs"]
mod tests;
