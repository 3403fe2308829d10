//! Child processes that are always stopped: each runs in its own process group, and dropping
//! its guard terminates the whole group (tauri-driver's WebKitWebDriver, the app and the app's
//! WebKit helpers included), so a failing test leaves nothing behind.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// A spawned process group, terminated on drop.
#[derive(Debug)]
pub struct ChildGuard {
    name: String,
    child: Child,
}

impl ChildGuard {
    /// Spawns `command` as the leader of a new process group.
    pub fn spawn(name: &str, command: &mut Command) -> Result<Self> {
        command.process_group(0).stdin(Stdio::null());
        let child = command.spawn().with_context(|| format!("starting {name} ({command:?}); is it installed?"))?;
        Ok(Self { name: name.to_string(), child })
    }

    /// The process id (also the process group id).
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Reads the first line the process writes to its piped stdout (e.g. a display number or
    /// a bus address), failing if it exits first.
    pub fn first_stdout_line(&mut self) -> Result<String> {
        let name = self.name.clone();
        let stdout = self.child.stdout.take().with_context(|| format!("{name}'s stdout was not piped"))?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).with_context(|| format!("reading {name}'s output"))?;
        if line.trim().is_empty() {
            bail!("{name} exited before it was ready ({:?})", self.child.try_wait());
        }
        Ok(line.trim().to_string())
    }

    /// Terminates the process group: SIGTERM, then SIGKILL after two seconds.
    pub fn stop(&mut self) {
        if !self.is_running() {
            self.signal_group("KILL");
            return;
        }
        self.signal_group("TERM");
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if !self.is_running() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // The leader may be gone while its group (WebKit helpers) lingers.
        self.signal_group("KILL");
        let _ = self.child.wait();
    }

    fn signal_group(&self, signal: &str) {
        let _ = Command::new("kill")
            .args([&format!("-{signal}"), "--", &format!("-{}", self.id())])
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A TCP port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).context("finding a free TCP port")?;
    Ok(listener.local_addr()?.port())
}

/// Finds a program on `PATH` (or in `~/.cargo/bin`, where `cargo install` puts tauri-driver).
pub fn which(program: &str) -> Option<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(std::path::PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(program)).find(|p| p.is_file())
}
