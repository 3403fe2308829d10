//! Issue 5 item 3: with a 1 MB single-line JSON block or a 10 MB draft open, the editor keeps
//! up with typing. Asserted: every typed character arrives and the preview ends up showing it.
//! Printed (and written for `make bench`): keystroke to editor painted, send_keys round trip,
//! keystroke to preview.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::bench_inputs::{one_line_json, ten_megabytes};
use byline_e2e::figures::Figure;
use byline_e2e::typing_probe::type_and_measure;
use byline_e2e::{with_app, Library};

const TYPED: &str = "\n\nTyped while the preview works.";

/// Opens a draft of `body`, waits until the editor holds it, types, and reports `app/*_{name}`.
async fn typing_with_big_draft(
    name: &'static str,
    input: &'static str,
    body: String,
    preview_settle: Duration,
) -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft(name, &body)?;
    let length = body.len();
    with_app(&format!("perf-{name}"), &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.wait_for("the big draft in the editor", Duration::from_secs(60), || async {
            let loaded = app.js("return window.__byline.editorText().length;", vec![]).await?;
            Ok((loaded.as_u64().unwrap_or(0) as usize >= length).then_some(()))
        })
        .await?;
        // Typing starts at once: the first preview of the whole draft may still be working.
        let samples = type_and_measure(&app, TYPED, Duration::from_millis(60), preview_settle).await?;
        Figure::report_app_ms(name, input, &samples.by_metric())?;
        let shown = app.in_preview("return doc.body.textContent.includes('Typed while the preview works');").await?;
        ensure!(shown == Some(true.into()), "the preview never showed the text typed into the {input}");
        Ok(())
    })
    .await
}

#[tokio::test]
async fn typing_stays_responsive_with_a_1mb_one_line_json_block() -> Result<()> {
    typing_with_big_draft("json_1mb", "1 MB one-line JSON block", one_line_json(), Duration::from_secs(20)).await
}

#[tokio::test]
async fn typing_stays_responsive_in_a_10mb_draft() -> Result<()> {
    typing_with_big_draft("draft_10mb", "10 MB draft (book x16)", ten_megabytes(), Duration::from_secs(60)).await
}
