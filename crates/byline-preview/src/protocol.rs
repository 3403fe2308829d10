//! The messages between an app window and its preview session, as they cross IPC (generated into
//! `ui/ipc/bindings.ts`): text in as the edits since a version, blocks out as a change to the last
//! reply the window applied.

use std::collections::BTreeMap;

use byline_render::{TextStats, TocEntry};

use crate::utf16::TextChange;

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
