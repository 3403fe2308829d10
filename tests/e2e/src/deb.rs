//! The Debian package under test: where it is, what it holds (read with `dpkg-deb`, as apt
//! reads it), and installing it for the length of a test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use anyhow::{bail, ensure, Context, Result};

use crate::paths::target_dir;

/// The package's name, as `apt remove` takes it.
pub const PACKAGE: &str = "byline";

/// The `.deb` under test: `$BYLINE_DEB`, else the one `scripts/package.sh debug` leaves in
/// `target/debug/bundle/deb/`.
pub fn package_path() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("BYLINE_DEB") {
        return Ok(PathBuf::from(path));
    }
    let dir = target_dir().join("debug/bundle/deb");
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| {
            format!("no package in {}: run `make test-package` (scripts/package.sh debug)", dir.display())
        })?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with("byline_") && name.ends_with(".deb")
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!("no byline_*.deb in {}: run `make test-package` (scripts/package.sh debug)", dir.display()),
        many => bail!("several packages in {}: {many:?}; set BYLINE_DEB to the one to test", dir.display()),
    }
}

/// Runs a program and returns its standard output; fails with its status and standard error.
pub fn run(program: impl AsRef<Path>, args: &[&str]) -> Result<String> {
    let program = program.as_ref();
    let output = Command::new(program)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .with_context(|| format!("running {} (is it installed?)", program.display()))?;
    checked(program, args, output)
}

fn checked(program: &Path, args: &[&str], output: Output) -> Result<String> {
    if !output.status.success() {
        bail!(
            "`{} {}` failed ({}): {}{}",
            program.display(),
            args.join(" "),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim(),
            String::from_utf8_lossy(&output.stdout).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// One entry of `dpkg-deb -c`.
#[derive(Clone, Debug)]
pub struct Entry {
    /// `-rwxr-xr-x`, `drwxr-xr-x`, …
    pub mode: String,
    /// The installed path, `/usr/bin/byline` (absolute, whatever the archive's own spelling).
    pub path: String,
}

/// The package's file list, from `dpkg-deb -c`.
pub fn contents(deb: &Path) -> Result<Vec<Entry>> {
    let listing = run("dpkg-deb", &["-c", &deb.to_string_lossy()])?;
    listing
        .lines()
        .map(|line| {
            // mode owner/group size date time path: the package's paths hold no spaces.
            let fields: Vec<&str> = line.split_whitespace().collect();
            ensure!(fields.len() >= 6, "unexpected `dpkg-deb -c` line: {line:?}");
            // The archive's names may start with "./" or not, depending on the tool that made it.
            let path = fields[5].trim_start_matches("./").trim_start_matches('/').trim_end_matches('/');
            Ok(Entry { mode: fields[0].to_string(), path: format!("/{path}") })
        })
        .collect()
}

/// The control fields, from `dpkg-deb -f` (continuation lines joined with newlines).
pub fn control(deb: &Path) -> Result<BTreeMap<String, String>> {
    let text = run("dpkg-deb", &["-f", &deb.to_string_lossy()])?;
    let mut fields: BTreeMap<String, String> = BTreeMap::new();
    let mut last: Option<String> = None;
    for line in text.lines() {
        if line.starts_with(' ') {
            let Some(value) = last.as_ref().and_then(|key| fields.get_mut(key)) else {
                bail!("a continuation line before any field: {line:?}")
            };
            value.push('\n');
            value.push_str(line.trim());
        } else if let Some((key, value)) = line.split_once(':') {
            fields.insert(key.to_string(), value.trim().to_string());
            last = Some(key.to_string());
        }
    }
    Ok(fields)
}

/// Unpacks the package's files into `dir` (`dpkg-deb -x`), without installing anything.
pub fn extract(deb: &Path, dir: &Path) -> Result<()> {
    run("dpkg-deb", &["-x", &deb.to_string_lossy(), &dir.to_string_lossy()])?;
    Ok(())
}

/// Whether this process runs as root, which installing a package needs.
pub fn is_root() -> bool {
    run("id", &["-u"]).is_ok_and(|uid| uid.trim() == "0")
}

/// The package's state in dpkg's database (`ii`, `rc`, …), `None` when dpkg does not know it.
pub fn status() -> Option<String> {
    run("dpkg-query", &["-W", "-f=${db:Status-Abbrev}", PACKAGE]).ok().map(|s| s.trim().to_string())
}

/// The package, installed on this machine until [`Installed::remove`] (or drop) removes it.
#[derive(Debug)]
pub struct Installed {
    armed: bool,
}

/// How long apt waits for another apt or dpkg on the machine to let go of its lock.
const LOCK_WAIT: &str = "DPkg::Lock::Timeout=300";

impl Installed {
    /// `apt-get install ./byline_….deb`, as a writer installs it (dependencies from the
    /// configured archives; on this machine `scripts/setup-app.sh` has already installed them).
    pub fn install(deb: &Path) -> Result<Self> {
        let deb = std::path::absolute(deb)?;
        run("apt-get", &["install", "-y", "-qq", "--no-install-recommends", "-o", LOCK_WAIT, &deb.to_string_lossy()])
            .context("installing the package")?;
        Ok(Self { armed: true })
    }

    /// The installed files and folders, from `dpkg -L`.
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        Ok(run("dpkg", &["-L", PACKAGE])?.lines().filter(|l| l.starts_with('/')).map(PathBuf::from).collect())
    }

    /// `apt-get remove -y byline`.
    pub fn remove(mut self) -> Result<()> {
        self.armed = false;
        run("apt-get", &["remove", "-y", "-qq", "-o", LOCK_WAIT, PACKAGE]).context("removing the package")?;
        Ok(())
    }
}

impl Drop for Installed {
    /// A test that failed half-way still leaves the machine as it found it.
    fn drop(&mut self) {
        if self.armed {
            if let Err(error) = run("apt-get", &["remove", "-y", "-qq", "-o", LOCK_WAIT, PACKAGE]) {
                eprintln!("[package] removing the package after a failure: {error:#}");
            }
        }
    }
}
