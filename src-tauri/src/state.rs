//! What the app holds while it runs: the open library, shared by every command, and the
//! windows' preview sessions (byline-preview, kept out of the library so a render never holds
//! its lock). This is where the two meet: the preview never links the store.

use std::sync::{Mutex, MutexGuard, PoisonError};

use byline_library::Library;
use byline_preview::{Images, PreviewError, PreviewReply, PreviewRequest, PreviewSessions};

use crate::error::AppResult;

/// App-wide state managed by Tauri.
pub struct AppState {
    library: Mutex<Library>,
    previews: PreviewSessions,
}

impl AppState {
    /// Wraps the opened library.
    pub fn new(library: Library) -> Self {
        Self { library: Mutex::new(library), previews: PreviewSessions::default() }
    }

    /// Runs one library operation under the lock and converts its error for IPC.
    pub fn with<T>(&self, operation: impl FnOnce(&mut Library) -> byline_library::Result<T>) -> AppResult<T> {
        Ok(operation(&mut self.lock())?)
    }

    /// Applies a preview request to its window's session and renders it: the library lock is
    /// held only to read the draft's images, so an autosave never waits for a render.
    pub fn update_preview(&self, request: PreviewRequest) -> AppResult<PreviewReply> {
        let images = |slug: Option<&str>| -> byline_library::Result<Images> {
            let images = self.lock().preview_images(slug)?;
            Ok(if images.is_empty() {
                Images::none()
            } else {
                Images::new(images.identity().to_owned(), move |url| images.resolve(url))
            })
        };
        self.previews.update(request, images).map_err(|error| match error {
            // The same error, code and message as when the sessions lived in the library.
            PreviewError::InvalidInput(message) => byline_library::Error::InvalidInput(message).into(),
            PreviewError::Images(error) => error.into(),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Library> {
        // Every library write is one SQLite transaction, so a panic elsewhere while the lock
        // was held cannot have left the store half-written: keep serving instead of failing.
        self.library.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
