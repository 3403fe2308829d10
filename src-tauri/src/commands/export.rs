//! Exporting an article or the whole library.

use std::path::PathBuf;

use byline_library::publish::{SiteOptions, SiteSummary};
use tauri::{AppHandle, Emitter, State};

use crate::error::AppResult;
use crate::ipc::{require_absolute, ArticleExport, ExportProgress};
use crate::state::AppState;

/// Writes one draft to `options.path` (images beside it if asked); returns the paths written.
#[tauri::command]
pub async fn export_article(
    state: State<'_, AppState>,
    slug: String,
    options: ArticleExport,
) -> AppResult<Vec<PathBuf>> {
    state.with(|library| library.export_article_to(&slug, &options.options()?, &options.path))
}

/// Writes the ready and published drafts as a static site into `dir`, emitting `export-progress`.
#[tauri::command]
pub async fn export_site(app: AppHandle, state: State<'_, AppState>, dir: PathBuf) -> AppResult<SiteSummary> {
    state.with(|library| {
        library.export_site(require_absolute(&dir)?, &SiteOptions::default(), &mut |done, total| {
            report_progress(&app, done, total)
        })
    })
}

/// A lost progress event only delays the bar; the export itself goes on.
fn report_progress(app: &AppHandle, done: usize, total: usize) {
    if let Err(error) = app.emit("export-progress", ExportProgress { done, total }) {
        eprintln!("byline-app: could not report export progress: {error}");
    }
}
