//! Finding the Hunspell dictionaries installed on the system, and the best one for a language.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::language::{parse_tag, Tag};

/// Where distributions install Hunspell dictionaries.
const SYSTEM_DIR: &str = "/usr/share/hunspell";

/// More folders to search first, `:`-separated (tests, or dictionaries kept elsewhere).
pub const DIRS_VARIABLE: &str = "BYLINE_DICTIONARY_DIRS";

/// The region a bare language means when no dictionary is named for the language alone or for
/// the region of the same name (`fr` → `fr_FR`, `de` → `de_DE` need no entry).
const USUAL_REGION: &[(&str, &str)] = &[("en", "US"), ("pt", "PT"), ("sv", "SE"), ("da", "DK"), ("nb", "NO")];

/// One installed dictionary: an `.aff` file and the `.dic` beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InstalledDictionary {
    /// The files' name, e.g. `en_US`.
    pub name: String,
    /// Its language, lowercase, e.g. `en`.
    pub language: String,
    /// Its region, uppercase, e.g. `US`; None for a dictionary of the whole language.
    pub region: Option<String>,
    #[serde(skip)]
    pub(crate) aff: PathBuf,
    #[serde(skip)]
    pub(crate) dic: PathBuf,
}

/// The folders searched for dictionaries: [`DIRS_VARIABLE`]'s, then the system's.
pub fn dictionary_dirs() -> Vec<PathBuf> {
    let extra = std::env::var_os(DIRS_VARIABLE).unwrap_or_default();
    std::env::split_paths(&extra)
        .filter(|dir| !dir.as_os_str().is_empty())
        .chain(std::iter::once(PathBuf::from(SYSTEM_DIR)))
        .collect()
}

/// Every dictionary in `dirs`, sorted by name; when two folders hold the same name, the earlier
/// folder's wins. A folder that cannot be read holds none.
pub fn find_installed(dirs: &[PathBuf]) -> Vec<InstalledDictionary> {
    let mut found: Vec<InstalledDictionary> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
            if let Some(dictionary) = dictionary_at(&path) {
                if !found.iter().any(|seen| seen.name == dictionary.name) {
                    found.push(dictionary);
                }
            }
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// The dictionary whose `.aff` file is `aff`, if its `.dic` is beside it and its name is a language.
fn dictionary_at(aff: &Path) -> Option<InstalledDictionary> {
    if aff.extension()? != "aff" {
        return None;
    }
    let dic = aff.with_extension("dic");
    let name = aff.file_stem()?.to_str()?.to_owned();
    let Tag { language, region } = parse_tag(&name)?;
    dic.is_file().then(|| InstalledDictionary { name, language, region, aff: aff.to_path_buf(), dic })
}

/// The best installed dictionary for `tag`: its exact region, else one for the language as a
/// whole (`fr`), else the language's usual region (`fr_FR`, `en_US`), else any of its regions.
pub(crate) fn best_match<'a>(installed: &'a [InstalledDictionary], tag: &str) -> Option<&'a InstalledDictionary> {
    let Tag { language, region } = parse_tag(tag)?;
    let language = language.as_str();
    let of_language = || installed.iter().filter(move |d| d.language == language);
    let with_region = |wanted: Option<&str>| of_language().find(|d| d.region.as_deref() == wanted);
    let usual = USUAL_REGION
        .iter()
        .find(|(lang, _)| *lang == language)
        .map_or(language.to_ascii_uppercase(), |(_, region)| (*region).to_owned());
    region
        .as_deref()
        .and_then(|region| with_region(Some(region)))
        .or_else(|| with_region(None))
        .or_else(|| with_region(Some(&usual)))
        .or_else(|| of_language().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installed(names: &[&str]) -> (tempfile::TempDir, Vec<InstalledDictionary>) {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in names {
            std::fs::write(dir.path().join(format!("{name}.aff")), "SET UTF-8\n").expect("aff");
            std::fs::write(dir.path().join(format!("{name}.dic")), "0\n").expect("dic");
        }
        let found = find_installed(&[dir.path().to_path_buf()]);
        (dir, found)
    }

    fn matched(installed: &[InstalledDictionary], tag: &str) -> Option<String> {
        best_match(installed, tag).map(|d| d.name.clone())
    }

    #[test]
    fn a_tag_finds_its_region_else_the_language_else_its_usual_region() {
        let (_dir, found) = installed(&["en_GB", "en_US", "fr", "fr_CA", "de_AT", "de_DE", "pt_BR"]);
        assert_eq!(matched(&found, "en-GB"), Some("en_GB".into()));
        assert_eq!(matched(&found, "en_US"), Some("en_US".into()));
        assert_eq!(matched(&found, "en"), Some("en_US".into()));
        assert_eq!(matched(&found, "en-AU"), Some("en_US".into()));
        assert_eq!(matched(&found, "fr"), Some("fr".into()));
        assert_eq!(matched(&found, "fr-CA"), Some("fr_CA".into()));
        assert_eq!(matched(&found, "de"), Some("de_DE".into()));
        assert_eq!(matched(&found, "de-CH"), Some("de_DE".into()));
        assert_eq!(matched(&found, "pt"), Some("pt_BR".into()));
        assert_eq!(matched(&found, "it"), None);
        assert_eq!(matched(&found, "C"), None);
    }

    #[test]
    fn only_an_aff_with_its_dic_and_a_language_name_counts_as_installed() {
        let (dir, _) = installed(&["en_US"]);
        std::fs::write(dir.path().join("fr.aff"), "SET UTF-8\n").expect("aff without dic");
        std::fs::write(dir.path().join("hyph.aff"), "").expect("not a language");
        std::fs::write(dir.path().join("hyph.dic"), "").expect("not a language");
        let found = find_installed(&[dir.path().to_path_buf(), dir.path().join("missing")]);
        let names: Vec<&str> = found.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["en_US"]);
        assert_eq!(found[0].language, "en");
        assert_eq!(found[0].region.as_deref(), Some("US"));
    }

    #[test]
    fn the_earlier_folder_wins_a_name_both_hold() {
        let (first, _) = installed(&["en_US"]);
        let (second, _) = installed(&["en_US", "de_DE"]);
        let found = find_installed(&[first.path().to_path_buf(), second.path().to_path_buf()]);
        assert_eq!(found.len(), 2);
        let en = found.iter().find(|d| d.name == "en_US").expect("en_US");
        assert!(en.aff.starts_with(first.path()));
    }
}
