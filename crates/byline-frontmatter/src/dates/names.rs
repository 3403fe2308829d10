//! English month and weekday names, and the zone abbreviations Ruby's `Time.parse` knows.

use chrono::Weekday;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// In chrono's order (`Weekday::num_days_from_monday`).
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Fixed offsets in hours. Zones that read differently in different countries (`IST` is India,
/// Ireland or Israel) are left out: a wrong guess would move the date silently. `CST` and `BST`
/// are ambiguous too, but Ruby reads them as US Central and British Summer, and Jekyll sites
/// were built with Ruby's reading.
const ZONES: [(&str, i32); 21] = [
    ("z", 0),
    ("ut", 0),
    ("utc", 0),
    ("gmt", 0),
    ("wet", 0),
    ("bst", 1),
    ("cet", 1),
    ("cest", 2),
    ("eet", 2),
    ("eest", 3),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("akst", -9),
    ("akdt", -8),
    ("hst", -10),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Length {
    /// `Jan`, `Wed`.
    Short,
    /// `January`, `Wednesday`.
    Long,
    /// `May`, which is both.
    Either,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// `May`; also what a mixed-case `mAy` is written back as.
    Title,
    Upper,
    Lower,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NameStyle {
    pub length: Length,
    pub case: Case,
}

/// The month number (1–12) of a full or three-letter English name, in any case.
pub(super) fn month(word: &str) -> Option<(u32, NameStyle)> {
    let (index, style) = lookup(&MONTHS, word)?;
    Some((u32::try_from(index).ok()? + 1, style))
}

/// Only the style: the weekday itself is never trusted, as Ruby never trusts it either.
pub(super) fn weekday(word: &str) -> Option<NameStyle> {
    lookup(&WEEKDAYS, word).map(|(_, style)| style)
}

/// The offset in seconds of a zone abbreviation, in any case.
pub(super) fn zone_offset(word: &str) -> Option<i32> {
    ZONES.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|(_, hours)| hours * 3600)
}

pub(super) fn month_name(month: u32, style: NameStyle) -> String {
    let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
    MONTHS.get(index).map_or_else(String::new, |name| styled(name, style))
}

pub(super) fn weekday_name(day: Weekday, style: NameStyle) -> String {
    WEEKDAYS.get(day.num_days_from_monday() as usize).map_or_else(String::new, |name| styled(name, style))
}

fn lookup(names: &[&str], word: &str) -> Option<(usize, NameStyle)> {
    let lower = word.to_ascii_lowercase();
    names.iter().enumerate().find_map(|(index, name)| {
        let length = if lower == *name {
            if name.len() == 3 {
                Length::Either
            } else {
                Length::Long
            }
        } else if name.get(..3) == Some(lower.as_str()) {
            Length::Short
        } else {
            return None;
        };
        Some((index, NameStyle { length, case: case_of(word) }))
    })
}

fn case_of(word: &str) -> Case {
    if word.chars().all(|c| c.is_ascii_uppercase()) {
        Case::Upper
    } else if word.chars().all(|c| c.is_ascii_lowercase()) {
        Case::Lower
    } else {
        Case::Title
    }
}

/// `Either` is written long: a caller that knows better (a short weekday beside the month)
/// has already settled it.
fn styled(name: &str, style: NameStyle) -> String {
    let name = match style.length {
        Length::Short => name.get(..3).unwrap_or(name),
        Length::Long | Length::Either => name,
    };
    match style.case {
        Case::Lower => name.to_owned(),
        Case::Upper => name.to_ascii_uppercase(),
        Case::Title => {
            let mut chars = name.chars();
            chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        }
    }
}
