//! Screenshots of the main window in the light and the dark theme, under `target/e2e/`, and
//! what they show: the preview's background and the editor's text in each theme's colours.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::picture::{Picture, Rect, Rgb};
use byline_e2e::{with_app, App, Library};
use serde_json::{json, Value};

/// Where the preview and the editor are (device pixels) and the colours CSS gives them: the
/// first painted background up from each, and the editor's text colour.
const LAYOUT: &str = r#"
const painted = (el) => {
  for (; el; el = el.parentElement) {
    const bg = getComputedStyle(el).backgroundColor;
    if (bg && bg !== 'transparent' && !/, 0\)$/.test(bg)) return bg;
  }
  return null;
};
const box = (el) => {
  const r = el.getBoundingClientRect(), k = window.devicePixelRatio || 1;
  return [r.left * k, r.top * k, r.width * k, r.height * k].map(Math.round);
};
const frame = document.querySelector('iframe[title="Preview"]');
const doc = frame && frame.contentDocument;
const content = document.querySelector('.cm-content');
const line = content && [...content.querySelectorAll('.cm-line')].find((l) => l.textContent.trim().length > 40);
if (!doc || !doc.body || !line) return null;
return {
  preview: box(frame), previewBackground: painted(doc.body),
  editor: box(content), editorBackground: painted(content),
  text: box(line), textColour: getComputedStyle(line).color,
};
"#;

/// The colours a theme painted, read from the picture.
struct Painted {
    preview: Rgb,
    editor_background: Rgb,
    text: Rgb,
}

fn rect(layout: &Value, key: &str) -> Result<Rect> {
    let numbers: Vec<u32> = layout[key]
        .as_array()
        .with_context(|| format!("no `{key}` box in {layout}"))?
        .iter()
        .map(|n| n.as_f64().unwrap_or(0.0).max(0.0) as u32)
        .collect();
    match numbers[..] {
        [x, y, width, height] if width > 4 && height > 4 => {
            // The inside of the box: borders, scrollbars and focus rings are not its background.
            Ok(Rect { x: x + 2, y: y + 2, width: width - 4, height: height - 4 })
        }
        _ => anyhow::bail!("the `{key}` box is empty: {layout}"),
    }
}

fn css_colour(layout: &Value, key: &str) -> Result<Rgb> {
    Rgb::from_css(layout[key].as_str().with_context(|| format!("no `{key}` colour in {layout}"))?)
}

/// Checks that the screenshot shows what CSS says: the preview's background fills the preview,
/// the editor's background fills the editor, and the editor's line of text has pixels of its
/// text colour (glyph cores; their edges are blended).
fn check_picture(theme: &str, picture: &Picture, layout: &Value) -> Result<Painted> {
    let preview = picture.dominant(rect(layout, "preview")?)?;
    let expected = css_colour(layout, "previewBackground")?;
    ensure!(
        preview.distance(expected) <= 6,
        "{theme}: the preview shows {preview:?} where its background is {expected:?} ({:?} screenshot)",
        picture.size()
    );
    let editor_background = picture.dominant(rect(layout, "editor")?)?;
    let expected = css_colour(layout, "editorBackground")?;
    ensure!(
        editor_background.distance(expected) <= 6,
        "{theme}: the editor shows {editor_background:?} where its background is {expected:?}"
    );
    let text = css_colour(layout, "textColour")?;
    let glyph_pixels = picture.count_near(rect(layout, "text")?, text, 24);
    ensure!(
        glyph_pixels >= 20,
        "{theme}: the editor's text line has {glyph_pixels} pixels of its text colour {text:?}"
    );
    Ok(Painted { preview, editor_background, text })
}

/// Switches the theme the way the View menu does (a `menu` event), and reports whether the
/// document took it.
async fn choose_theme(app: &App, theme: &str) -> Result<()> {
    let sent = app.invoke("plugin:event|emit", json!({"event": "menu", "payload": format!("theme-{theme}")})).await;
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
        app.open_draft("what-a-small-parser-taught-me-about-error-messages").await?;
        app.wait_in_preview("the preview of the open draft", "return doc.querySelector('h1, h2, p') ? true : null;")
            .await?;
        // Idle memory on the demo library (drafts/ and two authors), for the record.
        tokio::time::sleep(Duration::from_secs(2)).await;
        match byline_e2e::memory::app_memory(&app.library) {
            Ok(report) => println!("idle, demo library open, {report}"),
            Err(error) => println!("idle memory: not measured ({error:#})"),
        }
        let mut painted = Vec::new();
        for theme in ["light", "dark"] {
            choose_theme(&app, theme).await?;
            let layout = app
                .wait_for("the preview and the editor laid out", Duration::from_secs(5), || async {
                    let layout = app.js(LAYOUT, vec![]).await?;
                    Ok((!layout.is_null()).then_some(layout))
                })
                .await?;
            let path = app.screenshot(&format!("main-{theme}.png")).await?;
            let picture = Picture::decode(&std::fs::read(&path)?)?;
            println!("screenshot: {}", path.display());
            painted.push(check_picture(theme, &picture, &layout)?);
        }
        let (light, dark) = (&painted[0], &painted[1]);
        for (what, light, dark) in
            [("preview", light.preview, dark.preview), ("editor", light.editor_background, dark.editor_background)]
        {
            ensure!(
                light.luminance() > 0.6 && dark.luminance() < 0.2,
                "the {what} background is {light:?} in the light theme and {dark:?} in the dark one"
            );
        }
        ensure!(
            light.text.luminance() < light.editor_background.luminance()
                && dark.text.luminance() > dark.editor_background.luminance(),
            "the editor's text ({:?} light, {:?} dark) does not contrast with its background",
            light.text,
            dark.text
        );
        Ok(())
    })
    .await
}
