//! Cold start (process spawn to an editable editor) and idle memory, on a one-article library
//! and on the 10,000-draft library of `make bench`. Figures are printed and, for `make bench`,
//! written as JSON rows; what is asserted is behaviour: the big library is listed a page at a
//! time and its total is shown.

use std::time::Duration;

use anyhow::{anyhow, ensure, Result};
use byline_e2e::bench_inputs;
use byline_e2e::big_library::import_drafts;
use byline_e2e::figures::Figure;
use byline_e2e::memory::{app_memory, app_pid};
use byline_e2e::startup::process_started_ms;
use byline_e2e::{with_app, App, Library};
use serde_json::Value;

/// How long the app idles after opening before its memory is read.
const SETTLE: Duration = Duration::from_secs(3);

/// The start-up marks the UI records, in order.
const MARKS: [&str; 4] = ["ui-start", "preview-ready", "library-listed", "editor-editable"];

/// Milliseconds from the app process's spawn to each start-up mark.
async fn startup_marks(app: &App) -> Result<Vec<(String, f64)>> {
    let pid = app_pid(&app.library)?.ok_or_else(|| anyhow!("no byline-app process runs on the library"))?;
    let spawned = process_started_ms(pid)?;
    let marks = app
        .js(
            "return arguments[0].map((name) => { const m = performance.getEntriesByName(name)[0]; \
             return m ? performance.timeOrigin + m.startTime : null; });",
            vec![MARKS.into()],
        )
        .await?;
    let at: Vec<Option<f64>> = marks.as_array().into_iter().flatten().map(Value::as_f64).collect();
    let found: Vec<(String, f64)> =
        MARKS.iter().zip(at).filter_map(|(name, at)| Some((name.to_string(), at? - spawned))).collect();
    ensure!(found.iter().any(|(name, _)| name == "editor-editable"), "the UI recorded no editor-editable mark");
    Ok(found)
}

/// Reports cold start (`app/cold_start_{name}`) and idle memory (`app/idle_pss_{name}`,
/// `app/idle_rss_{name}`).
async fn report_start_and_memory(app: &App, name: &str, input: &str) -> Result<()> {
    app.wait_ready().await?;
    let marks = startup_marks(app).await?;
    let listed: Vec<String> = marks.iter().map(|(mark, ms)| format!("{mark} {ms:.0} ms")).collect();
    println!("[perf] start-up marks from process spawn ({name}): {}", listed.join(", "));
    if let Some((_, editable)) = marks.iter().find(|(mark, _)| mark == "editor-editable") {
        Figure::single(&format!("app/cold_start_{name}"), "ms", input, *editable).report()?;
    }
    tokio::time::sleep(SETTLE).await;
    let memory = app_memory(&app.library)?;
    print!("[perf] idle, {name}: {memory}");
    Figure::single(&format!("app/idle_pss_{name}"), "MiB", input, memory.pss_kb() as f64 / 1024.0).report()?;
    Figure::single(&format!("app/idle_rss_{name}"), "MiB", input, memory.rss_kb() as f64 / 1024.0).report()?;
    Ok(())
}

#[tokio::test]
async fn cold_start_and_idle_memory_with_one_article() -> Result<()> {
    let library = Library::empty()?;
    library.new_draft("Measuring the preview", &bench_inputs::article()?)?;
    with_app("perf-start-article", &library.path(), |app| async move {
        report_start_and_memory(&app, "one_article", "library of one article (5,759 words)").await?;
        ensure!(app.current_slug().await?.is_some(), "the article was not opened at start");
        Ok(())
    })
    .await
}

#[tokio::test]
async fn cold_start_and_idle_memory_with_10000_drafts() -> Result<()> {
    const DRAFTS: usize = bench_inputs::LIBRARY_DRAFTS;
    let library = Library::empty()?;
    import_drafts(&library, DRAFTS)?;
    with_app("perf-start-10k", &library.path(), |app| async move {
        report_start_and_memory(&app, "10k_library", "10,000-draft library").await?;
        let shown = app.js("return document.querySelectorAll('.draft-list .draft-item').length;", vec![]).await?;
        let shown = shown.as_u64().unwrap_or(0) as usize;
        ensure!(shown > 0 && shown < DRAFTS, "the list should show one page of the {DRAFTS} drafts, shows {shown}");
        let summary = app.js("return document.querySelector('.list-summary').textContent;", vec![]).await?;
        let summary = summary.as_str().unwrap_or_default().replace([',', '\u{a0}', '\u{202f}'], "");
        ensure!(summary.contains(&DRAFTS.to_string()), "the list summary does not count {DRAFTS} drafts: {summary:?}");
        Ok(())
    })
    .await
}
