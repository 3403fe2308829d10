//! A full disk under the running app: the writer keeps typing, the status bar says "Not saved"
//! and why, the editor keeps every character, and once space is freed the next autosave stores
//! the full text and says "Saved". The library lives on a small real tmpfs (root only; without
//! it the test prints a SKIP line and passes).

use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{anyhow, bail, ensure, Context, Result};
use byline_e2e::paths::cli_binary;
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App};
use serde_json::json;

#[path = "../../../../crates/byline-library/tests/scratch_disk/mod.rs"]
mod scratch_disk;

use scratch_disk::ScratchDisk;

const SAVED_FIRST: &str = " Saved while there was room.";
const TYPED_ON_FULL_DISK: &str = " Typed while the disk was full, and kept.";
/// Long enough for the failed save to be retried at least once (every 5 s) and still be shown.
const SAVE_RETRY_WINDOW: Duration = Duration::from_secs(12);

/// The save state in the status bar.
async fn save_state(app: &App) -> Result<String> {
    let text = app.js("return document.querySelector('.status-save')?.textContent ?? '';", vec![]).await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

async fn wait_for_save_state(
    app: &App,
    what: &str,
    timeout: Duration,
    wanted: impl Fn(&str) -> bool,
) -> Result<String> {
    app.wait_for(what, timeout, || async {
        let state = save_state(app).await?;
        Ok(wanted(&state).then_some(state))
    })
    .await
}

async fn stored_body(app: &App, slug: &str) -> Result<String> {
    let draft = app.invoke("get_draft", json!({ "slug": slug })).await?;
    draft["body"].as_str().map(str::to_string).ok_or_else(|| anyhow!("get_draft returned {draft}"))
}

fn new_draft(library: &Path, title: &str) -> Result<String> {
    let output = Command::new(cli_binary()?).arg("--library").arg(library).args(["new", title]).output()?;
    if !output.status.success() {
        bail!("byline new failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

#[tokio::test]
async fn io_errors_a_full_disk_shows_not_saved_keeps_the_text_and_saves_it_once_space_is_freed() -> Result<()> {
    let Some(disk) = ScratchDisk::mount_or_skip("io_errors (app on a full disk)", "16m") else { return Ok(()) };
    let disk = Arc::new(disk);
    let library = disk.path().join("library");
    let slug = new_draft(&library, "Tide tables").context("seeding the library on the scratch disk")?;
    let (disk_in, slug_in) = (Arc::clone(&disk), slug.clone());
    with_app("io_errors", &library, |app| async move {
        let (disk, slug) = (disk_in, slug_in);
        app.wait_ready().await?;
        app.open_draft(&slug).await?;

        app.type_in_editor(SAVED_FIRST).await?;
        wait_for_save_state(&app, "“Saved” after the first words", FIND_TIMEOUT, |s| s == "Saved").await?;
        ensure!(stored_body(&app, &slug).await?.contains(SAVED_FIRST.trim()), "the first words are stored");

        disk.fill();
        app.type_in_editor(TYPED_ON_FULL_DISK).await?;
        let shown = wait_for_save_state(&app, "“Not saved: …” on the full disk", FIND_TIMEOUT, |s| {
            s.starts_with("Not saved:")
        })
        .await?;
        ensure!(shown.contains("the disk is full"), "the status bar says why: {shown:?}");
        ensure!(shown.contains("free some space"), "the status bar says what to do: {shown:?}");
        // Through at least one automatic retry, the reason stays and the text stays.
        tokio::time::sleep(SAVE_RETRY_WINDOW).await;
        let shown = save_state(&app).await?;
        ensure!(shown.starts_with("Not saved:"), "still not saved while the disk is full: {shown:?}");
        let text = app.editor_text().await?;
        ensure!(
            text.contains(SAVED_FIRST.trim()) && text.contains(TYPED_ON_FULL_DISK.trim()),
            "the editor keeps every character: {text:?}"
        );
        ensure!(!stored_body(&app, &slug).await?.contains(TYPED_ON_FULL_DISK.trim()), "nothing was marked saved");
        app.screenshot("io_errors-not-saved.png").await?;

        disk.free();
        // No keystroke needed: the retry saves it.
        wait_for_save_state(&app, "“Saved” once space is freed", SAVE_RETRY_WINDOW, |s| s == "Saved").await?;
        let stored = stored_body(&app, &slug).await?;
        ensure!(stored == app.editor_text().await?, "the library holds the full text: {stored:?}");
        println!(
            "full disk: the status bar said {shown:?}; after freeing space the library holds {} characters",
            stored.len()
        );
        Ok(())
    })
    .await?;
    let check = Command::new(cli_binary()?).arg("--library").arg(&library).arg("check").output()?;
    ensure!(check.status.success(), "the library is healthy: {}", String::from_utf8_lossy(&check.stderr));
    Ok(())
}
