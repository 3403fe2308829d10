//! The app's memory: PSS and RSS summed over `byline-app` and its WebKit helper processes,
//! from `/proc/PID/smaps_rollup`.

use std::fmt;
use std::fs;
use std::path::Path;

use anyhow::{bail, Result};

/// Memory of one app instance and its WebKit processes.
#[derive(Debug)]
pub struct MemoryReport {
    /// (pid, process name, PSS kB, RSS kB) per process.
    pub processes: Vec<(u32, String, u64, u64)>,
}

impl MemoryReport {
    /// Total PSS in kB.
    pub fn pss_kb(&self) -> u64 {
        self.processes.iter().map(|p| p.2).sum()
    }

    /// Total RSS in kB.
    pub fn rss_kb(&self) -> u64 {
        self.processes.iter().map(|p| p.3).sum()
    }
}

impl fmt::Display for MemoryReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "app memory: PSS {:.1} MiB, RSS {:.1} MiB over {} processes",
            self.pss_kb() as f64 / 1024.0,
            self.rss_kb() as f64 / 1024.0,
            self.processes.len()
        )?;
        for (pid, name, pss, rss) in &self.processes {
            writeln!(
                f,
                "  {pid:>7} {name:<22} PSS {:>8.1} MiB  RSS {:>8.1} MiB",
                *pss as f64 / 1024.0,
                *rss as f64 / 1024.0
            )?;
        }
        Ok(())
    }
}

/// Measures the `byline-app` launched on `library` (found by its command line, so other
/// instances on the machine are not counted) and its direct children (WebKit's web and
/// network processes).
pub fn app_memory(library: &Path) -> Result<MemoryReport> {
    let pids = all_pids()?;
    let Some(app) = app_pid(library)? else {
        bail!("no byline-app process runs on {}", library.display());
    };
    let mut processes = Vec::new();
    for pid in pids {
        if pid == app || parent_of(pid) == Some(app) {
            let name = fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string();
            let (pss, rss) = rollup(pid)?;
            processes.push((pid, name, pss, rss));
        }
    }
    Ok(MemoryReport { processes })
}

/// The pid of the `byline-app` running on `library`, if any.
pub fn app_pid(library: &Path) -> Result<Option<u32>> {
    let library = library.to_string_lossy().into_owned();
    Ok(all_pids()?.into_iter().find(|pid| {
        let cmdline = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let args: Vec<String> = cmdline.split(|b| *b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
        let zombie = fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "));
        !zombie && args.first().is_some_and(|a| a.ends_with("byline-app")) && args.contains(&library)
    }))
}

fn all_pids() -> Result<Vec<u32>> {
    Ok(fs::read_dir("/proc")?.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok()).collect())
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name (field 2) may hold spaces; fields after the closing parenthesis are fixed.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

fn rollup(pid: u32) -> Result<(u64, u64)> {
    let text = fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))?;
    let field = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Ok((field("Pss:"), field("Rss:")))
}
