//! The checker against small fixture dictionaries and the system's real ones.

use std::path::PathBuf;

use byline_spell::{SpellChecker, SpellError, MAX_SUGGESTIONS};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dictionaries")
}

fn fixture_checker() -> SpellChecker {
    SpellChecker::with_dirs(&[fixtures()])
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

fn langs(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|tag| (*tag).to_owned()).collect()
}

/// The system's dictionaries; `scripts/setup-app.sh` installs en_US, en_GB, fr and de_DE.
fn system_checker() -> SpellChecker {
    let checker = SpellChecker::with_dirs(&[PathBuf::from("/usr/share/hunspell")]);
    assert!(
        checker.dictionary_for("en-US").is_some(),
        "the en_US Hunspell dictionary is not installed: run scripts/setup-app.sh"
    );
    checker
}

#[test]
fn only_the_words_no_dictionary_knows_come_back_once_in_order() {
    let mut checker = fixture_checker();
    let misspelled = checker.misspelled(&langs(&["xx"]), &words("cat dogz cats housse dogz house")).expect("check");
    assert_eq!(misspelled, ["dogz", "housse"]);
}

#[test]
fn a_word_is_right_when_any_language_of_the_draft_knows_it() {
    let mut checker = fixture_checker();
    let text = words("cat chat chien maison dog glorp");
    assert_eq!(checker.misspelled(&langs(&["xx"]), &text).expect("xx"), ["chat", "chien", "maison", "glorp"]);
    assert_eq!(checker.misspelled(&langs(&["xx", "yy"]), &text).expect("xx and yy"), ["glorp"]);
}

#[test]
fn personal_words_are_accepted_and_a_lowercase_one_in_any_capitalisation() {
    let mut checker = fixture_checker();
    checker.set_personal_words(["glorp".to_owned(), "McGuffin".to_owned()]);
    let text = words("glorp Glorp McGuffin mcguffin");
    assert_eq!(checker.misspelled(&langs(&["xx"]), &text).expect("check"), ["mcguffin"]);
    checker.add_personal_word("zib");
    checker.remove_personal_word("glorp");
    assert_eq!(checker.misspelled(&langs(&["xx"]), &words("zib glorp")).expect("check"), ["glorp"]);
}

#[test]
fn suggestions_offer_the_near_word_and_stay_bounded() {
    let mut checker = fixture_checker();
    let suggestions = checker.suggestions(&langs(&["xx"]), "dgo", 5).expect("suggest");
    assert!(suggestions.iter().any(|s| s == "dog"), "{suggestions:?}");
    let mut checker = system_checker();
    let suggestions = checker.suggestions(&langs(&["en-US"]), "teh", 100).expect("suggest");
    assert!(suggestions.iter().any(|s| s == "the"), "{suggestions:?}");
    assert!(suggestions.len() <= MAX_SUGGESTIONS, "{suggestions:?}");
    assert_eq!(checker.suggestions(&langs(&["en-US"]), "teh", 1).expect("one").len(), 1);
}

#[test]
fn no_installed_dictionary_for_the_languages_says_what_to_install() {
    let mut checker = fixture_checker();
    let error = checker.misspelled(&langs(&["it-IT"]), &words("ciao")).expect_err("no Italian");
    assert!(matches!(error, SpellError::NoDictionary { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "no spelling dictionary is installed for it-IT; install one (e.g. the hunspell-it-it package)"
    );
    // A language without a dictionary beside one with is simply not checked.
    assert_eq!(checker.misspelled(&langs(&["it", "xx"]), &words("ciao cat")).expect("xx"), ["ciao"]);
}

#[test]
fn a_dictionary_that_is_not_utf8_is_reported_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("qq.aff"), "SET ISO8859-1\n").expect("aff");
    std::fs::write(dir.path().join("qq.dic"), b"1\n\xe9t\xe9\n").expect("dic");
    let mut checker = SpellChecker::with_dirs(&[dir.path().to_path_buf()]);
    let error = checker.misspelled(&langs(&["qq"]), &words("x")).expect_err("latin-1");
    assert!(error.to_string().starts_with("the spelling dictionary qq is damaged:"), "{error}");
}

#[test]
fn a_byte_order_mark_does_not_hide_the_first_word() {
    let mut checker = fixture_checker();
    assert!(checker.misspelled(&langs(&["yy"]), &words("chat")).expect("check").is_empty());
}

#[test]
fn the_real_en_us_dictionary_marks_the_typos_and_nothing_else() {
    let mut checker = system_checker();
    let en = langs(&["en"]);
    let typos = words("Teh quikc browne foxx jumpd");
    assert_eq!(checker.misspelled(&en, &typos).expect("typos"), typos);
    let prose = words("The quick brown fox jumped over the lazy dog's kennel isn't it");
    assert!(checker.misspelled(&en, &prose).expect("prose").is_empty());
    // en_US, not en_GB: "colour" is a typo here.
    assert_eq!(checker.misspelled(&en, &words("color colour")).expect("us"), ["colour"]);
}

#[test]
fn regional_and_other_languages_use_their_own_dictionaries() {
    let mut checker = system_checker();
    for (tag, name) in [("en-GB", "en_GB"), ("en_GB", "en_GB"), ("fr", "fr"), ("de-DE", "de_DE"), ("de", "de_DE")] {
        match checker.dictionary_for(tag) {
            Some(dictionary) => assert_eq!(dictionary.name, name, "{tag}"),
            None => panic!("no dictionary for {tag}: run scripts/setup-app.sh"),
        }
    }
    assert!(checker.misspelled(&langs(&["en-GB"]), &words("colour")).expect("gb").is_empty());
    let mixed = words("the maison Haus");
    assert_eq!(checker.misspelled(&langs(&["en", "fr"]), &mixed).expect("en fr"), ["Haus"]);
    assert!(checker.misspelled(&langs(&["en", "fr", "de"]), &mixed).expect("en fr de").is_empty());
}
