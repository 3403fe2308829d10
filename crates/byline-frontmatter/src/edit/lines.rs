//! Lines of a front matter block and their endings, the way both editors see them: a line ends
//! after `\n`, and a `\r` right before that `\n` is part of the ending. Edits copy the endings
//! they find, so a CRLF file stays CRLF and a block without a final line break keeps it so.

/// The line break `text` ends with: `"\r\n"`, `"\n"`, or `""` when it ends without one.
pub(crate) fn ending(text: &str) -> &'static str {
    if text.ends_with("\r\n") {
        "\r\n"
    } else if text.ends_with('\n') {
        "\n"
    } else {
        ""
    }
}

/// The lines of `text`, each as its body and its ending (`""` only for a last line without one).
pub(crate) fn split(text: &str) -> impl Iterator<Item = (&str, &'static str)> {
    text.split_inclusive('\n').map(|line| {
        let end = ending(line);
        (&line[..line.len() - end.len()], end)
    })
}

/// The ending for lines an edit adds: that of the block's first line, else `\n`.
pub(crate) fn block_ending(text: &str) -> &'static str {
    split(text).next().map(|(_, end)| end).filter(|end| !end.is_empty()).unwrap_or("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_into_body_and_ending() {
        let lines: Vec<_> = split("a\r\nb\n\nc").collect();
        assert_eq!(lines, [("a", "\r\n"), ("b", "\n"), ("", "\n"), ("c", "")]);
        assert_eq!(split("").count(), 0);
        // A lone CR is text, not an ending.
        assert_eq!(split("a\rb\n").collect::<Vec<_>>(), [("a\rb", "\n")]);
    }

    #[test]
    fn the_block_ending_is_the_first_lines() {
        assert_eq!(block_ending("a\r\nb\n"), "\r\n");
        assert_eq!(block_ending("a\nb\r\n"), "\n");
        assert_eq!(block_ending("no break"), "\n");
        assert_eq!(block_ending(""), "\n");
    }
}
