//! What the app holds while it runs: the open library, shared by every command.

use std::sync::{Mutex, PoisonError};

use byline_library::Library;

use crate::error::AppResult;

/// App-wide state managed by Tauri.
pub struct AppState {
    library: Mutex<Library>,
}

impl AppState {
    /// Wraps the opened library.
    pub fn new(library: Library) -> Self {
        Self { library: Mutex::new(library) }
    }

    /// Runs one library operation under the lock and converts its error for IPC.
    pub fn with<T>(&self, operation: impl FnOnce(&mut Library) -> byline_library::Result<T>) -> AppResult<T> {
        // Every library write is one SQLite transaction, so a panic elsewhere while the lock
        // was held cannot have left the store half-written: keep serving instead of failing.
        let mut library = self.library.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(operation(&mut library)?)
    }
}
