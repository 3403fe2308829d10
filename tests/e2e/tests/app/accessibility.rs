//! axe-core on the main screen and in the Authors manager: no serious or critical violations.

use anyhow::{bail, Context, Result};
use byline_e2e::paths::axe_script;
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use serde_json::Value;

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
// arguments[0]: a CSS selector for the part to audit, or null for the whole document.
const context = arguments[0] ? document.querySelector(arguments[0]) : document;
// The preview iframe runs no scripts (sandbox without allow-scripts), so axe cannot enter it.
axe.run(context, { iframes: false, resultTypes: ['violations'] })
  .then((r) => done({ passes: r.passes.length, violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })) }))
  .catch((e) => done({ error: String(e) }));
"#;

/// Loads axe-core into the window (from tests/e2e/node_modules or ui/node_modules).
pub(crate) async fn load_axe(app: &App) -> Result<()> {
    let axe = std::fs::read_to_string(axe_script()?).context("reading axe.min.js")?;
    let loaded = app.js(&format!("{axe}\n;return typeof window.axe;"), vec![]).await?;
    if loaded != "object" {
        bail!("axe-core did not load in the window (typeof window.axe = {loaded})");
    }
    Ok(())
}

/// Runs axe on the current screen, prints every violation, returns the serious/critical ones.
async fn audit(app: &App, screen: &str) -> Result<Vec<String>> {
    audit_in(app, screen, None).await
}

/// Like [`audit`], on the part of the screen `selector` names (e.g. one open dialog).
pub(crate) async fn audit_in(app: &App, screen: &str, selector: Option<&str>) -> Result<Vec<String>> {
    let result = app.js_async(RUN_AXE, vec![serde_json::json!(selector)]).await?;
    if let Some(error) = result.get("error") {
        bail!("axe failed on the {screen}: {error}");
    }
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
    let mut blocking = Vec::new();
    let passes = result["passes"].as_u64().unwrap_or(0);
    println!("axe on the {screen}: {} violation(s), {passes} rules passed", violations.len());
    if passes == 0 {
        bail!("axe checked nothing on the {screen}");
    }
    for violation in &violations {
        let impact = violation["impact"].as_str().unwrap_or("unknown");
        let line = format!(
            "[{impact}] {}: {}",
            violation["id"].as_str().unwrap_or("?"),
            violation["help"].as_str().unwrap_or("")
        );
        println!("  {line}");
        for node in violation["nodes"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            println!("      {node}");
        }
        if matches!(impact, "serious" | "critical") {
            blocking.push(format!("{screen}: {line}"));
        }
    }
    Ok(blocking)
}

#[tokio::test]
async fn main_screen_and_authors_manager_have_no_serious_axe_violations() -> Result<()> {
    let library = Library::with_samples()?;
    with_app("accessibility", &library.path(), |app| async move {
        app.wait_ready().await?;
        app.wait_for_open_draft().await.ok();
        load_axe(&app).await?;
        let mut blocking = audit(&app, "main screen").await?;

        app.click("button", "Authors").await?;
        app.by_name("dialog", "Authors").await?;
        app.wait_for("the Authors dialog to list profiles", FIND_TIMEOUT, || async {
            let list = app.all_by_name("list", "Author profiles", None).await?;
            Ok(list.into_iter().next())
        })
        .await?;
        blocking.extend(audit(&app, "Authors manager").await?);
        if !blocking.is_empty() {
            bail!("serious or critical accessibility violations:\n{}", blocking.join("\n"));
        }
        Ok(())
    })
    .await
}
