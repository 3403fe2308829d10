//! Reading text the writer hands to a command: files, standard input, KEY=URL pairs.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Reads a UTF-8 text file, or standard input when `source` is "-".
pub fn read_text(source: &str) -> Result<String> {
    if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("standard input is not valid UTF-8 text")?;
        return Ok(text);
    }
    let path = Path::new(source);
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "{} is not valid UTF-8 (byte offset {}); save it as UTF-8 and try again",
            path.display(),
            err.utf8_error().valid_up_to()
        )
    })
}

/// Splits a `KEY=URL` social link.
pub fn parse_social(pair: &str) -> Result<(String, String)> {
    let Some((key, url)) = pair.split_once('=') else {
        bail!("social link `{pair}` should look like KEY=URL, e.g. github=https://github.com/you");
    };
    let key = key.trim().to_lowercase();
    if key.is_empty() || url.trim().is_empty() {
        bail!("social link `{pair}` needs both a key and a URL, e.g. mastodon=https://example.social/@you");
    }
    Ok((key, url.trim().to_owned()))
}

/// Maps "" to None, so an empty option clears a field.
pub fn clearable(value: Option<String>) -> Option<Option<String>> {
    value.map(|text| {
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    })
}
