//! The live preview as a conversation with one app window: text comes in as the edits since
//! the last text this side holds, HTML goes out as the list of blocks with only the blocks the
//! window does not hold yet. On a long draft a keystroke then moves a few hundred bytes each way
//! instead of the whole text in and the whole HTML out.
//!
//! Nothing is guessed: a request names the text version its edits apply to and the length of
//! the result, and anything that does not match (first render, another draft, a reload, a lost
//! message) is answered with [`PreviewReply::Resync`], after which the window sends the whole
//! text. Likewise the block list is sent as a change to the previous reply only when the window
//! says it applied exactly that reply; otherwise it is sent whole.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use byline_render::{Rendered, TextStats, TocEntry};

use crate::preview::PreviewImages;
use crate::preview_blocks;
use crate::utf16_edit::{self, TextChange};
use crate::{Error, Result};

/// Windows (or reloads of one) remembered at once; the least recently used is forgotten first,
/// and simply resyncs if it comes back.
const MAX_SESSIONS: usize = 8;

/// Longest session id accepted.
const MAX_SESSION_ID: usize = 100;

/// One preview render request from the app window.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
pub struct PreviewRequest {
    /// The window's preview session (new on every page load).
    pub session: String,
    /// The draft shown, whose images the preview resolves.
    pub slug: Option<String>,
    /// The text version `changes` apply to (0: none; `text` must be sent).
    pub base: u64,
    /// The version of the resulting text, chosen by the window.
    pub version: u64,
    /// The whole text, sent on the first render and after a resync.
    #[serde(default)]
    #[ts(optional)]
    pub text: Option<String>,
    /// The edits since version `base`, in UTF-16 positions of that text, in order.
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub changes: Vec<TextChange>,
    /// Length of the resulting text in UTF-16 code units, to check the edits landed right.
    pub length: usize,
    /// The `seq` of the last reply the window applied (0: none).
    pub known: u64,
}

/// The answer to a [`PreviewRequest`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewReply {
    /// The text this side holds is not the one the edits apply to: send the whole text.
    Resync,
    /// The preview of the new text.
    Rendered(PreviewUpdate),
}

/// The preview of one text version, as a change to the window's previous block list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct PreviewUpdate {
    /// This reply's number, for the window's next `known`.
    pub seq: u64,
    /// The text version rendered.
    pub version: u64,
    /// The reply whose block list this one changes; 0 when `blocks` is the whole list.
    pub since: u64,
    /// Leading blocks of that list kept as they are.
    pub head: usize,
    /// Trailing blocks of that list kept, their lines moved by `shift`.
    pub tail: usize,
    /// How far the kept trailing blocks' lines moved (lines typed or deleted above them).
    pub shift: i64,
    /// The blocks between the kept head and tail, in order.
    pub blocks: Vec<BlockRef>,
    /// HTML (lines relative to the block's first) of each key the window does not hold.
    pub html: BTreeMap<String, String>,
    /// Every heading in document order.
    pub toc: Vec<TocEntry>,
    /// Word count and reading time.
    pub stats: TextStats,
    /// Text of the first level-1 heading, if any.
    pub title: Option<String>,
}

/// One top-level block of the preview: its content key and the source line it starts on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct BlockRef {
    /// Names the block's HTML with its lines relative to its first.
    pub key: String,
    /// The block's first `data-line`, added back to its relative lines; None without any.
    pub line: Option<usize>,
}

/// The preview sessions of the app's windows, each with the last text and blocks sent.
#[derive(Default)]
pub struct PreviewSessions {
    sessions: Mutex<Sessions>,
}

#[derive(Default)]
struct Sessions {
    open: HashMap<String, (u64, Arc<Mutex<Session>>)>,
    tick: u64,
}

#[derive(Default)]
struct Session {
    slug: Option<String>,
    /// The window's version of `text`; 0 until a whole text arrives.
    version: u64,
    text: String,
    units: usize,
    seq: u64,
    /// The last reply's block list, as (key, line).
    blocks: Vec<(u64, Option<usize>)>,
    /// The last reply's HTML and where each of its blocks is in it.
    html: String,
    spans: Vec<Range<usize>>,
    /// The HTML of every key in the last reply, which the window holds if it applied it.
    held: HashMap<u64, Arc<str>>,
}

impl PreviewSessions {
    /// Applies `request` to its session and renders the result; `images` reads what the render
    /// needs from the library (the caller takes the library lock for that call only).
    pub fn update(
        &self,
        request: PreviewRequest,
        images: impl FnOnce(Option<&str>) -> Result<PreviewImages>,
    ) -> Result<PreviewReply> {
        let session = self.session(&request.session)?;
        // One render per window at a time; other windows and library calls go on meanwhile.
        let mut session = session.lock().unwrap_or_else(PoisonError::into_inner);
        if !session.take_text(&request)? {
            return Ok(PreviewReply::Resync);
        }
        let images = images(session.slug.as_deref())?;
        let rendered = images.render(&session.text);
        Ok(PreviewReply::Rendered(session.reply(rendered, request.known)))
    }

    fn session(&self, id: &str) -> Result<Arc<Mutex<Session>>> {
        if id.is_empty() || id.len() > MAX_SESSION_ID {
            return Err(Error::InvalidInput(format!(
                "the preview session id must be 1 to {MAX_SESSION_ID} characters; reload the window to get a new one"
            )));
        }
        let mut sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        sessions.tick += 1;
        let tick = sessions.tick;
        if !sessions.open.contains_key(id) && sessions.open.len() >= MAX_SESSIONS {
            let oldest = sessions.open.iter().min_by_key(|(_, (used, _))| *used).map(|(id, _)| id.clone());
            if let Some(oldest) = oldest {
                sessions.open.remove(&oldest);
            }
        }
        let entry = sessions.open.entry(id.to_owned()).or_default();
        entry.0 = tick;
        Ok(Arc::clone(&entry.1))
    }
}

impl Session {
    /// Takes the request's text (whole, or its edits applied); false when the edits do not
    /// apply to the text held, which is then dropped so nothing can build on it.
    fn take_text(&mut self, request: &PreviewRequest) -> Result<bool> {
        if let Some(text) = &request.text {
            let units = utf16_edit::utf16_len(text);
            if units != request.length {
                return Err(Error::InvalidInput(format!(
                    "the preview text is {units} characters long but was sent as {}; reload the window",
                    request.length
                )));
            }
            self.text.clone_from(text);
            self.units = units;
        } else {
            let applies = self.version != 0 && self.version == request.base && self.slug == request.slug;
            let edited = applies.then(|| utf16_edit::apply(&self.text, &request.changes)).flatten();
            let units = edited.as_ref().map(|_| self.units_after(&request.changes));
            match edited.zip(units).filter(|(_, units)| *units == Some(request.length)) {
                Some((text, _)) => {
                    self.text = text;
                    self.units = request.length;
                }
                None => {
                    self.version = 0;
                    self.text.clear();
                    return Ok(false);
                }
            }
        }
        self.slug.clone_from(&request.slug);
        self.version = request.version;
        Ok(true)
    }

    /// The UTF-16 length after `changes`, from the length before; None if they do not fit it.
    fn units_after(&self, changes: &[TextChange]) -> Option<usize> {
        changes.iter().try_fold(self.units, |units, change| {
            let removed = change.to.checked_sub(change.from)?;
            units.checked_sub(removed).map(|units| units + utf16_edit::utf16_len(&change.insert))
        })
    }

    /// The reply for `rendered`: the block list as a change to the last reply when the window
    /// applied it (`known`), with HTML only for blocks it does not hold.
    fn reply(&mut self, rendered: Rendered, known: u64) -> PreviewUpdate {
        let Rendered { html, toc, stats, title } = rendered;
        let whole = known == 0 || known != self.seq;
        let mut blocks = Vec::new();
        let mut held: HashMap<u64, Arc<str>> = HashMap::new();
        let mut sent = BTreeMap::new();
        let (keep_head, keep_tail, middle) = self.unchanged_ends(&html);
        let mut spans: Vec<Range<usize>> = self.spans[..keep_head].to_vec();
        let moved = html.len() as isize - self.html.len() as isize;
        let tail_spans = self.spans[self.spans.len() - keep_tail..].iter();
        spans.extend(preview_blocks::split_spans(&html, middle));
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
            let (relative, line) = preview_blocks::relative(&html[span.clone()]);
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
            version: self.version,
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

#[cfg(test)]
#[path = "preview_session_tests.rs"]
mod tests;
