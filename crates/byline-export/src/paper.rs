//! Paper sizes of printable exports: the two a writer can ask for, and the default a locale implies.

use std::fmt;
use std::str::FromStr;

/// The page size of the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm: the default outside the Americas' Letter countries.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Regions whose printers are stocked with US Letter (the US and its territories, Canada,
/// Mexico, the Philippines and a few Latin American countries); everywhere else uses A4.
const LETTER_REGIONS: &[&str] = &[
    "US", "CA", "MX", "PH", "PR", "GU", "VI", "AS", "MP", "UM", "CL", "CO", "CR", "GT", "PA", "SV", "VE", "DO", "NI",
    "BZ",
];

impl Paper {
    /// The usual paper of a BCP 47 locale (`en-US`, `fr_CA`, `es-MX` → Letter; `de-DE`, `en`,
    /// garbage → A4). Only the region subtag decides: a language alone says nothing about paper.
    pub fn for_locale(tag: &str) -> Paper {
        let region = tag
            .split(['-', '_', '.', '@'])
            .skip(1)
            .find(|part| part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()));
        match region {
            Some(region) if LETTER_REGIONS.iter().any(|r| r.eq_ignore_ascii_case(region)) => Paper::Letter,
            _ => Paper::A4,
        }
    }
}

/// A value [`Paper::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown paper size {0:?}: expected \"a4\" or \"letter\"")]
pub struct UnknownPaper(pub String);

impl FromStr for Paper {
    type Err = UnknownPaper;

    /// `a4` or `letter` (also `us-letter`), any case, for a command-line flag.
    fn from_str(s: &str) -> Result<Paper, UnknownPaper> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" => Ok(Paper::Letter),
            _ => Err(UnknownPaper(s.to_owned())),
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_for_the_americas_letter_countries() {
        for tag in ["en-US", "es-MX", "fr-CA", "en_PH", "en-us", "es-419-MX", "en-Latn-US", "en_US.UTF-8"] {
            assert_eq!(Paper::for_locale(tag), Paper::Letter, "{tag}");
        }
    }

    #[test]
    fn a4_everywhere_else() {
        for tag in ["en", "en-GB", "de-DE", "fr", "fr-FR", "es-ES", "pt-BR", "", "us", "zh-Hant-TW", "x"] {
            assert_eq!(Paper::for_locale(tag), Paper::A4, "{tag}");
        }
    }

    #[test]
    fn parses_the_flag() {
        assert_eq!("A4".parse(), Ok(Paper::A4));
        assert_eq!("letter".parse(), Ok(Paper::Letter));
        assert_eq!(" Letter ".parse(), Ok(Paper::Letter));
        assert!("legal".parse::<Paper>().is_err());
        assert_eq!(Paper::Letter.to_string().parse(), Ok(Paper::Letter));
    }
}
