//! The single-byte code pages UTF-8 is most often misread as: Windows-1252 and Latin-1 (which a
//! decoder shows as the same letters, except that Latin-1 turns 0x80–0x9F into C1 controls).

/// The characters Windows-1252 puts at 0x80–0x9F, in byte order; `None` where it has none (a
/// WHATWG decoder passes those five bytes through as the C1 control of the same number).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// How a character came to stand for a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A byte both code pages show the same way (0xA0–0xFF, or a byte Windows-1252 leaves undefined).
    Either,
    /// One of Windows-1252's own characters at 0x80–0x9F (`€`, `’`, `—`…).
    Windows1252,
    /// A C1 control where Windows-1252 has a character: Latin-1's reading.
    Latin1,
}

/// The byte a character is when the text is encoded back to the code page it was misread as.
pub(crate) fn byte_of(c: char) -> Option<(u8, Reading)> {
    let code = c as u32;
    if code < 0x80 {
        return Some((code as u8, Reading::Either));
    }
    if (0x80..0xA0).contains(&code) {
        let reading = match WINDOWS_1252_HIGH[(code - 0x80) as usize] {
            Some(_) => Reading::Latin1,
            None => Reading::Either,
        };
        return Some((code as u8, reading));
    }
    if code <= 0xFF {
        return Some((code as u8, Reading::Either));
    }
    let at = WINDOWS_1252_HIGH.iter().position(|&high| high == Some(c))?;
    Some((0x80 + at as u8, Reading::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_letters_and_latin1_controls_map_back_to_their_bytes() {
        assert_eq!(byte_of('€'), Some((0x80, Reading::Windows1252)));
        assert_eq!(byte_of('—'), Some((0x97, Reading::Windows1252)));
        assert_eq!(byte_of('\u{80}'), Some((0x80, Reading::Latin1)));
        assert_eq!(byte_of('\u{9D}'), Some((0x9D, Reading::Either)));
        assert_eq!(byte_of('Ã'), Some((0xC3, Reading::Either)));
        assert_eq!(byte_of('ł'), None);
    }
}
