//! The syntax of site generators' template tags, one line at a time: Hugo shortcodes
//! (`{{< … >}}`, `{{% … %}}`) and Liquid / Tera (Jekyll, Zola) expressions and statements
//! (`{{ … }}`, `{% … %}`). The generator expands them before or around Markdown, so the preview
//! treats each as opaque; this module only says where a tag starts and ends and which tags open
//! or close a block whose text is not Markdown. Where tags are looked for is `template_mask`'s.

use std::ops::Range;

/// How far a tag is followed past a closing delimiter that sits inside a quoted string, so a
/// stray apostrophe cannot make every later `{{` on a long line rescan the rest of it.
const MAX_QUOTED_SCAN: usize = 4096;

/// The delimiters of a tag, which say what kind of tag it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Delimiter {
    /// Hugo shortcode whose output is HTML: `{{< … >}}`.
    HugoHtml,
    /// Hugo shortcode whose output is Markdown: `{{% … %}}`.
    HugoMarkdown,
    /// Liquid or Tera expression, or a Zola shortcode: `{{ … }}`.
    Expression,
    /// Liquid or Tera statement, or a Zola body shortcode: `{% … %}`.
    Statement,
}

impl Delimiter {
    fn open(self) -> &'static str {
        match self {
            Delimiter::HugoHtml => "{{<",
            Delimiter::HugoMarkdown => "{{%",
            Delimiter::Expression => "{{",
            Delimiter::Statement => "{%",
        }
    }

    fn close(self) -> &'static str {
        match self {
            Delimiter::HugoHtml => ">}}",
            Delimiter::HugoMarkdown => "%}}",
            Delimiter::Expression => "}}",
            Delimiter::Statement => "%}",
        }
    }
}

/// One tag: where it is in the scanned line, and its delimiters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub(crate) range: Range<usize>,
    pub(crate) delimiter: Delimiter,
}

/// Paired tags whose text in between is not Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Verbatim {
    /// `{{< highlight go >}}` … `{{< /highlight >}}` (same delimiters both ends), or Jekyll's
    /// `{% highlight ruby %}` … `{% endhighlight %}`: code in a language.
    Highlight(Delimiter),
    /// Liquid's and Tera's `{% raw %}` … `{% endraw %}`: text the template engine leaves alone.
    Raw,
}

/// What a tag does to the text after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role<'a> {
    /// Opens a verbatim pair; a highlight names its language (first argument, unquoted).
    Open(Verbatim, Option<&'a str>),
    Close(Verbatim),
    /// Anything else: shown as a tag, the text around it stays Markdown.
    Other,
}

/// Every tag in `line` (which holds no line break), left to right, not overlapping.
/// A tag needs its closing delimiter on the same line; a closing delimiter inside a quoted
/// argument does not count (`{{< x title="a >}} b" >}}`) unless the quote never closes.
/// A `{` escaped with a backslash starts no tag: the writer asked for the brace itself.
pub(crate) fn scan_line(line: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut closers = Closers::default();
    let mut at = 0;
    while let Some(start) = line.get(at..).and_then(|rest| rest.find('{')).map(|i| at + i) {
        match tag_at(line, start, &mut closers) {
            Some(tag) => {
                at = tag.range.end;
                tags.push(tag);
            }
            None => at = start + 1,
        }
    }
    tags
}

/// The one tag of `line` if the line is only that tag, indented at most three spaces (the
/// indentation a Markdown block may have) and followed by nothing but spaces or tabs.
pub(crate) fn alone<'t>(line: &str, tags: &'t [Tag]) -> Option<&'t Tag> {
    let [tag] = tags else { return None };
    let before = line.get(..tag.range.start)?;
    let after = line.get(tag.range.end..)?;
    let alone =
        before.len() <= 3 && before.bytes().all(|b| b == b' ') && after.bytes().all(|b| b == b' ' || b == b'\t');
    alone.then_some(tag)
}

/// The role of `tag` in `line`.
pub(crate) fn role<'a>(line: &'a str, tag: &Tag) -> Role<'a> {
    let Some(inner) = inner(line, tag) else {
        return Role::Other;
    };
    let mut words = inner.split_whitespace();
    let (first, second) = (words.next(), words.next());
    let lang = second.map(|w| w.trim_matches(|c| c == '"' || c == '\''));
    match (tag.delimiter, first) {
        (Delimiter::HugoHtml | Delimiter::HugoMarkdown, Some("highlight")) => {
            Role::Open(Verbatim::Highlight(tag.delimiter), lang)
        }
        (Delimiter::HugoHtml | Delimiter::HugoMarkdown, _)
            if inner.strip_prefix('/').is_some_and(|name| name.trim() == "highlight") =>
        {
            Role::Close(Verbatim::Highlight(tag.delimiter))
        }
        (Delimiter::Statement, Some("highlight")) => Role::Open(Verbatim::Highlight(Delimiter::Statement), lang),
        (Delimiter::Statement, Some("endhighlight")) if second.is_none() => {
            Role::Close(Verbatim::Highlight(Delimiter::Statement))
        }
        (Delimiter::Statement, Some("raw")) if second.is_none() => Role::Open(Verbatim::Raw, None),
        (Delimiter::Statement, Some("endraw")) if second.is_none() => Role::Close(Verbatim::Raw),
        _ => Role::Other,
    }
}

/// The text between a tag's delimiters, without Liquid's and Tera's whitespace-control dashes
/// (`{%- raw -%}`), trimmed.
fn inner<'a>(line: &'a str, tag: &Tag) -> Option<&'a str> {
    let open = tag.delimiter.open().len();
    let close = tag.delimiter.close().len();
    let inner = line.get(tag.range.start + open..tag.range.end.checked_sub(close)?)?;
    let inner = match tag.delimiter {
        Delimiter::Expression | Delimiter::Statement => {
            let inner = inner.strip_prefix('-').unwrap_or(inner);
            inner.strip_suffix('-').unwrap_or(inner)
        }
        Delimiter::HugoHtml | Delimiter::HugoMarkdown => inner,
    };
    Some(inner.trim())
}

/// The tag starting at `start` (a `{`), trying the longer delimiters first: `{{<x}}` is no
/// Hugo shortcode (no `>}}`) but still a `{{ … }}` tag.
fn tag_at(line: &str, start: usize, closers: &mut Closers) -> Option<Tag> {
    let bytes = line.as_bytes();
    let backslashes = bytes[..start].iter().rev().take_while(|&&b| b == b'\\').count();
    if backslashes % 2 == 1 {
        return None;
    }
    let rest = &bytes[start..];
    let candidates: &[Delimiter] = if rest.starts_with(b"{{<") {
        &[Delimiter::HugoHtml, Delimiter::Expression]
    } else if rest.starts_with(b"{{%") {
        &[Delimiter::HugoMarkdown, Delimiter::Expression]
    } else if rest.starts_with(b"{{") {
        &[Delimiter::Expression]
    } else if rest.starts_with(b"{%") {
        &[Delimiter::Statement]
    } else {
        &[]
    };
    candidates.iter().find_map(|&delimiter| {
        let content = start + delimiter.open().len();
        let close = delimiter.close();
        let first = closers.next(line, close, content)?;
        // Usually the first closing delimiter ends the tag; only when it sits inside a quoted
        // argument is the tag followed further, and then not past the bound.
        let limit = line.len().min(content.saturating_add(MAX_QUOTED_SCAN)).max(first + 1);
        let end = find_unquoted(bytes, content, limit, close.as_bytes()).unwrap_or(first);
        let inner = line.get(content..end)?;
        (!inner.trim().is_empty()).then(|| Tag { range: start..end + close.len(), delimiter })
    })
}

/// The first `close` at or after `from` that is outside `"…"`, `'…'` and `` `…` `` (Go raw
/// strings, which Hugo accepts), starting before `limit`; a backslash escapes inside `"` and `'`.
/// A quote opens a string only where a value starts: the apostrophe of `Don't` opens none.
fn find_unquoted(bytes: &[u8], from: usize, limit: usize, close: &[u8]) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < limit {
        let b = bytes[i];
        match quote {
            Some(q) if b == b'\\' && q != b'`' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if bytes[i..].starts_with(close) => return Some(i),
            None if matches!(b, b'"' | b'\'' | b'`') && starts_value(bytes[i - 1]) => quote = Some(b),
            None => {}
        }
        i += 1;
    }
    None
}

/// Can a quoted value start after `previous`?
fn starts_value(previous: u8) -> bool {
    previous.is_ascii_whitespace() || b"=(,:[|{%<".contains(&previous)
}

/// The next occurrence of each closing delimiter, remembered: tags are looked for left to right,
/// so each delimiter's occurrences are searched for once per line.
#[derive(Default)]
struct Closers {
    /// Per closing delimiter: where the search started and what it found.
    found: Vec<(&'static str, usize, Option<usize>)>,
}

impl Closers {
    fn next(&mut self, line: &str, close: &'static str, from: usize) -> Option<usize> {
        if let Some((_, searched, found)) = self.found.iter().find(|(c, _, _)| *c == close) {
            if *searched <= from && !matches!(found, Some(at) if *at < from) {
                return *found;
            }
        }
        let found = line.get(from..).and_then(|rest| rest.find(close)).map(|i| from + i);
        self.found.retain(|(c, _, _)| *c != close);
        self.found.push((close, from, found));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<&str> {
        scan_line(line).into_iter().map(|t| &line[t.range]).collect()
    }

    #[test]
    fn each_syntax_is_found_with_its_delimiters() {
        let line = r#"a {{< figure src="/k.png" >}} b {{% notice tip %}} {{ youtube(id="x") }} {% include n.html %}"#;
        let tags = scan_line(line);
        let delimiters: Vec<Delimiter> = tags.iter().map(|t| t.delimiter).collect();
        use Delimiter::*;
        assert_eq!(delimiters, [HugoHtml, HugoMarkdown, Expression, Statement]);
        assert_eq!(texts(line)[0], r#"{{< figure src="/k.png" >}}"#);
    }

    #[test]
    fn closing_delimiters_in_quotes_do_not_end_a_tag() {
        assert_eq!(texts(r#"{{< x title="a >}} b" >}} after"#), [r#"{{< x title="a >}} b" >}}"#]);
        assert_eq!(texts(r#"{{ "it's }}" | upcase }}"#), [r#"{{ "it's }}" | upcase }}"#]);
        assert_eq!(texts(r#"{{ "say \"}}\"" }}"#), [r#"{{ "say \"}}\"" }}"#]);
        // A quote that never closes is an apostrophe: the first delimiter ends the tag.
        assert_eq!(texts("{{< x it's >}} and {{ y }}"), ["{{< x it's >}}", "{{ y }}"]);
        assert_eq!(texts("{{< note Don't >}} text {{< note Won't >}}"), ["{{< note Don't >}}", "{{< note Won't >}}"]);
        assert_eq!(texts(r#"{{"}}"}} {{<x a='>}}'>}}"#), [r#"{{"}}"}}"#, "{{<x a='>}}'>}}"]);
    }

    #[test]
    fn unclosed_empty_and_escaped_openers_are_text() {
        assert!(texts("{{ no end on this line").is_empty());
        assert!(texts("{{}} {{ }} {%  %}").is_empty());
        assert!(texts(r"\{{ x }} and \{% y %}").is_empty());
        assert_eq!(texts(r"\\{{ x }}"), ["{{ x }}"], "an escaped backslash escapes no brace");
        assert_eq!(texts("{{<x}}"), ["{{<x}}"], "no `>}}`: a `{{ … }}` tag");
    }

    #[test]
    fn roles_of_verbatim_pairs() {
        let role_of = |line: &str| {
            let tags = scan_line(line);
            let tag = alone(line, &tags).cloned();
            tag.map(|t| format!("{:?}", role(line, &t)))
        };
        assert_eq!(
            role_of("{{< highlight go \"linenos=table\" >}}").as_deref(),
            Some("Open(Highlight(HugoHtml), Some(\"go\"))")
        );
        assert_eq!(role_of("{{< /highlight >}}").as_deref(), Some("Close(Highlight(HugoHtml))"));
        assert_eq!(role_of("{{% / highlight %}}").as_deref(), Some("Close(Highlight(HugoMarkdown))"));
        assert_eq!(
            role_of("{% highlight ruby linenos %}").as_deref(),
            Some("Open(Highlight(Statement), Some(\"ruby\"))")
        );
        assert_eq!(role_of("  {%- endhighlight -%}\t").as_deref(), Some("Close(Highlight(Statement))"));
        assert_eq!(role_of("{% raw %}").as_deref(), Some("Open(Raw, None)"));
        assert_eq!(role_of("{% endraw %}").as_deref(), Some("Close(Raw)"));
        assert_eq!(role_of("{{ raw }}").as_deref(), Some("Other"));
        assert_eq!(role_of("{{</* highlight go */>}}").as_deref(), Some("Other"), "Hugo's escaped shortcode");
        assert_eq!(role_of("    {% raw %}"), None, "indented four spaces: not alone as a block line");
        assert_eq!(role_of("{% raw %} x"), None);
    }

    #[test]
    fn a_line_of_openers_is_scanned_in_linear_time() {
        let line = "{{".repeat(200_000) + &"{% '".repeat(100_000) + "}}";
        assert_eq!(scan_line(&line).len(), 1);
        let many = "{{ ' }}".repeat(100_000);
        assert_eq!(scan_line(&many).len(), 50_000, "quotes pair across tags");
    }
}
