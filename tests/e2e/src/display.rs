//! A headless X display (Xvfb) and a private D-Bus session bus for the app.

use std::process::{Command, Stdio};

use anyhow::{bail, Result};

use crate::processes::{which, ChildGuard};

/// Screen size of the virtual display; the screenshots are taken at this size.
pub const SCREEN: &str = "1400x900x24";

/// The display and bus the app runs on; both stop when this is dropped.
#[derive(Debug)]
pub struct Display {
    /// Value for `DISPLAY`.
    pub display: String,
    /// Value for `DBUS_SESSION_BUS_ADDRESS`, when a private bus was started.
    pub dbus_address: Option<String>,
    // Dropped in declaration order: the bus, then the X server.
    _dbus: Option<ChildGuard>,
    _xvfb: Option<ChildGuard>,
}

impl Display {
    /// Starts Xvfb on a free display number (it picks one itself via `-displayfd`) and a
    /// session bus. Without Xvfb, an existing `$DISPLAY` is used instead.
    pub fn start() -> Result<Self> {
        let (display, xvfb) = match which("Xvfb") {
            Some(xvfb) => start_xvfb(&xvfb)?,
            None => match std::env::var("DISPLAY") {
                Ok(existing) if !existing.is_empty() => (existing, None),
                _ => bail!(
                    "no X display: Xvfb is not installed and DISPLAY is unset. Run \
                     scripts/setup-app.sh (it installs xvfb)"
                ),
            },
        };
        let (dbus_address, dbus) = match std::env::var("DBUS_SESSION_BUS_ADDRESS") {
            Ok(existing) if !existing.is_empty() => (Some(existing), None),
            _ => match which("dbus-daemon") {
                Some(daemon) => {
                    let mut guard = ChildGuard::spawn(
                        "dbus-daemon",
                        Command::new(daemon)
                            .args(["--session", "--nofork", "--print-address=1"])
                            .stdout(Stdio::piped())
                            .stderr(Stdio::null()),
                    )?;
                    (Some(guard.first_stdout_line()?), Some(guard))
                }
                // WebKitGTK runs without a session bus, only noisier.
                None => (None, None),
            },
        };
        Ok(Self { display, dbus_address, _dbus: dbus, _xvfb: xvfb })
    }
}

/// Xvfb can exit at start for a passing reason (a display lock it could not create, a race
/// with another server taking the number it chose), so a failed start is retried.
fn start_xvfb(xvfb: &std::path::Path) -> Result<(String, Option<ChildGuard>)> {
    let mut attempt = 1;
    loop {
        match start_xvfb_once(xvfb) {
            Ok(started) => return Ok(started),
            Err(error) if attempt < XVFB_ATTEMPTS => {
                eprintln!("[e2e] Xvfb did not start (attempt {attempt} of {XVFB_ATTEMPTS}): {error:#}; retrying");
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(500));
            }
            Err(error) => return Err(error),
        }
    }
}

const XVFB_ATTEMPTS: u32 = 3;

fn start_xvfb_once(xvfb: &std::path::Path) -> Result<(String, Option<ChildGuard>)> {
    let mut guard = ChildGuard::spawn(
        "Xvfb",
        Command::new(xvfb)
            .args(["-displayfd", "1", "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    )?;
    let number = guard.first_stdout_line()?;
    if number.parse::<u32>().is_err() {
        bail!("Xvfb printed {number:?} instead of a display number");
    }
    Ok((format!(":{number}"), Some(guard)))
}
