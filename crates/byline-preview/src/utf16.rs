//! Edits the app's editor sends, applied to Rust text. CodeMirror counts positions in UTF-16
//! code units (a JavaScript string's unit); Rust strings are UTF-8, so each position is walked
//! to its byte offset, and one that falls inside a character is refused rather than guessed.

/// One replacement, in UTF-16 code units of the text it applies to (CodeMirror's positions).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
pub struct TextChange {
    /// Start of the replaced range.
    pub from: usize,
    /// End (exclusive) of the replaced range; equal to `from` for an insertion.
    pub to: usize,
    /// The text put in its place.
    pub insert: String,
}

/// Length of `text` in UTF-16 code units.
pub(crate) fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// `text` with `changes` applied; the changes are in the positions of `text`, in order and not
/// overlapping (as CodeMirror's `ChangeSet.iterChanges` gives them). None when one is out of
/// order, past the end, or splits a character (half of a surrogate pair).
pub(crate) fn apply(text: &str, changes: &[TextChange]) -> Option<String> {
    let extra: usize = changes.iter().map(|c| c.insert.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut cursor = Cursor { bytes: text.as_bytes(), byte: 0, unit: 0 };
    let mut copied = 0;
    for change in changes {
        if change.from > change.to || change.from < cursor.unit {
            return None;
        }
        let from = cursor.advance_to(change.from)?;
        let to = cursor.advance_to(change.to)?;
        out.push_str(&text[copied..from]);
        out.push_str(&change.insert);
        copied = to;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// A walk through UTF-8 bytes that keeps count of the UTF-16 units passed.
struct Cursor<'a> {
    bytes: &'a [u8],
    byte: usize,
    unit: usize,
}

impl Cursor<'_> {
    /// Moves to UTF-16 position `unit` (not behind the cursor); its byte offset, or None when
    /// it is past the end or inside a character.
    fn advance_to(&mut self, unit: usize) -> Option<usize> {
        while self.unit < unit {
            let lead = *self.bytes.get(self.byte)?;
            // The lead byte gives the character's UTF-8 length; only 4-byte ones take two units.
            let (len, units) = match lead {
                0x00..=0x7F => (1, 1),
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                _ => (4, 2),
            };
            if self.unit + units > unit {
                return None;
            }
            self.byte += len;
            self.unit += units;
        }
        Some(self.byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(from: usize, to: usize, insert: &str) -> TextChange {
        TextChange { from, to, insert: insert.to_owned() }
    }

    #[test]
    fn ascii_edits_apply_in_order() {
        let text = "Hello world";
        assert_eq!(apply(text, &[change(5, 5, ","), change(6, 11, "there")]).as_deref(), Some("Hello, there"));
        assert_eq!(apply(text, &[]).as_deref(), Some(text));
        assert_eq!(apply(text, &[change(11, 11, "!")]).as_deref(), Some("Hello world!"));
    }

    #[test]
    fn utf16_positions_map_to_bytes_with_emoji_and_cjk() {
        // "日本" is 2 units and 6 bytes; "😀" is 2 units (a surrogate pair) and 4 bytes.
        let text = "日本😀語 é";
        assert_eq!(utf16_len(text), 7);
        assert_eq!(apply(text, &[change(2, 4, "🎉🎉")]).as_deref(), Some("日本🎉🎉語 é"));
        assert_eq!(apply(text, &[change(4, 5, "")]).as_deref(), Some("日本😀 é"));
        assert_eq!(apply(text, &[change(0, 1, "x"), change(6, 7, "e")]).as_deref(), Some("x本😀語 e"));
        assert_eq!(apply(text, &[change(7, 7, "ん")]).as_deref(), Some("日本😀語 éん"));
    }

    #[test]
    fn positions_inside_a_character_or_past_the_end_are_refused() {
        let text = "a😀b";
        assert_eq!(apply(text, &[change(2, 2, "x")]), None, "between the halves of a surrogate pair");
        assert_eq!(apply(text, &[change(1, 2, "")]), None);
        assert_eq!(apply(text, &[change(5, 5, "x")]), None, "past the end");
        assert_eq!(apply(text, &[change(3, 1, "x")]), None, "backwards");
        assert_eq!(apply(text, &[change(3, 4, "x"), change(0, 1, "y")]), None, "out of order");
    }
}
