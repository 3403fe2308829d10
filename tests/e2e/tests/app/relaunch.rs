//! Quit and relaunch: text typed right before closing the window is saved.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, Library};

const TYPED: &str = " Typed just before closing: every character counts, 0123456789 and a question?";

#[tokio::test]
async fn closing_right_after_typing_keeps_every_character_across_a_relaunch() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Night shift", "# Night shift\n\nThe last paragraph.")?;
    let expected = format!("# Night shift\n\nThe last paragraph.{TYPED}");

    let slug_in = slug.clone();
    with_app("relaunch_first_run", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug_in).await?;
        app.wait_for("the draft's text", FIND_TIMEOUT, || async {
            Ok(app.editor_text().await?.contains("last paragraph").then_some(()))
        })
        .await?;
        app.type_in_editor(TYPED).await?;
        // Close at once, well inside the autosave debounce: only save-on-close can keep the text.
        app.close_like_a_writer().await?;
        app.wait_for("the app to save and exit after the close request", Duration::from_secs(8), || async {
            Ok(byline_e2e::memory::app_pid(&app.library)?.is_none().then_some(()))
        })
        .await?;
        Ok(())
    })
    .await?;

    let body = library.show(&slug)?["body"].as_str().unwrap_or_default().to_string();
    ensure!(body.trim_end() == expected, "after closing, the library holds {body:?}, expected {expected:?}");

    let expected_in = expected.clone();
    with_app("relaunch_second_run", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        let text = app
            .wait_for("the draft's text after relaunch", FIND_TIMEOUT, || async {
                let text = app.editor_text().await?;
                Ok(text.contains("last paragraph").then_some(text))
            })
            .await?;
        ensure!(text.trim_end() == expected_in, "after relaunch the editor shows {text:?}");
        Ok(())
    })
    .await
}
