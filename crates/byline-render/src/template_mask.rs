//! A document as the Markdown parser is given it when it holds template tags (found by
//! `template_find`).
//!
//! Each tag is replaced by a placeholder the parser reads as one word, which is what Hugo does
//! before it hands a page to Goldmark: a marker, the tag's number, the marker again. The marker
//! is a private-use character that occurs nowhere in the document, not even as a numeric
//! character reference, so every marker in the parser's output is one of ours. Identical tags
//! share a number, so a tag in a link label or footnote label still matches its definition.
//!
//! Tags in code spans, code blocks, raw HTML and autolinks (as the document parses unmasked) are
//! left alone, and so are tags that only partly overlap one. A highlight or raw block (opening
//! tag alone on a top-level line, closing tag alone on a later line) becomes a fenced code block
//! whose info string is its placeholder: its lines stay out of Markdown and form one block. A
//! fence the parser does not read as one top-level block from the opening line to the closing
//! one is masked as plain tags instead.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag as MdTag};

use crate::events::options;
use crate::template_find::{lines, scan, Finder, Found, Pair, Regions, Replacement};
use crate::template_html::Template;
use crate::template_tags::Tag;

/// A document with its tags replaced by placeholders.
pub(crate) struct Masked {
    pub(crate) text: String,
    pub(crate) template: Template,
    /// Each replacement: where it is in `text`, and where the tag was in the source.
    replaced: Vec<(Range<usize>, Range<usize>)>,
}

/// Could `text` hold a tag at all (every tag starts with one of these)?
pub fn may_have_tags(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// `markdown` with its template tags masked, or None when it has none.
pub(crate) fn mask(markdown: &str) -> Option<Masked> {
    if !may_have_tags(markdown) {
        return None;
    }
    let marker = marker_for(markdown)?;
    let lines = lines(markdown);
    let tags: Vec<Vec<Tag>> = lines.iter().map(|l| scan(&markdown[l.clone()])).collect();
    let finder = Finder::new(markdown, &lines, &tags);
    // Blocks pair as the template engine pairs them, by their lines alone. Where code and raw
    // HTML are is then read with the blocks' contents blanked (a highlighted Markdown snippet's
    // fence must not swallow the rest), and a block opening anywhere but the top level is
    // dropped, which changes that reading: a few rounds, then no blocks at all.
    let mut pairs = finder.pairs();
    for _ in 0..3 {
        let regions = Regions::of(&blanked(markdown, &lines, &pairs));
        let before = pairs.len();
        pairs.retain(|pair| finder.opens_block(pair, &regions));
        if pairs.len() < before {
            continue;
        }
        let (masked, blocks) = finder.run(&pairs, &regions).build(markdown, marker);
        let unheld = unheld_blocks(&masked, &blocks);
        if unheld.is_empty() {
            return masked.nonempty();
        }
        pairs.retain(|pair| !unheld.contains(&pair.open));
    }
    finder.run(&[], &Regions::of(markdown)).build(markdown, marker).0.nonempty()
}

/// `markdown` with the lines inside `pairs` made blank (same length, so offsets hold).
fn blanked<'a>(markdown: &'a str, lines: &[Range<usize>], pairs: &[Pair]) -> Cow<'a, str> {
    if pairs.is_empty() {
        return Cow::Borrowed(markdown);
    }
    let mut bytes = markdown.as_bytes().to_vec();
    for pair in pairs {
        for line in &lines[pair.open + 1..pair.close] {
            bytes[line.clone()].fill(b' ');
        }
    }
    // Whole characters became spaces: still UTF-8.
    Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
}

impl Masked {
    /// The source offset of offset `at` of the masked text (a replacement's start inside it).
    pub(crate) fn to_source(&self, at: usize) -> usize {
        let i = self.replaced.partition_point(|(masked, _)| masked.start < at);
        match i.checked_sub(1).map(|i| &self.replaced[i]) {
            None => at,
            Some((masked, source)) if at >= masked.end => at - masked.end + source.end,
            Some((_, source)) => source.start,
        }
    }

    fn nonempty(self) -> Option<Masked> {
        (!self.template.items().is_empty()).then_some(self)
    }
}

/// A private-use character neither in `markdown` nor named by a numeric reference in it.
fn marker_for(markdown: &str) -> Option<char> {
    let private = |c: u32| matches!(c, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD);
    let mut used: HashSet<u32> = markdown.chars().map(u32::from).filter(|&c| private(c)).collect();
    for (at, _) in markdown.match_indices("&#") {
        let rest = &markdown[at + 2..];
        let (digits, radix) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (rest, 10),
        };
        let run = digits.bytes().take_while(|b| if radix == 16 { b.is_ascii_hexdigit() } else { b.is_ascii_digit() });
        if let Ok(code) = u32::from_str_radix(&digits[..run.count()], radix) {
            used.insert(code);
        }
    }
    (0xE000..=0xF8FF)
        .chain(0xF0000..=0xFFFFD)
        .chain(0x100000..=0x10FFFD)
        .find(|c| !used.contains(c))
        .and_then(char::from_u32)
}

impl Found {
    /// The masked text, and per block its item and the masked offset where its closing fence ends.
    fn build(self, markdown: &str, marker: char) -> (Masked, Vec<(usize, usize, usize)>) {
        let mut text = String::with_capacity(markdown.len() + self.replacements.len() * 8);
        let (mut replaced, mut closes, mut copied) = (Vec::new(), HashMap::new(), 0);
        for (source, replacement) in self.replacements {
            text.push_str(&markdown[copied..source.start]);
            let start = text.len();
            let placeholder = |n: usize| format!("{marker}{n}{marker}");
            match replacement {
                Replacement::Placeholder(n) => text.push_str(&placeholder(n)),
                Replacement::Open { item, ticks } => {
                    text.push_str(&format!("{}{}", "`".repeat(ticks), placeholder(item)))
                }
                Replacement::Close { item, ticks } => {
                    text.push_str(&"`".repeat(ticks));
                    closes.insert(item, text.len());
                }
            }
            copied = source.end;
            replaced.push((start..text.len(), source));
        }
        text.push_str(&markdown[copied..]);
        let blocks = self.blocks.iter().filter_map(|&(item, line)| Some((item, line, *closes.get(&item)?))).collect();
        let template = Template::new(marker, self.items);
        (Masked { text, template, replaced }, blocks)
    }
}

/// The opening lines of `blocks` (item, opening line, end of closing fence) that the parser did
/// not read as one top-level fenced block reaching their closing fence.
fn unheld_blocks(masked: &Masked, blocks: &[(usize, usize, usize)]) -> HashSet<usize> {
    if blocks.is_empty() {
        return HashSet::new();
    }
    let ends: HashMap<usize, usize> = blocks.iter().map(|&(item, _, end)| (item, end)).collect();
    let mut held = HashSet::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(&masked.text, options()).into_offset_iter() {
        match event {
            Event::Start(MdTag::CodeBlock(CodeBlockKind::Fenced(info))) if depth == 0 => {
                let item = masked.template.next_placeholder(&info).map(|(_, item)| item);
                if let Some(item) = item.filter(|item| ends.get(item).is_some_and(|&end| range.end >= end)) {
                    held.insert(item);
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    blocks.iter().filter(|b| !held.contains(&b.0)).map(|b| b.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template_html::ItemKind;

    fn masked(markdown: &str) -> Masked {
        mask(markdown).expect("has tags")
    }

    #[test]
    fn tags_in_code_and_html_are_left_alone() {
        let doc = "`{{ a }}` {{ b }}\n\n```\n{{ c }}\n```\n\n<div title=\"{{ d }}\">\n\n<https://x.org/{{e}}>\n";
        let m = masked(doc);
        let texts: Vec<&str> = m.template.items().iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["{{ b }}"]);
        assert!(m.text.starts_with("`{{ a }}` \u{e000}0\u{e000}\n"), "{:?}", m.text);
        assert!(mask("{{ only in `code }}`").is_none(), "a tag partly in a code span is not one");
        assert!(mask("no tags {{ here").is_none());
    }

    #[test]
    fn identical_tags_share_a_placeholder_and_offsets_map_back() {
        let doc = "[a][{{ site.x }}] and {{ y }}\n\n[{{ site.x }}]: /url\n";
        let m = masked(doc);
        assert_eq!(m.template.items().len(), 2);
        assert_eq!(m.text, "[a][\u{e000}0\u{e000}] and \u{e000}1\u{e000}\n\n[\u{e000}0\u{e000}]: /url\n");
        let and = m.text.find(" and").expect("kept");
        assert_eq!(m.to_source(and), doc.find(" and").expect("kept"));
        assert_eq!(m.to_source(m.text.len()), doc.len());
        assert_eq!(m.to_source(6), 4, "inside a placeholder: the tag's start");
    }

    #[test]
    fn the_marker_avoids_characters_and_references_in_the_document() {
        let m = masked("\u{e000} &#xE001; &#57346; {{ x }}");
        assert!(m.text.ends_with("\u{e003}0\u{e003}"), "{:?}", m.text);
    }

    #[test]
    fn a_highlight_block_becomes_one_fence_longer_than_its_backticks() {
        let doc = "Intro\n\n{{< highlight md >}}\n# not a heading\n````\n{{< /highlight >}}\nafter {{ x }}\n";
        let m = masked(doc);
        assert_eq!(m.text, "Intro\n\n`````\u{e000}0\u{e000}\n# not a heading\n````\n`````\nafter \u{e000}1\u{e000}\n");
        let ItemKind::Block { content, close, lang } = &m.template.items()[0].kind else { panic!("not a block") };
        assert_eq!(
            (content.as_str(), close.as_str(), lang.as_deref()),
            ("# not a heading\n````\n", "{{< /highlight >}}", Some("md"))
        );
    }

    #[test]
    fn blocks_open_only_at_the_top_level_and_close_with_their_own_kind() {
        // In a list item the fence could end with the item: plain tags, the text stays Markdown.
        let m = masked("- item\n  {% highlight ruby %}\n  x\n  {% endhighlight %}\n");
        assert!(m.template.items().iter().all(|i| matches!(i.kind, ItemKind::Tag)));
        let m = masked("<div>\n{% raw %}\n\nx\n{% endraw %}\n");
        assert!(m.template.items().iter().all(|i| matches!(i.kind, ItemKind::Tag)), "inside raw HTML");
        // Hugo delimiters must match; a raw block ignores highlight closers.
        let m = masked("{{< highlight go >}}\nx\n{{% /highlight %}}\n\n{% raw %}\n{% endhighlight %}\n{% endraw %}\n");
        let kinds: Vec<bool> = m.template.items().iter().map(|i| matches!(i.kind, ItemKind::Block { .. })).collect();
        assert_eq!(kinds, [false, false, true]);
    }

    #[test]
    fn a_fence_inside_a_list_item_is_reported_as_not_held() {
        // `opens_block` refuses this pair; forced, the check after parsing catches it.
        let doc = "- item\n  {% raw %}\n  x\n\nnot in the list\n{% endraw %}\n";
        let (lines, tags) = (lines(doc), lines(doc).iter().map(|l| scan(&doc[l.clone()])).collect::<Vec<_>>());
        let finder = Finder::new(doc, &lines, &tags);
        let pairs = finder.pairs();
        assert_eq!(pairs.iter().map(|p| (p.open, p.close)).collect::<Vec<_>>(), [(1, 5)]);
        assert!(!finder.opens_block(&pairs[0], &Regions::of(doc)));
        let (masked, blocks) = finder.run(&pairs, &Regions::of(doc)).build(doc, '\u{e000}');
        assert_eq!(unheld_blocks(&masked, &blocks), HashSet::from([1]));
        assert!(mask(doc).is_some_and(|m| m
            .template
            .items()
            .iter()
            .all(|i| !matches!(i.kind, ItemKind::Block { .. }))));
    }

    #[test]
    fn spans_pair_on_one_line_and_keep_their_inside() {
        let m = masked("a {% raw %}{{ x }}{% endraw %} b {% raw %} c");
        let [span, tag] = m.template.items() else { panic!("{}", m.template.items().len()) };
        assert_eq!(span.text, "{% raw %}{{ x }}{% endraw %}");
        assert!(matches!(&span.kind, ItemKind::Span { inner, code: false } if &span.text[inner.clone()] == "{{ x }}"));
        assert_eq!(tag.text, "{% raw %}");
    }
}
