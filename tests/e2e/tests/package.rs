//! The Debian package, as a writer gets Byline: its file list and control fields, its desktop
//! entry (`desktop-file-validate`), manual pages and completions; then, as root, installed with
//! apt, the installed CLI and manual page used, the installed app started under Xvfb with a
//! Markdown file to open, and the package removed without a trace.
//!
//! `make test-package` builds the package from the debug binaries `make test` has built
//! (`scripts/package.sh debug`), then runs `cargo test -p byline-e2e --test package`. The
//! package is the same as `make package`'s but for the binaries' build profile, so the test
//! checks what a release ships without putting a release build in `make test`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, ensure, Context, Result};
use byline_e2e::deb::{self, Entry, Installed};
use byline_e2e::{with_launch, Launch, Library};

/// The hicolor sizes the package installs the icon at.
const ICON_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

/// The text of the Markdown file the installed app opens, and the sentence typed into it.
const FILE_TEXT: &str = "The tide tables were pinned by the harbour door.";
const TYPED: &str = "Typed into the installed Byline.";

/// How long the opened file may take to receive the typed text (the autosave, then the write).
const SAVED_WITHIN: Duration = Duration::from_secs(15);

fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// The paths that must be in the package, beyond the icons and the per-command manual pages.
fn required_paths() -> Vec<String> {
    let mut paths: Vec<String> = [
        "/usr/bin/byline-app",
        "/usr/bin/byline",
        "/usr/share/applications/Byline.desktop",
        "/usr/share/man/man1/byline.1.gz",
        "/usr/share/man/man1/byline-export.1.gz",
        "/usr/share/man/man1/byline-generate-man.1.gz",
        "/usr/share/bash-completion/completions/byline",
        "/usr/share/zsh/vendor-completions/_byline",
        "/usr/share/fish/vendor_completions.d/byline.fish",
    ]
    .map(String::from)
    .to_vec();
    paths.extend(ICON_SIZES.map(|size| format!("/usr/share/icons/hicolor/{size}x{size}/apps/byline-app.png")));
    paths
}

#[test]
fn the_package_holds_the_app_the_cli_a_valid_desktop_entry_icons_manual_and_completions() -> Result<()> {
    let deb = deb::package_path()?;
    let entries = deb::contents(&deb)?;
    let by_path: BTreeMap<&str, &Entry> = entries.iter().map(|e| (e.path.as_str(), e)).collect();
    for path in required_paths() {
        ensure!(by_path.contains_key(path.as_str()), "{path} is not in {}", deb.display());
    }
    for binary in ["/usr/bin/byline-app", "/usr/bin/byline"] {
        ensure!(by_path[binary].mode == "-rwxr-xr-x", "{binary} is {} in the package", by_path[binary].mode);
    }
    let stray: Vec<&str> =
        entries.iter().map(|e| e.path.as_str()).filter(|p| *p != "/" && !p.starts_with("/usr")).collect();
    ensure!(stray.is_empty(), "files outside /usr: {stray:?}");
    let pages: Vec<&str> =
        entries.iter().map(|e| e.path.as_str()).filter(|p| p.starts_with("/usr/share/man/man1/")).collect();
    ensure!(pages.iter().all(|p| p.ends_with(".1.gz")), "a manual page is not gzipped: {pages:?}");
    ensure!(pages.len() >= 20, "only {} manual pages (one per command expected): {pages:?}", pages.len());

    let control = deb::control(&deb)?;
    let field = |name: &str| control.get(name).map(String::as_str).unwrap_or_default();
    ensure!(field("Package") == deb::PACKAGE, "Package: {:?}", field("Package"));
    ensure!(field("Version") == version(), "Version {:?}, the workspace is {}", field("Version"), version());
    let arch = deb::run("dpkg", &["--print-architecture"])?;
    ensure!(field("Architecture") == arch.trim(), "Architecture {:?} on {}", field("Architecture"), arch.trim());
    let depends: Vec<&str> = field("Depends").split(',').map(str::trim).collect();
    for needed in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "hunspell-en-us | hunspell-dictionary"] {
        ensure!(depends.contains(&needed), "Depends lacks {needed:?}: {depends:?}");
    }
    for name in ["Maintainer", "Description", "Installed-Size"] {
        ensure!(!field(name).is_empty(), "the control file has no {name}: {control:?}");
    }

    let unpacked = tempfile::Builder::new().prefix("byline-deb-").tempdir()?;
    deb::extract(&deb, unpacked.path())?;
    let root = unpacked.path();
    check_desktop_entry(&root.join("usr/share/applications/Byline.desktop"))?;
    let page = gunzip(&root.join("usr/share/man/man1/byline.1.gz"))?;
    ensure!(page.starts_with(".ie") || page.contains(".TH byline 1"), "byline.1 is not a manual page: {page:.200}");
    ensure!(page.contains("byline\\-export"), "byline.1 does not list the commands: {page:.400}");
    let completions = [
        ("usr/share/bash-completion/completions/byline", "complete -F"),
        ("usr/share/zsh/vendor-completions/_byline", "#compdef byline"),
        ("usr/share/fish/vendor_completions.d/byline.fish", "complete -c byline"),
    ];
    for (path, marker) in completions {
        let text = read(&root.join(path))?;
        ensure!(text.contains(marker), "{path} lacks {marker:?}: {text:.200}");
    }
    let printed = deb::run(root.join("usr/bin/byline"), &["--version"])?;
    ensure!(printed.trim() == format!("byline {}", version()), "the packaged CLI says {printed:?}");
    Ok(())
}

/// `desktop-file-validate` accepts the entry (no error, no warning), and it opens Markdown.
fn check_desktop_entry(path: &Path) -> Result<()> {
    let report = std::process::Command::new("desktop-file-validate")
        .arg(path)
        .output()
        .context("running desktop-file-validate (apt package desktop-file-utils; scripts/setup-app.sh)")?;
    let said = format!("{}{}", String::from_utf8_lossy(&report.stdout), String::from_utf8_lossy(&report.stderr));
    ensure!(report.status.success(), "desktop-file-validate rejects the entry: {said}");
    ensure!(!said.contains("error:") && !said.contains("warning:"), "desktop-file-validate: {said}");
    let text = read(path)?;
    let keys: BTreeMap<&str, &str> = text.lines().filter_map(|line| line.split_once('=')).collect();
    // StartupWMClass is the instance name GTK gives the window (the binary's name), so a dock
    // shows the running window under this entry's icon.
    let expected = [
        ("Type", "Application"),
        ("Exec", "byline-app %F"),
        ("Icon", "byline-app"),
        ("Terminal", "false"),
        ("StartupWMClass", "byline-app"),
    ];
    for (key, value) in expected {
        ensure!(keys.get(key) == Some(&value), "{key}={:?} in the desktop entry, expected {value:?}", keys.get(key));
    }
    let mime: Vec<&str> = keys.get("MimeType").copied().unwrap_or_default().split(';').collect();
    for kind in ["text/markdown", "text/x-markdown"] {
        ensure!(mime.contains(&kind), "MimeType lacks {kind}: {mime:?}");
    }
    Ok(())
}

#[tokio::test]
async fn the_package_installs_runs_opens_a_file_and_removes_cleanly() -> Result<()> {
    if !deb::is_root() {
        eprintln!(
            "[package] SKIPPED: installing the package needs root; run `make test-package` as root \
             (the file list, control fields and desktop entry were still checked)"
        );
        return Ok(());
    }
    let deb = deb::package_path()?;
    if let Some(before) = deb::status().filter(|s| s.starts_with('i')) {
        eprintln!("[package] byline was already installed ({before}); the test reinstalls, then removes it");
    }
    let installed = Installed::install(&deb)?;
    let files = installed.files()?;
    // The app step may fail (its feature, or the machine); the package is removed and checked
    // either way, and both outcomes are reported.
    let used = use_installed(&files).await;
    let removed = remove_and_check(installed, &files);
    match (used, removed) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(used), Ok(())) => Err(used),
        (Ok(()), Err(removed)) => Err(removed),
        (Err(used), Err(removed)) => Err(anyhow!("{used:#}\nand removing the package failed too: {removed:#}")),
    }
}

async fn use_installed(files: &[PathBuf]) -> Result<()> {
    for binary in ["/usr/bin/byline-app", "/usr/bin/byline"] {
        ensure!(files.iter().any(|f| f == Path::new(binary)), "dpkg -L {} does not list {binary}", deb::PACKAGE);
    }
    let printed = deb::run("/usr/bin/byline", &["--version"])?;
    ensure!(printed.trim() == format!("byline {}", version()), "the installed CLI says {printed:?}");

    let scratch = tempfile::Builder::new().prefix("byline-installed-").tempdir()?;
    let library = scratch.path().join("library");
    let library_arg = library.to_string_lossy().into_owned();
    let slug = deb::run("/usr/bin/byline", &["--library", &library_arg, "new", "Written with the installed CLI"])?;
    let listed = deb::run("/usr/bin/byline", &["--library", &library_arg, "list"])?;
    ensure!(listed.contains(slug.trim()), "`byline list` does not show {:?}: {listed}", slug.trim());

    let page = deb::run("man", &["-w", "byline"])?;
    ensure!(page.trim() == "/usr/share/man/man1/byline.1.gz", "man -w byline: {page:?}");
    let page = deb::run("man", &["-w", "byline-export"])?;
    ensure!(page.trim() == "/usr/share/man/man1/byline-export.1.gz", "man -w byline-export: {page:?}");

    // desktop-file-utils' trigger registers the entry for Markdown, which is what a file
    // manager's "Open with" reads.
    let cache = Path::new("/usr/share/applications/mimeinfo.cache");
    if cache.is_file() {
        let text = read(cache)?;
        ensure!(
            text.lines().any(|l| l.starts_with("text/markdown=") && l.contains("Byline.desktop")),
            "{} does not offer Byline for text/markdown",
            cache.display()
        );
    }

    open_a_file_in_the_installed_app(scratch.path()).await
}

/// `byline-app --library DIR FILE.md`, as the desktop entry runs it (`Exec=byline-app %F`):
/// the editor shows the file's text, and text typed there reaches the file.
async fn open_a_file_in_the_installed_app(scratch: &Path) -> Result<()> {
    let file = scratch.join("harbour notes.md");
    std::fs::write(&file, format!("{FILE_TEXT}\n")).with_context(|| format!("writing {}", file.display()))?;
    let library = Library::empty()?;
    let launch = Launch { binary: Some("/usr/bin/byline-app".into()), args: vec![file.to_string_lossy().into_owned()] };
    let file_in = file.clone();
    with_launch("package_open_file", &library.path(), launch, |app| async move {
        app.wait_ready().await?;
        app.wait_for("the opened file's text in the editor", Duration::from_secs(20), || async {
            Ok(app.editor_text().await?.contains(FILE_TEXT).then_some(()))
        })
        .await?;
        app.type_in_editor(&format!("\n{TYPED}")).await?;
        app.wait_for("the typed sentence in the editor", Duration::from_secs(5), || async {
            Ok(app.editor_text().await?.contains(TYPED).then_some(()))
        })
        .await?;
        app.flush().await?;
        app.wait_for("the typed sentence in the opened file", SAVED_WITHIN, || async {
            let text = read(&file_in)?;
            Ok((text.contains(TYPED) && text.contains(FILE_TEXT)).then_some(()))
        })
        .await
    })
    .await
}

/// `apt-get remove byline`, then nothing of it is left: no binary, none of its files, and dpkg
/// keeps no record (it has no configuration files to leave behind).
fn remove_and_check(installed: Installed, files: &[PathBuf]) -> Result<()> {
    installed.remove()?;
    let left: Vec<&PathBuf> = files.iter().filter(|f| f.is_file() || f.is_symlink()).collect();
    ensure!(left.is_empty(), "left behind after `apt-get remove`: {left:?}");
    for binary in ["/usr/bin/byline", "/usr/bin/byline-app"] {
        ensure!(!Path::new(binary).exists(), "{binary} is still there after `apt-get remove`");
    }
    let status = deb::status();
    ensure!(
        status.as_deref().is_none_or(|s| s.starts_with("un") || s.is_empty()),
        "dpkg still records the package after removal: {status:?}"
    );
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

fn gunzip(path: &Path) -> Result<String> {
    deb::run("gzip", &["-dc", &path.to_string_lossy()])
}
