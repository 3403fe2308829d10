//! Language tags and which languages a draft is checked in.
//!
//! Writers, drafts and locales spell languages differently (`en`, `en-US`, `en_GB`,
//! `de_DE.UTF-8@euro`); they are all read here into one language and an optional region, which
//! is how installed dictionaries are named too (`en_US.dic`).

/// A language tag read as its language and region: `de-CH-1996` is `("de", Some("CH"))`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    /// Lowercase ISO 639 language, e.g. `en`.
    pub(crate) language: String,
    /// Uppercase ISO 3166 region (or UN M49 digits), e.g. `GB`.
    pub(crate) region: Option<String>,
}

/// Reads a tag, locale name or dictionary name; None for what names no language (`C`, `POSIX`,
/// empty, or not a tag at all).
pub(crate) fn parse_tag(text: &str) -> Option<Tag> {
    // A locale's encoding and modifier (`.UTF-8`, `@euro`) say nothing about the language.
    let text = text.split(['.', '@']).next().unwrap_or_default().trim();
    let mut parts = text.split(['-', '_']);
    let language = parts.next()?;
    let is_language = (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
    if !is_language {
        return None;
    }
    // The region is the first later subtag shaped like one; a script (`Latn`) or variant is skipped.
    let region = parts.find(|part| {
        (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
            || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
    });
    Some(Tag { language: language.to_ascii_lowercase(), region: region.map(str::to_ascii_uppercase) })
}

/// The system's language, from the locale variables in POSIX's order of precedence.
pub fn system_language() -> Option<String> {
    locale_language(|name| std::env::var(name).ok())
}

/// The language the locale variables name, read through `var` (the environment, or a test's).
/// `LC_ALL` overrides `LC_MESSAGES`, which overrides `LANG`; `C`/`POSIX` name no language.
pub fn locale_language(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let locale =
        ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|value| !value.trim().is_empty())?;
    let tag = parse_tag(&locale)?;
    Some(match tag.region {
        Some(region) => format!("{}-{region}", tag.language),
        None => tag.language,
    })
}

/// The languages a draft is checked in: its own language (else the system's), then the
/// writer's extra languages, each once, in that order.
pub fn languages_for(draft: Option<&str>, system: Option<&str>, extras: &[String]) -> Vec<String> {
    let own = draft.map(str::trim).filter(|tag| !tag.is_empty()).or(system);
    let mut languages: Vec<String> = Vec::with_capacity(1 + extras.len());
    for tag in own.into_iter().chain(extras.iter().map(String::as_str)) {
        if !languages.iter().any(|seen| seen.eq_ignore_ascii_case(tag)) {
            languages.push(tag.to_owned());
        }
    }
    languages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(language: &str, region: Option<&str>) -> Option<Tag> {
        Some(Tag { language: language.into(), region: region.map(Into::into) })
    }

    #[test]
    fn tags_locales_and_dictionary_names_read_the_same() {
        assert_eq!(parse_tag("en"), tag("en", None));
        assert_eq!(parse_tag("en-US"), tag("en", Some("US")));
        assert_eq!(parse_tag("en_GB"), tag("en", Some("GB")));
        assert_eq!(parse_tag("de_DE.UTF-8@euro"), tag("de", Some("DE")));
        assert_eq!(parse_tag("sr-Latn-RS"), tag("sr", Some("RS")));
        assert_eq!(parse_tag("es-419"), tag("es", Some("419")));
        assert_eq!(parse_tag("FR"), tag("fr", None));
        for none in ["", "C", "POSIX", "C.UTF-8", "12", "english"] {
            assert_eq!(parse_tag(none), None, "{none}");
        }
    }

    #[test]
    fn lc_all_beats_lc_messages_beats_lang_and_c_names_no_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value).to_owned())
        };
        assert_eq!(locale_language(env(&[("LANG", "fr_FR.UTF-8")])), Some("fr-FR".into()));
        assert_eq!(locale_language(env(&[("LANG", "fr_FR.UTF-8"), ("LC_MESSAGES", "de_DE")])), Some("de-DE".into()));
        assert_eq!(locale_language(env(&[("LC_MESSAGES", "de_DE"), ("LC_ALL", "en_GB.UTF-8")])), Some("en-GB".into()));
        assert_eq!(locale_language(env(&[("LC_ALL", ""), ("LANG", "en_US")])), Some("en-US".into()));
        assert_eq!(locale_language(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(locale_language(env(&[])), None);
    }

    #[test]
    fn a_drafts_language_replaces_the_systems_and_extras_follow_once() {
        let extras = ["fr".to_owned(), "EN-gb".to_owned()];
        assert_eq!(languages_for(Some("en-GB"), Some("en-US"), &extras), ["en-GB", "fr"]);
        assert_eq!(languages_for(None, Some("en-US"), &extras), ["en-US", "fr", "EN-gb"]);
        assert_eq!(languages_for(Some("  "), None, &[]), Vec::<String>::new());
    }
}
