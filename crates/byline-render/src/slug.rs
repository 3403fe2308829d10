//! Slugs: the one rule that turns text into a URL-safe name, in the three styles Byline needs.
//! Heading ids follow GitHub so hand-written anchors keep working; tag pages keep Unicode and
//! spell out `+` and `#` so `C`, `C++` and `C#` get distinct pages; draft and author names are
//! plain ASCII, short enough for a file name.

/// Which names a slug is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugStyle {
    /// Heading ids, as GitHub makes them: letters, digits, `-` and `_` kept, each space a `-`,
    /// other punctuation dropped (`C++ & Rust` → `c--rust`); `section` when nothing is left.
    HeadingId,
    /// Tag pages: letters and digits in any script, `+` and `#` as words (`C++` →
    /// `c-plus-plus`), single dashes between words; `tag` when nothing is left.
    Tag,
    /// Drafts and authors: transliterated to ASCII (`Wörld` → `world`), single dashes, at most
    /// 80 characters cut at a word; `untitled` when nothing is left.
    Name,
}

/// Longest [`SlugStyle::Name`] slug.
const MAX_NAME_LEN: usize = 80;

/// What one character of the text becomes.
enum Piece<'a> {
    /// Kept (lowercased).
    Keep(char),
    /// A word of its own, between separators (`+` → `plus`).
    Word(&'a str),
    /// Between two words: a dash, unless at either end or next to another one.
    Separator,
    /// Nothing at all.
    Drop,
}

impl SlugStyle {
    fn piece(self, c: char) -> Piece<'static> {
        match self {
            SlugStyle::HeadingId if c.is_alphanumeric() || c == '_' || c == '-' => Piece::Keep(c),
            SlugStyle::HeadingId if c.is_whitespace() => Piece::Keep('-'),
            SlugStyle::HeadingId => Piece::Drop,
            SlugStyle::Tag if c == '+' => Piece::Word("plus"),
            SlugStyle::Tag if c == '#' => Piece::Word("sharp"),
            SlugStyle::Tag if c.is_alphanumeric() => Piece::Keep(c),
            SlugStyle::Name if c.is_ascii_alphanumeric() => Piece::Keep(c),
            SlugStyle::Tag | SlugStyle::Name => Piece::Separator,
        }
    }

    fn fallback(self) -> &'static str {
        match self {
            SlugStyle::HeadingId => "section",
            SlugStyle::Tag => "tag",
            SlugStyle::Name => "untitled",
        }
    }
}

/// The slug of `text` in `style`; never empty.
pub fn slugify(text: &str, style: SlugStyle) -> String {
    let transliterated;
    let text = match style {
        SlugStyle::HeadingId => text.trim(),
        SlugStyle::Tag => text,
        SlugStyle::Name => {
            transliterated = deunicode::deunicode(text);
            &transliterated
        }
    };
    let mut slug = String::with_capacity(text.len());
    // A separator seen since the last word: written only when another word follows.
    let mut pending_dash = false;
    for c in text.chars() {
        match style.piece(c) {
            Piece::Keep(c) => push_after_dash(&mut slug, &mut pending_dash, c.to_lowercase()),
            Piece::Word(word) => {
                pending_dash = true;
                push_after_dash(&mut slug, &mut pending_dash, word.chars());
                pending_dash = true;
            }
            Piece::Separator => pending_dash = true,
            Piece::Drop => {}
        }
    }
    let slug = match style {
        SlugStyle::Name => truncate_at_word(&slug, MAX_NAME_LEN),
        _ => &slug,
    };
    if slug.is_empty() {
        style.fallback().to_owned()
    } else {
        slug.to_owned()
    }
}

fn push_after_dash(slug: &mut String, pending_dash: &mut bool, word: impl Iterator<Item = char>) {
    if std::mem::take(pending_dash) && !slug.is_empty() {
        slug.push('-');
    }
    slug.extend(word);
}

fn truncate_at_word(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    // A name slug is pure ASCII, so byte indices are char boundaries.
    let cut = &slug[..max];
    match cut.rfind('-') {
        Some(dash) if dash > 0 => &cut[..dash],
        _ => cut.trim_end_matches('-'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_follow_github() {
        let id = |text| slugify(text, SlugStyle::HeadingId);
        assert_eq!(id("Hello, World!"), "hello-world");
        assert_eq!(id("  Über `code` café "), "über-code-café");
        assert_eq!(id("C++ & Rust"), "c--rust");
        assert_eq!(id("!!!"), "section");
    }

    #[test]
    fn tag_slugs_are_readable_and_keep_their_script() {
        let tag = |text| slugify(text, SlugStyle::Tag);
        assert_eq!(tag("Rust & WebAssembly"), "rust-webassembly");
        assert_eq!(tag("C++"), "c-plus-plus");
        assert_eq!(tag("C#"), "c-sharp");
        assert_eq!(tag("Café au lait"), "café-au-lait");
        assert_eq!(tag("</script>"), "script");
        assert_eq!(tag("!!!"), "tag");
    }

    #[test]
    fn names_transliterate_and_collapse() {
        let name = |text| slugify(text, SlugStyle::Name);
        assert_eq!(name("  Héllo, Wörld!  — C++ & Rust "), "hello-world-c-rust");
        assert_eq!(name("Ünïcödé 日本"), "unicode-ri-ben");
        assert_eq!(name(""), "untitled");
        assert_eq!(name("!!! ???"), "untitled");
    }

    #[test]
    fn names_cut_long_titles_on_a_word_boundary() {
        let slug = slugify(&"word ".repeat(40), SlugStyle::Name);
        assert!(slug.len() <= 80, "{slug}");
        assert!(slug.ends_with("word"), "{slug}");
        assert_eq!(slugify(&"a".repeat(200), SlugStyle::Name).len(), 80);
    }
}
