//! Deterministic benchmark inputs, shared by the criterion benches (included with `#[path]`)
//! and by the example that writes them to files for the Node and pandoc peers.
//!
//! Same seed, same bytes, on every machine: a small xorshift generator, no `rand`.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

/// True under `cargo bench`; under `cargo test --benches` the benches shrink their inputs to keep
/// the smoke run fast.
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// A fresh edit of `doc` per call (a new word in one middle paragraph, numbered by `counter`), so
/// the edited block always misses every cache, as when typing.
pub fn edited(doc: &str, counter: &AtomicUsize) -> String {
    let n = counter.fetch_add(1, Ordering::Relaxed);
    edit_paragraph(doc, &format!("edit{n}"))
}

/// Words prose is drawn from: common English, so word lengths and FTS behave realistically.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "a",
    "to",
    "in",
    "is",
    "you",
    "that",
    "it",
    "he",
    "was",
    "for",
    "on",
    "are",
    "as",
    "with",
    "his",
    "they",
    "at",
    "be",
    "this",
    "have",
    "from",
    "or",
    "one",
    "had",
    "by",
    "word",
    "but",
    "not",
    "what",
    "all",
    "were",
    "we",
    "when",
    "your",
    "can",
    "said",
    "there",
    "use",
    "an",
    "each",
    "which",
    "she",
    "do",
    "how",
    "their",
    "if",
    "will",
    "up",
    "other",
    "about",
    "out",
    "many",
    "then",
    "them",
    "these",
    "so",
    "some",
    "her",
    "would",
    "make",
    "like",
    "him",
    "into",
    "time",
    "has",
    "look",
    "two",
    "more",
    "write",
    "go",
    "see",
    "number",
    "no",
    "way",
    "could",
    "people",
    "my",
    "than",
    "first",
    "water",
    "been",
    "call",
    "who",
    "oil",
    "its",
    "now",
    "find",
    "long",
    "down",
    "day",
    "did",
    "get",
    "come",
    "made",
    "may",
    "part",
    "draft",
    "writer",
    "editor",
    "preview",
    "markdown",
    "render",
    "library",
    "chapter",
    "story",
    "reader",
    "sentence",
    "paragraph",
    "revision",
    "publish",
    "article",
    "notebook",
    "morning",
    "river",
    "garden",
    "window",
    "letter",
    "machine",
    "harbour",
    "journey",
    "silence",
    "lantern",
    "compiler",
    "pipeline",
    "measure",
    "latency",
    "keyboard",
    "typing",
    "budget",
];

/// Code blocks of the article: one per language, cycled; `{n}` makes each block distinct.
const CODE: &[(&str, &str)] = &[
    ("rust", "use std::collections::HashMap;\n\n/// Counts words in `text`.\npub fn count_{n}(text: &str) -> HashMap<&str, usize> {\n    let mut counts = HashMap::new();\n    for word in text.split_whitespace() {\n        *counts.entry(word).or_insert(0) += 1;\n    }\n    counts\n}\n\nfn main() {\n    let counts = count_{n}(\"a b a\");\n    println!(\"{:?} {}\", counts, {n});\n}\n"),
    ("go", "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n)\n\n// Count{n} counts words.\nfunc Count{n}(text string) map[string]int {\n\tcounts := map[string]int{}\n\tfor _, w := range strings.Fields(text) {\n\t\tcounts[w]++\n\t}\n\treturn counts\n}\n\nfunc main() {\n\tfmt.Println(Count{n}(\"a b a\"), {n})\n}\n"),
    ("python", "from collections import Counter\n\n\ndef count_{n}(text: str) -> Counter:\n    \"\"\"Counts words in text.\"\"\"\n    return Counter(text.split())\n\n\nclass Draft{n}:\n    def __init__(self, body):\n        self.body = body  # the markdown\n\n    def words(self):\n        return sum(count_{n}(self.body).values()) + {n}\n"),
    ("js", "import { readFile } from 'node:fs/promises';\n\n// Counts words in a file.\nexport async function count{n}(path) {\n  const text = await readFile(path, 'utf8');\n  const counts = new Map();\n  for (const word of text.split(/\\s+/)) {\n    counts.set(word, (counts.get(word) ?? 0) + 1);\n  }\n  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, {n});\n}\n"),
    ("sql", "-- Drafts updated this week, with their word counts.\nSELECT d.slug, d.title, d.words, count(r.id) AS revisions_{n}\nFROM drafts d\nLEFT JOIN revisions r ON r.draft_id = d.id\nWHERE d.updated > datetime('now', '-7 days')\n  AND d.trashed_at IS NULL\nGROUP BY d.id\nHAVING count(r.id) > {n}\nORDER BY d.updated DESC\nLIMIT 50;\n"),
    ("bash", "#!/usr/bin/env bash\nset -euo pipefail\n\n# Export every ready draft, {n} at a time.\nfor slug in $(byline list --status ready --format slugs); do\n  byline export \"$slug\" --format html -o \"out/${slug}.html\" &\n  if (( $(jobs -r | wc -l) >= {n} )); then wait -n; fi\ndone\nwait\necho \"done: $(ls out | wc -l) files\"\n"),
    ("json", "{\n  \"title\": \"Draft {n}\",\n  \"tags\": [\"writing\", \"bench\", \"json\"],\n  \"status\": \"ready\",\n  \"words\": {n},\n  \"authors\": [{ \"name\": \"Ada\", \"email\": \"ada@example.org\" }],\n  \"nested\": { \"a\": [1, 2, 3], \"b\": null, \"c\": true, \"d\": 1.5e3 }\n}\n"),
    ("yaml", "# Site settings {n}\ntitle: \"Notes from the harbour\"\nbase_url: https://example.org/\nauthors:\n  - name: Ada\n    email: ada@example.org\n  - name: Grace\nexport:\n  images: copy\n  toc: true\n  max_items: {n}\nlist: [a, b, c]\n"),
];

/// Deterministic pseudo-random numbers (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// Next number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

fn sentence(rng: &mut Rng, out: &mut String) -> usize {
    let len = 8 + rng.below(13);
    for i in 0..len {
        let word = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push(' ');
            match rng.below(40) {
                0 => out.push_str(&format!("*{word}*")),
                1 => out.push_str(&format!("**{word}**")),
                2 => out.push_str(&format!("`{word}`")),
                3 => out.push_str(&format!("[{word}](https://example.org/{word})")),
                _ => out.push_str(word),
            }
        }
    }
    out.push_str(if rng.below(8) == 0 { "?" } else { "." });
    len
}

/// A paragraph of 3 to 6 sentences; returns its word count.
pub fn paragraph(rng: &mut Rng, out: &mut String) -> usize {
    let mut words = 0;
    for i in 0..3 + rng.below(4) {
        if i > 0 {
            out.push(' ');
        }
        words += sentence(rng, out);
    }
    out.push_str("\n\n");
    words
}

fn code_block(index: usize, out: &mut String) {
    let (lang, template) = CODE[index % CODE.len()];
    out.push_str(&format!("```{lang}\n{}```\n\n", template.replace("{n}", &index.to_string())));
}

/// A chapter of about `words` words with `code_blocks` code blocks, headings, a list, a table
/// and a quote; `seed` varies the text.
pub fn chapter(seed: u64, title: &str, words: usize, code_blocks: usize, out: &mut String) {
    let mut rng = Rng::new(seed);
    out.push_str(&format!("# {title}\n\n"));
    let mut written = 0;
    let mut section = 0;
    let mut blocks = 0;
    let paragraphs_per_code = (words / 75) / (code_blocks + 1);
    let mut since_code = 0;
    while written < words {
        if rng.below(7) == 0 {
            section += 1;
            out.push_str(&format!("## Section {section}: {}\n\n", WORDS[rng.below(WORDS.len())]));
        }
        written += paragraph(&mut rng, out);
        since_code += 1;
        if blocks < code_blocks && since_code >= paragraphs_per_code.max(1) {
            code_block(seed as usize * 100 + blocks, out);
            blocks += 1;
            since_code = 0;
        }
        match rng.below(25) {
            0 => out.push_str("- first point about the draft\n- second point, with *emphasis*\n- third point\n\n"),
            1 => {
                out.push_str("| Metric | Value | Unit |\n|:--|--:|:-:|\n| words | 5000 | w |\n| blocks | 12 | n |\n\n")
            }
            2 => out.push_str("> A quotation from a reader, kept as written.\n\n"),
            _ => {}
        }
    }
    while blocks < code_blocks {
        code_block(seed as usize * 100 + blocks, out);
        blocks += 1;
    }
}

/// The ~5,000-word article with a dozen code blocks in eight languages.
pub fn article() -> String {
    let mut out = String::new();
    chapter(1, "Measuring the preview", 5_000, 12, &mut out);
    out
}

/// The ~100,000-word book: twenty chapters, three code blocks each.
pub fn book() -> String {
    let mut out = String::new();
    for i in 0..20 {
        chapter(100 + i, &format!("Chapter {}", i + 1), 5_000, 3, &mut out);
    }
    out
}

/// A ~1 MB JSON document on one line, in a fenced block.
pub fn one_line_json() -> String {
    let mut json = String::from("[");
    let mut i = 0;
    while json.len() < 1 << 20 {
        json.push_str(&format!("{{\"id\":{i},\"name\":\"item {i}\",\"tags\":[\"a\",\"b\"],\"ok\":true}},"));
        i += 1;
    }
    json.push_str("null]");
    format!("# Data\n\n```json\n{json}\n```\n")
}

/// A ~10 MB draft: the book, repeated.
pub fn ten_megabytes() -> String {
    let book = book();
    let mut out = String::with_capacity(10 << 20);
    while out.len() < 10 << 20 {
        out.push_str(&book);
    }
    out
}

/// `doc` with the first prose paragraph after its middle changed by inserting `token` after
/// its first word: what one keystroke burst does to a paragraph.
pub fn edit_paragraph(doc: &str, token: &str) -> String {
    insert_in_middle_paragraph(doc, &format!(" {token}"))
}

/// Like [`edit_paragraph`] but the insertion starts a new line (Enter typed): every later
/// line number shifts.
pub fn break_paragraph(doc: &str, token: &str) -> String {
    insert_in_middle_paragraph(doc, &format!("\n{token}"))
}

fn insert_in_middle_paragraph(doc: &str, insert: &str) -> String {
    let middle = doc.len() / 2;
    // The first prose paragraph starting after the middle: a line after a blank line that
    // starts with a capital letter (headings, lists, code and tables start otherwise).
    let mut at = middle;
    loop {
        let Some(found) = doc[at..].find("\n\n") else { return format!("{doc}{insert}\n") };
        let start = at + found + 2;
        if doc[start..].chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
            let space = doc[start..].find(' ').map_or(start, |s| start + s);
            return format!("{}{insert}{}", &doc[..space], &doc[space..]);
        }
        at = start;
    }
}

/// Word count of the prose generator's output, for labels.
pub fn approximate_words(doc: &str) -> usize {
    doc.split_whitespace().count()
}

/// A draft body of about `words` words (library benches).
pub fn draft_body(seed: u64, words: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    let mut written = 0;
    while written < words {
        written += paragraph(&mut rng, &mut out);
    }
    out
}

/// Drafts in the 10,000-draft library (the app's cold start, the CLI's whole-process timings).
pub const LIBRARY_DRAFTS: usize = 10_000;

/// Draft `i` of the bench library as a Markdown file, front matter first: 300 to 1,500 words,
/// tagged and titled like the library bench's drafts, every tenth with a code block.
pub fn library_draft_file(i: usize) -> String {
    let words = 300 + (i * 7919) % 1_200;
    let mut text = format!("---\ntitle: \"Draft {i}: notes\"\ntags: [topic-{}, bench]\n---\n\n", i % 40);
    text.push_str(&draft_body(i as u64, words));
    if i.is_multiple_of(10) {
        text.push_str("```rust\nfn main() { println!(\"draft\"); }\n```\n");
    }
    text
}

/// The file name of draft `i` of the bench library.
pub fn library_draft_name(i: usize) -> String {
    format!("draft-{i:05}.md")
}
