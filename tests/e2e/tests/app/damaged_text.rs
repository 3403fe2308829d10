//! Damaged text: a paste of UTF-8 that went through Windows-1252 raises a quiet banner, the
//! review lists every change, the repair is one edit and one undo takes it back; real
//! Portuguese capitals raise nothing; a damaged draft says so when it opens.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::key::Key;
use serde_json::json;

const DAMAGED: &str = "The CafÃ© opens early â€” naÃ¯ve tourists queue.";
const REPAIRED: &str = "The Café opens early — naïve tourists queue.";

/// The banner's text while it is shown, else None.
async fn banner(app: &App) -> Result<Option<String>> {
    let shown = app
        .js(
            "const b = document.querySelector('.damaged-banner'); return b && !b.hidden ? b.textContent : null;",
            vec![],
        )
        .await?;
    Ok(shown.as_str().map(str::to_string))
}

#[tokio::test]
async fn a_damaged_paste_is_flagged_reviewed_repaired_and_undone_in_one_step() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Market notes", "# Market notes\n\n")?;
    with_app("damaged_paste", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.type_in_editor("Real Portuguese first: ").await?;
        app.paste_in_editor("NÃO, SÃO PAULO.").await?;
        app.wait_for_editor_text("the Portuguese paste", |text| text.contains("SÃO PAULO.")).await?;
        // The check is a round trip to the shell: give it time to (wrongly) speak up.
        tokio::time::sleep(Duration::from_millis(800)).await;
        ensure!(banner(&app).await?.is_none(), "real Portuguese was flagged: {:?}", banner(&app).await?);

        app.type_in_editor("\n\n").await?;
        app.paste_in_editor(DAMAGED).await?;
        app.wait_for_editor_text("the damaged paste", |text| text.contains(DAMAGED)).await?;
        let message = app.wait_for("the damaged-text banner", FIND_TIMEOUT, || async { banner(&app).await }).await?;
        ensure!(message.contains("3 places") && message.contains("CafÃ©"), "banner says {message:?}");
        ensure!(app.editor_text().await?.contains(DAMAGED), "the paste was changed before the writer chose");

        app.click("button", "Review repairs…").await?;
        let dialog = app.by_name("dialog", "Review repairs").await?;
        let rows = app.js("return document.querySelectorAll('.damaged-list li').length;", vec![]).await?;
        ensure!(rows == json!(3), "the review lists {rows} places, not 3");
        let first = app.text_of(&dialog).await?;
        ensure!(first.contains("CafÃ©") && first.contains("Café"), "the review shows {first:?}");
        app.by_name_in("button", "Repair 3 places", Some(&dialog)).await?.click().await?;
        let repaired = app.wait_for_editor_text("the repaired text", |text| text.contains(REPAIRED)).await?;
        ensure!(repaired.contains("Real Portuguese first: NÃO, SÃO PAULO."), "the repair touched other text");
        ensure!(banner(&app).await?.is_none(), "the banner stayed after the repair");

        app.editor().await?.send_keys(&format!("{}z", Key::Control)).await?;
        let undone =
            app.wait_for_editor_text("one undo to bring the pasted text back", |text| text.contains(DAMAGED)).await?;
        ensure!(!undone.contains(REPAIRED), "one undo left part of the repair: {undone:?}");
        ensure!(undone.contains("SÃO PAULO."), "the undo took more than the repair: {undone:?}");
        Ok(())
    })
    .await
}

#[tokio::test]
async fn a_damaged_draft_says_so_on_opening_and_repairs_only_what_the_writer_ticks() -> Result<()> {
    let library = Library::empty()?;
    let body = "# Old post\n\nThe CafÃ© had â€œgoodâ€\u{9d} coffee.\n\n```\nCafÃ© in code\n```\n";
    let slug = library.new_draft("Old post", body)?;
    with_app("damaged_draft", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        let message = app.wait_for("the damaged-text banner", FIND_TIMEOUT, || async { banner(&app).await }).await?;
        ensure!(message.contains("This draft"), "banner says {message:?}");
        app.click("button", "Review repairs…").await?;
        let dialog = app.by_name("dialog", "Review repairs").await?;
        let count = app.js("return document.querySelectorAll('.damaged-list li').length;", vec![]).await?;
        let count = count.as_u64().context("no row count")?;
        ensure!(count >= 3, "the review lists {count} places");
        // Keep the code block's text as it is: untick the last row (the code line comes last).
        app.js(
            "const boxes = document.querySelectorAll('.damaged-list input[type=checkbox]');
             boxes[boxes.length - 1].click(); return null;",
            vec![],
        )
        .await?;
        let label = format!("Repair {} places", count - 1);
        app.by_name_in("button", &label, Some(&dialog)).await?.click().await?;
        let text =
            app.wait_for_editor_text("the repaired draft", |text| text.contains("The Café had “good” coffee.")).await?;
        ensure!(text.contains("CafÃ© in code"), "an unticked place was repaired: {text:?}");
        app.flush().await?;
        let stored = library.show(&slug)?;
        let stored = stored["body"].as_str().unwrap_or_default().to_string();
        ensure!(stored.contains("The Café had “good” coffee."), "the library holds {stored:?}");
        Ok(())
    })
    .await
}
