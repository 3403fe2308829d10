//! UTF-8 read as a Thai code page (TIS-620, Windows-874) with the continuation bytes lost.
//!
//! Every dash and curly quote of General Punctuation is three bytes starting E2 (`—` is
//! E2 80 94), and E2 is the Thai vowel sign `โ` (U+0E42) in those code pages. A decoder that
//! drops the two bytes it cannot map leaves a lone `โ` where the punctuation stood. In real Thai
//! `โ` is a leading vowel, always written before a Thai consonant; so a `โ` with no Thai letter on
//! either side, in a paragraph that is not Thai, is damage. Which character it was is lost with
//! the bytes; the context says which is most likely (see [`replacement`]).

use crate::misread::Place;
use crate::Kind;

/// The Thai letter E2 becomes.
const SARA_O: char = '\u{0E42}';

/// A paragraph counts as Thai when more than this share of its letters (apart from the lone
/// `โ`s themselves) are Thai: an English paragraph may quote a Thai word and still be English.
const THAI_SHARE: f64 = 0.2;

/// The damaged places of `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Place> {
    let mut places = Vec::new();
    let mut offset = 0;
    for paragraph in text.split_inclusive("\n\n") {
        find_in_paragraph(paragraph, offset, &mut places);
        offset += paragraph.len();
    }
    places
}

fn find_in_paragraph(paragraph: &str, offset: usize, places: &mut Vec<Place>) {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let found: Vec<Lost> = (0..chars.len()).filter_map(|i| lost_at(&chars, i)).collect();
    if found.is_empty() {
        return;
    }
    let damaged_chars: usize = found.iter().map(|lost| lost.chars).sum();
    let thai = chars.iter().filter(|(_, c)| is_thai(*c)).count() - damaged_chars;
    let letters = chars.iter().filter(|(_, c)| c.is_alphabetic()).count() - damaged_chars;
    if letters == 0 || thai as f64 > THAI_SHARE * letters as f64 {
        return;
    }
    for lost in found {
        let i = lost.at;
        let start = chars[i].0;
        let end = chars.get(i + lost.chars).map_or(paragraph.len(), |&(at, _)| at);
        let replacement = match lost.punctuation {
            Some(punctuation) => punctuation.to_string(),
            None => {
                let before = i.checked_sub(1).map(|b| chars[b].1);
                let after = chars.get(i + 1).map(|&(_, c)| c);
                let word: String = chars[i + 1..].iter().map(|&(_, c)| c).take_while(|c| c.is_alphabetic()).collect();
                replacement(before, after, &word).to_owned()
            }
        };
        places.push(Place {
            start: offset + start,
            end: offset + end,
            replacement,
            kind: Kind::Utf8AsThaiLostContinuation,
        });
    }
}

/// A damaged place: where it starts, how many characters it spans, and what it was when that
/// is still known.
struct Lost {
    at: usize,
    chars: usize,
    punctuation: Option<char>,
}

/// A `โ` with no Thai letter on either side lost both continuation bytes. One followed by a
/// single Thai consonant of the range continuation bytes map to (`โฆ`, the ellipsis E2 80 A6)
/// lost only the middle byte, which is always 80 for this punctuation, so the character is known.
fn lost_at(chars: &[(usize, char)], i: usize) -> Option<Lost> {
    let not_thai = |at: Option<usize>| at.and_then(|at| chars.get(at)).is_none_or(|&(_, c)| !is_thai(c));
    if chars[i].1 != SARA_O || !not_thai(i.checked_sub(1)) {
        return None;
    }
    if not_thai(Some(i + 1)) {
        return Some(Lost { at: i, chars: 1, punctuation: None });
    }
    let next = chars[i + 1].1;
    if !('\u{0E01}'..='\u{0E1F}').contains(&next) || !not_thai(Some(i + 2)) {
        return None;
    }
    let byte = 0xA1 + (next as u32 - 0x0E01) as u8;
    let punctuation = std::str::from_utf8(&[0xE2, 0x80, byte]).ok()?.chars().next()?;
    (crate::plausible::class(punctuation) == Some(crate::plausible::Class::Symbol)).then_some(Lost {
        at: i,
        chars: 2,
        punctuation: Some(punctuation),
    })
}

fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

/// What the lost character most likely was, from its neighbours (`word` is the run of letters
/// right after it).
///
/// - between digits (`1990โ1995`): a range, so an en dash;
/// - inside a word before a contraction's ending (`donโt`, `itโs`, `theyโre`): an apostrophe;
/// - between spaces (`word โ word`), or between two words with no space (`wordโword`, the
///   American style): an em dash;
/// - after a space and before a word (`โquoted`): an opening quote; before a space or after
///   punctuation at the end of a word (`quotedโ said`, `end.โ`): a closing quote. Double quotes,
///   not single: they are what prose quotes with, and single ones inside them are rarer;
/// - anything else: an em dash, the most common character of the lot.
fn replacement(before: Option<char>, after: Option<char>, word: &str) -> &'static str {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{".contains(c));
    let closing_punctuation = |c: Option<char>| c.is_some_and(|c| ".,;:!?)".contains(c));
    if before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit()) {
        return "–";
    }
    if word_char(before) && word_char(after) {
        let ending = word.to_lowercase();
        return if ["s", "t", "re", "ve", "ll", "d", "m"].contains(&ending.as_str()) { "’" } else { "—" };
    }
    if space(before) && word_char(after) {
        return "“";
    }
    if (word_char(before) || closing_punctuation(before)) && (space(after) || closing_punctuation(after)) {
        return "”";
    }
    "—"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> String {
        let mut out = text.to_owned();
        for place in find(text).iter().rev() {
            out.replace_range(place.start..place.end, &place.replacement);
        }
        out
    }

    #[test]
    fn the_context_decides_between_dashes_quotes_and_apostrophes() {
        assert_eq!(repaired("The lamp โ an old one โ went out."), "The lamp — an old one — went out.");
        assert_eq!(repaired("From 1990โ1995 it ran."), "From 1990–1995 it ran.");
        assert_eq!(repaired("She said โnot yetโ and left."), "She said “not yet” and left.");
        assert_eq!(repaired("He wrote โdone.โ"), "He wrote “done.”");
        assert_eq!(repaired("We donโt know; itโs late; theyโre gone."), "We don’t know; it’s late; they’re gone.");
        assert_eq!(repaired("The answerโobviouslyโwas no."), "The answer—obviously—was no.");
        assert_eq!(repaired("And thenโฆ nothing."), "And then… nothing.");
    }

    #[test]
    fn real_thai_is_never_touched() {
        assert!(find("โฆษณา โฆษณาใหม่").is_empty(), "the word for an advertisement starts โฆ");
        assert!(find("โรงเรียนอยู่ใกล้บ้าน โทรศัพท์ของฉันอยู่ที่โต๊ะ").is_empty());
        assert!(find("ภาษาไทย โ ภาษาไทย อีกครั้ง ภาษาไทย").is_empty(), "a Thai paragraph is not English");
    }
}
