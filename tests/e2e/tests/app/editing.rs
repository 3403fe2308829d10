//! Writing: a new draft, Markdown typed key by key, the live preview.

use anyhow::{ensure, Result};
use byline_e2e::{with_app, Library};

#[tokio::test]
async fn new_draft_typed_markdown_shows_heading_and_highlighted_code_in_preview() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("new_draft_preview", &library.path(), |app| async move {
        app.wait_ready().await?;
        let before = app.current_slug().await?;
        app.click("button", "New draft").await?;
        let slug = app
            .wait_for("the new draft to open", byline_e2e::ui::FIND_TIMEOUT, || async {
                Ok(app.current_slug().await?.filter(|s| Some(s) != before.as_ref()))
            })
            .await?;

        let typed = "# Field notes on parsers\n\nA short intro.\n\n```rust\nlet answer = 42;\n```\n";
        app.type_in_editor(typed).await?;
        let text = app.editor_text().await?;
        ensure!(text.contains("# Field notes on parsers"), "the editor lost the heading: {text:?}");
        ensure!(text.contains("let answer = 42;"), "the editor lost the code: {text:?}");

        let heading = app
            .wait_in_preview(
                "the heading in the preview",
                "const h = doc.querySelector('h1'); return h ? h.textContent.trim() : null;",
            )
            .await?;
        ensure!(heading == "Field notes on parsers", "preview heading is {heading}");
        // The preview follows the typing: wait for the whole code line, then look at its colours.
        app.wait_in_preview(
            "the typed code line in the preview",
            "const c = doc.querySelector('pre'); return c && c.textContent.includes('let answer = 42;') ? true : null;",
        )
        .await?;
        let classes = app
            .wait_in_preview(
                "highlighted Rust code (spans with hl- classes) in the preview",
                "const spans = Array.from(doc.querySelectorAll('pre span[class*=\"hl-\"]'));
                 return spans.length ? spans.map((s) => s.className) : null;",
            )
            .await?;
        ensure!(
            classes
                .as_array()
                .is_some_and(|c| c.iter().any(|class| class.as_str().is_some_and(|s| s.contains("rust")))),
            "the code is not highlighted as Rust: {classes}"
        );
        println!("new draft {slug}: highlight classes {classes}");
        Ok(())
    })
    .await
}
