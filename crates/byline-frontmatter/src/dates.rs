//! Reading the many date spellings found in front matter, and writing the ones each flavor expects.

use chrono::{DateTime, Datelike, FixedOffset, Timelike, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone, Utc};

/// Parses RFC 3339, TOML datetimes, `2024-05-01`, `2024-05-01 10:00[:00]`, and Jekyll's
/// `2024-05-01 10:00:00 +0200`. Dates without an offset are taken as UTC. Years outside
/// 0000–9999 are refused: RFC 3339 and TOML cannot write them, so no flavor could keep them
/// (found by the front-matter fuzz target, with `-777-05-01`).
pub(crate) fn parse_date(raw: &str) -> Option<DateTime<FixedOffset>> {
    parse_any_year(raw).filter(|date| (0..=9999).contains(&date.year())).map(without_leap_second)
}

/// A leap second (`23:59:60`) becomes `23:59:59` plus the same fraction: TOML datetimes cannot
/// hold second 60, and a second's difference never matters for an article's date (found by the
/// front-matter fuzz target).
fn without_leap_second(date: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let nanos = date.nanosecond();
    if nanos < 1_000_000_000 {
        return date;
    }
    date.with_nanosecond(nanos - 1_000_000_000).unwrap_or(date)
}

fn parse_any_year(raw: &str) -> Option<DateTime<FixedOffset>> {
    let s = raw.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    // RFC 3339 with a space instead of `T` is allowed by TOML and common in YAML.
    if let Ok(d) = DateTime::parse_from_rfc3339(&s.replacen(' ', "T", 1)) {
        return Some(d);
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M %z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(utc(n));
        }
    }
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(utc(day.and_hms_opt(0, 0, 0)?))
}

fn utc(naive: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&naive).fixed_offset()
}

/// RFC 3339 keeping the writer's own offset (`+02:00`, never `Z`), and sub-seconds only if present.
pub(crate) fn rfc3339(date: &DateTime<FixedOffset>) -> String {
    date.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// Jekyll's documented `date` format.
pub(crate) fn jekyll(date: &DateTime<FixedOffset>) -> String {
    date.format("%Y-%m-%d %H:%M:%S %z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_common_spellings() {
        let cases = [
            ("2024-05-01", "2024-05-01T00:00:00+00:00"),
            ("2024-05-01 10:00", "2024-05-01T10:00:00+00:00"),
            ("2024-05-01 10:00:30", "2024-05-01T10:00:30+00:00"),
            ("2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00"),
            ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00"),
            ("2024-05-01 10:00:00 +0200", "2024-05-01T10:00:00+02:00"),
            (
                "1979-05-27T00:32:00.999999-07:00",
                "1979-05-27T00:32:00.999999-07:00",
            ),
            ("1979-05-27T07:32:00", "1979-05-27T07:32:00+00:00"),
            ("1012-05-01T23:59:60-14:00", "1012-05-01T23:59:59-14:00"),
        ];
        for (input, want) in cases {
            let got = parse_date(input).map(|d| rfc3339(&d));
            assert_eq!(got.as_deref(), Some(want), "input {input:?}");
        }
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["yesterday", "2024-13-01", "", "2024-05-01 25:00", "-777-05-01T09:00:00+14:00", "12024-05-01"] {
            assert!(parse_date(bad).is_none(), "{bad:?} should not parse");
        }
    }
}
