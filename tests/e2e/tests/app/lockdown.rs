//! The webview locked down, checked against the built app (issue 6, item 4): a strict CSP in
//! force, no eval, a preview that runs nothing and opens nothing, a main window that never
//! leaves the app, links refused by the link command, and a frozen Object prototype.

use std::future::Future;
use std::time::Duration;

use anyhow::{ensure, Context, Result};
use byline_e2e::csp::Policy;
use byline_e2e::hostile::bounded;
use byline_e2e::paths::{artifacts_dir, workspace_root};
use byline_e2e::ui::FIND_TIMEOUT;
use byline_e2e::{with_app, App, Library};
use fantoccini::wd::WindowHandle;
use fantoccini::Locator;
use serde_json::{json, Value};

const BODY: &str = "# Locked\n\nA paragraph with [a safe link](https://example.org/safe).\n";

/// Opens a draft with [`BODY`] and waits for its preview.
async fn open_with_preview(app: &App, slug: &str) -> Result<()> {
    app.wait_ready().await?;
    app.open_draft(&slug).await?;
    app.wait_in_preview("the heading in the preview", "return !!doc.querySelector('h1');").await?;
    Ok(())
}

/// Runs `body` in the app on a fresh library whose one draft, [`BODY`], is open with its preview.
async fn with_locked_draft<F, Fut>(name: &str, body: F) -> Result<()>
where
    F: FnOnce(App) -> Fut + Send + 'static,
    Fut: Future<Output = Result<()>> + Send + 'static,
{
    let library = Library::empty()?;
    let slug = library.new_draft("Locked", BODY)?;
    with_app(name, &library.path(), |app| async move {
        open_with_preview(&app, &slug).await?;
        body(app).await
    })
    .await
}

/// Where the main window stands (its windows and URL), to check later that nothing moved.
struct Standing {
    windows: Vec<WindowHandle>,
    url: String,
}

impl Standing {
    async fn of(app: &App) -> Result<Self> {
        Ok(Standing { windows: app.client.windows().await?, url: app.url().await? })
    }

    /// Fails if a window appeared or the main window navigated since.
    async fn ensure_unmoved(&self, app: &App) -> Result<()> {
        let windows = app.client.windows().await?;
        ensure!(windows == self.windows, "a new window appeared: {:?} -> {windows:?}", self.windows);
        let url = app.url().await?;
        ensure!(url == self.url, "the main window navigated from {} to {url}", self.url);
        Ok(())
    }
}

/// Clicks `link` in the preview and waits for the notice refusing its `scheme`, the proof that
/// the click reached the app's link handling and was refused there.
async fn click_refused(app: &App, link: &str, scheme: &str) -> Result<()> {
    dismiss_notices(app).await?;
    app.click_in_preview(link).await?;
    let refusal = format!("Link not opened: {scheme} links are not opened.");
    app.wait_for(&format!("the notice refusing {link}"), FIND_TIMEOUT, || async {
        Ok(notices(app).await?.iter().any(|n| n.starts_with(&refusal)).then_some(()))
    })
    .await
}

/// The app's log so far (tauri-driver, WebKitWebDriver and the app write to it).
fn app_log(name: &str) -> Result<String> {
    let path = artifacts_dir()?.join("logs").join(format!("{name}.log"));
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

#[tokio::test]
async fn lockdown_csp_in_force_is_strict_and_eval_throws() -> Result<()> {
    let config: Value =
        serde_json::from_str(&std::fs::read_to_string(workspace_root().join("src-tauri/tauri.conf.json"))?)?;
    let configured = config["app"]["security"]["csp"].as_str().context("tauri.conf.json has no app.security.csp")?;
    let weaknesses = Policy::parse(configured).weaknesses();
    ensure!(weaknesses.is_empty(), "the configured CSP is weak: {weaknesses:?}\n{configured}");

    let library = Library::empty()?;
    with_app("lockdown_csp", &library.path(), |app| async move {
        app.wait_ready().await?;
        let report = app.enforced_policy().await?;
        println!("enforced: {:#?}\nmeta: {:#?}", report.enforced, report.meta);
        ensure!(
            report.eval_error.as_deref() == Some("EvalError"),
            "eval('1') ran in the main window ({:?})",
            report.eval_error
        );
        ensure!(!report.enforced.is_empty(), "the blocked eval reported no enforced policy: no CSP is in force");
        for policy in report.enforced.iter().chain(&report.meta) {
            let weaknesses = policy.weaknesses();
            ensure!(weaknesses.is_empty(), "the CSP in force is weak: {weaknesses:?}\n{}", policy.text);
        }

        let blocked = app
            .js(
                "const out = {};
                 try { new Function('return 1')(); out.newFunction = null; } catch (e) { out.newFunction = e.name; }
                 try { setTimeout('window.__pwned = 1', 0); } catch (e) { out.timer = e.name; }
                 out.frozen = Object.isFrozen(Object.prototype);
                 try { Object.prototype.polluted = 1; } catch (e) {}
                 out.polluted = ({}).polluted === 1;
                 return out;",
                vec![],
            )
            .await?;
        ensure!(blocked["newFunction"] == "EvalError", "new Function ran in the main window: {blocked}");
        ensure!(blocked["frozen"] == true, "Object.prototype is not frozen (freezePrototype is off): {blocked}");
        ensure!(blocked["polluted"] == false, "Object.prototype could be polluted: {blocked}");
        tokio::time::sleep(Duration::from_millis(200)).await;
        ensure!(app.sentinel().await?.untouched(), "a string timer ran: {:?}", app.sentinel().await?);
        Ok(())
    })
    .await
}

#[tokio::test]
async fn lockdown_preview_frame_runs_no_script_and_cannot_reach_the_backend() -> Result<()> {
    with_locked_draft("lockdown_preview_sandbox", |app| async move {
        let sandbox = app
            .js("return document.querySelector('iframe[title=\"Preview\"]').getAttribute('sandbox');", vec![])
            .await?;
        let tokens: Vec<&str> = sandbox.as_str().context("the preview iframe has no sandbox attribute")?.split_whitespace().collect();
        for forbidden in ["allow-scripts", "allow-popups", "allow-forms", "allow-top-navigation", "allow-modals"] {
            ensure!(!tokens.contains(&forbidden), "the preview iframe's sandbox allows {forbidden}: {tokens:?}");
        }

        let reach = app
            .in_preview("const w = doc.defaultView; return { internals: typeof w.__TAURI_INTERNALS__, ipc: typeof w.ipc, byline: typeof w.__byline };")
            .await?
            .context("the preview document is gone")?;
        ensure!(
            reach["internals"] == "undefined" && reach["ipc"] == "undefined" && reach["byline"] == "undefined",
            "the preview's window can reach the backend: {reach}"
        );

        // Through the Markdown (the sanitizer's job) and planted straight into the document
        // (the sandbox's job): neither may ever run.
        app.set_editor_text("# Locked\n\n<script>top.__pwned='md-script'</script>\n\n<img src=x onerror=\"top.__pwned='md-onerror'\">\n")
            .await?;
        app.wait_in_preview("the new render", "return doc.querySelector('article').textContent.includes('Locked') || null;").await?;
        app.plant_in_preview(
            "<img src=x onerror=\"top.__pwned='planted-onerror';window.__pwned=1\"><svg onload=\"window.__pwned=2\"></svg>",
            "top.__pwned='planted-script'; window.__pwned = 3;",
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        let sentinel = app.sentinel().await?;
        ensure!(sentinel.untouched(), "script ran in the preview: {sentinel:?}");
        let planted = app.in_preview("return !!doc.querySelector('.planted img');").await?;
        ensure!(planted == Some(json!(true)), "the planted markup is missing, the check proved nothing");
        Ok(())
    })
    .await
}

#[tokio::test]
async fn lockdown_window_open_and_forms_from_the_preview_do_nothing() -> Result<()> {
    with_locked_draft("lockdown_popups_forms", |app| async move {
        let standing = Standing::of(&app).await?;
        // Targets inside the app itself: the on-navigation handler lets those load, so only the
        // sandbox stands between a click and a reloaded window that lost the writer's state.
        let origin = app.js("return location.origin;", vec![]).await?;
        let origin = origin.as_str().context("the main window has no origin")?.to_string();
        let scheme = format!("{}:", origin.split(':').next().unwrap_or_default());
        app.plant_in_preview(
            &format!(
                "<p><a id=\"popup\" href=\"{origin}/index.html?escaped=popup\" target=\"_blank\">popup link</a></p>\
                 <p><a id=\"top\" href=\"{origin}/index.html?escaped=top\" target=\"_top\">top link</a></p>\
                 <form id=\"f\" action=\"{origin}/index.html\" method=\"get\" target=\"_top\"><input name=\"escaped\" value=\"form\"> <button id=\"send\" type=\"submit\">send</button></form>"
            ),
            "",
        )
        .await?;
        for link in ["#popup", "#top"] {
            click_refused(&app, link, &scheme).await?;
        }
        app.click_in_preview("#send").await?;
        let opened = app
            .js(
                "const frame = document.querySelector('iframe[title=\"Preview\"]');
                 const out = {};
                 try { out.fromPreview = String(frame.contentWindow.open(arguments[0] + '/index.html?escaped=open')); } catch (e) { out.fromPreview = e.name; }
                 try { frame.contentDocument.getElementById('f').submit(); out.submit = 'called'; } catch (e) { out.submit = e.name; }
                 try { out.fromMain = String(window.open('https://example.org/main')); } catch (e) { out.fromMain = e.name; }
                 return out;",
                vec![json!(origin)],
            )
            .await?;
        println!("window.open / submit from script: {opened}");
        ensure!(opened["fromPreview"] != "[object Window]", "window.open from the preview returned a window: {opened}");
        ensure!(opened["fromMain"] != "[object Window]", "window.open from the main window returned a window: {opened}");
        tokio::time::sleep(Duration::from_millis(1000)).await;

        standing.ensure_unmoved(&app).await?;
        let frame = app
            .in_preview("return { url: doc.location.href, article: !!doc.querySelector('article.byline-preview'), form: !!doc.getElementById('f') };")
            .await?
            .context("the preview document is gone")?;
        ensure!(
            frame["url"] == "about:srcdoc" && frame["article"] == true && frame["form"] == true,
            "the preview navigated or was replaced: {frame}"
        );
        ensure!(app.sentinel().await?.untouched(), "something ran: {:?}", app.sentinel().await?);
        app.wait_ready().await?;
        let editor = app.editor_text().await?;
        ensure!(editor.contains("# Locked"), "the editor lost the draft: {editor:?}");
        Ok(())
    })
    .await
}

#[tokio::test]
async fn lockdown_main_window_never_navigates_away() -> Result<()> {
    with_locked_draft("lockdown_navigation", |app| async move {
        let url_before = app.url().await?;
        app.js("location.href = 'https://example.org/away'; return null;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        let link = app
            .js(
                "const a = document.createElement('a');
                 a.href = 'https://example.org/link-top'; a.target = '_top'; a.id = 'escape'; a.textContent = 'escape';
                 document.body.append(a); return null;",
                vec![],
            )
            .await;
        link?;
        bounded("clicking the target=_top link in the main window", async {
            Ok(app.client.find(Locator::Id("escape")).await?.click().await?)
        })
        .await?;
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.js("window.location.assign('file:///etc/passwd'); return null;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(800)).await;

        let url_after = app.url().await?;
        ensure!(url_after == url_before, "the main window navigated from {url_before} to {url_after}");
        app.wait_ready().await?;
        let editor = app.editor_text().await?;
        ensure!(editor.contains("# Locked"), "the editor lost the draft: {editor:?}");
        let log = app_log("lockdown_navigation")?;
        for refused in ["https://example.org/away", "https://example.org/link-top"] {
            ensure!(
                log.contains(&format!("refused navigation to {refused}")),
                "the on-navigation handler did not refuse {refused} (log target/e2e/logs/lockdown_navigation.log)"
            );
        }
        Ok(())
    })
    .await
}

#[tokio::test]
async fn lockdown_javascript_and_file_links_in_the_preview_are_not_opened() -> Result<()> {
    with_locked_draft("lockdown_links", |app| async move {
        let standing = Standing::of(&app).await?;
        // Planted, since the sanitizer already drops these hrefs from rendered Markdown.
        app.plant_in_preview(
            "<p><a id=\"js\" href=\"javascript:top.__pwned='js-link'\">js link</a></p>\
             <p><a id=\"js-tab\" href=\"java&#x09;script:top.__pwned='tab-link'\">tab link</a></p>\
             <p><a id=\"file\" href=\"file:///etc/passwd\">file link</a></p>",
            "",
        )
        .await?;
        // Each click reaches the app's link handling (its notice proves the click landed) and
        // is refused there; the link itself never runs or loads.
        for (link, scheme) in [("#js", "javascript:"), ("#js-tab", "javascript:"), ("#file", "file:")] {
            click_refused(&app, link, scheme).await?;
            ensure!(app.sentinel().await?.untouched(), "clicking {link} ran script: {:?}", app.sentinel().await?);
        }
        // The link command itself refuses them, whoever calls it.
        for url in [
            "javascript:top.__pwned=1",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "&#106;avascript:alert(1)",
            "file:///etc/passwd",
        ] {
            let refused = app.invoke("open_external", json!({ "url": url })).await;
            let message = format!("{:?}", refused.as_ref().err());
            ensure!(
                refused.is_err() && message.contains("refused"),
                "open_external({url:?}) was not refused: {refused:?}"
            );
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        ensure!(app.sentinel().await?.untouched(), "a link ran script: {:?}", app.sentinel().await?);
        standing.ensure_unmoved(&app).await?;
        let frame = app.in_preview("return doc.location.href;").await?;
        ensure!(frame == Some(json!("about:srcdoc")), "a link navigated the preview to {frame:?}");
        Ok(())
    })
    .await
}

/// The text of the notices shown in the window.
async fn notices(app: &App) -> Result<Vec<String>> {
    let found =
        app.js("return Array.from(document.querySelectorAll('.notice')).map((n) => n.textContent);", vec![]).await?;
    Ok(serde_json::from_value(found)?)
}

/// Dismisses every notice, so the next one seen is new.
async fn dismiss_notices(app: &App) -> Result<()> {
    app.js("document.querySelectorAll('.notice .notice-close').forEach((b) => b.click()); return null;", vec![])
        .await?;
    Ok(())
}
