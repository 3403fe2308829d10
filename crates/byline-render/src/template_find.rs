//! Where a document's template tags are: scanned line by line (`template_tags`), kept out of
//! code spans, code blocks, raw HTML and autolinks as the document parses, paired into highlight
//! and raw blocks by their lines alone (as the template engine pairs them). Masking them is
//! `template_mask`'s.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag as MdTag};

use crate::events::options;
use crate::template_html::{Item, ItemKind};
use crate::template_mask::may_have_tags;
use crate::template_tags::{self, Role, Tag, Verbatim};

pub(crate) fn scan(line: &str) -> Vec<Tag> {
    if may_have_tags(line) {
        template_tags::scan_line(line)
    } else {
        Vec::new()
    }
}

/// The content range of each line (CR, LF and CRLF end lines, as for the Markdown parser).
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let (mut lines, mut start, mut i) = (Vec::new(), 0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(start..i);
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    lines.push(start..bytes.len());
    lines
}

/// What the unmasked document's parse says about where tags may be.
pub(crate) struct Regions {
    /// Code, raw HTML and autolinks, merged into disjoint ranges in order.
    opaque: Vec<Range<usize>>,
    /// Top-level paragraphs and headings, in order: where a verbatim block may open.
    top: Vec<Range<usize>>,
}

impl Regions {
    pub(crate) fn of(markdown: &str) -> Regions {
        let (mut opaque, mut top, mut depth) = (Vec::new(), Vec::new(), 0usize);
        for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
            match event {
                Event::Start(tag) => {
                    if depth == 0 && matches!(tag, MdTag::Paragraph | MdTag::Heading { .. }) {
                        top.push(range.clone());
                    }
                    let autolink = matches!(tag, MdTag::Link { link_type: LinkType::Autolink | LinkType::Email, .. });
                    if autolink || matches!(tag, MdTag::CodeBlock(_) | MdTag::HtmlBlock) {
                        opaque.push(range);
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Code(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => opaque.push(range),
                _ => {}
            }
        }
        opaque.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(opaque.len());
        for range in opaque.into_iter().filter(|r| !r.is_empty()) {
            match merged.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        Regions { opaque: merged, top }
    }

    /// True unless `range` is inside code, raw HTML or an autolink, or partly overlaps one
    /// (one wholly inside the tag, like the `<b>` of `{{<b>}}`, belongs to the tag).
    pub(crate) fn allow(&self, range: &Range<usize>) -> bool {
        let first = self.opaque.partition_point(|r| r.end <= range.start);
        self.opaque[first..]
            .iter()
            .take_while(|r| r.start < range.end)
            .all(|r| r.start >= range.start && r.end <= range.end)
    }

    pub(crate) fn at_top_level(&self, at: usize) -> bool {
        let i = self.top.partition_point(|r| r.start <= at);
        i.checked_sub(1).is_some_and(|i| self.top[i].end > at)
    }
}

/// What replaces a source range in the masked text.
#[derive(Clone, Copy)]
pub(crate) enum Replacement {
    Placeholder(usize),
    /// A block's opening fence (its info string the block's placeholder), of `ticks` backticks.
    Open {
        item: usize,
        ticks: usize,
    },
    Close {
        item: usize,
        ticks: usize,
    },
}

/// Finds the tags of a document, given its lines and the tags scanned on each.
pub(crate) struct Finder<'a> {
    markdown: &'a str,
    lines: &'a [Range<usize>],
    tags: &'a [Vec<Tag>],
    /// Per kind of verbatim block, the lines that are only its closing tag, in order.
    closers: HashMap<Verbatim, Vec<usize>>,
}

/// A verbatim block by its lines: the opening tag's, the closing tag's, and its language.
pub(crate) struct Pair {
    pub(crate) open: usize,
    pub(crate) close: usize,
    lang: Option<String>,
}

/// The tags found, with what replaces each.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) items: Vec<Item>,
    /// Each distinct tag's number (identical tags share one).
    numbers: HashMap<(bool, String), usize>,
    pub(crate) replacements: Vec<(Range<usize>, Replacement)>,
    /// Per block: its item and opening line.
    pub(crate) blocks: Vec<(usize, usize)>,
}

impl<'a> Finder<'a> {
    pub(crate) fn new(markdown: &'a str, lines: &'a [Range<usize>], tags: &'a [Vec<Tag>]) -> Finder<'a> {
        let mut finder = Finder { markdown, lines, tags, closers: HashMap::new() };
        for i in 0..lines.len() {
            if let Some((Role::Close(kind), _)) = finder.alone(i) {
                finder.closers.entry(kind).or_default().push(i);
            }
        }
        finder
    }

    /// The role and source range of the tag that is all of line `i`, if it is one.
    fn alone(&self, i: usize) -> Option<(Role<'a>, Range<usize>)> {
        let line = &self.markdown[self.lines[i].clone()];
        let tag = template_tags::alone(line, &self.tags[i])?;
        let at = self.lines[i].start;
        Some((template_tags::role(line, tag), at + tag.range.start..at + tag.range.end))
    }

    /// Each opening line with the first closing line of its kind after it, top to bottom.
    pub(crate) fn pairs(&self) -> Vec<Pair> {
        let mut pairs = Vec::new();
        let mut i = 0;
        while i < self.lines.len() {
            if let Some((Role::Open(kind, lang), _)) = self.alone(i) {
                let closers = self.closers.get(&kind).map_or(&[][..], Vec::as_slice);
                if let Some(&close) = closers.get(closers.partition_point(|&line| line <= i)) {
                    pairs.push(Pair { open: i, close, lang: lang.map(str::to_string) });
                    i = close + 1;
                    continue;
                }
            }
            i += 1;
        }
        pairs
    }

    /// Does the opening tag of `pair` sit at the top level, outside code and raw HTML?
    pub(crate) fn opens_block(&self, pair: &Pair, regions: &Regions) -> bool {
        self.alone(pair.open).is_some_and(|(_, range)| regions.allow(&range) && regions.at_top_level(range.start))
    }

    /// Every tag and span outside `pairs`, and the blocks of `pairs`, in document order.
    pub(crate) fn run(&self, pairs: &[Pair], regions: &Regions) -> Found {
        let mut found = Found::default();
        let mut pairs = pairs.iter().peekable();
        let mut i = 0;
        while i < self.lines.len() {
            match pairs.next_if(|pair| pair.open == i) {
                Some(pair) => {
                    self.push_block(&mut found, pair);
                    i = pair.close + 1;
                }
                None => {
                    self.push_line(&mut found, i, regions);
                    i += 1;
                }
            }
        }
        found
    }

    fn push_block(&self, found: &mut Found, pair: &Pair) {
        let at = |line: usize| self.lines[line].start;
        let tag_range = |line: usize| self.alone(line).map_or(self.lines[line].clone(), |(_, range)| range);
        let (open, close) = (tag_range(pair.open), tag_range(pair.close));
        let content = self.markdown[at(pair.open + 1)..at(pair.close)].to_string();
        // Longer than any run of backticks inside, so no content line can close the fence.
        let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let ticks = (longest + 1).max(3);
        let item = found.items.len();
        let kind =
            ItemKind::Block { content, close: self.markdown[close.clone()].to_string(), lang: pair.lang.clone() };
        found.items.push(Item { text: self.markdown[open.clone()].to_string(), kind });
        found.replacements.push((open, Replacement::Open { item, ticks }));
        found.replacements.push((close, Replacement::Close { item, ticks }));
        found.blocks.push((item, pair.open));
    }

    /// The tags of line `i`, pairing a highlight or raw opening tag with a closing one after it.
    fn push_line(&self, found: &mut Found, i: usize, regions: &Regions) {
        let (tags, at) = (&self.tags[i], self.lines[i].start);
        let line = &self.markdown[self.lines[i].clone()];
        let roles: Vec<Role<'_>> = tags.iter().map(|t| template_tags::role(line, t)).collect();
        // Per tag, the next tag on the line closing what it opens (one backward pass).
        let mut next_close = vec![None; tags.len()];
        let mut seen: HashMap<Verbatim, usize> = HashMap::new();
        for (index, role) in roles.iter().enumerate().rev() {
            match role {
                Role::Open(kind, _) => next_close[index] = seen.get(kind).copied(),
                Role::Close(kind) => {
                    seen.insert(*kind, index);
                }
                Role::Other => {}
            }
        }
        let mut a = 0;
        while a < tags.len() {
            let range = at + tags[a].range.start..at + tags[a].range.end;
            if let (Role::Open(kind, _), Some(b)) = (roles[a], next_close[a]) {
                let span = range.start..at + tags[b].range.end;
                if regions.allow(&span) {
                    let inner = tags[a].range.end - tags[a].range.start..tags[b].range.start - tags[a].range.start;
                    let code = matches!(kind, Verbatim::Highlight(_));
                    found.push_item(self.markdown, span, ItemKind::Span { inner, code });
                    a = b + 1;
                    continue;
                }
            }
            if regions.allow(&range) {
                found.push_item(self.markdown, range, ItemKind::Tag);
            }
            a += 1;
        }
    }
}

impl Found {
    pub(crate) fn push_item(&mut self, markdown: &str, range: Range<usize>, kind: ItemKind) {
        let text = markdown[range.clone()].to_string();
        let key = (matches!(kind, ItemKind::Span { .. }), text);
        let next = self.items.len();
        let number = *self.numbers.entry(key).or_insert(next);
        if number == next {
            self.items.push(Item { text: markdown[range.clone()].to_string(), kind });
        }
        self.replacements.push((range, Replacement::Placeholder(number)));
    }
}
