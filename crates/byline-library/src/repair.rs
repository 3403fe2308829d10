//! Damaged text (mojibake) in drafts and in files being imported: found and shown, and repaired
//! only when the writer asks. The finding itself is byline-mojibake's; this module decides what
//! an import does with it and saves a repaired draft like any other edit.

use std::path::{Path, PathBuf};

use byline_mojibake::Repair;
use ts_rs::TS;

use crate::{Draft, DraftChange, Library, Result, SaveMode};

/// What an import does with a file whose text looks damaged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MojibakeOnImport {
    /// Import the text as it is and report the damage (`byline import`).
    #[default]
    Report,
    /// Repair every damaged place before the file is read (`byline import --fix-mojibake`).
    Repair,
}

/// A file an import found damaged text in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
pub struct DamagedFile {
    /// The file.
    pub path: PathBuf,
    /// How many damaged places it has.
    pub places: usize,
    /// The first one, as the word it is in: damaged…
    pub example: String,
    /// …and repaired.
    pub example_repaired: String,
    /// Whether the import repaired them (else the text went in as it was).
    pub repaired: bool,
}

/// A file's text as the import will read it, and the damage found in it, if any.
pub(crate) fn on_import(path: &Path, text: String, policy: MojibakeOnImport) -> (String, Option<DamagedFile>) {
    let repairs = byline_mojibake::find(&text);
    let Some(first) = repairs.first() else {
        return (text, None);
    };
    let (example, example_repaired) = word_around(&text, first);
    let repaired = policy == MojibakeOnImport::Repair;
    let damage = DamagedFile { path: path.to_path_buf(), places: repairs.len(), example, example_repaired, repaired };
    let text = if repaired { byline_mojibake::apply(&text, &repairs) } else { text };
    (text, Some(damage))
}

/// A damaged place as the writer reviews it: the repair, and the word it is in as it is and as
/// repaired (`Ã©` means little on its own; `CafÃ©` → `Café` says what happened).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, TS)]
pub struct DamagedPlace {
    /// Where the damage is and what replaces it.
    pub repair: Repair,
    /// The word it is in, damaged…
    pub word: String,
    /// …and repaired.
    pub word_repaired: String,
}

/// Every damaged place in `text`, in order, with the words they are in.
pub fn damaged_places(text: &str) -> Vec<DamagedPlace> {
    byline_mojibake::find(text)
        .into_iter()
        .map(|repair| {
            let (word, word_repaired) = word_around(text, &repair);
            DamagedPlace { repair, word, word_repaired }
        })
        .collect()
}

/// The word (run of non-blank characters, at most 20 characters either side) a repair falls in,
/// as it is and as repaired.
fn word_around(text: &str, repair: &Repair) -> (String, String) {
    let start = text[..repair.start].rfind(char::is_whitespace).map_or(0, |at| at + 1);
    let start = start.max(text[..repair.start].char_indices().rev().nth(20).map_or(0, |(at, _)| at));
    let end = text[repair.end..].find(char::is_whitespace).map_or(text.len(), |at| repair.end + at);
    let end = end.min(text[repair.end..].char_indices().nth(20).map_or(text.len(), |(at, _)| repair.end + at));
    let (before, after) = (&text[start..repair.start], &text[repair.end..end]);
    (format!("{before}{}{after}", repair.damaged), format!("{before}{}{after}", repair.replacement))
}

impl Library {
    /// The damaged places in a draft's body, in order (none for a healthy draft).
    pub fn find_repairs(&self, slug: &str) -> Result<Vec<DamagedPlace>> {
        Ok(damaged_places(&self.draft(slug)?.body))
    }

    /// Repairs every damaged place in a draft's body, saved as a new revision like any edit (in
    /// one transaction); a draft with nothing to repair is left as it is, with no revision.
    pub fn repair_draft(&mut self, slug: &str) -> Result<(Draft, Vec<Repair>)> {
        let draft = self.draft(slug)?;
        let (body, repairs) = byline_mojibake::repair(&draft.body);
        if repairs.is_empty() {
            return Ok((draft, repairs));
        }
        let change = DraftChange { body: Some(body), ..DraftChange::default() };
        Ok((self.update_draft(slug, change, SaveMode::Edit)?, repairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_the_whole_word_the_damage_is_in() {
        let text = "The CafÃ© is open";
        let repairs = byline_mojibake::find(text);
        assert_eq!(word_around(text, &repairs[0]), ("CafÃ©".into(), "Café".into()));
    }

    #[test]
    fn a_report_leaves_the_text_as_it_was_and_a_repair_repairs_it() {
        let text = "naÃ¯ve â€” yes".to_owned();
        let (kept, damage) = on_import(Path::new("a.md"), text.clone(), MojibakeOnImport::Report);
        assert_eq!(kept, text);
        let damage = damage.unwrap();
        assert_eq!((damage.places, damage.repaired), (2, false));
        let (fixed, damage) = on_import(Path::new("a.md"), text, MojibakeOnImport::Repair);
        assert_eq!(fixed, "naïve — yes");
        assert!(damage.unwrap().repaired);
        assert_eq!(on_import(Path::new("b.md"), "NÃO".into(), MojibakeOnImport::Report).1, None);
    }
}
