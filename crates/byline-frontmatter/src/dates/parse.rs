//! A small recursive-descent reader over [`lex`] tokens.
//!
//! Grammar, case-insensitive:
//!
//! ```text
//! text     = [weekday sep] (date [dsep clock] | clock sep date)
//! date     = YYYY s M s D               s is one of - / . (the same twice)
//!          | month gap D[ord] gap YYYY  May 1, 2019
//!          | D[ord] gap month gap YYYY  1 May 2019, 01-May-2019
//! clock    = H:MM[:SS[.fff]] [am|pm] [stray] [zone] [stray]
//! zone     = ±HH:MM | ±HHMM | ±HH | name
//! stray    = a bare four-digit year, ignored (only after a date, at most once)
//! sep      = [","] [spaces], not empty;  gap = sep | "-";  dsep = sep | "T" (after YYYY-M-D)
//! ```
//!
//! Separators are kept verbatim in the [`Style`], so the text can be written back unchanged.
//! Each rule either consumes its whole match or nothing ([`Cursor::attempt`]), and the whole text
//! must be consumed, so trailing words like `2024-05-01 soon` are refused rather than guessed at.

use std::ops::RangeInclusive;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone, Utc};

use super::lex::{tokenize, Kind, Token};
use super::names;
use super::style::{
    ClockStyle, DateStyle, DayStyle, MeridiemStyle, Pad, Style, TimeStyle, WeekdayStyle, ZoneKind, ZoneStyle,
};

pub(super) struct Parsed {
    pub value: DateTime<FixedOffset>,
    pub style: Style,
}

pub(super) fn parse(raw: &str) -> Option<Parsed> {
    let mut c = Cursor { tokens: tokenize(raw.trim()), pos: 0 };
    let weekday = c.attempt(weekday);
    let (date, clock) = c.attempt(date_then_clock).or_else(|| c.attempt(clock_then_date))?;
    if c.pos != c.tokens.len() {
        return None;
    }
    let time = clock.as_ref().map_or(NaiveTime::MIN, |clock| clock.time);
    let offset = clock.as_ref().and_then(|clock| clock.zone.as_ref()).map_or(Utc.fix(), |zone| zone.0);
    let value = offset.from_local_datetime(&date.date.and_time(time)).single()?;
    let clock = clock.map(|clock| ClockStyle {
        sep: clock.sep,
        time_first: clock.time_first,
        time: clock.style,
        zone: clock.zone.map(|(_, zone)| zone),
    });
    Some(Parsed { value, style: Style { weekday, date: date.style, clock, offset } })
}

struct DatePart {
    date: NaiveDate,
    style: DateStyle,
}

struct Clock {
    sep: String,
    time_first: bool,
    time: NaiveTime,
    style: TimeStyle,
    zone: Option<(FixedOffset, ZoneStyle)>,
}

struct Cursor<'a> {
    tokens: Vec<Token<'a>>,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// Runs `rule`, rewinding if it fails, so a rule never leaves half its match consumed.
    fn attempt<T>(&mut self, rule: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.pos;
        let result = rule(self);
        if result.is_none() {
            self.pos = start;
        }
        result
    }

    fn take(&mut self, accept: impl FnOnce(&Token<'a>) -> bool) -> Option<&'a str> {
        let token = self.tokens.get(self.pos).filter(|t| accept(t))?;
        self.pos += 1;
        Some(token.text)
    }

    fn of_kind(&mut self, kind: Kind) -> Option<&'a str> {
        self.take(|t| t.kind == kind)
    }

    /// A number written with a digit count in `lengths` (at most 9, so it fits a `u32`).
    fn number(&mut self, lengths: RangeInclusive<usize>) -> Option<(u32, &'a str)> {
        let text = self.take(|t| t.kind == Kind::Digits && lengths.contains(&t.text.len()))?;
        Some((text.parse().ok()?, text))
    }

    fn symbol(&mut self, options: &[char]) -> Option<char> {
        let text = self.take(|t| t.kind == Kind::Other && t.text.chars().all(|c| options.contains(&c)))?;
        text.chars().next()
    }

    fn space(&mut self) -> Option<&'a str> {
        self.of_kind(Kind::Space)
    }

    fn word(&mut self) -> Option<&'a str> {
        self.of_kind(Kind::Letters)
    }

    /// A comma and/or whitespace, as written; nothing if neither is there.
    fn separator(&mut self) -> Option<String> {
        let mut text = String::new();
        if let Some(comma) = self.symbol(&[',']) {
            text.push(comma);
        }
        if let Some(space) = self.space() {
            text.push_str(space);
        }
        (!text.is_empty()).then_some(text)
    }

    /// Between the parts of a month-name date: a separator, or the `-` of `01-May-2019`.
    fn gap(&mut self) -> Option<String> {
        self.separator().or_else(|| self.symbol(&['-']).map(String::from))
    }
}

fn weekday(c: &mut Cursor<'_>) -> Option<WeekdayStyle> {
    let name = names::weekday(c.word()?)?;
    let after = c.separator()?;
    Some(WeekdayStyle { name, after })
}

fn date_then_clock(c: &mut Cursor<'_>) -> Option<(DatePart, Option<Clock>)> {
    let date = date(c)?;
    let clock = c.attempt(|c| {
        let sep = date_time_sep(c, &date.style)?;
        clock(c, sep, false)
    });
    Some((date, clock))
}

fn clock_then_date(c: &mut Cursor<'_>) -> Option<(DatePart, Option<Clock>)> {
    let mut clock = clock(c, String::new(), true)?;
    clock.sep = c.separator()?;
    Some((date(c)?, Some(clock)))
}

/// `T` only after an ISO date: RFC 3339 and TOML allow it (in either case), nothing else does.
fn date_time_sep(c: &mut Cursor<'_>, date: &DateStyle) -> Option<String> {
    if matches!(date, DateStyle::Numeric { sep: '-', .. }) {
        if let Some(t) = c.take(|t| t.text.eq_ignore_ascii_case("t")) {
            return Some(t.to_owned());
        }
    }
    c.separator()
}

fn date(c: &mut Cursor<'_>) -> Option<DatePart> {
    c.attempt(numeric_date).or_else(|| c.attempt(month_first)).or_else(|| c.attempt(day_first))
}

/// Years are exactly four digits: RFC 3339 and TOML cannot write others, so no flavor could keep
/// them (found by the front-matter fuzz target, with `-777-05-01`), and two-digit years are
/// guesses.
fn year(c: &mut Cursor<'_>) -> Option<i32> {
    c.number(4..=4).and_then(|(year, _)| i32::try_from(year).ok())
}

fn numeric_date(c: &mut Cursor<'_>) -> Option<DatePart> {
    let year = year(c)?;
    let sep = c.symbol(&['-', '/', '.'])?;
    let (month, month_text) = c.number(1..=2)?;
    c.symbol(&[sep])?;
    let (day, day_text) = c.number(1..=2)?;
    Some(DatePart {
        date: NaiveDate::from_ymd_opt(year, month, day)?,
        style: DateStyle::Numeric { sep, pad_month: Pad::of(month_text), pad_day: Pad::of(day_text) },
    })
}

fn month_first(c: &mut Cursor<'_>) -> Option<DatePart> {
    let (month, month_style) = names::month(c.word()?)?;
    let before_day = c.gap()?;
    let (day, day_style) = day_of_month(c)?;
    let before_year = c.gap()?;
    let year = year(c)?;
    Some(DatePart {
        date: NaiveDate::from_ymd_opt(year, month, day)?,
        style: DateStyle::MonthFirst { month: month_style, day: day_style, before_day, before_year },
    })
}

fn day_first(c: &mut Cursor<'_>) -> Option<DatePart> {
    let (day, day_style) = day_of_month(c)?;
    let before_month = c.gap()?;
    let (month, month_style) = names::month(c.word()?)?;
    let before_year = c.gap()?;
    let year = year(c)?;
    Some(DatePart {
        date: NaiveDate::from_ymd_opt(year, month, day)?,
        style: DateStyle::DayFirst { month: month_style, day: day_style, before_month, before_year },
    })
}

/// Any of `st nd rd th` after any day, as Ruby does: `1th` is a typo, not a different date.
fn day_of_month(c: &mut Cursor<'_>) -> Option<(u32, DayStyle)> {
    let (day, text) = c.number(1..=2)?;
    let ordinal = c.take(|t| ["st", "nd", "rd", "th"].iter().any(|s| t.text.eq_ignore_ascii_case(s))).is_some();
    Some((day, DayStyle { pad: Pad::of(text), ordinal }))
}

/// The stray year is allowed only after a date: before one (`10:00 2019 2019-05-01`) it would
/// be a second date, not a leftover.
fn clock(c: &mut Cursor<'_>, sep: String, time_first: bool) -> Option<Clock> {
    let (time, style) = time(c)?;
    let allow_stray = !time_first;
    let stray_before_zone = if allow_stray { c.attempt(stray_year) } else { None };
    let mut zone = c.attempt(zone);
    if let (Some(space), Some((_, zone))) = (stray_before_zone, zone.as_mut()) {
        // The year is not written back; its space keeps `1:00am 2019Z` from becoming `1:00amZ`.
        if zone.sep.is_empty() {
            zone.sep = space.to_owned();
        }
    }
    if allow_stray && stray_before_zone.is_none() {
        c.attempt(stray_year);
    }
    Some(Clock { sep, time_first, time, style, zone })
}

/// `2023-01-29 18:30:22 2023 -0800` builds on Jekyll: Ruby takes the first date and drops a
/// bare year after the time. Returns the space before it.
fn stray_year<'a>(c: &mut Cursor<'a>) -> Option<&'a str> {
    let space = c.space()?;
    year(c).map(|_| space)
}

fn time(c: &mut Cursor<'_>) -> Option<(NaiveTime, TimeStyle)> {
    let (hour, hour_text) = c.number(1..=2)?;
    c.symbol(&[':'])?;
    let (minute, _) = c.number(2..=2)?;
    let second = c.attempt(|c| {
        c.symbol(&[':'])?;
        c.number(2..=2)
    });
    let seconds = second.is_some();
    let (nanos, fraction_digits) = match second {
        Some(_) => c.attempt(fraction).unwrap_or((0, 0)),
        None => (0, 0),
    };
    let meridiem = c.attempt(meridiem);
    let hour = match &meridiem {
        Some((pm, _)) => twelve_hour(hour, *pm)?,
        None => hour,
    };
    // A leap second (`23:59:60`) becomes `23:59:59` plus the same fraction: TOML datetimes cannot
    // hold second 60, and a second's difference never matters for an article's date (found by
    // the front-matter fuzz target).
    let second = match second {
        Some((60, _)) => 59,
        Some((second, _)) => second,
        None => 0,
    };
    let style = TimeStyle {
        pad_hour: Pad::of(hour_text),
        seconds,
        fraction_digits,
        meridiem: meridiem.map(|(_, style)| style),
    };
    Some((NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?, style))
}

/// Any number of digits; beyond nanoseconds they are dropped, as chrono's RFC 3339 parser does.
fn fraction(c: &mut Cursor<'_>) -> Option<(u32, usize)> {
    c.symbol(&['.'])?;
    let digits = c.of_kind(Kind::Digits)?;
    let nine: String = digits.chars().chain(std::iter::repeat('0')).take(9).collect();
    Some((nine.parse().ok()?, digits.len()))
}

fn meridiem(c: &mut Cursor<'_>) -> Option<(bool, MeridiemStyle)> {
    let sep = c.space().unwrap_or_default().to_owned();
    let word = c.word()?;
    let pm = match word.to_ascii_lowercase().as_str() {
        "am" => false,
        "pm" => true,
        _ => return None,
    };
    Some((pm, MeridiemStyle { sep, upper: word.chars().all(|ch| ch.is_ascii_uppercase()) }))
}

/// Only 1–12: `13:00 PM` or `0:30 AM` is a mistake whose meaning is anyone's guess.
fn twelve_hour(hour: u32, pm: bool) -> Option<u32> {
    (1..=12).contains(&hour).then_some(hour % 12 + if pm { 12 } else { 0 })
}

fn zone(c: &mut Cursor<'_>) -> Option<(FixedOffset, ZoneStyle)> {
    let sep = c.space().unwrap_or_default().to_owned();
    let (seconds, kind) = c.attempt(numeric_offset).or_else(|| c.attempt(named_zone))?;
    Some((FixedOffset::east_opt(seconds)?, ZoneStyle { sep, kind }))
}

fn numeric_offset(c: &mut Cursor<'_>) -> Option<(i32, ZoneKind)> {
    let sign = c.symbol(&['+', '-'])?;
    let (number, text) = c.number(2..=4)?;
    let (hours, minutes, colon) = match text.len() {
        2 => match c.attempt(|c| {
            c.symbol(&[':'])?;
            c.number(2..=2)
        }) {
            Some((minutes, _)) => (number, Some(minutes), true),
            None => (number, None, false),
        },
        4 => (number / 100, Some(number % 100), false),
        _ => return None,
    };
    if hours > 23 || minutes.is_some_and(|m| m > 59) {
        return None;
    }
    let magnitude = i32::try_from(hours * 3600 + minutes.unwrap_or(0) * 60).ok()?;
    let seconds = if sign == '-' { -magnitude } else { magnitude };
    let minus_zero = sign == '-' && seconds == 0;
    Some((seconds, ZoneKind::Numeric { colon, minutes: minutes.is_some(), minus_zero }))
}

fn named_zone(c: &mut Cursor<'_>) -> Option<(i32, ZoneKind)> {
    let word = c.word()?;
    Some((names::zone_offset(word)?, ZoneKind::Name(word.to_owned())))
}
