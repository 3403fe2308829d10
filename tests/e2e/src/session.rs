//! One WebDriver session on the real app: start, run a test body, always clean up.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};

use crate::display::Display;
use crate::driver::Driver;
use crate::paths::{app_binary, artifacts_dir};

/// The app under WebDriver allows one session at a time; tests in one binary take turns even
/// when someone forgets `--test-threads=1`.
static SESSION_LOCK: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The longest a test body may run before it is failed (a hung app must not hang `make test`).
pub const BODY_TIMEOUT: Duration = Duration::from_secs(180);

/// The longest the failure screenshot and the session's deletion may each take.
const CLEANUP_TIMEOUT: Duration = Duration::from_secs(15);

/// The longest the app may take to open its window under WebDriver.
pub const LAUNCH_TIMEOUT: Duration = Duration::from_secs(60);

/// A running app window under WebDriver.
#[derive(Clone, Debug)]
pub struct App {
    /// The WebDriver client (one session).
    pub client: Client,
    /// The library the app was launched on.
    pub library: PathBuf,
    /// Name of the test, used for artifact file names.
    pub name: String,
    /// The X display the window is on.
    pub display: String,
    /// The session bus the app is on (a second launch must find the first through it).
    pub dbus_address: Option<String>,
}

/// How the app is started, beyond `--library DIR`.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// The binary to run; `None` is the one under test ([`app_binary`]), e.g. the package test
    /// names the installed `/usr/bin/byline-app`.
    pub binary: Option<PathBuf>,
    /// Arguments after `--library DIR`, e.g. the Markdown files to open.
    pub args: Vec<String>,
}

/// Launches the app on `library` and runs `body` against it. Whatever happens in the body
/// (error, panic, timeout) the session is deleted and tauri-driver, WebKitWebDriver, the app,
/// the bus and the X server are stopped; on failure a screenshot is saved under
/// `target/e2e/failures/` and the app's log path is named in the error.
pub async fn with_app<F, Fut>(name: &str, library: &Path, body: F) -> Result<()>
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = Result<()>> + Send + 'static,
{
    with_launch(name, library, Launch::default(), body).await
}

/// Like [`with_app`], starting the app as `launch` says.
pub async fn with_launch<F, Fut>(name: &str, library: &Path, launch: Launch, body: F) -> Result<()>
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = Result<()>> + Send + 'static,
{
    let _turn = SESSION_LOCK.lock().await;
    let app_bin = match launch.binary {
        Some(binary) => binary,
        None => app_binary()?,
    };
    let log = artifacts_dir()?.join("logs").join(format!("{name}.log"));
    // A failure screenshot from an earlier run would mislead.
    let _ = std::fs::remove_file(artifacts_dir()?.join("failures").join(format!("{name}.png")));
    let display = Display::start()?;
    // Beside the library, so a relaunch of the same library finds the preferences it left.
    let home = library.with_file_name(format!(
        "{}-home",
        library.file_name().map_or_else(|| "library".into(), |name| name.to_string_lossy())
    ));
    let mut driver = Driver::start(&display, &log, &home)?;
    let client = tokio::time::timeout(LAUNCH_TIMEOUT, connect(&driver, &app_bin, library, &launch.args))
        .await
        .map_err(|_| anyhow!("the app did not start within {} s", LAUNCH_TIMEOUT.as_secs()))
        .and_then(|connected| connected)
        .with_context(|| format!("starting the app under WebDriver (log: {})", log.display()))?;
    let app = App {
        client: client.clone(),
        library: library.to_path_buf(),
        name: name.into(),
        display: display.display.clone(),
        dbus_address: display.dbus_address.clone(),
    };

    let outcome = tokio::time::timeout(BODY_TIMEOUT, tokio::spawn(body(app.clone()))).await;
    let result = match outcome {
        Ok(Ok(result)) => result,
        Ok(Err(join)) if join.is_panic() => Err(anyhow!("panicked: {}", panic_text(join.into_panic()))),
        Ok(Err(join)) => Err(anyhow!("test body was cancelled: {join}")),
        Err(_) => Err(anyhow!("timed out after {} s", BODY_TIMEOUT.as_secs())),
    };
    // A WebDriver command the body gave up on may still hold the session, and later commands
    // queue behind it: clean-up is bounded so a hung command fails its test, not the suite.
    if result.is_err() && tokio::time::timeout(CLEANUP_TIMEOUT, save_failure_screenshot(&app)).await.is_err() {
        eprintln!("[e2e] {name}: no failure screenshot: WebDriver did not answer");
    }
    // Deleting the session makes WebKitWebDriver close the app; a session the body already
    // ended (by closing the window) may refuse, which is fine.
    match tokio::time::timeout(CLEANUP_TIMEOUT, client.close()).await {
        Ok(Ok(())) => {}
        Ok(Err(error)) => eprintln!("[e2e] {name}: deleting the WebDriver session: {error}"),
        Err(_) => eprintln!("[e2e] {name}: WebDriver did not delete the session; stopping it"),
    }
    driver.stop();
    drop(display);
    result.with_context(|| format!("e2e test `{name}` failed (app log: {})", log.display()))
}

async fn connect(driver: &Driver, app_bin: &Path, library: &Path, extra: &[String]) -> Result<Client> {
    // tauri-driver reads `tauri:options` from `alwaysMatch` only; fantoccini sends the
    // capabilities there.
    let mut args = vec![json!("--library"), json!(library)];
    args.extend(extra.iter().map(|arg| json!(arg)));
    let mut capabilities = Map::new();
    capabilities.insert(
        "tauri:options".into(),
        json!({
            "application": app_bin,
            "args": args,
        }),
    );
    let client = ClientBuilder::native()
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .context("creating the WebDriver session")?;
    Ok(client)
}

async fn save_failure_screenshot(app: &App) {
    let Ok(dir) = artifacts_dir().map(|d| d.join("failures")) else { return };
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = app.client.screenshot().await {
        let path = dir.join(format!("{}.png", app.name));
        if std::fs::write(&path, png).is_ok() {
            eprintln!("[e2e] {}: failure screenshot {}", app.name, path.display());
        }
    }
}

fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

/// Turns an `execute` result into a `Value`, naming the script on failure.
pub(crate) fn script_error(what: &str, error: fantoccini::error::CmdError) -> anyhow::Error {
    anyhow!("{what}: {error}")
}

/// The JSON null a script returns when it has nothing to say.
pub(crate) fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}
