//! Whether a character decoded out of suspected mojibake is one a writer would have written.
//! Text misread as a code page decodes to letters and punctuation of real scripts; bytes that
//! only happen to look like UTF-8 decode to rare scripts (N'Ko, Syriac, Mandaic, Braille),
//! controls or private-use characters, and are left alone.

/// What kind of character a repair would put in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A Latin letter (accented letters, Latin Extended, combining accents).
    Latin,
    /// Punctuation and symbols: dashes, quotes, €, ™, °, arrows, emoji.
    Symbol,
    /// A letter of another script (Greek, Cyrillic, Hebrew, Arabic, Thai, CJK, kana, Hangul).
    OtherScript,
}

/// The class of a plausible character, or `None` for one no repair should produce.
pub(crate) fn class(c: char) -> Option<Class> {
    let code = c as u32;
    let class = match code {
        0x00A0..=0x00BF | 0x00D7 | 0x00F7 => Class::Symbol,
        0x00C0..=0x024F | 0x0300..=0x036F | 0x1E00..=0x1EFF => Class::Latin,
        0x0370..=0x03FF | 0x0400..=0x04FF | 0x05D0..=0x05EA | 0x0620..=0x064A | 0x0E01..=0x0E5B => Class::OtherScript,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => Class::OtherScript,
        0x3000..=0x303F | 0xFF01..=0xFF60 => Class::OtherScript,
        0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20C0 | 0x2100..=0x214F | 0x2190..=0x21FF => Class::Symbol,
        0x2200..=0x22FF | 0x2500..=0x25FF | 0x2600..=0x27BF | 0x1F300..=0x1FAFF => Class::Symbol,
        _ => return None,
    };
    Some(class)
}

/// A letter of the Latin script (ASCII or not), which another script's letters never touch in
/// real mojibake: `café` followed by a non-breaking space and `»` decodes to a CJK ideograph, but
/// glued to `caf` it cannot be Japanese.
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (class(c) == Some(Class::Latin) && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_real_scripts_are_plausible_and_rare_scripts_and_controls_are_not() {
        assert_eq!(class('é'), Some(Class::Latin));
        assert_eq!(class('ł'), Some(Class::Latin));
        assert_eq!(class('—'), Some(Class::Symbol));
        assert_eq!(class('λ'), Some(Class::OtherScript));
        assert_eq!(class('日'), Some(Class::OtherScript));
        assert_eq!(class('\u{7D3}'), None, "N'Ko, what `ß“` decodes to");
        assert_eq!(class('\u{83B}'), None, "Mandaic");
        assert_eq!(class('\u{85}'), None);
    }
}
