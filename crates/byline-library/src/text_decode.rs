//! Turning the bytes of a file into text, with errors a writer can act on.

use encoding_rs::Encoding;

/// How many leading bytes are inspected for signs of a binary file.
const SNIFF_LEN: usize = 8192;

/// Decodes file bytes: UTF-16 by byte-order mark, `encoding` when given, else strict UTF-8.
/// The error says what is wrong and what to do, without the file name (the caller adds it).
pub(crate) fn decode(bytes: &[u8], encoding: Option<&'static Encoding>) -> Result<String, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; there is nothing to import".into());
    }
    if let Some((bom_encoding, _)) = Encoding::for_bom(bytes) {
        if bom_encoding != encoding_rs::UTF_8 {
            return decode_with(bytes, bom_encoding);
        }
    }
    if let Some(encoding) = encoding {
        return decode_with(bytes, encoding);
    }
    if looks_binary(bytes) {
        return Err("looks like a binary file, not Markdown text".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "is not valid UTF-8 (line {line}, byte offset {offset}); save it as UTF-8, \
             or pass --encoding with its encoding (e.g. --encoding windows-1252)"
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

fn decode_with(bytes: &[u8], encoding: &'static Encoding) -> Result<String, String> {
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(format!("is not valid {} text; check the --encoding", encoding.name()));
    }
    if text.contains('\0') {
        return Err("looks like a binary file, not Markdown text".into());
    }
    Ok(text.into_owned())
}

/// NUL bytes never occur in UTF-8 Markdown; other control bytes in quantity mean binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    head.contains(&0) || control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "# Héllo\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), "# Héllo\n");
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let err = decode(b"ok\nbad \xE9 here", None).unwrap_err();
        assert!(err.contains("line 2, byte offset 7"), "{err}");
        assert!(err.contains("--encoding"), "{err}");
    }

    #[test]
    fn latin1_with_encoding_label() {
        let enc = Encoding::for_label(b"windows-1252");
        assert_eq!(decode(b"caf\xE9", enc).unwrap(), "café");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0", None).unwrap_err().contains("binary"));
        assert!(decode(b"  \n", None).unwrap_err().contains("empty"));
        assert_eq!(decode("\u{feff}text".as_bytes(), None).unwrap(), "text");
    }
}
