//! The writing room's titles, goals and typography in the real window: a new draft takes its
//! title from the first heading as it is typed (and keeps it across a relaunch) until the writer
//! types a title; a word goal shows its progress; typed, pasted and selected words are counted
//! apart; quotes, dashes and ellipses are set as they are typed, one undo takes a quote back,
//! and neither the preference turned off nor a code span gets any of it.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// The library row's title of `slug`.
async fn row_title(app: &App, slug: &str) -> Result<String> {
    let title = app
        .js(
            "const row = document.querySelector(`[data-slug=\"${arguments[0]}\"] .draft-title`);
             return row ? row.textContent : '';",
            vec![json!(slug)],
        )
        .await?;
    Ok(title.as_str().unwrap_or_default().to_string())
}

/// Waits until the Title field and the library row both show `title`.
async fn wait_for_title(app: &App, slug: &str, title: &str) -> Result<()> {
    app.wait_for(&format!("the title {title:?} in the field and the list"), FIND_TIMEOUT, || async {
        let field = app.value_of("textbox", "Title").await?;
        let row = row_title(app, slug).await?;
        Ok((field == title && row == title).then_some(()))
    })
    .await
    .with_context(|| format!("Title field and list row never both showed {title:?}"))
}

/// A status bar count: `selector`'s `data-<key>`.
async fn status_count(app: &App, selector: &str, key: &str) -> Result<i64> {
    let value = app
        .js(
            "const el = document.querySelector(arguments[0]); return el ? Number(el.dataset[arguments[1]] ?? -1) : -1;",
            vec![json!(selector), json!(key)],
        )
        .await?;
    value.as_i64().context("no status count")
}

async fn wait_for_count(app: &App, selector: &str, key: &str, wanted: i64) -> Result<()> {
    app.wait_for(&format!("{selector} {key} = {wanted}"), FIND_TIMEOUT, || async {
        Ok((status_count(app, selector, key).await? == wanted).then_some(()))
    })
    .await
    .with_context(|| format!("the status bar's {selector} never counted {wanted}"))
}

#[tokio::test]
async fn a_new_draft_takes_its_first_heading_as_its_title_until_the_writer_types_one() -> Result<()> {
    let library = Library::empty()?;
    with_app("title_from_heading", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.click("button", "New draft").await?;
        let slug = app.wait_for_open_draft().await?;
        app.type_in_editor("# Lantern Street Notes\n\nFirst lines of the walk.").await?;
        wait_for_title(&app, &slug, "Lantern Street Notes").await?;
        app.flush().await?;
        app.close_like_a_writer().await?;
        app.wait_for("the app to exit", Duration::from_secs(8), || async {
            Ok(byline_e2e::memory::app_pid(&app.library)?.is_none().then_some(()))
        })
        .await?;
        Ok(())
    })
    .await?;
    let slug = library.slugs()?.into_iter().next().context("the new draft is not in the library")?;
    let stored = library.show(&slug)?;
    ensure!(stored["title"] == json!("Lantern Street Notes"), "the library stored {}", stored["title"]);

    with_app("title_from_heading_relaunched", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        wait_for_title(&app, &slug, "Lantern Street Notes").await?;

        // Still following: a changed heading is the new title.
        app.set_editor_text("# Lantern Street at Night\n\nFirst lines of the walk.").await?;
        wait_for_title(&app, &slug, "Lantern Street at Night").await?;

        // The writer's own title wins over any heading from then on.
        // As a writer retitles: select the field's text and type over it, then leave the field.
        let title = app.by_name("textbox", "Title").await?;
        title.click().await?;
        title.send_keys(&format!("{}a", Key::Control)).await?;
        title.send_keys("Night Walks").await?;
        app.editor().await?.click().await?;
        app.set_editor_text("# A Different Heading\n\nFirst lines of the walk.").await?;
        app.wait_in_preview("the new heading", "return doc.body.textContent.includes('A Different Heading');").await?;
        app.flush().await?;
        wait_for_title(&app, &slug, "Night Walks").await?;
        let stored = library.show(&slug)?;
        ensure!(stored["title"] == json!("Night Walks"), "the library stored {}", stored["title"]);
        Ok(())
    })
    .await
}

#[tokio::test]
async fn the_status_bar_shows_the_goal_and_counts_typed_pasted_and_selected_words() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Goals", "# Goals\n\n")?;
    with_app("writing_goals", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.fill("Word goal", "10").await?;
        app.type_in_editor("one two three four five").await?;
        let shown = app
            .wait_for("the goal's progress", FIND_TIMEOUT, || async {
                let words = app.js("return document.querySelector('.status-words').textContent;", vec![]).await?;
                Ok((words == json!("6 / 10 words")).then_some(words))
            })
            .await?;
        let bar = app
            .js(
                "const bar = document.querySelector('[role=progressbar]');
                 return [bar.hidden, bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')];",
                vec![],
            )
            .await?;
        ensure!(bar == json!([false, "6", "10"]), "the progress bar is {bar} beside {shown}");
        wait_for_count(&app, ".status-today", "typed", 5).await?;
        wait_for_count(&app, ".status-session", "typed", 5).await?;

        app.paste_in_editor(" six seven eight").await?;
        wait_for_count(&app, ".status-today", "pasted", 3).await?;
        ensure!(status_count(&app, ".status-today", "typed").await? == 5, "the paste counted as typing");

        app.editor().await?.send_keys(&format!("{}a", Key::Control)).await?;
        wait_for_count(&app, ".status-selection", "words", 9).await?;
        let chars = app.js("return document.querySelector('.status-chars').textContent;", vec![]).await?;
        ensure!(chars.as_str().is_some_and(|c| c.ends_with("characters")), "characters: {chars}");
        let shot = app.screenshot("writing-status-bar.png").await?;
        eprintln!("[e2e] the status bar with a goal, counts and a selection: {}", shot.display());

        // Batched with the autosave into the library's writing log, on the local day.
        app.flush().await?;
        let day = app
            .js(
                "const d = new Date(), p = (n) => String(n).padStart(2, '0');
                 return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;",
                vec![],
            )
            .await?;
        let logged = app
            .wait_for("the writing log", FIND_TIMEOUT, || async {
                let logged: Value = app.invoke("writing_day", json!({ "day": day })).await?;
                Ok((logged["typed"] == json!(5) && logged["pasted"] == json!(3)).then_some(logged))
            })
            .await?;
        ensure!(logged["day"] == day, "logged {logged}");
        let stored = library.show(&slug)?;
        ensure!(stored["word_goal"] == json!(10), "the goal stored is {}", stored["word_goal"]);
        Ok(())
    })
    .await
}

#[tokio::test]
async fn smart_punctuation_sets_typography_as_typed_and_one_undo_takes_a_quote_back() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Quotes", "")?;
    with_app("smart_punctuation", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        app.type_in_editor("\"Hello\" -- world...").await?;
        app.wait_for_editor_text("smart punctuation", |text| text == "“Hello” – world…").await?;

        app.type_in_editor("\n\n\"Hi\"").await?;
        app.wait_for_editor_text("the second quote", |text| text == "“Hello” – world…\n\n“Hi”").await?;
        app.editor().await?.send_keys(&format!("{}z", Key::Control)).await?;
        app.wait_for_editor_text("one undo to give back the straight quote", |text| {
            text == "“Hello” – world…\n\n“Hi\""
        })
        .await?;

        app.type_in_editor("\n\nRun `echo \"a--b\"...` now").await?;
        app.wait_for_editor_text("the code span", |text| {
            text == "“Hello” – world…\n\n“Hi\"\n\nRun `echo \"a--b\"...` now"
        })
        .await?;

        app.invoke("run_menu_action", json!({ "id": "smart-punctuation" })).await?;
        app.type_in_editor("\n\n\"Off\" -- plain...").await?;
        let off = "“Hello” – world…\n\n“Hi\"\n\nRun `echo \"a--b\"...` now\n\n\"Off\" -- plain...";
        app.wait_for_editor_text("typing with the preference off", |text| text == off).await?;
        Ok(())
    })
    .await
}
