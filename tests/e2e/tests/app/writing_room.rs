//! The writing room: the Outline lists and nests the draft's headings, follows typing and jumps
//! the editor and the preview to a heading; typewriter scrolling keeps the caret line in the
//! middle; the command palette runs a menu action and the quick switcher opens a draft.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// A draft long enough to scroll, with nested headings and a `#` line inside code.
fn long_draft() -> String {
    let paragraph = "The lamps along the street come on one by one as the evening settles. ".repeat(6);
    let section = |title: &str| format!("{title}\n\n{paragraph}\n\n{paragraph}\n\n");
    [
        section("# Lantern Street"),
        section("## The market"),
        section("### Stalls"),
        section("The harbour\n-----------"),
        "```sh\n# not a heading\n```\n\n".to_string(),
        section("## Night"),
    ]
    .concat()
}

/// Presses the toolbar toggle `name` until it is `on`. The window's view preferences outlive a
/// run (they are the webview's local storage), so each test sets what it needs and puts it back.
async fn set_toggle(app: &App, name: &str, on: bool) -> Result<()> {
    let toolbar = app.by_name("toolbar", "Writing tools").await?;
    let button = app.by_name_in("button", name, Some(&toolbar)).await?;
    if button.attr("aria-pressed").await?.as_deref() != Some(if on { "true" } else { "false" }) {
        button.click().await?;
    }
    app.wait_for(&format!("{name} to be {on}"), FIND_TIMEOUT, || async {
        let pressed = button.attr("aria-pressed").await?;
        Ok((pressed.as_deref() == Some(if on { "true" } else { "false" })).then_some(()))
    })
    .await
}

/// The outline's entries as `[text, depth]`, depth 0 for the outermost list.
async fn outline_entries(app: &App) -> Result<Value> {
    app.js(
        "const nav = document.querySelector('nav[aria-label=Outline]');
         if (!nav || nav.hidden) return null;
         return [...nav.querySelectorAll('a.outline-item')].map((a) => {
           let depth = -1;
           for (let el = a; el && el !== nav; el = el.parentElement) if (el.tagName === 'OL') depth += 1;
           return [a.textContent, depth];
         });",
        vec![],
    )
    .await
}

/// The text of the editor line holding the caret.
async fn caret_line(app: &App) -> Result<String> {
    let line = app
        .js(
            "const node = window.getSelection().focusNode;
             const el = node && (node.nodeType === 1 ? node : node.parentElement);
             const line = el && el.closest('.cm-line');
             return line ? line.textContent : null;",
            vec![],
        )
        .await?;
    Ok(line.as_str().unwrap_or_default().to_string())
}

#[tokio::test]
async fn the_outline_nests_the_headings_follows_typing_and_jumps_editor_and_preview_to_one() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Lantern Street", &long_draft())?;
    with_app("outline", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        set_toggle(&app, "Outline", false).await?;
        ensure!(outline_entries(&app).await?.is_null(), "the outline shows while turned off");
        set_toggle(&app, "Outline", true).await?;
        ensure!(app.exists("navigation", "Outline", None).await?, "no navigation region named Outline");
        let expected = json!([
            ["Lantern Street", 0],
            ["The market", 1],
            ["Stalls", 2],
            ["The harbour", 1],
            ["Night", 1]
        ]);
        let entries = app
            .wait_for("the outline's headings", FIND_TIMEOUT, || async {
                let entries = outline_entries(&app).await?;
                Ok((entries == expected).then_some(entries))
            })
            .await
            .with_context(|| "the outline never listed the draft's headings, nested")?;
        println!("outline: {entries}");

        app.type_in_editor("\n\n## Lighthouse keeper\n").await?;
        app.wait_for("the typed heading in the outline", FIND_TIMEOUT, || async {
            let entries = outline_entries(&app).await?;
            Ok(entries.as_array().and_then(|list| list.last()).filter(|last| **last == json!(["Lighthouse keeper", 1])).cloned())
        })
        .await?;
        let current = app.js("return document.querySelector('nav[aria-label=Outline] [aria-current]')?.textContent ?? null;", vec![]).await?;
        ensure!(current == json!("Lighthouse keeper"), "after typing it, the highlighted heading is {current}");

        app.by_name("link", "The harbour").await?.click().await?;
        let line = app
            .wait_for("the caret on the heading", FIND_TIMEOUT, || async {
                let line = caret_line(&app).await?;
                Ok((line == "The harbour").then_some(line))
            })
            .await?;
        ensure!(line == "The harbour", "the caret is on {line:?}");
        let place = app
            .wait_for("the heading scrolled to the top of the editor", FIND_TIMEOUT, || async {
                let top = app
                    .js(
                        "const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent === 'The harbour');
                         const scroller = document.querySelector('.cm-scroller').getBoundingClientRect();
                         return line ? line.getBoundingClientRect().top - scroller.top : null;",
                        vec![],
                    )
                    .await?;
                Ok(top.as_f64().filter(|top| (0.0..120.0).contains(top)))
            })
            .await?;
        println!("the heading sits {place:.0}px below the editor's top");
        let current = app.js("return document.querySelector('nav[aria-label=Outline] [aria-current]')?.textContent ?? null;", vec![]).await?;
        ensure!(current == json!("The harbour"), "the highlighted heading is {current}");
        let in_preview = app
            .wait_in_preview(
                "the heading at the top of the preview",
                "const h = [...doc.querySelectorAll('h2')].find((e) => e.textContent.trim() === 'The harbour');
                 const top = h ? h.getBoundingClientRect().top : null;
                 return top !== null && top >= -4 && top < 120 ? { top } : null;",
            )
            .await?;
        println!("preview heading at {in_preview}");
        let shot = app.screenshot("outline.png").await?;
        println!("screenshot: {}", shot.display());
        set_toggle(&app, "Outline", false).await?;
        Ok(())
    })
    .await
}

/// Distance (px) between the caret line's middle and the editor scroller's middle, and the
/// scroller's height.
async fn caret_off_centre(app: &App) -> Result<(f64, f64)> {
    let measured = app
        .js(
            "const node = window.getSelection().focusNode;
             const el = node && (node.nodeType === 1 ? node : node.parentElement);
             const line = el && el.closest('.cm-line');
             if (!line) return null;
             const l = line.getBoundingClientRect();
             const s = document.querySelector('.cm-scroller').getBoundingClientRect();
             return [Math.abs((l.top + l.bottom) / 2 - (s.top + s.bottom) / 2), s.height];",
            vec![],
        )
        .await?;
    let pair = measured.as_array().context("no caret line")?;
    Ok((pair[0].as_f64().unwrap_or(f64::MAX), pair[1].as_f64().unwrap_or(0.0)))
}

/// Puts the caret on the first line, then presses the down arrow `count` times.
async fn walk_down(app: &App, count: usize) -> Result<()> {
    let editor = app.editor().await?;
    editor.click().await?;
    editor.send_keys(&format!("{}{}", Key::Control, Key::Home)).await?;
    if count > 0 {
        editor.send_keys(&Key::Down.to_string().repeat(count)).await?;
    }
    // Scrolling lands on the next animation frames.
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

#[tokio::test]
async fn typewriter_scrolling_keeps_the_caret_line_in_the_middle_of_the_editor() -> Result<()> {
    let library = Library::empty()?;
    let body: String = (1..=200).map(|n| format!("Line {n} of the ledger.\n")).collect();
    let slug = library.new_draft("Ledger", &body)?;
    with_app("typewriter", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&slug).await?;
        set_toggle(&app, "Typewriter scrolling", false).await?;

        walk_down(&app, 60).await?;
        let (off, height) = caret_off_centre(&app).await?;
        ensure!(off > height / 4.0, "without typewriter scrolling the caret line is already centred ({off:.0}px off)");
        println!("typewriter off: caret line {off:.0}px from the middle of a {height:.0}px editor");

        set_toggle(&app, "Typewriter scrolling", true).await?;
        walk_down(&app, 60).await?;
        let (off, height) = caret_off_centre(&app).await?;
        ensure!(off <= 6.0, "typewriter on: the caret line is {off:.0}px from the middle of a {height:.0}px editor");
        app.editor().await?.send_keys("Typed here. ").await?;
        app.editor().await?.send_keys(&Key::Down.to_string().repeat(30)).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (after, _) = caret_off_centre(&app).await?;
        ensure!(after <= 6.0, "after typing and moving on, the caret line is {after:.0}px off the middle");
        println!("typewriter on: {off:.1}px, then {after:.1}px from the middle");

        // The first line can come to the middle too (the padding above it).
        walk_down(&app, 0).await?;
        let (first, _) = caret_off_centre(&app).await?;
        ensure!(first <= 6.0, "the first line is {first:.0}px off the middle");
        let remembered = app.js("return JSON.parse(localStorage.getItem('byline.view')).typewriter;", vec![]).await?;
        ensure!(remembered == json!(true), "typewriter scrolling is not remembered: {remembered}");
        set_toggle(&app, "Typewriter scrolling", false).await?;
        Ok(())
    })
    .await
}

/// Presses `keys` (modifiers first) wherever the focus is.
async fn press(app: &App, keys: &str) -> Result<()> {
    app.client.active_element().await?.send_keys(keys).await?;
    Ok(())
}

#[tokio::test]
async fn the_command_palette_runs_focus_mode_and_the_quick_switcher_opens_a_draft() -> Result<()> {
    let library = Library::empty()?;
    let first = library.new_draft("Lantern Street notes", "# Lantern Street notes\n\nEvening.\n")?;
    let other = library.new_draft("Harbour ledger", "# Harbour ledger\n\nBoats.\n")?;
    with_app("command_palette", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.open_draft(&first).await?;
        set_toggle(&app, "Focus mode", false).await?;
        app.editor().await?.click().await?;
        press(&app, &format!("{}{}p", Key::Control, Key::Shift)).await?;
        let dialog = app.by_name("dialog", "Command palette").await?;
        let row = app
            .wait_for("the palette's rows", FIND_TIMEOUT, || async {
                let row = app
                    .js(
                        "const row = [...document.querySelectorAll('dialog[open] [role=option]')]
                           .find((r) => r.querySelector('.palette-label').textContent === 'Command Palette…');
                         return row ? row.textContent : null;",
                        vec![],
                    )
                    .await?;
                Ok(row.as_str().map(str::to_string))
            })
            .await?;
        ensure!(row.contains("Ctrl+Shift+P") && row.contains("View"), "the palette's own row reads {row:?}");

        app.by_name_in("combobox", "Command palette", Some(&dialog)).await?.send_keys("focus").await?;
        let shown = app
            .wait_for("the rows filtered to 'focus'", FIND_TIMEOUT, || async {
                let rows = app
                    .js("return [...document.querySelectorAll('dialog[open] [role=option]')].map((r) => r.textContent);", vec![])
                    .await?;
                Ok(rows.as_array().filter(|rows| rows.len() == 1).cloned())
            })
            .await?;
        ensure!(shown[0].as_str().is_some_and(|row| row.contains("Focus Mode") && row.contains("Ctrl+Shift+F")), "the filtered rows are {shown:?}");
        let shot = app.screenshot("command-palette.png").await?;
        println!("screenshot: {}", shot.display());
        press(&app, &Key::Enter.to_string()).await?;
        app.wait_for("focus mode on", FIND_TIMEOUT, || async {
            let on = app.js("return document.querySelector('.cm-editor.focus-mode') !== null;", vec![]).await?;
            Ok((on == json!(true)).then_some(()))
        })
        .await?;
        let pressed = app.js("return document.querySelector('button[aria-label=\"Focus mode\"]').getAttribute('aria-pressed');", vec![]).await?;
        ensure!(pressed == json!("true"), "the toolbar's Focus mode button says {pressed}");
        ensure!(!app.exists("dialog", "Command palette", None).await?, "the palette stayed open");

        press(&app, &format!("{}{}p", Key::Control, Key::Shift)).await?;
        app.by_name("dialog", "Command palette").await?;
        press(&app, &Key::Escape.to_string()).await?;
        app.wait_for("the editor focused after Escape", FIND_TIMEOUT, || async {
            let focused = app.js("return document.activeElement?.classList.contains('cm-content') ?? false;", vec![]).await?;
            Ok((focused == json!(true) && !app.exists("dialog", "Command palette", None).await?).then_some(()))
        })
        .await?;

        press(&app, &format!("{}p", Key::Control)).await?;
        let switcher = app.by_name("dialog", "Go to draft").await?;
        app.by_name_in("combobox", "Go to draft", Some(&switcher)).await?.send_keys("harb").await?;
        app.wait_for("the switcher to list the harbour draft first", FIND_TIMEOUT, || async {
            let first_row = app.js("return document.querySelector('dialog[open] [role=option][aria-selected=true]')?.textContent ?? null;", vec![]).await?;
            Ok(first_row.as_str().filter(|row| row.contains("Harbour ledger")).map(str::to_string))
        })
        .await?;
        press(&app, &Key::Enter.to_string()).await?;
        app.wait_for("the harbour draft to open", FIND_TIMEOUT, || async {
            Ok((app.current_slug().await?.as_deref() == Some(other.as_str())).then_some(()))
        })
        .await?;
        ensure!(app.editor_text().await?.contains("Boats."), "the editor does not show the chosen draft");
        set_toggle(&app, "Focus mode", false).await?;
        Ok(())
    })
    .await
}
