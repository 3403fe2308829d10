//! The one XSS corpus (`crates/byline-render/tests/fixtures/xss.txt`, shared with the render
//! tests) armed for the app: its `alert(1)` calls become a write to the `window.__pwned`
//! sentinel of the top window, so a payload that ever runs is seen, not just blocked dialogs.

use anyhow::{bail, Context, Result};

use crate::paths::workspace_root;

/// The line between two cases in the corpus file.
const DELIMITER: &str = "~~~~~ case ~~~~~";

/// Where the corpus lives, relative to the workspace root.
pub const CORPUS_PATH: &str = "crates/byline-render/tests/fixtures/xss.txt";

/// What a payload does instead of `alert(1)`: mark the top window as compromised.
pub const ARMED_CALL: &str = "top.__pwned=1";

/// Substrings a representative subset must cover: scripts, handlers, disguised `javascript:`
/// links, attribute and element breakouts, template syntax and pasted HTML.
const CATEGORIES: &[&str] = &[
    "<script>",
    "onerror",
    "onload",
    "JaVaScRiPt:",
    "&#x6A;avascript:",
    "java&#09;script",
    "\"><script>",
    "'><img",
    "</title>",
    "</script><script>",
    "{{",
    "${",
    "\" onfocus=",
    "<div onmouseover",
    "<svg/onload",
    "<iframe",
    "<math",
    "<a href=\"javascript:",
    "<details ontoggle",
    "<form",
];

/// Every case of the corpus, armed, in file order (multi-line cases included).
pub fn cases() -> Result<Vec<String>> {
    let path = workspace_root().join(CORPUS_PATH);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading the XSS corpus {}", path.display()))?;
    let mut cases = vec![String::new()];
    for line in text.lines() {
        if line == DELIMITER {
            cases.push(String::new());
        } else if let Some(last) = cases.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    // The first block describes the file.
    let cases: Vec<String> =
        cases.into_iter().skip(1).map(|c| arm(c.trim_end())).filter(|c| !c.trim().is_empty()).collect();
    if cases.len() < 60 {
        bail!("the XSS corpus {} has only {} cases", path.display(), cases.len());
    }
    Ok(cases)
}

/// The one-line cases: what fits a title, a tag, a name.
pub fn one_line() -> Result<Vec<String>> {
    Ok(cases()?.into_iter().filter(|c| !c.contains('\n') && !c.contains('\t') && c.trim() == c).collect())
}

/// At least `n` one-line cases covering every entry of [`CATEGORIES`] first.
pub fn representative(n: usize) -> Result<Vec<String>> {
    let all = one_line()?;
    let mut chosen: Vec<String> = Vec::new();
    for category in CATEGORIES {
        let Some(case) = all.iter().find(|c| c.contains(category)) else {
            bail!("no one-line case of the XSS corpus contains {category:?}; the corpus lost a category");
        };
        if !chosen.contains(case) {
            chosen.push(case.clone());
        }
    }
    for case in &all {
        if chosen.len() >= n {
            break;
        }
        if !chosen.contains(case) {
            chosen.push(case.clone());
        }
    }
    Ok(chosen)
}

/// Replaces the corpus's `alert(1)` with the sentinel write.
pub fn arm(case: &str) -> String {
    case.replace("alert(1)", ARMED_CALL)
}

/// Whitespace collapsed, as a browser shows text and the library stores a one-line field.
pub fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
