//! Hostile Markdown: nothing runs, nothing navigates.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, Library};
use fantoccini::Locator;

const PAYLOAD: &str = "# Hostile\n\n<img src=x onerror=\"window.parent.__pwned=1\">\n\n[click](javascript:window.parent.__pwned=2)\n\n<a href=\"javascript:window.parent.__pwned=3\">raw link</a>\n";

#[tokio::test]
async fn script_payloads_in_markdown_execute_nothing_and_do_not_navigate() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Hostile", "# Hostile\n")?;
    with_app("xss", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.wait_for("the draft to open", FIND_TIMEOUT, || async {
            Ok(app.editor_text().await?.contains("Hostile").then_some(()))
        })
        .await?;
        let url_before = app.url().await?;
        app.set_editor_text(PAYLOAD).await?;
        app.wait_in_preview("the link in the preview", "return Array.from(doc.querySelectorAll('a')).some((a) => a.textContent === 'click');")
            .await?;

        let hrefs = app
            .in_preview("return Array.from(doc.querySelectorAll('[href],[src],[onerror]')).map((e) => e.outerHTML);")
            .await?;
        println!("preview markup of links and images: {hrefs:?}");

        let frame = app.client.find(Locator::Css("iframe[title=\"Preview\"]")).await?;
        frame.enter_frame().await?;
        for text in ["click", "raw link"] {
            if let Ok(link) = app.client.find(Locator::LinkText(text)).await {
                link.click().await?;
            }
        }
        app.client.enter_parent_frame().await?;
        tokio::time::sleep(Duration::from_millis(1000)).await;

        let pwned = app.js("return window.__pwned === undefined ? null : String(window.__pwned);", vec![]).await?;
        ensure!(pwned.is_null(), "a payload ran in the main window: window.__pwned = {pwned}");
        let url_after = app.url().await?;
        ensure!(url_after == url_before, "the main window navigated from {url_before} to {url_after}");
        let frame_state = app
            .in_preview("return { pwned: doc.defaultView.__pwned === undefined ? null : String(doc.defaultView.__pwned), hasHeading: !!doc.querySelector('h1') };")
            .await?;
        ensure!(
            frame_state.as_ref().is_some_and(|s| s["pwned"].is_null() && s["hasHeading"] == true),
            "the preview navigated or ran the payload: {frame_state:?}"
        );
        ensure!(app.wait_ready().await.is_ok(), "the app is no longer responsive");
        Ok(())
    })
    .await
}
