//! The library sidebar: search as you type; trash and restore.

use std::time::Duration;

use anyhow::{ensure, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};

const HABIT: &str = "Keeping a Writing Habit";
const HABIT_SLUG: &str = "keeping-a-writing-habit-without-losing-your-weekends";
const ATOMIC: &str = "Atomic Saves";

async fn drafts_text(app: &App) -> Result<String> {
    let list = app.by_name("list", "Drafts").await?;
    app.text_of(&list).await
}

#[tokio::test]
async fn search_finds_a_draft_by_a_word_from_its_body() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("search", &library.path(), |app| async move {
        app.wait_ready().await?;
        ensure!(drafts_text(&app).await?.contains(ATOMIC), "the Drafts list does not show the samples");
        // "spreadsheet" appears only in the body of the writing-habit draft.
        let search = app.by_name("searchbox", "Search drafts").await?;
        search.click().await?;
        search.send_keys("spreadsheet").await?;
        let listed = app
            .wait_for("search results in the Drafts list", FIND_TIMEOUT, || async {
                let text = drafts_text(&app).await?;
                Ok((text.contains(HABIT) && !text.contains(ATOMIC)).then_some(text))
            })
            .await?;
        ensure!(
            listed.to_lowercase().contains("spreadsheet"),
            "the result shows no snippet with the matched word: {listed:?}"
        );
        Ok(())
    })
    .await
}

#[tokio::test]
async fn move_to_trash_then_restore_from_the_trash_view() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("trash", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&HABIT_SLUG).await?;
        app.wait_for("the draft to open", FIND_TIMEOUT, || async {
            Ok(app.current_slug().await?.filter(|s| s == HABIT_SLUG))
        })
        .await?;
        app.click("button", "Move to trash").await?;
        // A confirmation is allowed but not required.
        tokio::time::sleep(Duration::from_millis(300)).await;
        if let Some(confirm) = app.all_by_name("alertdialog", "", None).await?.first() {
            app.by_name_in("button", "trash", Some(confirm)).await?.click().await?;
        }
        app.wait_for("the draft to leave the Drafts list", FIND_TIMEOUT, || async {
            Ok((!drafts_text(&app).await?.contains(HABIT)).then_some(()))
        })
        .await?;

        app.click("button", "Trash").await?;
        let list = app.by_name("list", "Drafts").await?;
        let item = app
            .wait_for("the trashed draft in the Trash view", FIND_TIMEOUT, || async {
                let items = app.all_by_name("listitem", HABIT, Some(&list)).await?;
                Ok(items.into_iter().next())
            })
            .await?;
        ensure!(!app.text_of(&list).await?.contains(ATOMIC), "the Trash view lists drafts that are not trashed");
        let restore = app.by_name_in("button", "Restore", Some(&item)).await?;
        // A writer must be able to see the button without scrolling the sidebar sideways.
        let placement = app
            .js(
                "const b = arguments[0].getBoundingClientRect(), l = arguments[1].getBoundingClientRect();
                 return { inside: b.left >= l.left - 1 && b.right <= l.right + 1 && b.width > 0,
                          button: [b.left, b.right], list: [l.left, l.right] };",
                vec![serde_json::to_value(&restore)?, serde_json::to_value(&list)?],
            )
            .await?;
        ensure!(placement["inside"] == true, "the Restore button lies outside the visible Drafts list: {placement}");
        restore.click().await?;
        app.wait_for("the Trash view to empty", FIND_TIMEOUT, || async {
            Ok((!drafts_text(&app).await?.contains(HABIT)).then_some(()))
        })
        .await?;
        app.click("button", "Trash").await?;
        app.wait_for("the restored draft back in the Drafts list", FIND_TIMEOUT, || async {
            Ok(drafts_text(&app).await?.contains(HABIT).then_some(()))
        })
        .await?;
        Ok(())
    })
    .await?;
    let draft = library.show(HABIT_SLUG)?;
    ensure!(draft["trashed_at"].is_null(), "the library still has the draft in the trash: {}", draft["trashed_at"]);
    Ok(())
}
