//! Text helpers over Markdown: word counts and reading time, the title heading, and a plain
//! text excerpt for meta descriptions.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::events::options;
use crate::template_html::{ItemKind, Template};
use crate::template_mask;

/// Reading speed used for `reading_minutes`, in words per minute.
const WORDS_PER_MINUTE: usize = 230;

/// Word count and reading time of a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct TextStats {
    /// Words of prose and code, markup excluded.
    pub words: usize,
    /// Minutes at 230 words per minute, rounded up; at least 1 for a non-empty text.
    pub reading_minutes: u32,
}

/// Counts the words a reader sees (prose and code, not markup, URLs or raw HTML tags).
/// A site generator's template tag counts the words written in it, as the preview shows it.
pub fn text_stats(markdown: &str) -> TextStats {
    // Parsed as the renderer parses it, so the count is the preview's.
    let masked = template_mask::mask(markdown);
    let no_tags = Template::default();
    let (text, template) = masked.as_ref().map_or((markdown, &no_tags), |m| (m.text.as_str(), &m.template));
    let mut counter = WordCounter::default();
    for event in Parser::new_ext(text, options()) {
        counter.event(&event, template);
    }
    counter.stats()
}

/// [`text_stats`] over an already parsed event stream (the renderer's, whose merged text and
/// autolinks count the same), so a render does not parse the document twice.
pub(crate) fn stats_of_events<'a>(events: impl Iterator<Item = &'a Event<'a>>, template: &Template) -> TextStats {
    let mut counter = WordCounter::default();
    for event in events {
        counter.event(event, template);
    }
    counter.stats()
}

/// Stats of a text of `words` words.
pub fn words_to_stats(words: usize) -> TextStats {
    let minutes = words.div_ceil(WORDS_PER_MINUTE);
    TextStats { words, reading_minutes: u32::try_from(minutes).unwrap_or(u32::MAX) }
}

#[derive(Default)]
struct WordCounter {
    words: usize,
    in_word: bool,
    image_depth: usize,
}

impl WordCounter {
    fn event(&mut self, event: &Event<'_>, template: &Template) {
        match event {
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if self.image_depth == 0 => self.feed(&template.restore(text)),
            // A highlight or raw block's fence: its two tags (its lines follow as code).
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if template.holds_placeholder(info) => {
                if let Some(ItemKind::Block { close, .. }) = template.only_item(info).map(|item| &item.kind) {
                    for tag in [template.restore(info).as_ref(), close] {
                        self.in_word = false;
                        self.feed(tag);
                    }
                }
                self.in_word = false;
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link) => {}
            _ => self.in_word = false,
        }
    }

    fn stats(&self) -> TextStats {
        words_to_stats(self.words)
    }

    /// Letters and digits make words; `don't` and `well-known` stay one word; each CJK
    /// ideograph or kana counts as a word, as readers of those scripts count.
    fn feed(&mut self, text: &str) {
        for c in text.chars() {
            if is_cjk(c) {
                self.words += 1;
                self.in_word = false;
            } else if c.is_alphanumeric() {
                if !self.in_word {
                    self.words += 1;
                    self.in_word = true;
                }
            } else if c.is_whitespace() {
                self.in_word = false;
            }
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Text of the first level-1 heading with text (ATX `# …` or setext `===`), formatting removed:
/// the draft's title when the writer typed none. [`Rendered::title`](crate::Rendered) is the
/// same text, taken from the render's own headings (a property test holds them equal).
pub fn first_heading(markdown: &str) -> Option<String> {
    let masked = template_mask::mask(markdown);
    let no_tags = Template::default();
    let (text, template) = masked.as_ref().map_or((markdown, &no_tags), |m| (m.text.as_str(), &m.template));
    let mut current: Option<String> = None;
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                let text = collapse(&current.take().unwrap_or_default());
                if !text.is_empty() {
                    return Some(text);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = current.as_mut() {
                    heading.push_str(&template.restore(&t));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = current.as_mut() {
                    heading.push(' ');
                }
            }
            _ => {}
        }
    }
    None
}

/// Longest title [`derive_title`] takes from a first line, in characters.
const FIRST_LINE_TITLE_CHARS: usize = 80;

/// A title for a text that has none of its own: its first level-1 heading, else its first line
/// with words in it (formatting removed, at most 80 characters, cut on a word), as a plain text
/// file's first line is its title.
pub fn derive_title(markdown: &str) -> Option<String> {
    first_heading(markdown).or_else(|| {
        markdown.lines().find_map(|line| {
            let words = line_words(line);
            (!words.is_empty()).then(|| truncate_on_word(&words, FIRST_LINE_TITLE_CHARS))
        })
    })
}

/// One line's words, its Markdown (list markers, emphasis, link targets) removed.
fn line_words(line: &str) -> String {
    let mut text = String::new();
    for event in Parser::new_ext(line, options()) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
            text.push(' ');
        }
    }
    let text = collapse(&text);
    if text.chars().any(char::is_alphanumeric) {
        text
    } else {
        String::new()
    }
}

/// The first paragraph(s) as plain text, at most `max_chars` characters, cut on a word
/// boundary with "…" when shortened. Headings, code blocks, images and raw HTML are skipped.
pub fn plain_text(markdown: &str, max_chars: usize) -> String {
    if max_chars == 0 {
        return String::new();
    }
    let mut text = String::new();
    // Characters in `text`, kept as it grows: recounting at each paragraph is quadratic.
    let mut chars = 0usize;
    let mut in_paragraph = false;
    let mut skip_depth = 0usize;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Image { .. } | Tag::FootnoteDefinition(_) | Tag::Table(_)) => skip_depth += 1,
            Event::End(TagEnd::Image | TagEnd::FootnoteDefinition | TagEnd::Table) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) => {
                in_paragraph = false;
                text.push(' ');
                chars += 1;
                if chars > max_chars {
                    break;
                }
            }
            Event::Text(t) | Event::Code(t) if in_paragraph && skip_depth == 0 => {
                text.push_str(&t);
                chars += t.chars().count();
            }
            Event::SoftBreak | Event::HardBreak if in_paragraph => {
                text.push(' ');
                chars += 1;
            }
            _ => {}
        }
    }
    truncate_on_word(&collapse(&text), max_chars)
}

fn truncate_on_word(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let keep = max_chars.saturating_sub(1);
    let budget: String = text.chars().take(keep).collect();
    let ends_on_word = text.chars().nth(keep).is_some_and(char::is_whitespace);
    // Cut at the last space unless that would throw away most of the budget (one huge word).
    let cut = match budget.rfind(' ') {
        _ if ends_on_word => budget.as_str(),
        Some(i) if i >= budget.len() / 2 => &budget[..i],
        _ => budget.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{cut}…")
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_prose_and_code_not_markup() {
        let md = "# Hello *big* world\n\nA [link](https://example.com/a/b/c) and `code here`.\n\n```rust\nlet x = 1;\n```\n\n<div class=\"x\">raw</div>\n";
        // Hello big world | A link and code here | let x 1 | (raw html skipped)
        assert_eq!(text_stats(md).words, 3 + 5 + 3);
    }

    #[test]
    fn contractions_and_hyphens_are_one_word() {
        assert_eq!(text_stats("don't re-use well-known words").words, 4);
    }

    #[test]
    fn reading_time_rounds_up_with_minimum() {
        assert_eq!(text_stats("").reading_minutes, 0);
        assert_eq!(text_stats("").words, 0);
        assert_eq!(text_stats("one").reading_minutes, 1);
        assert_eq!(text_stats(&"word ".repeat(230)).reading_minutes, 1);
        assert_eq!(text_stats(&"word ".repeat(231)).reading_minutes, 2);
    }

    #[test]
    fn first_heading_finds_atx_and_setext_level_one() {
        assert_eq!(first_heading("## Sub\n\n# The *Title*\n").as_deref(), Some("The Title"));
        assert_eq!(first_heading("Setext `title`\n===\n\n# Later\n").as_deref(), Some("Setext title"));
        assert_eq!(first_heading("## Only two\n\ntext"), None);
        assert_eq!(first_heading("```\n# not a heading\n```\n"), None);
    }

    #[test]
    fn first_heading_skips_an_empty_one_and_keeps_template_tags() {
        assert_eq!(first_heading("#\n\n# Lantern Street Notes\n").as_deref(), Some("Lantern Street Notes"));
        assert_eq!(first_heading("# Notes on {{< ref x >}}\n").as_deref(), Some("Notes on {{< ref x >}}"));
    }

    #[test]
    fn derive_title_prefers_the_heading_then_the_first_line_with_words() {
        assert_eq!(derive_title("Intro text\n\n# Lantern Street Notes\n").as_deref(), Some("Lantern Street Notes"));
        assert_eq!(
            derive_title("\n\n  Grocery list for *Sunday*  \nmilk\n").as_deref(),
            Some("Grocery list for Sunday")
        );
        assert_eq!(derive_title("---\n- Packing notes\n").as_deref(), Some("Packing notes"));
        assert_eq!(derive_title("   \n\n"), None);
        let long = "word ".repeat(40);
        let title = derive_title(&long).unwrap_or_default();
        assert!(title.chars().count() <= 80 && title.ends_with('…'), "{title}");
    }

    #[test]
    fn plain_text_skips_headings_and_cuts_on_words() {
        let md = "# Title\n\nThe *first* paragraph has [a link](x).\n\n```\ncode\n```\n\nSecond one.\n";
        assert_eq!(plain_text(md, 200), "The first paragraph has a link. Second one.");
        assert_eq!(plain_text(md, 20), "The first paragraph…");
        assert!(plain_text(md, 20).chars().count() <= 20);
        assert_eq!(plain_text(md, 0), "");
        assert_eq!(plain_text("Supercalifragilistic", 6), "Super…");
    }

    #[test]
    fn plain_text_of_many_paragraphs_stays_linear() {
        // 200k paragraphs under a large budget: the length used to be recounted at each one.
        let md = "word\n\n".repeat(200_000);
        let text = plain_text(&md, usize::MAX);
        assert_eq!(text.len(), "word ".len() * 200_000 - 1);
    }
}
