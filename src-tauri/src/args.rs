//! Where the library lives: `--library DIR`, else `$BYLINE_LIBRARY`, else the platform data
//! folder + `byline` (the same rule as the `byline` command); and the files to open.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable naming the library folder.
pub const LIBRARY_ENV: &str = "BYLINE_LIBRARY";

/// Resolves the library folder from the arguments (program name excluded) and the environment.
///
/// Unknown arguments are ignored rather than fatal: WebDriver and desktop launchers add their
/// own flags, and refusing to start over them would help nobody.
pub fn library_dir(args: impl IntoIterator<Item = OsString>, env: Option<OsString>) -> Result<PathBuf, String> {
    let explicit = explicit_library(args)?;
    let chosen = explicit.or_else(|| env.filter(|value| !value.is_empty()).map(PathBuf::from));
    let dir = match chosen {
        Some(dir) => dir,
        None => dirs::data_dir()
            .map(|data| data.join("byline"))
            .ok_or("this system has no data folder; start Byline with --library DIR")?,
    };
    // A relative folder is resolved once, now, so the second-instance check and the library
    // agree on one path.
    std::path::absolute(&dir).map_err(|err| format!("cannot use library folder {}: {err}", dir.display()))
}

/// The files to open: every argument that is not a flag (nor `--library`'s folder), relative
/// ones taken from `cwd`, the folder the launch ran in (a second launch's, not ours).
pub fn files_to_open(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--library" {
            args.next();
        } else if !arg.to_string_lossy().starts_with('-') && !arg.is_empty() {
            files.push(cwd.join(arg));
        }
    }
    files
}

fn explicit_library(args: impl IntoIterator<Item = OsString>) -> Result<Option<PathBuf>, String> {
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(arg) = args.next() {
        if arg == "--library" {
            let value = args.next().filter(|v| !v.is_empty() && !v.to_string_lossy().starts_with("--"));
            found = Some(value.map(PathBuf::from).ok_or("--library needs a folder: --library DIR")?);
        } else if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--library=")) {
            if value.is_empty() {
                return Err("--library needs a folder: --library=DIR".to_owned());
            }
            found = Some(PathBuf::from(value));
        }
    }
    Ok(found)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn flag_beats_environment_beats_data_dir() {
        let env = Some(OsString::from("/from/env"));
        assert_eq!(library_dir(args(&["--library", "/lib"]), env.clone()).unwrap(), PathBuf::from("/lib"));
        assert_eq!(library_dir(args(&["--library=/lib2"]), env.clone()).unwrap(), PathBuf::from("/lib2"));
        assert_eq!(library_dir(args(&[]), env).unwrap(), PathBuf::from("/from/env"));
        let default = library_dir(args(&[]), Some(OsString::new())).unwrap();
        assert!(default.ends_with("byline"), "{}", default.display());
    }

    #[test]
    fn relative_folders_become_absolute_and_unknown_flags_are_ignored() {
        let dir = library_dir(args(&["--automation", "--library", "lib", "extra"]), None).unwrap();
        assert!(dir.is_absolute() && dir.ends_with("lib"), "{}", dir.display());
    }

    #[test]
    fn files_are_the_arguments_that_are_neither_flags_nor_the_library() {
        let cwd = Path::new("/home/ada/notes");
        let files = files_to_open(args(&["--library", "/lib", "ferry.md", "--automation", "/tmp/Pier Notes.md"]), cwd);
        assert_eq!(files, [PathBuf::from("/home/ada/notes/ferry.md"), PathBuf::from("/tmp/Pier Notes.md")]);
        assert!(files_to_open(args(&["--library=/lib"]), cwd).is_empty());
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        assert!(library_dir(args(&["--library"]), None).unwrap_err().contains("--library DIR"));
        assert!(library_dir(args(&["--library", "--other"]), None).is_err());
        assert!(library_dir(args(&["--library="]), None).is_err());
    }
}
