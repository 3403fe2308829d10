//! A changed array laid out like the old one: the items it still has keep their text and
//! comments, matched in order; new items copy the old items' spacing and quotes.

use toml_edit::{Array, RawString, Value};

use super::new::{to_toml, New};
use super::render::Renderer;

impl Renderer<'_> {
    /// The new array laid out like the old one: items still there keep their exact text and
    /// the comments around them; new items take the old items' indentation and quotes.
    pub(super) fn array(&self, items: &[New], old: &Array, old_values: &[toml::Value]) -> String {
        if items.is_empty() {
            return "[]".to_owned();
        }
        let olds: Vec<&Value> = old.iter().collect();
        let count = olds.len();
        let prefix = |j: usize| self.raw(olds[j].decor().prefix().and_then(RawString::span)).unwrap_or("");
        let suffix = |j: usize| self.raw(olds[j].decor().suffix().and_then(RawString::span)).unwrap_or("");
        let first_prefix = whitespace_prefix(prefix(0));
        let other_prefix = if count >= 2 {
            whitespace_prefix(prefix(1))
        } else if first_prefix.contains('\n') {
            first_prefix
        } else {
            " "
        };
        let inner_suffix = if count >= 2 { inline_suffix(suffix(0)) } else { "" };
        let trailing_comma = old.trailing_comma();
        let trailing = self.raw(old.trailing().span()).unwrap_or("");
        // Without a trailing comma, what closes the old array hangs on its last item's suffix.
        let tail = if trailing_comma { trailing.to_owned() } else { format!("{}{trailing}", suffix(count - 1)) };
        let new_values: Vec<toml::Value> = items.iter().map(to_toml).collect();
        let kept = matching_items(old_values, &new_values);
        let mut out = String::from("[");
        for (i, item) in items.iter().enumerate() {
            let position_prefix = if i == 0 { first_prefix } else { other_prefix };
            let kept_text = kept[i].and_then(|j| Some((j, self.raw(olds[j].span())?)));
            let (pre, body, suf) = match kept_text {
                Some((j, body)) => {
                    let pre = if (i == 0) == (j == 0) { prefix(j) } else { position_prefix };
                    let suf = if j + 1 == count && !trailing_comma { inner_suffix } else { suffix(j) };
                    (pre, body.to_owned(), suf)
                }
                None => {
                    let like = olds.iter().position(|o| same_kind(item, o));
                    let body = self.render(item, like.map(|j| olds[j]), like.and_then(|j| old_values.get(j)));
                    (position_prefix, body, inner_suffix)
                }
            };
            out.push_str(pre);
            out.push_str(&body);
            if i + 1 < items.len() || trailing_comma {
                out.push_str(suf);
                out.push(',');
            }
        }
        out.push_str(&tail);
        out.push(']');
        out
    }
}

fn same_kind(new: &New, old: &Value) -> bool {
    matches!((new, old), (New::Str(_), Value::String(_)) | (New::Array(_), Value::Array(_)))
}

/// The whitespace before an array item, without any comment line in it.
fn whitespace_prefix(raw: &str) -> &str {
    if !raw.contains('#') {
        return raw;
    }
    match raw.rfind('\n') {
        Some(i) if raw[..i].ends_with('\r') => &raw[i - 1..],
        Some(i) => &raw[i..],
        None => " ",
    }
}

/// The space between an item and its comma, when it is only that.
fn inline_suffix(raw: &str) -> &str {
    if raw.contains(['#', '\n']) {
        ""
    } else {
        raw
    }
}

/// For each new item, the old item it is (a longest common subsequence), so unchanged items
/// keep their text.
fn matching_items(old: &[toml::Value], new: &[toml::Value]) -> Vec<Option<usize>> {
    let (n, m) = (old.len(), new.len());
    let mut lengths = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] =
                if old[i] == new[j] { lengths[i + 1][j + 1] + 1 } else { lengths[i + 1][j].max(lengths[i][j + 1]) };
        }
    }
    let mut out = vec![None; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old[i] == new[j] {
            out[j] = Some(i);
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}
