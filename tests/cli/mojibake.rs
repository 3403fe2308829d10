//! Damaged text (mojibake): `import` warns and leaves the text, `import --fix-mojibake` repairs,
//! `repair SLUG [--apply]` shows and repairs a draft as a new revision.

use crate::harness::Sandbox;

const DAMAGED: &str = "# Notes\n\nThe CafÃ© on the quay â€” the one with the naÃ¯ve mural.\n";
const REPAIRED: &str = "# Notes\n\nThe Café on the quay — the one with the naïve mural.\n";

#[test]
fn import_warns_about_mojibake_and_keeps_the_text_as_it_was() {
    let s = Sandbox::new();
    let file = s.write("notes.md", DAMAGED);
    let run = s.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "a warning is no failure: {}", run.stderr);
    let expected =
        format!("{}: looks like mojibake: 3 places, e.g. “CafÃ©” → “Café”; rerun with --fix-mojibake", file.display());
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert_eq!(s.json(&["show", "notes", "--json"])["body"].as_str().unwrap().trim(), DAMAGED.trim());
}

#[test]
fn import_with_fix_mojibake_stores_the_repaired_text() {
    let s = Sandbox::new();
    let file = s.write("notes.md", DAMAGED);
    let run = s.run(&["import", "--fix-mojibake", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("repaired mojibake: 3 places"), "{}", run.stderr);
    assert_eq!(s.json(&["show", "notes", "--json"])["body"].as_str().unwrap().trim(), REPAIRED.trim());
}

#[test]
fn real_portuguese_and_thai_import_without_a_warning() {
    let s = Sandbox::new();
    let file = s.write("casa.md", "# A casa\n\nNÃO ENTRE. SÃO REGRAS DA CASA, disse a MÃE.\n\nโรงเรียนอยู่ใกล้บ้าน\n");
    let run = s.run(&["import", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("mojibake"), "{}", run.stderr);
}

#[test]
fn repair_lists_each_place_then_apply_saves_a_new_revision() {
    let s = Sandbox::new();
    let file = s.write("notes.md", DAMAGED);
    s.ok(&["import", file.to_str().unwrap()]);
    let revisions = s.json(&["history", "notes", "--json"]).as_array().unwrap().len();

    let run = s.run(&["repair", "notes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines, ["line 3: “CafÃ©” → “Café”", "line 3: “â€”” → “—”", "line 3: “naÃ¯ve” → “naïve”"]);
    assert!(run.stderr.contains("--apply"), "{}", run.stderr);
    assert_eq!(s.json(&["history", "notes", "--json"]).as_array().unwrap().len(), revisions, "only shown");

    let run = s.run(&["repair", "notes", "--apply"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(s.json(&["show", "notes", "--json"])["body"].as_str().unwrap().trim(), REPAIRED.trim());
    assert_eq!(s.json(&["history", "notes", "--json"]).as_array().unwrap().len(), revisions + 1);

    let run = s.run(&["repair", "notes"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert!(run.stderr.contains("no damaged text found in `notes`"), "{}", run.stderr);
}

#[test]
fn repair_of_an_unknown_draft_fails_with_one_line() {
    let s = Sandbox::new();
    let err = s.fails(&["repair", "no-such-draft"]);
    assert!(err.contains("no-such-draft"), "{err}");
}
