//! Types into the real editor key by key and collects what a writer would feel: keystroke to
//! preview painted, keystroke to editor painted (the UI's samples), the WebDriver round trip
//! of each key, and the preview's own measures (IPC render, DOM patch) for where time goes.

use std::time::{Duration, Instant};

use anyhow::{ensure, Result};
use fantoccini::key::Key;
use serde_json::Value;

use crate::session::App;
use crate::ui::FIND_TIMEOUT;

/// Samples (ms) from one typing run.
#[derive(Debug, Default)]
pub struct TypingSamples {
    /// Keystroke to preview painted (`window.__byline.perf`).
    pub to_preview: Vec<f64>,
    /// Keystroke to editor painted (`window.__byline.typing`).
    pub to_editor: Vec<f64>,
    /// WebDriver `send_keys` round trip per key, as the test sees it.
    pub round_trip: Vec<f64>,
    /// The preview's render IPC (`preview-render-ipc` measures).
    pub render_ipc: Vec<f64>,
    /// The preview's DOM patch (`preview-patch` measures).
    pub patch: Vec<f64>,
}

impl TypingSamples {
    /// Each sample set with the metric it is reported as.
    pub fn by_metric(&self) -> [(&'static str, &[f64]); 5] {
        [
            ("keystroke_to_preview", &self.to_preview),
            ("keystroke_to_editor", &self.to_editor),
            ("send_keys_round_trip", &self.round_trip),
            ("preview_render_ipc", &self.render_ipc),
            ("preview_patch", &self.patch),
        ]
    }
}

const COUNTS: &str = "return [window.__byline.perf.length, window.__byline.typing.length];";

/// Moves the caret to the end of the editor and types `text` one character every `gap`, then
/// waits up to `settle` for the last preview to land. Fails if the editor lost characters.
pub async fn type_and_measure(app: &App, text: &str, gap: Duration, settle: Duration) -> Result<TypingSamples> {
    let editor = app.editor().await?;
    editor.click().await?;
    editor.send_keys(&format!("{}{}", Key::Control, Key::End)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (preview_before, typing_before) = counts(app).await?;
    app.js(
        "performance.clearMeasures('preview-render-ipc'); performance.clearMeasures('preview-patch'); return null;",
        vec![],
    )
    .await?;
    let mut round_trip = Vec::new();
    for ch in text.chars() {
        let sent = Instant::now();
        editor.send_keys(&ch.to_string()).await?;
        round_trip.push(sent.elapsed().as_secs_f64() * 1e3);
        tokio::time::sleep(gap).await;
    }
    // The last keystrokes' previews land within `settle` unless the preview is stuck.
    let deadline = Instant::now() + settle;
    while Instant::now() < deadline
        && !app
            .js("return window.__byline.previewIdle ? window.__byline.previewIdle() : true;", vec![])
            .await?
            .as_bool()
            .unwrap_or(true)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let typed = text.trim();
    ensure!(
        app.editor_text().await?.trim_end().ends_with(typed),
        "the editor lost typed characters: it does not end with {typed:?}"
    );
    let samples = app
        .js(
            "return { perf: Array.from(window.__byline.perf), typing: Array.from(window.__byline.typing), \
             ipc: performance.getEntriesByName('preview-render-ipc').map((m) => m.duration), \
             patch: performance.getEntriesByName('preview-patch').map((m) => m.duration) };",
            vec![],
        )
        .await?;
    Ok(TypingSamples {
        to_preview: numbers(&samples["perf"]).into_iter().skip(preview_before).collect(),
        to_editor: numbers(&samples["typing"]).into_iter().skip(typing_before).collect(),
        round_trip,
        render_ipc: numbers(&samples["ipc"]),
        patch: numbers(&samples["patch"]),
    })
}

/// Waits until the app has recorded at least one keystroke-to-preview sample more than `before`.
pub async fn wait_for_preview_sample(app: &App, before: usize) -> Result<()> {
    app.wait_for("a keystroke-to-preview sample", FIND_TIMEOUT, || async {
        Ok((counts(app).await?.0 > before).then_some(()))
    })
    .await
}

async fn counts(app: &App) -> Result<(usize, usize)> {
    let both = app.js(COUNTS, vec![]).await?;
    let at = |i: usize| both.get(i).and_then(Value::as_u64).unwrap_or(0) as usize;
    Ok((at(0), at(1)))
}

fn numbers(value: &Value) -> Vec<f64> {
    value.as_array().into_iter().flatten().filter_map(Value::as_f64).collect()
}

/// Where a preview render's time goes, timed inside the page: the render command's round trip
/// on the open draft's unchanged text (cache warm) and on a one-word text (the fixed IPC cost),
/// and `JSON.stringify` of the text (what sending it costs the UI thread).
#[derive(Debug, Default)]
pub struct RenderBreakdown {
    /// Whole-text `update_preview` round trips (ms) on the open draft's text.
    pub full: Vec<f64>,
    /// Whole-text `update_preview` round trips (ms) on a one-word text.
    pub tiny: Vec<f64>,
    /// `JSON.stringify` of the text (ms).
    pub stringify: Vec<f64>,
}

const RENDER_BREAKDOWN: &str = r#"
const [runs, done] = arguments;
const text = window.__byline.editorText();
const slug = window.__byline.currentSlug();
// A session of its own, sending the whole text each time: the full-text round trip.
const invoke = (markdown) => window.__TAURI_INTERNALS__.invoke('update_preview',
  { request: { session: 'timing-probe', slug, base: 0, version: 1, text: markdown, length: markdown.length, known: 0 } });
const timed = async (fn) => { const t = performance.now(); await fn(); return performance.now() - t; };
(async () => {
  const full = [], tiny = [], stringify = [];
  for (let i = 0; i < runs; i++) full.push(await timed(() => invoke(text)));
  for (let i = 0; i < runs; i++) stringify.push(await timed(async () => JSON.stringify({ markdown: text })));
  for (let i = 0; i < runs; i++) tiny.push(await timed(() => invoke('word')));
  await invoke(text);
  done({ full, tiny, stringify });
})().catch((error) => done({ error: String(error) }));
"#;

/// Times the render command as described on [`RenderBreakdown`], `runs` times each.
pub async fn render_breakdown(app: &App, runs: usize) -> Result<RenderBreakdown> {
    let found = app.js_async(RENDER_BREAKDOWN, vec![runs.into()]).await?;
    ensure!(found.get("error").is_none(), "timing the render command failed: {}", found["error"]);
    Ok(RenderBreakdown {
        full: numbers(&found["full"]),
        tiny: numbers(&found["tiny"]),
        stringify: numbers(&found["stringify"]),
    })
}
