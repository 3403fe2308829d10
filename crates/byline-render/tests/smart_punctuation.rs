//! The smart punctuation specification (shared with the editor's tests) run against the export.

use byline_render::smarten;

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    language: String,
    input: String,
    expected: String,
}

#[derive(serde::Deserialize)]
struct Cases {
    cases: Vec<Case>,
}

#[test]
fn export_follows_every_case_of_the_shared_specification() {
    let text = include_str!("smart_punctuation_cases.json");
    let cases: Cases = serde_json::from_str(text).expect("the cases file is valid JSON");
    let failures: Vec<String> = cases
        .cases
        .iter()
        .filter_map(|case| {
            let got = smarten(&case.input, &case.language);
            (got != case.expected)
                .then(|| format!("{}:\n  got      {got:?}\n  expected {:?}", case.name, case.expected))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn smartening_twice_changes_nothing_more() {
    let once = smarten("\"It's\" -- done... 'ok'", "en");
    assert_eq!(smarten(&once, "en"), once);
}
