//! Spelling in the real window: typed misspellings get a red underline on screen (read from the
//! screenshot's pixels, under each word), a correct line and a fenced code block get none; "Add
//! to dictionary" from the word's right-click menu takes its underline away, and it stays away
//! after the app is started again on the library. The keyboard path: Mod-. opens the menu at
//! the caret, a suggestion replaces the word as one undo step, Escape closes.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::picture::{Picture, Rect, Rgb};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_RIGHT};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

const MISSPELLED_LINE: &str = "Teh quikc browne foxx jumpd";
const MISSPELLED: [&str; 5] = ["Teh", "quikc", "browne", "foxx", "jumpd"];
const CORRECT_LINE: &str = "The quick brown fox jumps over the lazy dog.";
/// Prose that would be underlined everywhere but in code.
const CODE_LINE: &str = "let teh = quikc(browne);";

/// Boxes (device pixels) of `words` on the line containing `line`, found in the text itself so
/// a word is found whether or not it is marked; and the underline colour CSS gives a mark.
const WORD_BOXES: &str = r#"
const [lineText, words] = arguments;
const line = [...document.querySelectorAll('.cm-content .cm-line')].find((l) => l.textContent.includes(lineText));
if (!line) return null;
const k = window.devicePixelRatio || 1;
const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
const nodes = [];
let text = '';
for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, text.length]); text += node.data; }
const at = (offset) => { const [node, start] = nodes.filter(([, s]) => s <= offset).pop(); return [node, offset - start]; };
const box = (r) => [r.left * k, r.top * k, r.width * k, r.height * k].map(Math.round);
const boxes = {};
for (const word of words) {
  const from = text.indexOf(word);
  if (from < 0) return null;
  const range = document.createRange();
  range.setStart(...at(from));
  range.setEnd(...at(from + word.length - 1));
  range.setEnd(range.endContainer, range.endOffset + 1);
  boxes[word] = box(range.getBoundingClientRect());
}
const mark = document.querySelector('.cm-misspelled');
return { line: box(line.getBoundingClientRect()), words: boxes,
         underline: mark ? getComputedStyle(mark).textDecorationColor : null };
"#;

/// The words marked misspelled right now, in document order.
async fn marked(app: &App) -> Result<Vec<String>> {
    let words =
        app.js("return [...document.querySelectorAll('.cm-misspelled')].map((m) => m.textContent);", vec![]).await?;
    Ok(words.as_array().map(|w| w.iter().filter_map(|w| w.as_str().map(str::to_string)).collect()).unwrap_or_default())
}

async fn wait_marked(app: &App, what: &str, wanted: impl Fn(&[String]) -> bool) -> Result<Vec<String>> {
    app.wait_for(what, FIND_TIMEOUT, || async {
        let words = marked(app).await?;
        Ok(wanted(&words).then_some(words))
    })
    .await
}

fn rect(value: &Value) -> Result<Rect> {
    let n: Vec<u32> =
        value.as_array().context("no box")?.iter().map(|n| n.as_f64().unwrap_or(0.0).max(0.0) as u32).collect();
    match n[..] {
        [x, y, width, height] if width > 0 && height > 0 => Ok(Rect { x, y, width, height }),
        _ => anyhow::bail!("empty box {value}"),
    }
}

/// The band under a word where its underline is drawn: from its middle to a third of a line
/// below it (the underline sits under the baseline, in the line's spacing).
fn under(word: Rect) -> Rect {
    Rect { x: word.x, y: word.y + word.height / 2, width: word.width, height: word.height }
}

/// How many pixels of the underline's colour each word's band holds, and the whole line's.
struct Reds {
    words: Vec<(String, usize)>,
    line: usize,
}

async fn reds(app: &App, picture: &Picture, line: &str, words: &[&str], underline: Rgb) -> Result<Reds> {
    let layout = app.js(WORD_BOXES, vec![json!(line), json!(words)]).await?;
    ensure!(!layout.is_null(), "the line {line:?} or one of its words {words:?} is not in the editor");
    let count = |rect: Rect| picture.count_near(rect, underline, 60);
    let mut found = Vec::new();
    for word in words {
        found.push(((*word).to_string(), count(under(rect(&layout["words"][word])?))));
    }
    let line_box = rect(&layout["line"])?;
    Ok(Reds { words: found, line: count(Rect { height: line_box.height + 4, ..line_box }) })
}

/// The colour CSS underlines a misspelled word with.
async fn underline_colour(app: &App) -> Result<Rgb> {
    let layout = app.js(WORD_BOXES, vec![json!(MISSPELLED_LINE), json!(["Teh"])]).await?;
    Rgb::from_css(layout["underline"].as_str().context("no misspelled word is marked")?)
}

/// Right-clicks the middle of `word` on the line with the real pointer.
async fn right_click(app: &App, line: &str, word: &str) -> Result<()> {
    let layout = app.js(WORD_BOXES, vec![json!(line), json!([word])]).await?;
    let ratio = app.js("return window.devicePixelRatio || 1;", vec![]).await?.as_f64().unwrap_or(1.0);
    let b = rect(&layout["words"][word]).with_context(|| format!("{word:?} on {line:?}: {layout}"))?;
    let (x, y) =
        ((f64::from(b.x) + f64::from(b.width) / 2.0) / ratio, (f64::from(b.y) + f64::from(b.height) / 2.0) / ratio);
    let mouse = MouseActions::new("writer".into())
        .then(PointerAction::MoveTo { duration: Some(Duration::from_millis(50)), x, y })
        .then(PointerAction::Down { button: MOUSE_BUTTON_RIGHT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_RIGHT });
    app.client.perform_actions(mouse).await.context("right-clicking the word")?;
    app.client.release_actions().await.context("releasing the pointer")?;
    Ok(())
}

async fn open_draft(app: &App, slug: &str) -> Result<()> {
    app.wait_ready().await?;
    app.open_draft(&slug).await?;
    app.wait_for("the draft to open", FIND_TIMEOUT, || async {
        Ok(app.editor_text().await?.contains("# Field notes").then_some(()))
    })
    .await
}

#[tokio::test]
async fn misspellings_are_underlined_on_screen_but_not_in_code_and_an_added_word_stays_unmarked() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Field notes", "# Field notes\n\n")?;
    // Whatever the machine's locale, this draft is English.
    library.byline(&["edit", &slug, "--language", "en-US"])?;
    let slug_in = slug.clone();
    with_app("spelling_underline", &library.path(), |app| async move {
        open_draft(&app, &slug_in).await?;
        app.type_in_editor(&format!("{MISSPELLED_LINE}\n\n{CORRECT_LINE}\n\n```\n{CODE_LINE}\n```\n")).await?;
        let words = wait_marked(&app, "the five misspelled words underlined", |w| w.len() >= MISSPELLED.len()).await?;
        ensure!(
            words == MISSPELLED,
            "marked {words:?}, expected exactly {MISSPELLED:?} (not the correct line, not code)"
        );

        let underline = underline_colour(&app).await?;
        let path = app.screenshot("spelling-underline.png").await?;
        println!("screenshot: {}", path.display());
        let picture = Picture::decode(&std::fs::read(&path)?)?;
        let wrong = reds(&app, &picture, MISSPELLED_LINE, &MISSPELLED, underline).await?;
        for (word, count) in &wrong.words {
            ensure!(*count >= 4, "only {count} pixels of the underline colour {underline:?} under {word:?}");
        }
        let right = reds(&app, &picture, CORRECT_LINE, &["quick", "brown"], underline).await?;
        let code = reds(&app, &picture, CODE_LINE, &["teh", "quikc"], underline).await?;
        println!(
            "underline {underline:?} pixels: misspelled line {} ({:?}), correct line {}, code line {}",
            wrong.line, wrong.words, right.line, code.line
        );
        ensure!(right.line == 0, "the correct line has {} pixels of the underline colour", right.line);
        ensure!(code.line == 0, "the code line has {} pixels of the underline colour", code.line);

        right_click(&app, MISSPELLED_LINE, "foxx").await?;
        let menu = app.by_name("menu", "Spelling of “foxx”").await?;
        menu_is_under_the_word(&app, "foxx").await?;
        let add = app.by_name_in("menuitem", "Add to dictionary", Some(&menu)).await?;
        add.click().await.context("choosing Add to dictionary")?;
        let words = wait_marked(&app, "foxx to lose its underline", |w| !w.iter().any(|w| w == "foxx")).await?;
        ensure!(words == ["Teh", "quikc", "browne", "jumpd"], "after adding foxx, marked {words:?}");
        let picture = Picture::decode(&std::fs::read(app.screenshot("spelling-added.png").await?)?)?;
        let after = reds(&app, &picture, MISSPELLED_LINE, &["foxx", "jumpd"], underline).await?;
        ensure!(after.words[0].1 == 0, "{} underline pixels are still under foxx", after.words[0].1);
        ensure!(after.words[1].1 >= 4, "jumpd lost its underline too");
        app.flush().await?;
        Ok(())
    })
    .await?;

    with_app("spelling_relaunch", &library.path(), |app| async move {
        open_draft(&app, &slug).await?;
        let words = wait_marked(&app, "the misspelled words after a relaunch", |w| w.len() >= 4).await?;
        ensure!(words == ["Teh", "quikc", "browne", "jumpd"], "after relaunch, marked {words:?}");
        let underline = underline_colour(&app).await?;
        let picture = Picture::decode(&std::fs::read(app.screenshot("spelling-relaunch.png").await?)?)?;
        let line = reds(&app, &picture, MISSPELLED_LINE, &["foxx", "Teh"], underline).await?;
        ensure!(line.words[0].1 == 0 && line.words[1].1 >= 4, "after relaunch: {:?}", line.words);
        keyboard_menu_replaces_in_one_undo(&app).await
    })
    .await
}

/// The open spelling menu sits just below `word` and starts near it, as a context menu does
/// (the editor pane is a containment boundary, which changes what fixed positions are relative to).
async fn menu_is_under_the_word(app: &App, word: &str) -> Result<()> {
    let rects = app
        .js(
            "const mark = [...document.querySelectorAll('.cm-misspelled')].find((m) => m.textContent === arguments[0]); \
             const menu = document.querySelector('.cm-spelling-menu'); \
             if (!mark || !menu) return null; \
             const w = mark.getBoundingClientRect(), m = menu.getBoundingClientRect(); \
             return [w.left, w.bottom, m.left, m.top, m.width, m.height];",
            vec![word.into()],
        )
        .await?;
    let at = |i: usize| rects.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
    let (word_left, word_bottom, menu_left, menu_top) = (at(0), at(1), at(2), at(3));
    ensure!(
        (word_bottom - 2.0..=word_bottom + 24.0).contains(&menu_top) && (menu_left - word_left).abs() <= 40.0,
        "the spelling menu of {word:?} is at ({menu_left}, {menu_top}), the word ends at ({word_left}, {word_bottom}): {rects}"
    );
    Ok(())
}

/// Mod-. on "quikc", Escape closes; again, "quick" chosen with the arrows and Enter; one undo
/// brings "quikc" back.
async fn keyboard_menu_replaces_in_one_undo(app: &App) -> Result<()> {
    let mut quikc = None;
    for mark in app.client.find_all(Locator::Css(".cm-misspelled")).await? {
        if mark.text().await? == "quikc" {
            quikc = Some(mark);
        }
    }
    quikc.context("quikc is not marked")?.click().await.context("putting the caret in quikc")?;
    let editor = app.editor().await?;
    editor.send_keys(&format!("{}.", Key::Control)).await?;
    app.by_name("menu", "Spelling of “quikc”").await?;
    let focused = app.client.active_element().await?;
    ensure!(
        focused.attr("role").await?.as_deref() == Some("menuitem"),
        "the menu opened without focus on its first item"
    );
    focused.send_keys(&Key::Escape.to_string()).await?;
    app.wait_for("Escape to close the menu", FIND_TIMEOUT, || async {
        Ok((!app.exists("menu", "Spelling of", None).await?).then_some(()))
    })
    .await?;
    let back = app.js("return document.activeElement.classList.contains('cm-content');", vec![]).await?;
    ensure!(back == json!(true), "Escape did not give the editor its focus back");

    editor.send_keys(&format!("{}.", Key::Control)).await?;
    let menu = app.by_name("menu", "Spelling of “quikc”").await?;
    crate::accessibility::load_axe(app).await?;
    let blocking = crate::accessibility::audit_in(app, "spelling menu", Some(".cm-spelling-menu")).await?;
    ensure!(blocking.is_empty(), "the spelling menu has serious accessibility violations: {blocking:?}");
    let blocking = crate::accessibility::audit_in(app, "editor with misspellings", Some(".cm-content")).await?;
    ensure!(blocking.is_empty(), "the marked text has serious accessibility violations: {blocking:?}");
    let mut labels = Vec::new();
    for item in app.all_by_name("menuitem", "", Some(&menu)).await? {
        labels.push(app.text_of(&item).await?);
    }
    let index =
        labels.iter().position(|label| label == "quick").with_context(|| format!("no “quick” in {labels:?}"))?;
    let ends = ["Add to dictionary".to_string(), "Ignore".to_string()];
    ensure!(labels.len() <= 10 && labels.ends_with(&ends), "the menu lists {labels:?}");
    if index > 0 {
        app.client.active_element().await?.send_keys(&Key::Down.to_string().repeat(index)).await?;
    }
    let chosen = app.client.active_element().await?;
    ensure!(chosen.text().await? == "quick", "the arrows reached {:?}, not quick", chosen.text().await?);
    chosen.send_keys(&Key::Enter.to_string()).await?;
    app.wait_for("quikc replaced by quick", FIND_TIMEOUT, || async {
        Ok(app.editor_text().await?.contains("Teh quick browne").then_some(()))
    })
    .await?;
    app.editor().await?.send_keys(&format!("{}z", Key::Control)).await?;
    let text = app
        .wait_for("one undo to bring quikc back", FIND_TIMEOUT, || async {
            let text = app.editor_text().await?;
            Ok(text.contains(MISSPELLED_LINE).then_some(text))
        })
        .await?;
    ensure!(
        text.contains(CORRECT_LINE) && text.contains(CODE_LINE),
        "the undo took more than the replacement: {text:?}"
    );
    Ok(())
}

/// The dialog's rows: each checkbox's dictionary, whether it is ticked and whether it is fixed.
const DIALOG_ROWS: &str = r#"
const dialog = [...document.querySelectorAll('dialog[open]')].find((d) => d.textContent.includes('Spelling Languages'));
if (!dialog) return null;
return [...dialog.querySelectorAll('input[type=checkbox]')].map((b) => [b.value, b.checked, b.disabled]);
"#;

async fn open_languages_dialog(app: &App) -> Result<Vec<(String, bool, bool)>> {
    app.invoke("plugin:event|emit", json!({"event": "menu", "payload": "spelling-languages"})).await?;
    app.by_name("dialog", "Spelling Languages").await?;
    let rows = app
        .wait_for("the dictionaries listed", FIND_TIMEOUT, || async {
            let rows = app.js(DIALOG_ROWS, vec![]).await?;
            Ok(rows.as_array().filter(|rows| !rows.is_empty()).cloned())
        })
        .await?;
    Ok(rows
        .iter()
        .map(|row| {
            let name = row[0].as_str().unwrap_or_default().to_string();
            (name, row[1].as_bool().unwrap_or(false), row[2].as_bool().unwrap_or(false))
        })
        .collect())
}

#[tokio::test]
async fn an_extra_language_ticked_in_spelling_languages_accepts_its_words_until_unticked() -> Result<()> {
    let library = Library::empty()?;
    let slug = library.new_draft("Field notes", "# Field notes\n\nThe old maison by the river.\n")?;
    library.byline(&["edit", &slug, "--language", "en-US"])?;
    with_app("spelling_languages", &library.path(), |app| async move {
        open_draft(&app, &slug).await?;
        wait_marked(&app, "maison marked in an English draft", |w| w == ["maison"]).await?;

        let rows = open_languages_dialog(&app).await?;
        ensure!(
            rows.first() == Some(&("en_US".to_string(), true, true)),
            "the draft's language is not first and fixed: {rows:?}"
        );
        ensure!(rows.iter().any(|(name, ticked, _)| name == "fr" && !ticked), "no unticked fr among {rows:?}");
        app.js("document.querySelector('dialog[open] input[value=fr]').click(); return null;", vec![]).await?;
        let dialog = app.by_name("dialog", "Spelling Languages").await?;
        app.by_name_in("button", "Save", Some(&dialog)).await?.click().await?;
        wait_marked(&app, "maison accepted once French is checked too", |w| w.is_empty()).await?;

        let rows = open_languages_dialog(&app).await?;
        ensure!(
            rows.iter().any(|(name, ticked, _)| name == "fr" && *ticked),
            "fr is not ticked on reopening: {rows:?}"
        );
        app.js("document.querySelector('dialog[open] input[value=fr]').click(); return null;", vec![]).await?;
        let dialog = app.by_name("dialog", "Spelling Languages").await?;
        app.by_name_in("button", "Save", Some(&dialog)).await?.click().await?;
        wait_marked(&app, "maison marked again once French is unticked", |w| w == ["maison"]).await?;
        Ok(())
    })
    .await
}
