//! `tauri-driver`: the WebDriver server that launches the app through WebKitWebDriver.

use std::fs::File;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use crate::display::Display;
use crate::processes::{free_port, which, ChildGuard};

/// A running tauri-driver (and, once a session exists, WebKitWebDriver and the app).
#[derive(Debug)]
pub struct Driver {
    /// The WebDriver endpoint, e.g. `http://127.0.0.1:4444`.
    pub url: String,
    /// File receiving the stdout/stderr of tauri-driver, WebKitWebDriver and the app.
    pub log: PathBuf,
    guard: ChildGuard,
}

impl Driver {
    /// Starts tauri-driver on free ports, with the given display, logging to `log`. The app's
    /// own files (the web view's storage with the view preferences, window state, caches) live
    /// under `home`, so no session sees what another left behind, even one running in parallel.
    pub fn start(display: &Display, log: &Path, home: &Path) -> Result<Self> {
        let tauri_driver = which("tauri-driver").context(
            "tauri-driver is not installed. Run scripts/setup-app.sh \
             (cargo install tauri-driver --locked --version ^2)",
        )?;
        let native_driver = which("WebKitWebDriver")
            .context("WebKitWebDriver is not installed. Run scripts/setup-app.sh (apt package webkit2gtk-driver)")?;
        let port = free_port()?;
        let native_port = free_port()?;
        let out = File::create(log).with_context(|| format!("creating {}", log.display()))?;
        let mut command = Command::new(tauri_driver);
        command
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .arg("--native-driver")
            .arg(native_driver)
            .env("DISPLAY", &display.display)
            // The accessibility bridge only adds start-up latency and warnings here.
            .env("NO_AT_BRIDGE", "1")
            .env("GDK_BACKEND", "x11")
            .env("RUST_BACKTRACE", "1")
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .stdout(out.try_clone()?)
            .stderr(out);
        match &display.dbus_address {
            Some(address) => command.env("DBUS_SESSION_BUS_ADDRESS", address),
            None => command.env_remove("DBUS_SESSION_BUS_ADDRESS"),
        };
        let mut guard = ChildGuard::spawn("tauri-driver", &mut command)?;
        wait_for_port(&mut guard, port, log)?;
        Ok(Self { url: format!("http://127.0.0.1:{port}"), log: log.to_path_buf(), guard })
    }

    /// Stops tauri-driver and everything it started.
    pub fn stop(&mut self) {
        self.guard.stop();
    }
}

fn wait_for_port(guard: &mut ChildGuard, port: u16, log: &Path) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        if !guard.is_running() {
            bail!("tauri-driver exited at start-up; see {}", log.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    bail!("tauri-driver did not listen on port {port} within 15 s; see {}", log.display())
}
