//! Reading the many date spellings found in front matter, and writing the ones each flavor expects.
//!
//! Jekyll reads dates with Ruby's lenient `Time.parse`, so Jekyll sites hold `May 1, 2019`,
//! `2014-3-9 9:05` and `Wed, 01 May 2019 10:00:00 +0200`; Hugo and Zola hold TOML/YAML
//! datetimes. [`parse_date`] reads all of them; [`restyle`] writes a changed date back in the
//! spelling the file already used.

mod lex;
mod names;
mod parse;
mod style;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

use chrono::{DateTime, Datelike, FixedOffset, SecondsFormat};

/// Parses, case-insensitively:
///
/// - RFC 3339 and TOML datetimes: `2024-05-01T10:00:00.5Z`, `T` or space, with or without
///   seconds, fraction or offset (`Z`, `+02:00`, `+0200`, `+02`);
/// - numeric dates with `-`, `/` or `.` and one- or two-digit month and day: `2014-3-9`;
/// - English month names, full or three-letter: `May 1, 2019`, `1st May 2019`, `01-May-2019`;
/// - a leading weekday, which is ignored even when wrong, as Ruby ignores it (RFC 2822's
///   `Wed, 01 May 2019 10:00:00 +0200`);
/// - 12-hour times (`10:00 PM`), the time before the date (`10:00 2019-05-01`), zone
///   abbreviations as fixed offsets (`UTC`, `PST`, `CET`…), and a stray bare year after the
///   time (`2023-01-29 18:30:22 2023 -0800`), which Ruby drops and so do we.
///
/// Dates without an offset are taken as UTC. Years outside 0000–9999 are refused: RFC 3339 and
/// TOML cannot write them, so no flavor could keep them (found by the front-matter fuzz target,
/// with `-777-05-01`). Words the grammar does not know (`2024-05-01 soon`) are refused rather
/// than skipped, unlike Ruby: a date we half understood is worse than an error the writer sees.
pub(crate) fn parse_date(raw: &str) -> Option<DateTime<FixedOffset>> {
    parse::parse(raw).map(|parsed| parsed.value).filter(|date| (0..=9999).contains(&date.year()))
}

/// Writes `new` in the spelling of `old_text`, so a site's files keep their date style when
/// Byline changes a date: same layout, separators, padding, precision, name case, and offset
/// (`new` is moved into the old text's offset, so `+0100` files stay `+0100`; text without an
/// offset stays without one, in UTC). Precision the old text lacks (seconds, fraction digits,
/// the time itself) is truncated away. A stray year is not written back. When `old_text` is not
/// a date, or `new` cannot be written in its style (a year past 9999 after moving offsets),
/// this is [`rfc3339`].
pub(crate) fn restyle(new: &DateTime<FixedOffset>, old_text: &str) -> String {
    parse::parse(old_text).and_then(|old| old.style.write(new)).unwrap_or_else(|| rfc3339(new))
}

/// RFC 3339 keeping the writer's own offset (`+02:00`, never `Z`), and sub-seconds only if present.
pub(crate) fn rfc3339(date: &DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// Jekyll's documented `date` format.
pub(crate) fn jekyll(date: &DateTime<FixedOffset>) -> String {
    date.format("%Y-%m-%d %H:%M:%S %z").to_string()
}
