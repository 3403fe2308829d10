//! History: two checkpoints saved with Ctrl+S, then the oldest revision restored (after a
//! confirmation).

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::key::Key;

const FIRST: &str = "# Harbour log\n\nThe first version mentions the lighthouse keeper.\n";
const ADDED: [&str; 2] = ["The ferries run late in winter.", "Fog horns wake the town at dawn."];

/// Revisions of `slug` as `byline history` lists them (KIND column), newest first.
fn kinds(library: &Library, slug: &str) -> Result<Vec<String>> {
    let out = library.byline(&["history", slug])?;
    Ok(out.lines().skip(1).filter_map(|l| l.split_whitespace().nth(4).map(str::to_string)).collect())
}

async fn type_and_checkpoint(app: &App, library: &Library, slug: &str, text: &str) -> Result<()> {
    // A checkpoint ends the autosave burst; when an autosave already stored the same text, the
    // library adds no identical revision, so count revisions rather than "checkpoint" rows.
    let before = kinds(library, slug)?.len();
    app.type_in_editor(&format!("\n\n{text}")).await?;
    app.editor().await?.send_keys(&format!("{}s", Key::Control)).await?;
    let waited = app
        .wait_for("a new revision after Ctrl+S", Duration::from_secs(5), || async {
            Ok((kinds(library, slug)?.len() > before).then_some(()))
        })
        .await;
    waited.map_err(|e| anyhow::anyhow!("{e:#}; after typing {text:?} the history is {:?}", kinds(library, slug)))
}

#[tokio::test]
async fn two_checkpoints_then_restore_the_oldest_revision_through_history() -> Result<()> {
    let library = std::sync::Arc::new(Library::empty()?);
    let slug = library.new_draft("Harbour log", FIRST)?;
    let (lib, slug_in) = (library.clone(), slug.clone());
    with_app("history", &library.path(), |app| async move {
        let slug = slug_in;
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.wait_for("the draft's text", FIND_TIMEOUT, || async {
            Ok(app.editor_text().await?.contains("lighthouse").then_some(()))
        })
        .await?;
        for text in ADDED {
            type_and_checkpoint(&app, &lib, &slug, text).await?;
        }

        app.click("button", "History").await?;
        let dialog = app.by_name("dialog", "History").await?;
        let revisions = app.by_name_in("list", "Revisions", Some(&dialog)).await?;
        let items = app
            .wait_for("the creation and two checkpoints in Revisions", FIND_TIMEOUT, || async {
                let items = app.all_by_name("listitem", "", Some(&revisions)).await?;
                Ok((items.len() >= 3).then_some(items))
            })
            .await?;
        // Newest first: the oldest revision (the text the CLI created) is the last item.
        let oldest = items.last().expect("three items");
        oldest.click().await?;
        let changes = app.by_name_in("region", "Changes", Some(&dialog)).await?;
        app.wait_for("the diff against the current text", FIND_TIMEOUT, || async {
            // A word diff shows both sides' words, interleaved.
            let diff = app.text_of(&changes).await?;
            Ok((diff.contains("ferries") && diff.contains("Fog")).then_some(()))
        })
        .await?;
        app.by_name_in("button", "Restore this revision", Some(&dialog)).await?.click().await?;
        let confirm = app.by_name("alertdialog", "").await?;
        app.by_name_in("button", "Restore", Some(&confirm)).await?.click().await?;
        let restored = app
            .wait_for("the editor to show the restored text", FIND_TIMEOUT, || async {
                let text = app.editor_text().await?;
                Ok((!text.contains("ferries")).then_some(text))
            })
            .await?;
        ensure!(restored == FIRST, "the editor shows {restored:?} after the restore");
        Ok(())
    })
    .await?;

    let draft = library.show(&slug)?;
    ensure!(draft["body"] == FIRST, "the library's body after the restore: {}", draft["body"]);
    let kinds = kinds(&library, &slug)?;
    ensure!(kinds.len() >= 4, "the restore should be a new revision; history kinds: {kinds:?}");
    Ok(())
}
