//! UTF-8 read as Windows-1252 or Latin-1: every non-ASCII character became two to four
//! characters of the code page (`é` → `Ã©`, `—` → `â€”`), and text that went through twice
//! became longer still (`é` → `ÃƒÂ©`).
//!
//! The finder looks for "units": a character that is a UTF-8 lead byte in the code page
//! followed by exactly the continuation bytes it needs, which together decode as strict UTF-8.
//! Adjacent units form one damaged place. A place is repaired only when every character it
//! decodes to is plausible (see [`crate::plausible`]); real text in those languages does not
//! form units: Portuguese `NÃO` is C3 4F, which is no UTF-8.

use crate::legacy::{byte_of, Reading};
use crate::plausible::{class, is_latin_letter, Class};
use crate::Kind;

/// One damaged place, before its line and offsets are worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) replacement: String,
    pub(crate) kind: Kind,
}

/// A place with what the finder learnt about it on the way.
struct Candidate {
    place: Place,
    /// Whether it could also be real text (see [`is_weak_unit`]).
    weak: bool,
}

/// The damaged places of `text`, in order. Weak places count only beside a sure one.
pub(crate) fn find(text: &str) -> Vec<Place> {
    let mut candidates = candidates(text, false);
    if candidates.iter().any(|c| !c.weak && c.place.kind == Kind::DoubleEncoded) {
        candidates = self::candidates(text, true);
    }
    let sure = candidates.iter().any(|c| !c.weak);
    candidates.into_iter().filter(|c| sure || !c.weak).map(|c| c.place).collect()
}

/// `undo_weak_twice`: whether a place that decodes to a weak place is decoded again (see
/// [`place_of`]).
fn candidates(text: &str, undo_weak_twice: bool) -> Vec<Candidate> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(first) = unit_at(&chars, i) else {
            i += 1;
            continue;
        };
        let mut units = vec![first];
        let mut next = i + units[0].chars;
        while let Some(unit) = unit_at(&chars, next) {
            next += unit.chars;
            units.push(unit);
        }
        let start = chars[i].0;
        let end = chars.get(next).map_or(text.len(), |&(at, _)| at);
        let before = i.checked_sub(1).map(|b| chars[b].1);
        let after = chars.get(next).map(|&(_, c)| c);
        if let Some(candidate) = place_of(&units, start, end, before, after, undo_weak_twice) {
            found.push(candidate);
        }
        i = next;
    }
    found
}

/// A place made of adjacent units, if what it decodes to is plausible where it stands.
fn place_of(
    units: &[Unit],
    start: usize,
    end: usize,
    before: Option<char>,
    after: Option<char>,
    undo_weak_twice: bool,
) -> Option<Candidate> {
    let mut decoded: String = units.iter().map(|u| u.decoded).collect();
    // Text that went through the misreading twice decodes to text that is itself a whole place
    // (whose C1 controls stand for bytes, so only the last decoding must be plausible). A weak
    // whole is undone only in a text with sure double damage elsewhere: `IRMÃ”` read twice comes
    // back as `IRMÃ”`, not `IRMÔ`, while Polish `coÅ›` read twice comes back as `coś`.
    let mut passes = 1;
    while passes < 4 {
        match candidates(&decoded, undo_weak_twice).as_slice() {
            [whole]
                if whole.place.start == 0 && whole.place.end == decoded.len() && (undo_weak_twice || !whole.weak) =>
            {
                decoded = whole.place.replacement.clone();
                passes += 1;
            }
            _ => break,
        }
    }
    if !plausible_between(&decoded, before, after) {
        return None;
    }
    let kind = if passes > 1 {
        Kind::DoubleEncoded
    } else if units.iter().any(|u| u.reading == Reading::Latin1) {
        Kind::Utf8AsLatin1
    } else {
        Kind::Utf8AsWindows1252
    };
    let weak = units.iter().all(|u| u.weak);
    Some(Candidate { place: Place { start, end, replacement: decoded, kind }, weak })
}

/// Every character is one a writer writes, and another script's letters do not touch Latin ones.
fn plausible_between(decoded: &str, before: Option<char>, after: Option<char>) -> bool {
    let classes: Option<Vec<Class>> = decoded.chars().map(class).collect();
    let Some(classes) = classes else {
        return false;
    };
    let glued = |neighbour: Option<char>, edge: Option<&Class>| {
        edge == Some(&Class::OtherScript) && neighbour.is_some_and(is_latin_letter)
    };
    !glued(before, classes.first()) && !glued(after, classes.last())
}

/// A lead byte and its continuation bytes, decoded.
struct Unit {
    /// How many characters of the text it spans.
    chars: usize,
    decoded: char,
    reading: Reading,
    /// Could be real text: see [`is_weak_unit`].
    weak: bool,
}

fn unit_at(chars: &[(usize, char)], i: usize) -> Option<Unit> {
    let &(_, lead_char) = chars.get(i)?;
    let (lead, mut reading) = byte_of(lead_char)?;
    let needed = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut bytes = vec![lead];
    let mut spaced = false;
    for k in 1..=needed {
        let &(_, c) = chars.get(i + k)?;
        let (byte, how) = match byte_of(c) {
            Some((byte @ 0x80..=0xBF, how)) => (byte, how),
            // `à` is C3 A0, and the A0 (a non-breaking space) is so often turned into a plain
            // space on the way that `Ã ` is the usual sight; the space counts, weakly.
            _ if needed == 1 && lead == 0xC3 && c == ' ' => {
                spaced = true;
                (0xA0, Reading::Either)
            }
            _ => return None,
        };
        if how != Reading::Either {
            reading = how;
        }
        bytes.push(byte);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    let after = chars.get(i + needed + 1).map(|&(_, c)| c);
    if spaced && !spaced_a_grave(chars, i) {
        return None;
    }
    let weak = spaced || is_weak_unit(&bytes, after);
    Some(Unit { chars: needed + 1, decoded, reading, weak })
}

/// `Ã ` stands for `à` only where Portuguese cannot have a real `Ã` before a space: after a
/// lowercase letter (`voilÃ `) or alone between spaces (`Ã  la`). `IRMÃ E` stays.
fn spaced_a_grave(chars: &[(usize, char)], i: usize) -> bool {
    match i.checked_sub(1).map(|b| chars[b].1) {
        None => true,
        Some(c) => c.is_lowercase() || c.is_whitespace(),
    }
}

/// A two-byte unit whose second character is one a writer types right after a word (`’`, `”`,
/// `»`, `›`, `™`) and that ends the word could be real: Portuguese `IRMÃ”` in quotes. Such a
/// unit is repaired only when the same text has damage that is sure.
fn is_weak_unit(bytes: &[u8], after: Option<char>) -> bool {
    let [_, second] = bytes else {
        return false;
    };
    let ends_word = after.is_none_or(|c| !c.is_alphabetic());
    matches!(second, 0x92 | 0x94 | 0xBB | 0x9B | 0x99) && ends_word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> Vec<(String, String)> {
        find(text).into_iter().map(|p| (text[p.start..p.end].to_owned(), p.replacement)).collect()
    }

    #[test]
    fn windows_1252_misreadings_are_found_with_their_originals() {
        let found = repaired("CafÃ© â€” naÃ¯ve");
        assert_eq!(found, [("Ã©".into(), "é".into()), ("â€”".into(), "—".into()), ("Ã¯".into(), "ï".into())]);
    }

    #[test]
    fn a_double_misreading_is_undone_in_one_repair() {
        let places = find("CafÃƒÂ© ok");
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].replacement, "é");
        assert_eq!(places[0].kind, Kind::DoubleEncoded);
    }

    #[test]
    fn latin1_control_characters_are_read_as_their_bytes() {
        let places = find("one \u{e2}\u{80}\u{94} two");
        assert_eq!(places[0].replacement, "—");
        assert_eq!(places[0].kind, Kind::Utf8AsLatin1);
    }

    #[test]
    fn portuguese_capitals_with_a_tilde_are_left_alone() {
        assert!(find("NÃO SÃO IRMÃOS, DISSE A MÃE À IRMÃ").is_empty());
        assert!(find("«A IRMÃ» e a “IRMÃ”").is_empty(), "an Ã ending a word before a quote is no proof");
    }

    #[test]
    fn an_a_grave_whose_non_breaking_space_became_a_space_is_found_beside_sure_damage() {
        assert_eq!(repaired("voilÃ  la crÃ¨me"), [("Ã ".into(), "à".into()), ("Ã¨".into(), "è".into())]);
        assert!(find("voilÃ  rien").is_empty(), "alone it could be a typo");
    }

    #[test]
    fn a_cjk_decoding_glued_to_a_latin_word_is_not_japanese() {
        assert!(find("« un café\u{a0}» et").is_empty());
    }
}
