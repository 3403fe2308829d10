//! The preview protocol end to end, with a window played by [`Window`]: it assembles each reply
//! the way the app does, and what it shows must equal the whole text rendered afresh.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;

use super::*;
use crate::lines::{find as data_line_values, LineValue};
use crate::protocol::PreviewUpdate;
use byline_render::{RenderOptions, Renderer};

/// The error a test's image read fails with.
#[derive(Debug)]
struct Gone(String);

impl std::fmt::Display for Gone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no draft {}", self.0)
    }
}

impl std::error::Error for Gone {}

fn no_images(_: Option<&str>) -> Result<Images, Gone> {
    Ok(Images::none())
}

/// What the app window holds: its text, its versions and the blocks of the last reply.
#[derive(Default)]
struct Window {
    text: String,
    version: u64,
    backend: u64,
    known: u64,
    blocks: Vec<(String, Option<usize>)>,
    html: HashMap<String, String>,
}

impl Window {
    fn request(&mut self, text: Option<&str>, changes: Vec<TextChange>, new_text: &str) -> PreviewRequest {
        self.version += 1;
        PreviewRequest {
            session: "window-1".into(),
            slug: None,
            base: self.backend,
            version: self.version,
            text: text.map(str::to_owned),
            changes,
            length: new_text.encode_utf16().count(),
            known: self.known,
        }
    }

    /// Sends the whole text.
    fn open(&mut self, sessions: &PreviewSessions, text: &str) -> PreviewUpdate {
        self.text = text.to_owned();
        let request = self.request(Some(text), Vec::new(), text);
        self.send(sessions, request).unwrap()
    }

    /// Replaces UTF-16 range `from..to` with `insert` and sends that edit.
    fn edit(&mut self, sessions: &PreviewSessions, from: usize, to: usize, insert: &str) -> Option<PreviewUpdate> {
        let units: Vec<u16> = self.text.encode_utf16().collect();
        let edited: Vec<u16> =
            units[..from].iter().copied().chain(insert.encode_utf16()).chain(units[to..].iter().copied()).collect();
        self.text = String::from_utf16(&edited).unwrap();
        let text = self.text.clone();
        let request = self.request(None, vec![TextChange { from, to, insert: insert.into() }], &text);
        self.send(sessions, request)
    }

    fn send(&mut self, sessions: &PreviewSessions, request: PreviewRequest) -> Option<PreviewUpdate> {
        let version = request.version;
        match sessions.update(request, no_images).unwrap() {
            PreviewReply::Resync => {
                self.backend = 0;
                None
            }
            PreviewReply::Rendered(update) => {
                self.backend = version;
                self.apply(&update);
                Some(update)
            }
        }
    }

    fn apply(&mut self, update: &PreviewUpdate) {
        let kept = if update.since == 0 { Vec::new() } else { std::mem::take(&mut self.blocks) };
        assert!(update.since == 0 || update.since == self.known, "a delta on the reply the window holds");
        let shift = |line: Option<usize>| line.map(|l| (l as i64 + update.shift) as usize);
        let mut blocks = kept[..update.head].to_vec();
        blocks.extend(update.blocks.iter().map(|b| (b.key.clone(), b.line)));
        blocks.extend(kept[kept.len() - update.tail..].iter().map(|(key, line)| (key.clone(), shift(*line))));
        let mut html: HashMap<String, String> = update.html.clone().into_iter().collect();
        for (key, _) in &blocks {
            if !html.contains_key(key) {
                html.insert(key.clone(), self.html[key].clone());
            }
        }
        self.blocks = blocks;
        self.html = html;
        self.known = update.seq;
    }

    /// The preview HTML the window shows.
    fn shown(&self) -> String {
        let mut out = String::new();
        for (key, line) in &self.blocks {
            let html = &self.html[key];
            let mut copied = 0;
            for LineValue { digits, line: relative } in data_line_values(html) {
                out.push_str(&html[copied..digits.start]);
                out.push_str(&(relative + line.unwrap()).to_string());
                copied = digits.end;
            }
            out.push_str(&html[copied..]);
        }
        out
    }

    fn shows_its_text(&self) {
        assert_eq!(
            self.shown(),
            Renderer::shared().render_whole(&self.text, &RenderOptions::default()).html,
            "for the text {:?}",
            self.text
        );
    }
}

fn article(paragraphs: usize) -> String {
    let mut text = String::from("# Notes 日本語\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!("Paragraph {i} with *emphasis* 😀 and `code`.\n\n- item {i}\n- second\n\n"));
    }
    text.push_str("```rust\nfn main() {}\n```\n");
    text
}

#[test]
fn first_render_without_the_text_asks_for_it() {
    let sessions = PreviewSessions::default();
    let mut window = Window { text: "hello".into(), ..Window::default() };
    assert_eq!(window.edit(&sessions, 5, 5, "!"), None, "no text held yet: resync");
    window.open(&sessions, "hello!");
    window.shows_its_text();
}

#[test]
fn edits_around_emoji_and_cjk_show_what_a_whole_render_shows() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    let first = window.open(&sessions, &article(20));
    assert_eq!(first.since, 0);
    assert_eq!(first.blocks.len(), window.blocks.len());
    window.shows_its_text();
    // After "Notes 日本語" (UTF-16 offset 2 + 6 + 3 = 11), then inside a paragraph after the emoji.
    let typed = window.edit(&sessions, 11, 11, " 🎉").unwrap();
    window.shows_its_text();
    assert!(typed.since > 0 && typed.blocks.len() <= 2, "one heading changed: {:?}", typed.blocks);
    assert!(typed.html.len() <= 1 && typed.html.values().all(|html| html.contains("🎉")), "{:?}", typed.html);
    let at = window.text.encode_utf16().count() / 2;
    let at =
        window.text.char_indices().map(|(i, _)| window.text[..i].encode_utf16().count()).find(|&u| u >= at).unwrap();
    window.edit(&sessions, at, at, "語").unwrap();
    window.shows_its_text();
    window.edit(&sessions, at, at + 1, "").unwrap();
    window.shows_its_text();
}

#[test]
fn enter_above_blocks_moves_their_lines_without_resending_them() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    window.open(&sessions, &article(30));
    let update = window.edit(&sessions, 0, 0, "Intro line.\n\n").unwrap();
    window.shows_its_text();
    assert_eq!(update.shift, 2, "every later block moved down two lines");
    assert!(update.tail > 100 && update.html.len() <= 2, "only the new paragraph is sent: {:?}", update.html.keys());
}

#[test]
fn a_wrong_base_length_or_draft_resyncs_and_drops_the_text() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    window.open(&sessions, "one two");
    let backend = window.backend;
    window.backend = backend + 7;
    assert_eq!(window.edit(&sessions, 0, 0, "x"), None, "edits on a text this side does not hold");
    window.backend = backend;
    assert_eq!(window.edit(&sessions, 0, 0, "x"), None, "after a mismatch the held text is gone");
    window.open(&sessions, "one two");
    let mut wrong_length = window.request(None, vec![TextChange { from: 0, to: 0, insert: "x".into() }], "x");
    wrong_length.length = 2;
    assert_eq!(sessions.update(wrong_length, no_images).unwrap(), PreviewReply::Resync);
    window.open(&sessions, "one two");
    let mut other_draft = window.request(None, Vec::new(), "one two");
    other_draft.slug = Some("other".into());
    assert_eq!(sessions.update(other_draft, no_images).unwrap(), PreviewReply::Resync);
    let mut split_pair = window.request(Some("a😀"), Vec::new(), "a😀");
    split_pair.length = 2;
    let err = sessions.update(split_pair, no_images).unwrap_err();
    assert!(err.to_string().contains("reload the window"), "{err}");
}

#[test]
fn a_window_that_missed_a_reply_gets_every_block_again() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    window.open(&sessions, &article(5));
    window.known = 0;
    let update = window.edit(&sessions, 0, 0, "x").unwrap();
    assert_eq!((update.since, update.head, update.tail), (0, 0, 0));
    assert_eq!(
        update.html.len(),
        update.blocks.iter().map(|b| &b.key).collect::<std::collections::BTreeSet<_>>().len()
    );
    window.shows_its_text();
}

#[test]
fn sessions_are_bounded_and_ids_checked() {
    let sessions = PreviewSessions::default();
    for i in 0..(MAX_SESSIONS + 3) {
        let mut window = Window::default();
        let mut request = window.request(Some("text"), Vec::new(), "text");
        request.session = format!("window-{i}");
        sessions.update(request, no_images).unwrap();
    }
    assert_eq!(sessions.sessions.lock().unwrap().open.len(), MAX_SESSIONS);
    let mut request = Window::default().request(Some("text"), Vec::new(), "text");
    request.session = String::new();
    assert!(matches!(sessions.update(request, no_images), Err(PreviewError::InvalidInput(_))));
}

#[test]
fn the_draft_images_are_read_for_the_render() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    let mut request = window.request(Some("x"), Vec::new(), "x");
    request.slug = Some("gone".into());
    let err = sessions.update(request, |_| Err(Gone("gone".into()))).unwrap_err();
    assert!(matches!(err, PreviewError::Images(Gone(_))), "{err}");
}

#[test]
fn an_image_attached_mid_session_shows_without_a_resync() {
    let sessions = PreviewSessions::default();
    let mut window = Window::default();
    window.open(&sessions, "![Beach](images/beach.png)\n\nSome text.\n");
    window.shows_its_text();
    let end = window.text.encode_utf16().count();
    window.text.push('!');
    let text = window.text.clone();
    let request = window.request(None, vec![TextChange { from: end, to: end, insert: "!".into() }], &text);
    let version = request.version;
    let resolve = |url: &str| (url == "images/beach.png").then(|| "data:image/png;base64,iVBORw0KGgo=".to_owned());
    let attached = |_: Option<&str>| Ok::<_, Gone>(Images::new("images/beach.png\0ab12\n".into(), resolve));
    let PreviewReply::Rendered(update) = sessions.update(request, attached).unwrap() else {
        panic!("the edit applies: no resync")
    };
    window.backend = version;
    window.apply(&update);
    let options = RenderOptions { resolve_url: Some(&resolve), ..Default::default() };
    let shown = window.shown();
    assert!(shown.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""), "{shown}");
    assert_eq!(shown, Renderer::shared().render_whole(&window.text, &options).html);
}
