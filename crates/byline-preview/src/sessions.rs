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

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::delta::Delta;
use crate::images::Images;
use crate::pipeline::{Preview, PreviewCaches, PreviewOptions};
use crate::protocol::{PreviewReply, PreviewRequest};
use crate::utf16::{self, TextChange};

/// Windows (or reloads of one) remembered at once; the least recently used is forgotten first,
/// and simply resyncs if it comes back.
const MAX_SESSIONS: usize = 8;

/// Longest session id accepted.
const MAX_SESSION_ID: usize = 100;

/// Why a preview request failed.
#[derive(Debug, thiserror::Error)]
pub enum PreviewError<E> {
    /// The request itself is wrong (a bad session id, a text of another length than sent).
    #[error("{0}")]
    InvalidInput(String),
    /// Reading the draft's images failed.
    #[error(transparent)]
    Images(E),
}

/// The preview sessions of the app's windows, each with the last text and blocks sent, over
/// caches they share.
#[derive(Default)]
pub struct PreviewSessions {
    sessions: Mutex<Sessions>,
    caches: Arc<PreviewCaches>,
}

#[derive(Default)]
struct Sessions {
    open: HashMap<String, (u64, Arc<Mutex<Session>>)>,
    tick: u64,
}

struct Session {
    slug: Option<String>,
    /// The window's version of `text`; 0 until a whole text arrives.
    version: u64,
    text: String,
    units: usize,
    /// The last reply, which the next one is sent as a change to.
    delta: Delta,
    /// This window's own last render: another window's render never replaces it.
    preview: Preview,
}

impl PreviewSessions {
    /// Applies `request` to its session and renders the result; `images` reads the draft's
    /// images (the caller takes the library lock for that call only).
    pub fn update<E>(
        &self,
        request: PreviewRequest,
        images: impl FnOnce(Option<&str>) -> Result<Images, E>,
    ) -> Result<PreviewReply, PreviewError<E>> {
        let session = self.session(&request.session)?;
        // One render per window at a time; other windows and library calls go on meanwhile.
        let mut session = session.lock().unwrap_or_else(PoisonError::into_inner);
        if !session.take_text(&request)? {
            return Ok(PreviewReply::Resync);
        }
        let images = images(session.slug.as_deref()).map_err(PreviewError::Images)?;
        let options = PreviewOptions { urls: images.urls(), omit_source_lines: false };
        let rendered = session.preview.render_with(&session.text, &options);
        let version = session.version;
        Ok(PreviewReply::Rendered(session.delta.reply(rendered, request.known, version)))
    }

    fn session<E>(&self, id: &str) -> Result<Arc<Mutex<Session>>, PreviewError<E>> {
        if id.is_empty() || id.len() > MAX_SESSION_ID {
            return Err(PreviewError::InvalidInput(format!(
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
        let entry = sessions
            .open
            .entry(id.to_owned())
            .or_insert_with(|| (tick, Arc::new(Mutex::new(Session::new(&self.caches)))));
        entry.0 = tick;
        Ok(Arc::clone(&entry.1))
    }
}

impl Session {
    fn new(caches: &Arc<PreviewCaches>) -> Session {
        Session {
            slug: None,
            version: 0,
            text: String::new(),
            units: 0,
            delta: Delta::default(),
            preview: Preview::with_caches(Arc::clone(caches)),
        }
    }

    /// Takes the request's text (whole, or its edits applied); false when the edits do not
    /// apply to the text held, which is then dropped so nothing can build on it.
    fn take_text<E>(&mut self, request: &PreviewRequest) -> Result<bool, PreviewError<E>> {
        if let Some(text) = &request.text {
            let units = utf16::utf16_len(text);
            if units != request.length {
                return Err(PreviewError::InvalidInput(format!(
                    "the preview text is {units} characters long but was sent as {}; reload the window",
                    request.length
                )));
            }
            self.text.clone_from(text);
            self.units = units;
        } else {
            let applies = self.version != 0 && self.version == request.base && self.slug == request.slug;
            let edited = applies.then(|| utf16::apply(&self.text, &request.changes)).flatten();
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
            units.checked_sub(removed).map(|units| units + utf16::utf16_len(&change.insert))
        })
    }
}

#[cfg(test)]
#[path = "sessions_tests.rs"]
mod tests;
