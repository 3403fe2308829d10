//! The detector on a corpus of its own: real texts in nine languages (which must come out with
//! no repair at all), the same texts damaged the ways real software damages them, and damage
//! written by hand. Prints precision and recall, counted per damaged place: a place counts as
//! found only when the repair covers exactly it and puts back exactly what stood there.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use byline_mojibake::{find, repair};

/// One damaged place the corpus knows the answer for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    start: usize,
    end: usize,
    original: String,
}

/// A damaged text and the places in it.
struct Damaged {
    name: String,
    text: String,
    places: Vec<Expected>,
}

fn corpus(folder: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus").join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|path| (name(path), std::fs::read_to_string(path).unwrap())).collect()
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The real texts, and the French one again with the non-breaking spaces French typography
/// puts inside guillemets and before `?`, `!`, `:` (which meet accented letters like UTF-8 does).
fn real_texts() -> Vec<(String, String)> {
    let mut texts = corpus("real");
    let (_, french) = texts.iter().find(|(name, _)| name == "fr.md").unwrap().clone();
    let nbsp =
        french.replace("« ", "«\u{a0}").replace(" »", "\u{a0}»").replace(" ?", "\u{a0}?").replace(" :", "\u{a0}:");
    texts.push(("fr.md with non-breaking spaces".into(), nbsp));
    texts
}

/// `text` with each run of non-ASCII characters passed through `damage` (its UTF-8 bytes to
/// the characters a wrong decoder shows), every run one expected place.
fn damaged_by(name: &str, text: &str, damage: &dyn Fn(&[u8]) -> String) -> Damaged {
    let mut out = String::new();
    let mut places = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String, places: &mut Vec<Expected>| {
        if run.is_empty() {
            return;
        }
        let start = out.len();
        out.push_str(&damage(run.as_bytes()));
        places.push(Expected { start, end: out.len(), original: std::mem::take(run) });
    };
    for c in text.chars() {
        if c.is_ascii() {
            flush(&mut run, &mut out, &mut places);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out, &mut places);
    Damaged { name: name.to_owned(), text: out, places }
}

fn as_windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
}

/// ISO-8859-1 proper, which WHATWG decoders (encoding_rs among them) replace by Windows-1252.
fn as_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn twice_as_windows_1252(bytes: &[u8]) -> String {
    as_windows_1252(as_windows_1252(bytes).as_bytes())
}

/// TIS-620, which has no characters at 0x80–0xA0: a decoder that drops what it cannot map.
fn as_tis620_dropping(bytes: &[u8]) -> String {
    bytes
        .iter()
        .filter(|&&b| b >= 0xA1 && b != 0xFF)
        .map(|&b| char::from_u32(0x0E01 + u32::from(b - 0xA1)).unwrap())
        .collect()
}

/// Hand-written damage: `⟦damaged|original⟧` marks each place; `\u{9d}` stands for the control
/// character Windows-1252's decoders leave for byte 0x9D.
fn hand_written(name: &str, marked: &str) -> Damaged {
    let marked = marked.replace("\\u{9d}", "\u{9d}");
    let mut text = String::new();
    let mut places = Vec::new();
    let mut rest = marked.as_str();
    while let Some(open) = rest.find('⟦') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('⟧').unwrap() + open;
        let (damaged, original) = rest[open + '⟦'.len_utf8()..close].split_once('|').unwrap();
        places.push(Expected { start: text.len(), end: text.len() + damaged.len(), original: original.into() });
        text.push_str(damaged);
        rest = &rest[close + '⟧'.len_utf8()..];
    }
    text.push_str(rest);
    Damaged { name: name.to_owned(), text, places }
}

fn damaged_texts() -> Vec<Damaged> {
    let mut damaged = Vec::new();
    for (name, text) in corpus("real") {
        damaged.push(damaged_by(&format!("{name} as Windows-1252"), &text, &as_windows_1252));
        damaged.push(damaged_by(&format!("{name} as Latin-1"), &text, &as_latin1));
        damaged.push(damaged_by(&format!("{name} twice as Windows-1252"), &text, &twice_as_windows_1252));
    }
    // The Thai code page keeps the letters of other scripts no better than their punctuation,
    // so only English, whose only non-ASCII characters are dashes and quotes, is damaged this way.
    let (_, english) = corpus("real").into_iter().find(|(name, _)| name == "en_typography.md").unwrap();
    damaged.push(damaged_by("en_typography.md as TIS-620", &english, &as_tis620_dropping));
    for (name, text) in corpus("damaged") {
        damaged.push(hand_written(&name, &text));
    }
    damaged
}

#[derive(Default)]
struct Tally {
    expected: usize,
    found: usize,
    correct: usize,
}

#[test]
fn the_detector_has_no_false_positive_on_real_text_and_finds_almost_all_damage() {
    let mut false_positives = Vec::new();
    for (name, text) in real_texts() {
        for repair in find(&text) {
            false_positives
                .push(format!("{name}: line {}: {:?} → {:?}", repair.line, repair.damaged, repair.replacement));
        }
    }
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for damaged in damaged_texts() {
        let found = find(&damaged.text);
        tally.expected += damaged.places.len();
        tally.found += found.len();
        for place in &damaged.places {
            let hit =
                found.iter().any(|r| r.start == place.start && r.end == place.end && r.replacement == place.original);
            if hit {
                tally.correct += 1;
            } else {
                misses.push(format!(
                    "{}: {:?} should be {:?}",
                    damaged.name,
                    &damaged.text[place.start..place.end],
                    place.original
                ));
            }
        }
        for r in &found {
            if !damaged.places.iter().any(|p| p.start == r.start && p.end == r.end && p.original == r.replacement) {
                misses.push(format!("{}: wrongly {:?} → {:?}", damaged.name, r.damaged, r.replacement));
            }
        }
    }
    let precision = tally.correct as f64 / tally.found.max(1) as f64;
    let recall = tally.correct as f64 / tally.expected.max(1) as f64;
    println!(
        "mojibake corpus: {} real texts with {} false positives; {} damaged places, {} repairs proposed, \
         {} right: precision {precision:.3}, recall {recall:.3}",
        real_texts().len(),
        false_positives.len(),
        tally.expected,
        tally.found,
        tally.correct
    );
    for miss in &misses {
        println!("  {miss}");
    }
    assert!(false_positives.is_empty(), "real text flagged:\n{}", false_positives.join("\n"));
    assert!(recall >= 0.95, "recall {recall:.3}");
}

/// Every real text but the one written to look like damage (`IRMÃ”` read twice is
/// indistinguishable from `IRMÔ` read twice; the precision figure counts it).
#[test]
fn repairing_each_damaged_text_gives_back_the_original() {
    for (name, text) in corpus("real").into_iter().filter(|(name, _)| name != "hand_written_real.txt") {
        for damaged in [damaged_by(&name, &text, &as_windows_1252), damaged_by(&name, &text, &twice_as_windows_1252)] {
            assert_eq!(repair(&damaged.text).0, text, "{}", damaged.name);
        }
    }
}
