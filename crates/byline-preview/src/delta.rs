//! The reply side of a preview session: the rendered HTML as its top-level blocks, sent as a
//! change to the last reply when the window applied it, with HTML only for the blocks the
//! window does not hold.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use byline_render::Rendered;

use crate::blocks;
use crate::protocol::{BlockRef, PreviewUpdate};

/// The last reply of a session: what the next one is a change to.
#[derive(Default)]
pub(crate) struct Delta {
    seq: u64,
    /// The last reply's block list, as (key, line).
    blocks: Vec<(u64, Option<usize>)>,
    /// The last reply's HTML and where each of its blocks is in it.
    html: String,
    spans: Vec<Range<usize>>,
    /// The HTML of every key in the last reply, which the window holds if it applied it.
    held: HashMap<u64, Arc<str>>,
}

impl Delta {
    /// The reply for `rendered`: the block list as a change to the last reply when the window
    /// applied it (`known`), with HTML only for blocks it does not hold.
    pub(crate) fn reply(&mut self, rendered: Rendered, known: u64, version: u64) -> PreviewUpdate {
        let Rendered { html, toc, stats, title } = rendered;
        let whole = known == 0 || known != self.seq;
        let mut blocks = Vec::new();
        let mut held: HashMap<u64, Arc<str>> = HashMap::new();
        let mut sent = BTreeMap::new();
        let (keep_head, keep_tail, middle) = self.unchanged_ends(&html);
        let mut spans: Vec<Range<usize>> = self.spans[..keep_head].to_vec();
        let moved = html.len() as isize - self.html.len() as isize;
        let tail_spans = self.spans[self.spans.len() - keep_tail..].iter();
        spans.extend(blocks::split_spans(&html, middle));
        spans.extend(
            tail_spans.map(|span| span.start.saturating_add_signed(moved)..span.end.saturating_add_signed(moved)),
        );
        let reused: Vec<(u64, Option<usize>)> =
            self.blocks[..keep_head].iter().chain(&self.blocks[self.blocks.len() - keep_tail..]).copied().collect();
        // Kept first, so a new block whose hash collides with a kept one is told apart.
        for (key, _) in &reused {
            if let Some(html) = self.held.get(key) {
                held.insert(*key, Arc::clone(html));
            }
        }
        let mut reused = reused.into_iter();
        for (index, span) in spans.iter().enumerate() {
            // Blocks whose bytes did not change keep their key and line: no rescan, no hash.
            if index < keep_head || index >= spans.len() - keep_tail {
                if let Some((key, line)) = reused.next() {
                    if let Some(html) = held.get(&key) {
                        if whole {
                            sent.insert(key_name(key), html.to_string());
                        }
                        blocks.push((key, line));
                        continue;
                    }
                }
            }
            let (relative, line) = blocks::relative(&html[span.clone()]);
            let mut key = content_key(&relative);
            // Two contents with one hash (never seen in practice) still get keys of their own.
            while held.get(&key).is_some_and(|html| **html != *relative) {
                key = key.wrapping_add(1);
            }
            let before = self.held.get(&key).filter(|html| ***html == *relative);
            if before.is_none() || whole {
                sent.insert(key_name(key), relative.to_string());
            }
            let html = before.cloned().unwrap_or_else(|| Arc::from(relative.as_ref()));
            held.insert(key, html);
            blocks.push((key, line));
        }
        let previous = std::mem::replace(&mut self.blocks, blocks);
        self.spans = spans;
        let (head, tail, shift) = if whole { (0, 0, 0) } else { common_ends(&previous, &self.blocks) };
        let middle = &self.blocks[head..self.blocks.len() - tail];
        let since = if whole { 0 } else { self.seq };
        self.seq += 1;
        self.held = held;
        self.html = html;
        PreviewUpdate {
            seq: self.seq,
            version,
            since,
            head,
            tail,
            shift,
            blocks: middle.iter().map(|&(key, line)| BlockRef { key: key_name(key), line }).collect(),
            html: sent,
            toc,
            stats,
            title,
        }
    }

    /// How many of the last reply's leading and trailing blocks `html` has byte for byte, and
    /// the range of `html` between them. The block next to each kept end is redone too, so a
    /// text run never meets a text run across a seam (the split never puts two side by side).
    fn unchanged_ends(&self, html: &str) -> (usize, usize, Range<usize>) {
        let (same_start, same_end) = byline_render::common_ends(&self.html, html);
        let head = self.spans.partition_point(|span| span.end <= same_start).saturating_sub(1);
        let old_len = self.html.len();
        let tail_from = self.spans.partition_point(|span| span.start < old_len - same_end);
        let tail = (self.spans.len() - tail_from).saturating_sub(1).min(self.spans.len() - head);
        let start = self.spans.get(head).map_or(0, |span| span.start);
        let end = html.len() - self.spans.get(self.spans.len() - tail).map_or(0, |span| old_len - span.start);
        if start > end {
            return (0, 0, 0..html.len());
        }
        (head, tail, start..end)
    }
}

fn content_key(html: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    html.hash(&mut hasher);
    hasher.finish()
}

/// A key as text: JavaScript numbers cannot hold 64 bits exactly.
fn key_name(key: u64) -> String {
    format!("{key:016x}")
}

/// Blocks equal at the start, blocks with equal keys at the end whose lines all moved by one
/// amount, and that amount.
fn common_ends(before: &[(u64, Option<usize>)], after: &[(u64, Option<usize>)]) -> (usize, usize, i64) {
    let shortest = before.len().min(after.len());
    let head = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let (mut tail, mut shift) = (0, None);
    for (old, new) in before.iter().rev().zip(after.iter().rev()).take(shortest - head) {
        let moved = match (old, new) {
            ((a, _), (b, _)) if a != b => break,
            ((_, None), (_, None)) => shift,
            ((_, Some(from)), (_, Some(to))) => Some(*to as i64 - *from as i64),
            _ => break,
        };
        if shift.is_some() && moved != shift {
            break;
        }
        shift = moved;
        tail += 1;
    }
    (head, tail, shift.unwrap_or(0))
}
