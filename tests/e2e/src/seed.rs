//! Libraries for the app, seeded and inspected with the real `byline` CLI.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use serde_json::Value;
use tempfile::TempDir;

use crate::paths::{cli_binary, workspace_root};

/// A library in a temporary folder (removed on drop).
#[derive(Debug)]
pub struct Library {
    dir: TempDir,
}

impl Library {
    /// A new, empty library the app opens as it is: set up with `byline init --no-welcome`, so
    /// no welcome draft and no author prompt (the first run has its own tests, on
    /// [`Library::brand_new`]).
    pub fn empty() -> Result<Self> {
        let library = Self::brand_new()?;
        library.byline(&["init", "--no-welcome"])?;
        Ok(library)
    }

    /// A library folder nothing has created yet: the app's first opening is its first run.
    pub fn brand_new() -> Result<Self> {
        let dir = tempfile::Builder::new().prefix("byline-e2e-").tempdir()?;
        Ok(Self { dir })
    }

    /// A library with the two demo authors (Mara is the default) and the sample drafts from
    /// `drafts/` imported.
    pub fn with_samples() -> Result<Self> {
        // The authors alone make the library one in use: the app never welcomes it.
        let library = Self::brand_new()?;
        library.add_author(
            "Mara Lindqvist",
            "Writes about developer tools and the small decisions that make them pleasant.",
            true,
        )?;
        library.add_author("Tomás Okafor", "Works on storage engines and keeps data safe.", false)?;
        library.byline(&["import", &workspace_root().join("drafts").to_string_lossy()])?;
        Ok(library)
    }

    /// The library folder, as passed to `byline-app --library`.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    /// A scratch path next to the library (for exports).
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `byline --library DIR ARGS` and returns its standard output; fails with its stderr.
    pub fn byline(&self, args: &[&str]) -> Result<String> {
        self.byline_with_input(args, None)
    }

    /// Like [`Library::byline`], feeding `input` on standard input.
    pub fn byline_with_input(&self, args: &[&str], input: Option<&str>) -> Result<String> {
        let mut child = Command::new(cli_binary()?)
            .arg("--library")
            .arg(self.path())
            .args(args)
            .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .context("running the byline CLI")?;
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            stdin.write_all(text.as_bytes())?;
        }
        let output = child.wait_with_output()?;
        if !output.status.success() {
            bail!(
                "`byline {}` failed ({}): {}",
                args.join(" "),
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// Adds an author with a short bio and returns its slug.
    pub fn add_author(&self, name: &str, bio: &str, default: bool) -> Result<String> {
        let mut args = vec!["author", "add", "--name", name, "--bio", bio];
        if default {
            args.push("--default");
        }
        Ok(self.byline(&args)?.trim().to_string())
    }

    /// Creates a draft with this title and body and returns its slug.
    pub fn new_draft(&self, title: &str, body: &str) -> Result<String> {
        let out = self.byline_with_input(&["new", title, "--body-file", "-"], Some(body))?;
        Ok(out.trim().to_string())
    }

    /// Replaces a draft's body (a new revision, as every CLI edit is).
    pub fn edit_body(&self, slug: &str, body: &str) -> Result<()> {
        self.byline_with_input(&["edit", slug, "--body-file", "-"], Some(body))?;
        Ok(())
    }

    /// `byline show --json SLUG`: the draft as the library stores it.
    pub fn show(&self, slug: &str) -> Result<Value> {
        let out = self.byline(&["show", "--json", slug])?;
        serde_json::from_str(&out).with_context(|| format!("parsing `byline show --json {slug}`"))
    }

    /// Slugs of the drafts not in the trash (`byline list`), most recently updated first.
    pub fn slugs(&self) -> Result<Vec<String>> {
        let out = self.byline(&["list"])?;
        Ok(out.lines().skip(1).filter_map(|line| line.split_whitespace().next()).map(str::to_string).collect())
    }

    /// Whether the library folder exists yet (the app or the CLI creates it).
    pub fn exists(&self) -> bool {
        Path::new(&self.path()).is_dir()
    }
}
