//! Where things are: the workspace, its target dir, the binaries under test and the artifacts.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};

/// The workspace root (this package lives in `tests/e2e/`).
pub fn workspace_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// The workspace's cargo target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"))
}

/// The desktop app under test: `$BYLINE_APP`, else `target/debug/byline-app`.
pub fn app_binary() -> Result<PathBuf> {
    let path = std::env::var_os("BYLINE_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("debug").join("byline-app"));
    if !path.is_file() {
        bail!(
            "the desktop app is not built: {} is missing. Run `make test`, which builds the UI and \
             the app (or scripts/e2e.sh; or set BYLINE_APP to a built byline-app)",
            path.display()
        );
    }
    Ok(path)
}

/// The `byline` CLI used to seed and inspect libraries: `$BYLINE_BIN`, else
/// `target/debug/byline`, built once with the cargo running the tests when it is missing.
pub fn cli_binary() -> Result<PathBuf> {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    BUILT.get_or_init(|| locate_or_build_cli().map_err(|e| format!("{e:#}"))).clone().map_err(anyhow::Error::msg)
}

fn locate_or_build_cli() -> Result<PathBuf> {
    if let Some(bin) = std::env::var_os("BYLINE_BIN") {
        return Ok(PathBuf::from(bin));
    }
    let path = target_dir().join("debug").join("byline");
    if path.is_file() {
        return Ok(path);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "-p", "byline-cli", "--bin", "byline"])
        .current_dir(workspace_root())
        .status()
        .context("running cargo to build the byline CLI")?;
    if !status.success() || !path.is_file() {
        bail!("building the byline CLI failed ({status}); run `cargo build -p byline-cli`");
    }
    Ok(path)
}

/// `target/e2e/`, where screenshots and logs go (created on demand).
pub fn artifacts_dir() -> Result<PathBuf> {
    let dir = target_dir().join("e2e");
    std::fs::create_dir_all(dir.join("logs")).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// axe-core's browser bundle: from the UI's dev dependencies, else from `tests/e2e/node_modules`.
pub fn axe_script() -> Result<PathBuf> {
    let candidates = [
        workspace_root().join("ui/node_modules/axe-core/axe.min.js"),
        workspace_root().join("tests/e2e/node_modules/axe-core/axe.min.js"),
    ];
    match candidates.iter().find(|p| p.is_file()) {
        Some(found) => Ok(found.clone()),
        None => bail!(
            "axe-core is not installed (looked for {}). Run `npm ci --prefix tests/e2e` \
             (scripts/e2e.sh does it)",
            candidates.map(|p| p.display().to_string()).join(" and ")
        ),
    }
}
