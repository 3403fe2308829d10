//! Runs the real `byline` binary against a library in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;
use tempfile::TempDir;

/// The workspace root (this package lives in `tests/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// Path of the `byline` binary, built once per test run with the same cargo that runs the tests.
pub fn byline_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(bin) = std::env::var_os("BYLINE_BIN") {
            return PathBuf::from(bin);
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "byline-cli", "--bin", "byline"])
            .current_dir(workspace_root())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the byline binary failed");
        let target =
            std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("target"));
        target.join("debug").join("byline")
    })
}

/// A scratch folder with its own library.
pub struct Sandbox {
    /// The temporary folder (removed on drop).
    pub dir: TempDir,
}

/// The result of one run.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Sandbox {
    /// A new, empty sandbox.
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// The library folder of this sandbox.
    pub fn library(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    /// A path inside the sandbox.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes a file inside the sandbox (parents created) and returns its path.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, contents).expect("write");
        path
    }

    /// Runs `byline ARGS` with this sandbox's library and optional standard input.
    pub fn run_with_input(&self, args: &[&str], input: Option<&str>) -> Run {
        let mut command = Command::new(byline_bin());
        command
            .args(args)
            .env("BYLINE_LIBRARY", self.library())
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path())
            .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("byline starts");
        if let Some(input) = input {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).expect("write stdin");
        }
        let Output { status, stdout, stderr } = child.wait_with_output().expect("byline runs");
        Run {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// Runs `byline ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_input(args, None)
    }

    /// Runs and asserts success; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "byline {args:?} failed: {}", run.stderr);
        run.stdout
    }

    /// Runs and parses JSON output.
    pub fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("valid JSON")
    }

    /// Runs, asserts exit 1 with exactly one line on stderr and no panic; returns that line.
    pub fn fails(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 1, "byline {args:?} should fail with 1; stdout: {} stderr: {}", run.stdout, run.stderr);
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "exactly one line on stderr, got: {}", run.stderr);
        assert!(!run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"), "{}", run.stderr);
        lines[0].to_owned()
    }

    /// Everything a writer could see of the library, to check that a failure changed nothing.
    pub fn state(&self) -> String {
        let mut state = String::new();
        for args in [&["list", "--json"][..], &["list", "--trash", "--json"], &["author", "list", "--json"], &["check"]]
        {
            state.push_str(&self.ok(args));
        }
        for draft in self.json(&["list", "--json"]).as_array().into_iter().flatten() {
            let slug = draft["slug"].as_str().expect("slug");
            state.push_str(&self.ok(&["history", slug, "--json"]));
            state.push_str(&self.ok(&["show", slug, "--json"]));
        }
        state
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}
