//! How a date was spelled, and writing another date the same way.
//!
//! Separators (`", "`, `" "`, `"T"`) are kept as the source had them, so that text Byline did
//! not change is written back byte for byte.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::names::{self, Length, NameStyle};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Style {
    pub weekday: Option<WeekdayStyle>,
    pub date: DateStyle,
    pub clock: Option<ClockStyle>,
    /// The source's offset (UTC when it had none): a file whose dates say `+0100` keeps saying it.
    pub offset: FixedOffset,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct WeekdayStyle {
    pub name: NameStyle,
    /// What follows the name: `", "` in RFC 2822.
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DateStyle {
    /// `2019-05-01`, `2019/5/1`, `2019.05.01`.
    Numeric { sep: char, pad_month: Pad, pad_day: Pad },
    /// `May 1, 2019`.
    MonthFirst { month: NameStyle, day: DayStyle, before_day: String, before_year: String },
    /// `1 May 2019`, `01-May-2019`.
    DayFirst { month: NameStyle, day: DayStyle, before_month: String, before_year: String },
}

/// Whether a number had a leading zero. `12` cannot tell; it is `Unseen`, and the writer falls
/// back on the usual habit of the layout: zeros in ISO dates and 24-hour times (`2019-05-01
/// 09:00`), none in prose (`May 5, 2019`, `9:00 PM`), except after RFC 2822's weekday
/// (`Wed, 05 May 2019`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pad {
    Zero,
    Bare,
    Unseen,
}

impl Pad {
    pub(super) fn of(digits: &str) -> Pad {
        match digits.len() {
            1 => Pad::Bare,
            _ if digits.starts_with('0') => Pad::Zero,
            _ => Pad::Unseen,
        }
    }

    fn or_usual(self, usual: bool) -> bool {
        match self {
            Pad::Zero => true,
            Pad::Bare => false,
            Pad::Unseen => usual,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DayStyle {
    pub pad: Pad,
    /// `1st`, `22nd`.
    pub ordinal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ClockStyle {
    /// Between date and time: `"T"`, `" "`, `", "`.
    pub sep: String,
    /// `10:00 2019-05-01`.
    pub time_first: bool,
    pub time: TimeStyle,
    pub zone: Option<ZoneStyle>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TimeStyle {
    pub pad_hour: Pad,
    pub seconds: bool,
    /// Digits after the point; 0 for none. The count is kept even when the new date's fraction
    /// is zero, so `.000Z` files stay `.000Z`.
    pub fraction_digits: usize,
    pub meridiem: Option<MeridiemStyle>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MeridiemStyle {
    pub sep: String,
    pub upper: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ZoneStyle {
    pub sep: String,
    pub kind: ZoneKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ZoneKind {
    /// `Z`, `UTC`, `PST`, as written: the name stands for the fixed offset in [`Style::offset`].
    Name(String),
    /// `+02:00` (`colon`), `+0200`, or `+02` (no `minutes`). `-00:00` means "offset unknown"
    /// in RFC 3339, so its sign is kept too.
    Numeric { colon: bool, minutes: bool, minus_zero: bool },
}

impl Style {
    /// `None` when `date`, moved into this style's offset, falls outside years 0000–9999,
    /// which no style can write.
    pub(super) fn write(&self, date: &DateTime<FixedOffset>) -> Option<String> {
        let local = date.with_timezone(&self.offset);
        if !(0..=9999).contains(&local.year()) {
            return None;
        }
        let mut out = String::new();
        if let Some(weekday) = &self.weekday {
            out.push_str(&names::weekday_name(local.weekday(), weekday.name));
            out.push_str(&weekday.after);
        }
        let day = self.write_date(&local);
        match &self.clock {
            None => out.push_str(&day),
            Some(clock) => {
                let time = write_clock(clock, &local);
                let (first, second) = if clock.time_first { (time, day) } else { (day, time) };
                out.push_str(&first);
                out.push_str(&clock.sep);
                out.push_str(&second);
            }
        }
        Some(out)
    }

    fn write_date(&self, local: &DateTime<FixedOffset>) -> String {
        let year = format!("{:04}", local.year());
        match &self.date {
            DateStyle::Numeric { sep, pad_month, pad_day } => format!(
                "{year}{sep}{}{sep}{}",
                padded(local.month(), pad_month.or_usual(true)),
                padded(local.day(), pad_day.or_usual(true))
            ),
            DateStyle::MonthFirst { month, day, before_day, before_year } => format!(
                "{}{before_day}{}{before_year}{year}",
                self.month_name(local.month(), *month),
                day_of_month(local.day(), *day, false)
            ),
            DateStyle::DayFirst { month, day, before_month, before_year } => format!(
                "{}{before_month}{}{before_year}{year}",
                day_of_month(local.day(), *day, self.weekday.is_some()),
                self.month_name(local.month(), *month)
            ),
        }
    }

    /// `May` says nothing about whether December should be `Dec` or `December`; a weekday beside
    /// it does (`Wed, 01 May 2019`). With neither, the long name reads best in prose dates.
    fn month_name(&self, month: u32, style: NameStyle) -> String {
        let mut style = style;
        if style.length == Length::Either {
            style.length = match &self.weekday {
                Some(weekday) if weekday.name.length == Length::Short => Length::Short,
                _ => Length::Long,
            };
        }
        names::month_name(month, style)
    }
}

fn write_clock(clock: &ClockStyle, local: &DateTime<FixedOffset>) -> String {
    let style = &clock.time;
    let hour = match style.meridiem {
        Some(_) => match local.hour() % 12 {
            0 => 12,
            hour => hour,
        },
        None => local.hour(),
    };
    let mut out = format!("{}:{:02}", padded(hour, style.pad_hour.or_usual(style.meridiem.is_none())), local.minute());
    if style.seconds {
        out.push_str(&format!(":{:02}", local.second()));
        if style.fraction_digits > 0 {
            out.push('.');
            out.push_str(&fraction(local.nanosecond(), style.fraction_digits));
        }
    }
    if let Some(meridiem) = &style.meridiem {
        let text = match (local.hour() < 12, meridiem.upper) {
            (true, true) => "AM",
            (true, false) => "am",
            (false, true) => "PM",
            (false, false) => "pm",
        };
        out.push_str(&meridiem.sep);
        out.push_str(text);
    }
    if let Some(zone) = &clock.zone {
        out.push_str(&zone.sep);
        out.push_str(&write_zone(&zone.kind, local.offset()));
    }
    out
}

fn write_zone(kind: &ZoneKind, offset: &FixedOffset) -> String {
    match kind {
        ZoneKind::Name(name) => name.clone(),
        ZoneKind::Numeric { colon, minutes, minus_zero } => {
            let seconds = offset.local_minus_utc();
            let sign = if seconds < 0 || (seconds == 0 && *minus_zero) { '-' } else { '+' };
            let hours = seconds.abs() / 3600;
            let mins = seconds.abs() % 3600 / 60;
            match (minutes, colon) {
                (false, _) => format!("{sign}{hours:02}"),
                (true, true) => format!("{sign}{hours:02}:{mins:02}"),
                (true, false) => format!("{sign}{hours:02}{mins:02}"),
            }
        }
    }
}

fn padded(value: u32, pad: bool) -> String {
    if pad {
        format!("{value:02}")
    } else {
        value.to_string()
    }
}

fn day_of_month(day: u32, style: DayStyle, usual_pad: bool) -> String {
    let number = padded(day, style.pad.or_usual(usual_pad));
    if !style.ordinal {
        return number;
    }
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    number + suffix
}

/// Truncated, not rounded: rounding could carry into the seconds and change the minute or day.
/// A leap second's fraction (chrono's nanoseconds ≥ 10⁹) is capped to stay in second 59.
fn fraction(nanos: u32, digits: usize) -> String {
    let nine = format!("{:09}", nanos.min(999_999_999));
    let mut out: String = nine.chars().take(digits).collect();
    out.push_str(&"0".repeat(digits.saturating_sub(9)));
    out
}
