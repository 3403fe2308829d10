//! The Authors manager and the Export dialog: a new author's name and bio reach the HTML file.

use anyhow::{ensure, Context, Result};
use byline_e2e::{with_app, Library};
use serde_json::json;

const NAME: &str = "Ines Carvalho";
const BIO: &str = "Maps rivers by kayak and writes about field recorders.";

#[tokio::test]
async fn new_author_with_bio_is_in_the_exported_html() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Kayak Notes", "# Kayak Notes\n\nThe river was loud.\n")?;
    // The native save dialog only offers existing folders.
    std::fs::create_dir_all(library.scratch("export"))?;
    let destination = library.scratch("export/kayak-notes.html");
    let dest = destination.clone();
    let slug_in = slug.clone();
    with_app("authors_export", &library.path(), |app| async move {
        let slug = slug_in;
        app.wait_ready().await?;
        app.click("button", "Authors").await?;
        let dialog = app.by_name("dialog", "Authors").await?;
        app.by_name_in("button", "New author", Some(&dialog)).await?.click().await?;
        app.fill("Name", NAME).await?;
        app.fill("Short bio", BIO).await?;
        app.by_name_in("button", "Save author", Some(&dialog)).await?.click().await?;
        let profiles = app.by_name_in("list", "Author profiles", Some(&dialog)).await?;
        app.wait_for("the new author in Author profiles", byline_e2e::ui::FIND_TIMEOUT, || async {
            Ok(app.text_of(&profiles).await?.contains(NAME).then_some(()))
        })
        .await?;
        app.by_name_in("button", "Close", Some(&dialog)).await?.click().await?;

        app.open_draft(&slug).await?;
        app.wait_for("the draft to open", byline_e2e::ui::FIND_TIMEOUT, || async {
            Ok(app.current_slug().await?.filter(|s| *s == slug))
        })
        .await?;
        app.set_value("combobox", "Add author", NAME).await?;
        app.flush().await?;

        app.click("button", "Export").await?;
        let export = app.by_name("dialog", "Export").await?;
        app.set_value("combobox", "Format", "HTML").await?;
        // The native save dialog cannot be driven by WebDriver: a typed destination field is the
        // coordinated deviation; without it, the same command the dialog calls is invoked.
        let typed = app.all_by_name("textbox", "Destination", Some(&export)).await?;
        if let Some(field) = typed.first() {
            field.clear().await?;
            field.send_keys(&dest.to_string_lossy()).await?;
            app.by_name_in("button", "Export article", Some(&export)).await?.click().await?;
            println!("export: through the dialog's Destination field");
        } else {
            println!("export: the Export dialog has no Destination field; invoking export_article directly");
            let written = app
                .invoke(
                    "export_article",
                    json!({"slug": slug, "options": {"format": "html", "images": "embed",
                           "includeEmail": false, "path": dest}}),
                )
                .await?;
            println!("export_article wrote {written}");
        }
        app.wait_for("the exported file", byline_e2e::ui::FIND_TIMEOUT, || async { Ok(dest.is_file().then_some(())) })
            .await?;
        Ok(())
    })
    .await?;

    let html = std::fs::read_to_string(&destination).with_context(|| format!("reading {}", destination.display()))?;
    ensure!(html.contains(NAME), "the exported page does not name the author {NAME:?}");
    ensure!(html.contains(BIO), "the exported page lacks the author's bio {BIO:?}");
    ensure!(html.contains("The river was loud."), "the exported page lacks the body");
    Ok(())
}
