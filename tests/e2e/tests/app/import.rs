//! Import from the File menu: a folder with one good file, one whose front matter is malformed
//! and one whose image is missing. The native picker cannot be driven, so the test hands the
//! folder to `window.__byline.importPaths`, the step right after the picker. The "Import report"
//! dialog must list the skipped file with its line and the warning, copy the report, close on
//! Escape with focus back where it was, pass axe, and the sidebar must show the two imported drafts.

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::key::Key;
use serde_json::{json, Value};

use crate::accessibility::{audit_in, load_axe};

/// `arguments = [paths]`: resolves to null once the report shows, or the error's text.
const IMPORT: &str = r#"
const [paths, done] = arguments;
window.__byline.importPaths(paths).then(() => done(null), (err) => done(String(err && err.message || JSON.stringify(err))));
"#;

const GOOD: &str = "---\ntitle: Harbour Notes\n---\nThe harbour opens at six.\n";
/// A second `: ` in a plain value is not YAML: the file's line 3 is at fault.
const BROKEN: &str = "---\ntitle: Broken Front Matter\nsummary: one: two\n---\nNever imported.\n";
const MISSING_IMAGE: &str = "---\ntitle: Kiln Photos\n---\nThe kiln before the firing:\n\n![The kiln](kiln.png)\n";

async fn drafts_text(app: &App) -> Result<String> {
    let list = app.by_name("list", "Drafts").await?;
    app.text_of(&list).await
}

async fn focused_label(app: &App) -> Result<Value> {
    app.js("const el = document.activeElement; return el && (el.getAttribute('aria-label') || el.tagName);", vec![])
        .await
}

#[tokio::test]
async fn import_report_lists_the_skipped_file_with_its_line_and_the_warning_and_the_sidebar_shows_the_imported_drafts(
) -> Result<()> {
    let library = std::sync::Arc::new(Library::empty()?);
    let folder = library.scratch("old-blog");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(folder.join("harbour.md"), GOOD)?;
    std::fs::write(folder.join("broken.md"), BROKEN)?;
    std::fs::write(folder.join("kiln.md"), MISSING_IMAGE)?;
    let folder_in = folder.clone();
    with_app("import", &library.path(), |app| async move {
        app.wait_ready().await?;
        // Where focus must come back to once the report closes.
        app.by_name("searchbox", "Search drafts").await?.click().await?;

        let outcome = app.js_async(IMPORT, vec![json!([folder_in.to_string_lossy()])]).await?;
        ensure!(outcome.is_null(), "the import failed: {outcome}");
        let dialog = app.by_name("dialog", "Import report").await?;
        ensure!(dialog.attr("aria-labelledby").await?.is_some(), "the dialog is labelled by its title");
        let report = app.by_name_in("region", "Report", Some(&dialog)).await?;
        let shown = app.text_of(&report).await?;
        ensure!(
            shown.starts_with("imported 2 (0 published), skipped 1, 1 warning"),
            "the summary comes first: {shown:?}"
        );

        let skipped = app.text_of(&app.by_name_in("list", "Skipped", Some(&dialog)).await?).await?;
        ensure!(skipped.contains("broken.md"), "the skipped file is named: {skipped:?}");
        ensure!(skipped.contains("line 3"), "the skipped file's line is shown: {skipped:?}");
        ensure!(skipped.contains("fix it and import again"), "the skipped file says what to do: {skipped:?}");
        let warnings = app.text_of(&app.by_name_in("list", "Warnings", Some(&dialog)).await?).await?;
        ensure!(
            warnings.contains("kiln.md") && warnings.contains("kiln.png"),
            "the missing image is a warning: {warnings:?}"
        );
        let imported =
            app.all_by_name("listitem", "", Some(&app.by_name_in("list", "Imported", Some(&dialog)).await?)).await?;
        ensure!(imported.len() == 2, "two drafts are listed as imported, not {}", imported.len());
        load_axe(&app).await?;
        // The dialog only: the page behind it is inert while it is open.
        let blocking = audit_in(&app, "Import report", Some("dialog[open]")).await?;
        ensure!(blocking.is_empty(), "serious or critical accessibility violations:\n{}", blocking.join("\n"));

        app.by_name_in("button", "Copy report", Some(&dialog)).await?.click().await?;
        let copied = app
            .wait_for("the copy's outcome", FIND_TIMEOUT, || async {
                let status = app.text_of(&app.by_name_in("status", "", Some(&dialog)).await?).await?;
                Ok((!status.is_empty()).then_some(status))
            })
            .await?;
        println!("import: Copy report said {copied:?}");

        app.client.active_element().await?.send_keys(&Key::Escape.to_string()).await?;
        app.wait_for("the report to close on Escape", FIND_TIMEOUT, || async {
            Ok((!app.exists("dialog", "Import report", None).await?).then_some(()))
        })
        .await?;
        let focused = focused_label(&app).await?;
        ensure!(focused == "Search drafts", "focus went back to the search box, not {focused}");

        let listed = app
            .wait_for("the imported drafts in the sidebar", FIND_TIMEOUT, || async {
                let text = drafts_text(&app).await?;
                Ok((text.contains("Harbour Notes") && text.contains("Kiln Photos")).then_some(text))
            })
            .await?;
        ensure!(!listed.contains("Broken Front Matter"), "the skipped file is not a draft: {listed:?}");
        Ok(())
    })
    .await?;
    ensure!(library.slugs()?.len() == 2, "the library holds the two imported drafts: {:?}", library.slugs()?);
    Ok(())
}
