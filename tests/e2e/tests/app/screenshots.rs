//! Screenshots of the main window in the light and the dark theme, under `target/e2e/`.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::{with_app, App, Library};
use serde_json::json;

/// Switches the theme the way the View menu does (a `menu` event), and reports whether the
/// document took it.
async fn choose_theme(app: &App, theme: &str) -> Result<()> {
    let sent = app
        .invoke("plugin:event|emit", json!({"event": "menu", "payload": format!("theme-{theme}")}))
        .await;
    let applied = app
        .wait_for(&format!("data-theme={theme}"), Duration::from_secs(3), || async {
            let current = app.js("return document.documentElement.dataset.theme || null;", vec![]).await?;
            Ok((current == theme).then_some(()))
        })
        .await;
    if let Err(error) = applied {
        anyhow::bail!("the {theme} theme did not apply via the `menu` event (emit: {sent:?}): {error:#}");
    }
    Ok(())
}

#[tokio::test]
async fn main_window_in_light_and_dark_theme() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("screenshots", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.js(
            "window.__byline.openDraft(arguments[0]); return null;",
            vec![json!("what-a-small-parser-taught-me-about-error-messages")],
        )
        .await?;
        app.wait_in_preview("the preview of the open draft", "return doc.querySelector('h1, h2, p') ? true : null;").await?;
        // Idle memory on the demo library (drafts/ and two authors), for the record.
        tokio::time::sleep(Duration::from_secs(2)).await;
        match byline_e2e::memory::app_memory(&app.library) {
            Ok(report) => println!("idle, demo library open, {report}"),
            Err(error) => println!("idle memory: not measured ({error:#})"),
        }
        let mut shots = Vec::new();
        for theme in ["light", "dark"] {
            choose_theme(&app, theme).await?;
            let path = app.screenshot(&format!("main-{theme}.png")).await?;
            let png = std::fs::read(&path)?;
            ensure!(png.starts_with(b"\x89PNG"), "{} is not a PNG", path.display());
            println!("screenshot: {}", path.display());
            shots.push(png);
        }
        ensure!(shots[0] != shots[1], "the light and dark screenshots are identical");
        Ok(())
    })
    .await
}
