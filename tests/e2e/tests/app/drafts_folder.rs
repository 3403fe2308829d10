//! The drafts folder: bound through the "Drafts folder" dialog's path field (the native folder
//! dialog cannot be driven), mirrored as `<slug>.md`, and edited from outside while the draft
//! is open: with no unsaved edits the editor follows the file; with unsaved edits the
//! "Changed on disk" banner asks, the typed text stays, and "Keep mine" keeps both versions.

use std::path::Path;
use std::time::Duration;

use anyhow::{anyhow, ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use serde_json::{json, Value};

const FIRST: &str = "The harbour opens at six.";
const EXTERNAL: &str = "Edited in another editor: the harbour opens at seven.";
const TYPED: &str = "Typed in Byline and not saved yet.";
const SECOND_EXTERNAL: &str = "A second outside edit, made while Byline had unsaved text.";

/// How soon an external edit must show in the open draft.
const LIVE_WITHIN: Duration = Duration::from_secs(5);

/// Replaces `old` with `new` in the file, as another editor saving would.
fn edit_file(path: &Path, old: &str, new: &str) -> Result<()> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    ensure!(text.contains(old), "{} does not hold {old:?}: {text:?}", path.display());
    std::fs::write(path, text.replace(old, new)).with_context(|| format!("writing {}", path.display()))
}

/// Every text the library holds for `slug`: the current body and each revision's body.
async fn all_versions(app: &App, slug: &str) -> Result<Vec<String>> {
    let draft = app.invoke("get_draft", json!({ "slug": slug })).await?;
    let mut bodies = vec![draft["body"].as_str().unwrap_or_default().to_string()];
    let revisions = app.invoke("history", json!({ "slug": slug })).await?;
    for revision in revisions.as_array().ok_or_else(|| anyhow!("history is not a list: {revisions}"))? {
        let full = app.invoke("get_revision", json!({ "slug": slug, "id": revision["id"] })).await?;
        bodies.push(full["snapshot"]["body"].as_str().unwrap_or_default().to_string());
    }
    Ok(bodies)
}

async fn banner_shown(app: &App) -> Result<bool> {
    app.exists("alert", "Changed on disk", None).await
}

#[tokio::test]
async fn drafts_folder_follows_external_edits_and_asks_when_there_are_unsaved_edits() -> Result<()> {
    let library = std::sync::Arc::new(Library::empty()?);
    let slug = library.new_draft("Harbour notes", &format!("{FIRST}\n"))?;
    let folder = library.scratch("drafts folder");
    let file = folder.join(format!("{slug}.md"));
    let (slug_in, folder_in) = (slug.clone(), folder.clone());
    with_app("drafts_folder", &library.path(), |app| async move {
        let (slug, folder) = (slug_in, folder_in);
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.wait_for("the draft's text", FIND_TIMEOUT, || async {
            Ok(app.editor_text().await?.contains(FIRST).then_some(()))
        })
        .await?;

        // Bind through the setting's path field and its button.
        app.click("button", "Drafts folder…").await?;
        let dialog = app.by_name("dialog", "Drafts folder").await?;
        app.fill("Folder path", &folder.to_string_lossy()).await?;
        app.by_name_in("button", "Sync with this folder", Some(&dialog)).await?.click().await?;
        app.wait_for("the draft's file in the drafts folder", FIND_TIMEOUT, || async {
            Ok(std::fs::read_to_string(&file).ok().filter(|text| text.contains(FIRST)).map(|_| ()))
        })
        .await?;
        let status = app.by_name_in("status", "", Some(&dialog)).await?;
        let shown = app.text_of(&status).await?;
        ensure!(shown.contains("Syncing with") && shown.contains("drafts folder"), "the dialog says {shown:?}");
        app.by_name_in("button", "Close", Some(&dialog)).await?.click().await?;

        // No unsaved edits: the open draft follows the file.
        edit_file(&file, FIRST, EXTERNAL)?;
        app.wait_for("the external edit in the open draft", LIVE_WITHIN, || async {
            Ok(app.editor_text().await?.contains(EXTERNAL).then_some(()))
        })
        .await?;
        ensure!(!banner_shown(&app).await?, "no banner without unsaved edits");

        // Unsaved edits, then an outside edit: the banner asks and the typed text stays.
        app.type_in_editor(&format!("\n{TYPED}")).await?;
        edit_file(&file, EXTERNAL, SECOND_EXTERNAL)?;
        app.wait_for("the “Changed on disk” banner", FIND_TIMEOUT, || async {
            Ok(banner_shown(&app).await?.then_some(()))
        })
        .await?;
        let text = app.editor_text().await?;
        ensure!(text.contains(TYPED), "the typed text left the editor: {text:?}");
        ensure!(!text.contains(SECOND_EXTERNAL), "the file's version replaced the editor text: {text:?}");

        let banner = app.by_name("alert", "Changed on disk").await?;
        app.by_name_in("button", "Keep mine", Some(&banner)).await?.click().await?;
        app.wait_for("the banner to go after “Keep mine”", FIND_TIMEOUT, || async {
            Ok((!banner_shown(&app).await?).then_some(()))
        })
        .await?;
        ensure!(app.editor_text().await?.contains(TYPED), "“Keep mine” kept the editor text");
        let versions = all_versions(&app, &slug).await?;
        ensure!(versions[0].contains(TYPED), "the draft holds the typed text: {versions:#?}");
        ensure!(
            versions.iter().any(|body| body.contains(SECOND_EXTERNAL)),
            "the file's version is in the history: {versions:#?}"
        );
        app.wait_for("the kept text written back to the file", FIND_TIMEOUT, || async {
            Ok(std::fs::read_to_string(&file).ok().filter(|text| text.contains(TYPED)).map(|_| ()))
        })
        .await?;

        // Stop syncing: the binding goes, the files stay.
        app.click("button", "Drafts folder…").await?;
        let dialog = app.by_name("dialog", "Drafts folder").await?;
        app.by_name_in("button", "Stop syncing", Some(&dialog)).await?.click().await?;
        app.wait_for("the folder to be unbound", FIND_TIMEOUT, || async {
            Ok((app.invoke("drafts_folder", json!({})).await? == Value::Null).then_some(()))
        })
        .await?;
        ensure!(file.exists(), "the file stays after Stop syncing");
        println!("drafts folder {}: {} versions of {slug} kept", folder.display(), versions.len());
        Ok(())
    })
    .await
}
