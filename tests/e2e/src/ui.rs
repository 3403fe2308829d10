//! What a test does in the window: find controls by role and accessible name, type, read the
//! editor and the preview, wait, take screenshots, call the app's IPC directly.

use std::future::Future;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::key::Key;
use fantoccini::Locator;
use serde_json::{json, Value};

use crate::paths::artifacts_dir;
use crate::scripts;
use crate::session::{is_truthy, script_error, App};

/// How long a control may take to appear.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(10);

/// WebDriver's key for element references in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

impl App {
    /// Runs a script and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.client.execute(script, args).await.map_err(|e| script_error("script", e))
    }

    /// Runs an async script (the last argument is the callback) and returns what it passed.
    pub async fn js_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.client.execute_async(script, args).await.map_err(|e| script_error("async script", e))
    }

    /// Polls `check` every 100 ms until it yields `Some`, failing after `timeout` with `what`.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, timeout: Duration, mut check: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<T>>>,
    {
        let deadline = Instant::now() + timeout;
        let mut last_error = None;
        loop {
            match check().await {
                Ok(Some(value)) => return Ok(value),
                Ok(None) => {}
                Err(error) => last_error = Some(error),
            }
            if Instant::now() >= deadline {
                let detail = last_error.map(|e| format!(" (last error: {e:#})")).unwrap_or_default();
                bail!("timed out after {:.1} s waiting for {what}{detail}", timeout.as_secs_f32());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits for `window.__byline.ready` (the library list is shown).
    pub async fn wait_ready(&self) -> Result<()> {
        self.wait_for("window.__byline.ready", Duration::from_secs(30), || async {
            let ready = self.js("return !!(window.__byline && window.__byline.ready);", vec![]).await?;
            Ok(is_truthy(&ready).then_some(()))
        })
        .await
    }

    /// All visible elements with this role whose accessible name contains `name`
    /// (case-insensitive), optionally inside `scope`.
    pub async fn all_by_name(&self, role: &str, name: &str, scope: Option<&Element>) -> Result<Vec<Element>> {
        self.query(role, name, false, scope).await
    }

    async fn query(&self, role: &str, name: &str, exact: bool, scope: Option<&Element>) -> Result<Vec<Element>> {
        let scope = match scope {
            Some(element) => serde_json::to_value(element)?,
            None => Value::Null,
        };
        let found = self.js(scripts::FIND_BY_ROLE, vec![json!(role), json!(name), json!(exact), scope]).await?;
        self.elements(found)
    }

    /// The one visible element with this role and exactly this accessible name (ignoring
    /// case), waiting for it to appear; falls back to a name that merely contains `name`.
    pub async fn by_name(&self, role: &str, name: &str) -> Result<Element> {
        self.by_name_in(role, name, None).await
    }

    /// Like [`App::by_name`], inside `scope`.
    pub async fn by_name_in(&self, role: &str, name: &str, scope: Option<&Element>) -> Result<Element> {
        let what = format!("{role} named {name:?}");
        self.wait_for(&what, FIND_TIMEOUT, || async {
            let mut exact = self.query(role, name, true, scope).await?;
            if !exact.is_empty() {
                return Ok(Some(exact.swap_remove(0)));
            }
            let mut partial = self.query(role, name, false, scope).await?;
            Ok((!partial.is_empty()).then(|| partial.swap_remove(0)))
        })
        .await
    }

    /// Whether a visible element with this role and (partial) name exists right now.
    pub async fn exists(&self, role: &str, name: &str, scope: Option<&Element>) -> Result<bool> {
        Ok(!self.query(role, name, false, scope).await?.is_empty())
    }

    /// Clicks the control with this role and name.
    pub async fn click(&self, role: &str, name: &str) -> Result<()> {
        let element = self.by_name(role, name).await?;
        element.click().await.with_context(|| format!("clicking {role} {name:?}"))
    }

    /// Types `value` into the text field named `name`, replacing its content, and fires
    /// `input` and `change` as a writer leaving the field would.
    pub async fn fill(&self, name: &str, value: &str) -> Result<()> {
        let field = self.by_name("textbox", name).await?;
        // Typed over a selection, as a writer replaces a field's text. WebDriver's clear() would
        // blur the field empty, and a Title left blank goes back to following the first heading.
        self.js("arguments[0].focus(); arguments[0].select(); return null;", vec![serde_json::to_value(&field)?])
            .await
            .with_context(|| format!("selecting the text of {name:?}"))?;
        let keys = if value.is_empty() { "\u{e003}".to_owned() } else { value.to_owned() };
        field.send_keys(&keys).await.with_context(|| format!("typing into {name:?}"))?;
        self.js(
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true})); arguments[0].blur(); return null;",
            vec![serde_json::to_value(&field)?],
        )
        .await?;
        Ok(())
    }

    /// Sets a control's value (a `<select>` by option label or value) with `input`/`change`.
    pub async fn set_value(&self, role: &str, name: &str, value: &str) -> Result<()> {
        let element = self.by_name(role, name).await?;
        let outcome = self.js(scripts::SET_VALUE, vec![serde_json::to_value(&element)?, json!(value)]).await?;
        match outcome {
            Value::Null => Ok(()),
            other => Err(anyhow!("setting {role} {name:?} to {value:?}: {other}")),
        }
    }

    /// The current value of a form control.
    pub async fn value_of(&self, role: &str, name: &str) -> Result<String> {
        let element = self.by_name(role, name).await?;
        Ok(element.prop("value").await?.unwrap_or_default())
    }

    /// Text content of an element, whitespace collapsed.
    pub async fn text_of(&self, element: &Element) -> Result<String> {
        let text = self
            .js(
                "return (arguments[0].textContent || '').replace(/\\s+/g, ' ').trim();",
                vec![serde_json::to_value(element)?],
            )
            .await?;
        Ok(text.as_str().unwrap_or_default().to_string())
    }

    /// The CodeMirror editor's contenteditable.
    pub async fn editor(&self) -> Result<Element> {
        let region = self.by_name("region", "Editor").await?;
        region.find(Locator::Css(".cm-content")).await.context("the Editor region has no .cm-content")
    }

    /// Clicks into the editor, moves to the end of the document and types `text` key by key
    /// (`\n` becomes Enter).
    pub async fn type_in_editor(&self, text: &str) -> Result<()> {
        let editor = self.editor().await?;
        editor.click().await.context("focusing the editor")?;
        editor.send_keys(&format!("{}{}", Key::Control, Key::End)).await?;
        for line in split_lines(text) {
            match line {
                Line::Text(chunk) => editor.send_keys(chunk).await?,
                Line::Break => editor.send_keys(&Key::Enter.to_string()).await?,
            }
        }
        Ok(())
    }

    /// The editor's text, from `window.__byline.editorText()`.
    pub async fn editor_text(&self) -> Result<String> {
        let text = self.js("return window.__byline.editorText();", vec![]).await?;
        text.as_str().map(str::to_string).ok_or_else(|| anyhow!("editorText() returned {text}"))
    }

    /// Waits until the editor's text is one `wanted` accepts, and returns it; on a timeout the
    /// error shows the text it last held.
    pub async fn wait_for_editor_text(&self, what: &str, wanted: impl Fn(&str) -> bool) -> Result<String> {
        let waited = self
            .wait_for(what, FIND_TIMEOUT, || async {
                let text = self.editor_text().await?;
                Ok(wanted(&text).then_some(text))
            })
            .await;
        match waited {
            Ok(text) => Ok(text),
            Err(error) => {
                let last = self.editor_text().await.unwrap_or_default();
                Err(error.context(format!("the editor last held {last:?}")))
            }
        }
    }

    /// Pastes `text` at the caret as the clipboard would: a real ClipboardEvent on the editor.
    pub async fn paste_in_editor(&self, text: &str) -> Result<()> {
        self.js(
            "const data = new DataTransfer();
             data.setData('text/plain', arguments[0]);
             document.querySelector('.cm-content')
               .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
             return null;",
            vec![json!(text)],
        )
        .await?;
        Ok(())
    }

    /// Replaces the editor's document as a user edit (`window.__byline.setEditorText`).
    pub async fn set_editor_text(&self, text: &str) -> Result<()> {
        self.js("window.__byline.setEditorText(arguments[0]); return null;", vec![json!(text)]).await?;
        Ok(())
    }

    /// The slug of the open draft.
    pub async fn current_slug(&self) -> Result<Option<String>> {
        let slug = self.js("return window.__byline.currentSlug();", vec![]).await?;
        Ok(slug.as_str().map(str::to_string))
    }

    /// Opens the draft `slug` as the sidebar would, and waits until it is the open draft.
    pub async fn open_draft(&self, slug: impl AsRef<str>) -> Result<()> {
        let slug = slug.as_ref();
        self.js("window.__byline.openDraft(arguments[0]); return null;", vec![slug.into()]).await?;
        self.wait_for("the draft to open", FIND_TIMEOUT, || async {
            Ok(self.current_slug().await?.filter(|open| open == slug).map(|_| ()))
        })
        .await
    }

    /// Waits until a draft is open and returns its slug.
    pub async fn wait_for_open_draft(&self) -> Result<String> {
        self.wait_for("a draft to be open", FIND_TIMEOUT, || async { self.current_slug().await }).await
    }

    /// Saves now (`window.__byline.flush()`).
    pub async fn flush(&self) -> Result<()> {
        match self.js_async(scripts::FLUSH, vec![]).await? {
            Value::Null => Ok(()),
            error => Err(anyhow!("window.__byline.flush() failed: {error}")),
        }
    }

    /// Evaluates `body` (which sees the preview document as `doc` and must `return`) in the
    /// window; `None` while the preview document does not exist.
    pub async fn in_preview(&self, body: &str) -> Result<Option<Value>> {
        let result = self.js(&format!("{}{}", scripts::PREVIEW_PREFIX, body), vec![]).await?;
        if result.get("missing").is_some() {
            return Ok(None);
        }
        Ok(Some(result))
    }

    /// Waits until `body` (see [`App::in_preview`]) returns something truthy, and returns it.
    pub async fn wait_in_preview(&self, what: &str, body: &str) -> Result<Value> {
        self.wait_for(what, FIND_TIMEOUT, || async { Ok(self.in_preview(body).await?.filter(is_truthy)) }).await
    }

    /// Waits two animation frames, then saves a PNG screenshot as `target/e2e/FILE`.
    pub async fn screenshot(&self, file: &str) -> Result<PathBuf> {
        self.js_async(scripts::TWO_FRAMES, vec![]).await?;
        let png = self.client.screenshot().await.context("taking a screenshot")?;
        let path = artifacts_dir()?.join(file);
        std::fs::write(&path, &png).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }

    /// Calls a Tauri command directly, as `ui/ipc/` would; `Err` carries the rejection.
    pub async fn invoke(&self, command: &str, args: Value) -> Result<Value> {
        let outcome = self.js_async(scripts::INVOKE, vec![json!(command), args]).await?;
        match (outcome.get("ok"), outcome.get("err")) {
            (Some(ok), _) => Ok(ok.clone()),
            (_, Some(err)) => Err(anyhow!("invoke({command}) rejected: {err}")),
            _ => Err(anyhow!("invoke({command}) returned {outcome}")),
        }
    }

    /// Closes the window as a writer does (title-bar close button, Alt+F4): the app gets a
    /// close request and is expected to save, then exit.
    pub async fn close_like_a_writer(&self) -> Result<()> {
        crate::x11::request_close_all(&self.display)?;
        Ok(())
    }

    /// The main window's URL.
    pub async fn url(&self) -> Result<String> {
        Ok(self.client.current_url().await?.to_string())
    }

    fn elements(&self, found: Value) -> Result<Vec<Element>> {
        let Value::Array(items) = found else { bail!("expected a list of elements, got {found}") };
        items
            .into_iter()
            .map(|item| {
                let id = item
                    .get(ELEMENT_KEY)
                    .and_then(Value::as_str)
                    .ok_or_else(|| anyhow!("not an element reference: {item}"))?;
                Ok(Element::from_element_id(self.client.clone(), ElementRef::from(id.to_string())))
            })
            .collect()
    }
}

enum Line<'a> {
    Text(&'a str),
    Break,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut parts = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            parts.push(Line::Break);
        }
        if !line.is_empty() {
            parts.push(Line::Text(line));
        }
    }
    parts
}
