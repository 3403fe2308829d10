//! Finding and repairing damaged text ("mojibake") in a draft: UTF-8 that some program read as
//! Windows-1252 or Latin-1 (`CafÃ© â€” naÃ¯ve`), read that way twice (`ÃƒÂ©`), or read as a
//! Thai code page that dropped the bytes it could not map (an em dash left as a lone `โ`).
//!
//! Pure functions, no I/O. Nothing is repaired behind the writer's back: [`find`] lists each
//! damaged place with what would replace it, and a caller applies the ones the writer accepts
//! ([`apply`]), or all of them ([`repair`]).
//!
//! ```
//! let (fixed, repairs) = byline_mojibake::repair("CafÃ© â€” naÃ¯ve");
//! assert_eq!(fixed, "Café — naïve");
//! assert_eq!(repairs.len(), 3);
//! assert!(byline_mojibake::find("NÃO, SÃO PAULO").is_empty());
//! ```

mod legacy;
mod misread;
mod plausible;
mod thai;

use ts_rs::TS;

/// How the text was damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// UTF-8 read as Windows-1252: `é` became `Ã©`, `—` became `â€”`.
    Utf8AsWindows1252,
    /// UTF-8 read as Latin-1: as Windows-1252, but with invisible control characters where
    /// Windows-1252 has `€`, `’` or `—`.
    Utf8AsLatin1,
    /// Read the wrong way twice (or more): `é` became `ÃƒÂ©`.
    DoubleEncoded,
    /// UTF-8 read as a Thai code page that lost the dash's or quote's last two bytes: `โ`.
    Utf8AsThaiLostContinuation,
}

/// One damaged place and what would repair it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
pub struct Repair {
    /// Byte offset where the damaged text starts.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The same place in UTF-16 code units, as an editor in a web view counts.
    pub start_utf16: usize,
    /// Just past it, in UTF-16 code units.
    pub end_utf16: usize,
    /// The 1-based line it is on.
    pub line: usize,
    /// The damaged text (`Ã©`).
    pub damaged: String,
    /// What stood there (`é`).
    pub replacement: String,
    /// How it was damaged.
    pub kind: Kind,
}

/// Every damaged place in `text`, in order. Real text in any language is never listed.
pub fn find(text: &str) -> Vec<Repair> {
    let mut places = misread::find(text);
    places.extend(thai::find(text));
    places.sort_by_key(|p| p.start);
    let mut repairs = Vec::with_capacity(places.len());
    let (mut line, mut utf16, mut scanned) = (1, 0, 0);
    for place in places {
        let skipped = &text[scanned..place.start];
        line += skipped.matches('\n').count();
        utf16 += utf16_len(skipped);
        let damaged = &text[place.start..place.end];
        let start_utf16 = utf16;
        utf16 += utf16_len(damaged);
        line += damaged.matches('\n').count();
        scanned = place.end;
        repairs.push(Repair {
            start: place.start,
            end: place.end,
            start_utf16,
            end_utf16: utf16,
            line: line - damaged.matches('\n').count(),
            damaged: damaged.to_owned(),
            replacement: place.replacement,
            kind: place.kind,
        });
    }
    repairs
}

/// `text` with every damaged place repaired, and the repairs made.
pub fn repair(text: &str) -> (String, Vec<Repair>) {
    let repairs = find(text);
    (apply(text, &repairs), repairs)
}

/// `text` with the given repairs (from [`find`] on this same text) made. Repairs that overlap
/// an earlier one, or do not match the text, are passed over.
pub fn apply(text: &str, repairs: &[Repair]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for repair in repairs {
        if repair.start < copied || text.get(repair.start..repair.end) != Some(repair.damaged.as_str()) {
            continue;
        }
        out.push_str(&text[copied..repair.start]);
        out.push_str(&repair.replacement);
        copied = repair.end;
    }
    out.push_str(&text[copied..]);
    out
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_repair_knows_its_line_and_its_offsets_in_bytes_and_utf16() {
        let text = "😀 first\nsecond CafÃ©\nthird โ end";
        let repairs = find(text);
        assert_eq!(repairs.len(), 2);
        assert_eq!((repairs[0].line, repairs[0].damaged.as_str()), (2, "Ã©"));
        assert_eq!(&text[repairs[0].start..repairs[0].end], "Ã©");
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let at = String::from_utf16_lossy(&utf16[repairs[0].start_utf16..repairs[0].end_utf16]);
        assert_eq!(at, "Ã©");
        assert_eq!((repairs[1].line, repairs[1].replacement.as_str()), (3, "—"));
    }

    #[test]
    fn applying_some_repairs_leaves_the_others_as_they_were() {
        let text = "CafÃ© â€” naÃ¯ve";
        let repairs = find(text);
        assert_eq!(apply(text, &[repairs[0].clone(), repairs[2].clone()]), "Café â€” naïve");
        assert_eq!(repair(text).0, "Café — naïve");
    }
}
