//! A small real disk for I/O-error tests: a tmpfs mounted on a temp folder, which a test can
//! fill to the last byte or remount read-only, and which is unmounted when dropped.
//!
//! Shared by the library, CLI and app end-to-end tests (included with `#[path]`), so all three
//! meet the same full disk. Mounting needs root (CI runs as root); elsewhere
//! [`ScratchDisk::mount_or_skip`] prints a SKIP line saying why and the test passes.
#![allow(dead_code, missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs; unmounted (lazily, so a lingering process cannot keep it) on drop.
pub struct ScratchDisk {
    mount_point: tempfile::TempDir,
}

impl ScratchDisk {
    /// Mounts a tmpfs of `size` (e.g. "4m"), or says why it cannot.
    pub fn mount(size: &str) -> Result<ScratchDisk, String> {
        let mount_point = tempfile::Builder::new().prefix("byline-disk-").tempdir().map_err(|e| e.to_string())?;
        run(
            "mount",
            &["-t", "tmpfs", "-o", &format!("size={size},mode=0755"), "tmpfs", &path_arg(mount_point.path())],
        )?;
        Ok(ScratchDisk { mount_point })
    }

    /// Mounts a tmpfs, or prints `SKIP <test>: …` and returns None when this system does not
    /// allow it (not root, no mount command, inside a restricted container).
    pub fn mount_or_skip(test: &str, size: &str) -> Option<ScratchDisk> {
        match ScratchDisk::mount(size) {
            Ok(disk) => Some(disk),
            Err(why) => {
                println!("SKIP {test}: cannot mount a scratch tmpfs ({why}); run as root to test a real full or read-only disk");
                None
            }
        }
    }

    /// The mounted folder.
    pub fn path(&self) -> &Path {
        self.mount_point.path()
    }

    /// Writes a filler file until the disk has no byte left.
    pub fn fill(&self) {
        let mut filler = File::create(self.filler()).expect("the filler file can be created");
        let chunk = vec![0xA5u8; 64 * 1024];
        // Big chunks first, then single bytes, so not even a small write fits afterwards.
        for size in [chunk.len(), 4096, 1] {
            while filler.write_all(&chunk[..size]).is_ok() {}
        }
        let _ = filler.sync_all();
    }

    /// Removes the filler, so writes fit again.
    pub fn free(&self) {
        std::fs::remove_file(self.filler()).expect("the filler file exists");
    }

    /// Remounts the disk read-only (`true`) or read-write. Fails while a file on it is open
    /// for writing, as the kernel refuses to make such a mount read-only.
    pub fn set_read_only(&self, read_only: bool) -> Result<(), String> {
        let mode = if read_only { "remount,ro" } else { "remount,rw" };
        run("mount", &["-o", mode, &path_arg(self.path())])
    }

    fn filler(&self) -> PathBuf {
        self.path().join("filler.bin")
    }
}

impl Drop for ScratchDisk {
    fn drop(&mut self) {
        let _ = run("umount", &["-l", &path_arg(self.path())]);
    }
}

fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    let output = Command::new(program).args(args).output().map_err(|e| format!("`{program}` cannot run: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!("`{program} {}` failed: {}", args.join(" "), String::from_utf8_lossy(&output.stderr).trim()))
}
