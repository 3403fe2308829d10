//! Looking for hostile markup in the window: the `window.__pwned` sentinel payloads set when they
//! run, event-handler attributes and foreign scripts in the main document and the preview, and
//! planting markup straight into the preview to test the sandbox without the sanitizer's help.

use std::future::Future;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use serde_json::{json, Value};

use crate::session::App;

/// Scans the main document and the preview document for what a payload would leave behind:
/// elements with an `on*` attribute, `<script>` elements other than the app's own bundle, and
/// `<iframe>`/`<object>`/`<embed>` other than the preview frame. Returns a list of findings
/// (outer HTML, shortened) naming the document.
const SCAN: &str = r#"
const findings = [];
const short = (el) => el.outerHTML.slice(0, 160);
function scan(doc, where) {
  if (!doc) return;
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.toLowerCase().startsWith('on')) findings.push(where + ': ' + short(el));
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'script') {
      // The bundle's src is relative (`./assets/…`): judge where it resolves, not how it is written.
      const src = el.getAttribute('src') ? new URL(el.getAttribute('src'), document.baseURI) : null;
      const ownBundle = where === 'main' && el.type === 'module' && src !== null && src.origin === location.origin
        && src.pathname.startsWith('/assets/') && !el.textContent.trim();
      if (!ownBundle) findings.push(where + ': ' + short(el));
    }
    if ((tag === 'iframe' && !(where === 'main' && el.title === 'Preview')) || tag === 'object' || tag === 'embed') {
      findings.push(where + ': ' + short(el));
    }
  }
}
scan(document, 'main');
const frame = document.querySelector('iframe[title="Preview"]');
scan(frame && frame.contentDocument, 'preview');
return findings;
"#;

/// Reads the sentinel in the main window and in the preview's window.
const SENTINEL: &str = r#"
const frame = document.querySelector('iframe[title="Preview"]');
const inner = frame && frame.contentWindow;
const show = (v) => (v === undefined ? null : String(v));
return { main: show(window.__pwned), preview: inner ? show(inner.__pwned) : null };
"#;

/// Appends `arguments[0]` (HTML) to the preview's body, outside the article a render patches,
/// then adds a `<script>` element whose text is `arguments[1]`, as a compromised renderer would.
const PLANT: &str = r#"
const [html, scriptText] = arguments;
const frame = document.querySelector('iframe[title="Preview"]');
const doc = frame && frame.contentDocument;
if (!doc || !doc.body) return 'no preview document';
const holder = doc.createElement('div');
holder.className = 'planted';
holder.innerHTML = html;
doc.body.append(holder);
const script = doc.createElement('script');
script.textContent = scriptText;
holder.append(script);
return null;
"#;

/// Parses an exported page (`arguments[0]`) with the engine's own HTML parser (DOMParser runs
/// nothing) and reports its head as a reader's browser would see it, plus what hostile markup
/// it holds anywhere.
const EXPORTED_PAGE: &str = r#"
const page = new DOMParser().parseFromString(arguments[0], 'text/html');
const meta = (selector) => { const m = page.querySelector(selector); return m ? m.getAttribute('content') : null; };
const ld = Array.from(page.querySelectorAll('script[type="application/ld+json"]'));
let jsonLd = null, jsonLdError = null;
try { jsonLd = ld.length === 1 ? JSON.parse(ld[0].textContent) : null; } catch (e) { jsonLdError = String(e); }
const hostile = [];
for (const el of page.querySelectorAll('*')) {
  for (const attr of Array.from(el.attributes)) {
    const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
    if (attr.name.toLowerCase().startsWith('on') || ((attr.name === 'href' || attr.name === 'src') && value.startsWith('javascript:'))) {
      hostile.push(el.outerHTML.slice(0, 160));
    }
  }
  const tag = el.tagName.toLowerCase();
  if ((tag === 'script' && el.type !== 'application/ld+json') || ['iframe', 'object', 'embed', 'base'].includes(tag)) hostile.push(el.outerHTML.slice(0, 160));
}
return {
  title: page.title,
  description: meta('meta[name="description"]'),
  ogTitle: meta('meta[property="og:title"]'),
  ogDescription: meta('meta[property="og:description"]'),
  jsonLdScripts: ld.length,
  jsonLd, jsonLdError,
  h1: (page.querySelector('h1') || {}).textContent || null,
  tocLinks: Array.from(page.querySelectorAll('nav.toc a')).map((a) => a.textContent),
  hostile,
};
"#;

/// Where the element `arguments[0]` (a CSS selector) of the preview sits in the top-level
/// viewport, after scrolling it into view: `{x, y}` at the middle of its first line box, or a
/// string saying why it cannot be clicked (missing, or covered by something else).
const POINT_IN_PREVIEW: &str = r#"
const [selector] = arguments;
const frame = document.querySelector('iframe[title="Preview"]');
const doc = frame && frame.contentDocument;
const el = doc && doc.querySelector(selector);
if (!el) return 'no ' + selector + ' in the preview';
el.scrollIntoView({ block: 'center' });
const box = el.getClientRects()[0] || el.getBoundingClientRect();
const inner = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
const hit = doc.elementFromPoint(inner.x, inner.y);
if (!hit || !(hit === el || el.contains(hit))) return selector + ' is covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');
const outer = frame.getBoundingClientRect();
return { x: Math.round(outer.left + frame.clientLeft + inner.x), y: Math.round(outer.top + frame.clientTop + inner.y) };
"#;

/// The longest one WebDriver step that may block (a click, a pointer action) may take.
pub const STEP_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the pointer rests before pressing and holds the button: several animation frames.
const PRESS_HOLD: Duration = Duration::from_millis(150);

/// Runs `step`, failing with `what` when it has not finished within [`STEP_TIMEOUT`]: a
/// WebDriver command that never returns must fail its test quickly, not hang the suite.
pub async fn bounded<T>(what: &str, step: impl Future<Output = Result<T>>) -> Result<T> {
    match tokio::time::timeout(STEP_TIMEOUT, step).await {
        Ok(result) => result.with_context(|| what.to_string()),
        Err(_) => bail!("{what}: WebDriver gave no answer within {} s", STEP_TIMEOUT.as_secs()),
    }
}

/// What a payload run would have set; both `None` when nothing ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentinel {
    /// `window.__pwned` in the main window.
    pub main: Option<String>,
    /// `__pwned` in the preview frame's window.
    pub preview: Option<String>,
}

impl Sentinel {
    /// Whether neither window has the sentinel set.
    pub fn untouched(&self) -> bool {
        self.main.is_none() && self.preview.is_none()
    }
}

impl App {
    /// The sentinel as it stands in both windows.
    pub async fn sentinel(&self) -> Result<Sentinel> {
        let value = self.js(SENTINEL, vec![]).await?;
        let read = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_string);
        Ok(Sentinel { main: read("main"), preview: read("preview") })
    }

    /// Hostile markup present in the main document or the preview (see [`SCAN`]).
    pub async fn hostile_markup(&self) -> Result<Vec<String>> {
        let found = self.js(SCAN, vec![]).await?;
        serde_json::from_value(found).map_err(|e| anyhow!("scanning for hostile markup: {e}"))
    }

    /// Puts `html` and a `<script>` with `script` straight into the preview document, bypassing
    /// the sanitizer: whatever is planted may only ever be inert text and markup.
    pub async fn plant_in_preview(&self, html: &str, script: &str) -> Result<()> {
        match self.js(PLANT, vec![json!(html), json!(script)]).await? {
            Value::Null => Ok(()),
            other => Err(anyhow!("planting markup in the preview: {other}")),
        }
    }

    /// The head and hostile markup of an exported page (see [`EXPORTED_PAGE`]).
    pub async fn inspect_exported_page(&self, html: &str) -> Result<Value> {
        self.js(EXPORTED_PAGE, vec![json!(html)]).await
    }

    /// Clicks the element `selector` finds inside the preview frame with the real pointer, as a
    /// writer would: move over it, press, hold for a few frames, release.
    ///
    /// The click is made of pointer actions on the top-level document at the element's position
    /// (the frame's offset added), the path a writer's mouse takes: the parent sees the pointer
    /// enter the frame and watches it (ui/src/preview/frameWatch.ts). WebDriver's element click
    /// inside the sandboxed frame once never returned on a `javascript:` link, so every step is
    /// bounded by [`STEP_TIMEOUT`].
    pub async fn click_in_preview(&self, selector: &str) -> Result<()> {
        let what = format!("clicking {selector} in the preview");
        let point = bounded(&what, self.js(POINT_IN_PREVIEW, vec![json!(selector)])).await?;
        let (Some(x), Some(y)) = (point["x"].as_f64(), point["y"].as_f64()) else {
            bail!("{what}: {}", point.as_str().unwrap_or("no position"));
        };
        let mouse = MouseActions::new("writer".into())
            // From outside the frame, so the parent sees the pointer enter it and starts watching.
            .then(PointerAction::MoveTo { duration: None, x: 1.0, y: 1.0 })
            .then(PointerAction::MoveTo { duration: Some(Duration::from_millis(100)), x, y })
            .pause(PRESS_HOLD)
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            // The parent sees `:active` only while the button is down, once per animation frame.
            .pause(PRESS_HOLD)
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        bounded(&what, async { Ok(self.client.perform_actions(mouse).await?) }).await?;
        bounded(&format!("{what} (releasing the pointer)"), async { Ok(self.client.release_actions().await?) }).await?;
        // The parent watches the frame once per animation frame (ui/src/preview/frameWatch.ts).
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }
}
