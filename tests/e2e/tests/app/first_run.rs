//! The first run: a brand-new library opens on the welcome draft, with its preview, and asks for
//! the writer's author profile; neither comes back at the next launch, and a library that holds
//! a draft gets neither.

use anyhow::{anyhow, ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::elements::Element;
use serde_json::{json, Value};

const WELCOME_SLUG: &str = "welcome-to-byline";
const PROMPT: &str = "Create your author profile";
const WRITER: &str = "Noor Haddad";

/// The author prompt, waiting for it to show.
async fn prompt(app: &App) -> Result<Element> {
    app.by_name("dialog", PROMPT).await
}

/// Whether any author prompt or other dialog shows right now.
async fn any_dialog(app: &App) -> Result<bool> {
    Ok(app.exists("dialog", "", None).await? || app.exists("alertdialog", "", None).await?)
}

/// Waits for the open draft's preview to show its first heading and returns the heading text
/// and how many highlighted spans its code blocks have.
async fn preview_heading_and_highlights(app: &App) -> Result<(String, u64)> {
    let seen = app
        .wait_in_preview(
            "the welcome's heading and highlighted code in the preview",
            "const h1 = doc.querySelector('h1');
             const spans = doc.querySelectorAll('pre span[class*=\"hl-\"]').length;
             return h1 && spans > 0 ? { heading: h1.textContent.trim(), spans } : null;",
        )
        .await?;
    let heading = seen["heading"].as_str().unwrap_or_default().to_string();
    Ok((heading, seen["spans"].as_u64().unwrap_or(0)))
}

/// `byline author list --json`, as (name, is_default) pairs.
fn authors(library: &Library) -> Result<Vec<(String, bool)>> {
    let listed: Value = serde_json::from_str(&library.byline(&["author", "list", "--json"])?)?;
    let list = listed.as_array().ok_or_else(|| anyhow!("author list --json printed {listed}"))?;
    Ok(list
        .iter()
        .map(|a| (a["name"].as_str().unwrap_or_default().to_string(), a["is_default"].as_bool().unwrap_or(false)))
        .collect())
}

#[tokio::test]
async fn first_run_a_new_library_opens_on_the_welcome_and_the_profile_made_there_is_the_default() -> Result<()> {
    let library = Library::brand_new()?;
    with_app("first_run_welcome", &library.path(), |app| async move {
        app.wait_ready().await?;
        let slug = app.wait_for_open_draft().await?;
        ensure!(slug == WELCOME_SLUG, "the welcome draft is open, not {slug:?}");
        let text = app.editor_text().await?;
        ensure!(text.starts_with("# Welcome to Byline"), "the editor shows the welcome: {text:.80}");
        ensure!(text.contains("`Ctrl+Shift+P`") && text.contains("```rust"), "shortcuts and a code block: {text}");
        let (heading, spans) = preview_heading_and_highlights(&app).await?;
        ensure!(heading == "Welcome to Byline", "the preview's heading is {heading:?}");
        println!("first run: the welcome's preview has {spans} highlighted spans");

        let dialog = prompt(&app).await?;
        app.screenshot("first-run.png").await?;
        crate::accessibility::load_axe(&app).await?;
        let blocking = crate::accessibility::audit_in(&app, "author prompt", Some(".author-prompt")).await?;
        ensure!(blocking.is_empty(), "axe: serious or critical problems in the author prompt: {blocking:?}");
        let name = app.by_name_in("textbox", "Name", Some(&dialog)).await?;
        name.send_keys(WRITER).await.context("typing the writer's name")?;
        app.by_name_in("textbox", "Short bio", Some(&dialog)).await?.send_keys("Writes about tide clocks.").await?;
        app.by_name_in("button", "Create profile", Some(&dialog)).await?.click().await?;
        app.wait_for("the prompt to go once the profile is created", FIND_TIMEOUT, || async {
            Ok((!app.exists("dialog", PROMPT, None).await?).then_some(()))
        })
        .await?;

        // A new draft is credited to the profile just made.
        let draft = app.invoke("create_draft", json!({ "draft": {} })).await?;
        let credited: Vec<&str> =
            draft["authors"].as_array().into_iter().flatten().filter_map(|a| a["name"].as_str()).collect();
        ensure!(credited == [WRITER], "a new draft is credited to {credited:?}");
        Ok(())
    })
    .await?;
    ensure!(authors(&library)? == [(WRITER.to_string(), true)], "the CLI lists {:?}", authors(&library)?);

    with_app("first_run_relaunch", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.wait_for_open_draft().await?;
        ensure!(!any_dialog(&app).await?, "no prompt at the second launch");
        Ok(())
    })
    .await?;
    let mut slugs = library.slugs()?;
    slugs.sort();
    ensure!(slugs.len() == 2 && slugs.contains(&WELCOME_SLUG.to_string()), "one welcome and the new draft: {slugs:?}");
    Ok(())
}

#[tokio::test]
async fn first_run_not_now_and_a_deleted_welcome_stay_that_way_after_a_relaunch() -> Result<()> {
    let library = Library::brand_new()?;
    with_app("first_run_not_now", &library.path(), |app| async move {
        app.wait_ready().await?;
        let dialog = prompt(&app).await?;
        app.by_name_in("button", "Not now", Some(&dialog)).await?.click().await?;
        app.wait_for("the prompt to go after Not now", FIND_TIMEOUT, || async {
            Ok((!app.exists("dialog", PROMPT, None).await?).then_some(()))
        })
        .await?;
        app.invoke("trash_draft", json!({ "slug": WELCOME_SLUG })).await?;
        app.invoke("empty_trash", json!({})).await?;
        Ok(())
    })
    .await?;
    ensure!(library.slugs()?.is_empty(), "the welcome is deleted");

    with_app("first_run_not_now_relaunch", &library.path(), |app| async move {
        app.wait_ready().await?;
        ensure!(app.current_slug().await?.is_none(), "no draft opens: the welcome did not come back");
        ensure!(!any_dialog(&app).await?, "Not now was remembered");
        Ok(())
    })
    .await?;
    ensure!(library.slugs()?.is_empty() && authors(&library)?.is_empty(), "still empty: {:?}", library.slugs()?);
    Ok(())
}

#[tokio::test]
async fn first_run_a_library_with_a_draft_opens_it_without_welcome_or_prompt() -> Result<()> {
    let library = Library::brand_new()?;
    let slug = library.new_draft("Field notes", "# Field notes\n\nThe first line of mine.\n")?;
    let slug_in = slug.clone();
    with_app("first_run_not_new", &library.path(), |app| async move {
        app.wait_ready().await?;
        let open = app.wait_for_open_draft().await?;
        ensure!(open == slug_in, "the writer's draft is open, not {open:?}");
        ensure!(!any_dialog(&app).await?, "no author prompt for a library in use");
        Ok(())
    })
    .await?;
    ensure!(library.slugs()? == [slug], "no welcome draft was added: {:?}", library.slugs()?);
    Ok(())
}
