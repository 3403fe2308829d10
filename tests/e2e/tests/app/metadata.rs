//! The metadata panel: title, subtitle, tags and authors persist.

use anyhow::{ensure, Context, Result};
use byline_e2e::{with_app, Library};

const SLUG: &str = "keeping-a-writing-habit-without-losing-your-weekends";
const OTHER: &str = "atomic-saves-or-why-your-editor-should-never-write-in-place";

#[tokio::test]
async fn title_subtitle_tags_and_authors_persist() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("metadata", &library.path(), |app| async move {
        app.wait_ready().await?;
        let drafts = app.by_name("list", "Drafts").await?;
        let item = app.by_name_in("option", "Keeping a Writing Habit", Some(&drafts)).await;
        let item = match item {
            Ok(item) => item,
            Err(_) => app.by_name_in("button", "Keeping a Writing Habit", Some(&drafts)).await?,
        };
        item.click().await.context("opening the draft from the Drafts list")?;
        app.wait_for("the draft to open", byline_e2e::ui::FIND_TIMEOUT, || async {
            Ok(app.current_slug().await?.filter(|s| s == SLUG))
        })
        .await?;

        app.fill("Title", "Keeping a Writing Habit, Revised").await?;
        app.fill("Subtitle", "Forty minutes, three mornings a week").await?;
        app.fill("Tags", "writing, habits, routine").await?;
        app.set_value("combobox", "Add author", "Tomás Okafor").await?;
        let authors = app.by_name("list", "Authors").await?;
        app.wait_for("Tomás Okafor in the draft's Authors list", byline_e2e::ui::FIND_TIMEOUT, || async {
            Ok(app.text_of(&authors).await?.contains("Tomás Okafor").then_some(()))
        })
        .await?;
        app.flush().await?;

        // Reopen: switch away and back, the panel shows the stored values.
        app.open_draft(OTHER).await?;
        app.open_draft(&SLUG).await?;
        app.wait_for("the edited draft's title", byline_e2e::ui::FIND_TIMEOUT, || async {
            let title = app.value_of("textbox", "Title").await?;
            Ok((app.current_slug().await?.as_deref() == Some(SLUG) && title == "Keeping a Writing Habit, Revised")
                .then_some(()))
        })
        .await?;
        let subtitle = app.value_of("textbox", "Subtitle").await?;
        ensure!(subtitle == "Forty minutes, three mornings a week", "Subtitle shows {subtitle:?} after reopening");
        let tags = app.value_of("textbox", "Tags").await?;
        ensure!(tags.contains("routine"), "Tags show {tags:?} after reopening");
        Ok(())
    })
    .await?;

    // What the library holds after the app has gone: the CLI reads the same files.
    let draft = library.show(SLUG)?;
    ensure!(draft["title"] == "Keeping a Writing Habit, Revised", "stored title: {}", draft["title"]);
    ensure!(draft["subtitle"] == "Forty minutes, three mornings a week", "stored subtitle: {}", draft["subtitle"]);
    let tags: Vec<&str> = draft["tags"].as_array().into_iter().flatten().filter_map(|t| t.as_str()).collect();
    ensure!(tags == ["writing", "habits", "routine"], "stored tags: {tags:?}");
    let authors: Vec<&str> =
        draft["authors"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str()).collect();
    ensure!(authors.contains(&"Tomás Okafor"), "stored authors: {authors:?}");
    ensure!(authors.contains(&"Mara Lindqvist"), "the existing author was dropped: {authors:?}");
    Ok(())
}
