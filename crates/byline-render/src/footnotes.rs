//! GitHub-style footnotes: numbered by first reference, definitions gathered into one
//! section at the end with links back to every reference.

use std::collections::HashMap;

use crate::ids::IdRegistry;

/// Footnote references and definitions of one document.
#[derive(Default)]
pub(crate) struct Footnotes {
    numbers: HashMap<String, usize>,
    /// Per number (index = number - 1): the definition's id and every reference's id.
    ids: Vec<(String, Vec<String>)>,
    /// Label → (`data-line` attribute, rendered body).
    definitions: HashMap<String, (String, String)>,
}

impl Footnotes {
    /// HTML of a reference to footnote `name`, numbering it on first use.
    pub(crate) fn reference(&mut self, name: &str, ids: &mut IdRegistry) -> String {
        let key = name.to_lowercase();
        let number = match self.numbers.get(&key) {
            Some(&n) => n,
            None => {
                let n = self.ids.len() + 1;
                self.ids.push((ids.unique(&format!("fn-{n}")), Vec::new()));
                self.numbers.insert(key, n);
                n
            }
        };
        let ref_id = ids.unique(&format!("fnref-{number}"));
        let (def_id, refs) = &mut self.ids[number - 1];
        let html = format!("<sup class=\"footnote-ref\"><a href=\"#{def_id}\" id=\"{ref_id}\">{number}</a></sup>");
        refs.push(ref_id);
        html
    }

    /// Records the rendered body of definition `name` (the first definition of a label wins).
    pub(crate) fn define(&mut self, name: String, line: String, body: String) {
        self.definitions.entry(name.to_lowercase()).or_insert((line, body));
    }

    /// The footnote section: referenced definitions in reference order; empty if there are none.
    pub(crate) fn section(&self) -> String {
        let mut numbered: Vec<(&String, &usize)> = self.numbers.iter().collect();
        numbered.sort_by_key(|(_, n)| **n);
        let mut items = String::new();
        for (name, &number) in numbered {
            let Some((line, body)) = self.definitions.get(name) else { continue };
            let (def_id, refs) = &self.ids[number - 1];
            let backrefs: String = refs
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mark = if i == 0 { String::new() } else { format!("<sup>{}</sup>", i + 1) };
                    format!(
                        " <a href=\"#{r}\" class=\"footnote-backref\" title=\"Back to reference {number}\">↩{mark}</a>"
                    )
                })
                .collect();
            // Back-links go inside the last paragraph so they don't sit on a line of their own.
            let body = match body.strip_suffix("</p>\n") {
                Some(head) => format!("{head}{backrefs}</p>\n"),
                None => format!("{body}{backrefs}\n"),
            };
            items.push_str(&format!("<li id=\"{def_id}\"{line}>\n{body}</li>\n"));
        }
        if items.is_empty() {
            return items;
        }
        format!("<section class=\"footnotes\">\n<ol>\n{items}</ol>\n</section>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_by_first_reference_and_unreferenced_dropped() {
        let mut ids = IdRegistry::default();
        let mut notes = Footnotes::default();
        notes.define("a".into(), String::new(), "<p>A</p>\n".into());
        notes.define("b".into(), String::new(), "<p>B</p>\n".into());
        notes.define("c".into(), String::new(), "<p>C</p>\n".into());
        assert!(notes.reference("b", &mut ids).contains(">1</a>"));
        assert!(notes.reference("A", &mut ids).contains(">2</a>"));
        let section = notes.section();
        let b = section.find("<p>B").unwrap_or(usize::MAX);
        let a = section.find("<p>A").unwrap_or(usize::MAX);
        assert!(b < a, "{section}");
        assert!(!section.contains("<p>C"), "{section}");
    }
}
