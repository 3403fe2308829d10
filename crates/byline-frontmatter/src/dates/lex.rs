//! Splits a date into runs of digits, letters and whitespace, and single other characters.
//!
//! Splitting by character class (rather than by spaces) lets `2019-05-01T10:00:00.000Z` and
//! `10:00PM` come apart with no special cases, and keeps every character of the source in some
//! token, so separators can be copied into a [`super::style::Style`] verbatim.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Digits,
    Letters,
    Space,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
}

pub(super) fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = s;
    while let Some(first) = rest.chars().next() {
        let kind = kind_of(first);
        let len = match kind {
            Kind::Other => first.len_utf8(),
            _ => rest.find(|c| kind_of(c) != kind).unwrap_or(rest.len()),
        };
        let (text, tail) = rest.split_at(len);
        tokens.push(Token { kind, text });
        rest = tail;
    }
    tokens
}

/// Only ASCII digits and letters: a date never needs others, and `char::is_numeric` would let
/// `٣` through to a `u32` parse that then fails anyway.
fn kind_of(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Digits
    } else if c.is_ascii_alphabetic() {
        Kind::Letters
    } else if c.is_whitespace() {
        Kind::Space
    } else {
        Kind::Other
    }
}
