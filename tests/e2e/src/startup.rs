//! When a process started, in the same clock as the page's `performance.timeOrigin` (Unix
//! epoch milliseconds), so a test can time process spawn to a mark the UI records.

use std::process::Command;

use anyhow::{anyhow, Context, Result};

/// Unix time in milliseconds at which process `pid` started (10 ms resolution: the kernel
/// counts in clock ticks).
pub fn process_started_ms(pid: u32) -> Result<f64> {
    let stat =
        std::fs::read_to_string(format!("/proc/{pid}/stat")).with_context(|| format!("reading /proc/{pid}/stat"))?;
    // Fields after the parenthesised name are fixed; starttime is field 22 overall.
    let rest = stat.rfind(')').map(|at| &stat[at + 2..]).ok_or_else(|| anyhow!("malformed /proc/{pid}/stat"))?;
    let ticks: f64 = rest
        .split_whitespace()
        .nth(19)
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| anyhow!("no start time in /proc/{pid}/stat"))?;
    Ok((boot_time_s()? + ticks / clock_ticks_per_s()) * 1000.0)
}

/// Boot time from now minus the uptime (10 ms resolution); /proc/stat's `btime` is whole
/// seconds, too coarse for a one-second budget.
fn boot_time_s() -> Result<f64> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs_f64();
    let uptime = std::fs::read_to_string("/proc/uptime").context("reading /proc/uptime")?;
    let up: f64 = uptime
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| anyhow!("malformed /proc/uptime: {uptime:?}"))?;
    Ok(now - up)
}

fn clock_ticks_per_s() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(100.0)
}
