//! Where two versions of a text start and stop differing: the edit an incremental render (or
//! a preview patch) has to redo.

/// Byte lengths of the common prefix and the (non-overlapping) common suffix of two texts, each
/// ending on a character boundary, so both `&a[..prefix]` and `&b[b.len() - suffix..]` are text.
pub fn common_ends(a: &str, b: &str) -> (usize, usize) {
    // Whole chunks compare as one memcmp; a typed character changes only a few bytes.
    const CHUNK: usize = 128;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let min = a.len().min(b.len());
    let mut prefix = 0;
    while prefix + CHUNK <= min && a[prefix..prefix + CHUNK] == b[prefix..prefix + CHUNK] {
        prefix += CHUNK;
    }
    while prefix < min && a[prefix] == b[prefix] {
        prefix += 1;
    }
    // Both sides hold the same bytes up to `prefix`: back off to the start of a UTF-8 character.
    while prefix > 0 && prefix < min && (b[prefix] & 0xC0) == 0x80 {
        prefix -= 1;
    }
    let room = min - prefix;
    let mut suffix = 0;
    while suffix + CHUNK <= room
        && a[a.len() - suffix - CHUNK..a.len() - suffix] == b[b.len() - suffix - CHUNK..b.len() - suffix]
    {
        suffix += CHUNK;
    }
    while suffix < room && a[a.len() - 1 - suffix] == b[b.len() - 1 - suffix] {
        suffix += 1;
    }
    while suffix > 0 && (b[b.len() - suffix] & 0xC0) == 0x80 {
        suffix -= 1;
    }
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ends_respect_characters() {
        assert_eq!(common_ends("abcXdef", "abcYYdef"), (3, 3));
        assert_eq!(common_ends("aé", "aè"), (1, 0));
        assert_eq!(common_ends("aaa", "aaaa"), (3, 0));
    }
}
