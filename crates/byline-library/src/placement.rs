//! Where a folder the writer chooses may lie relative to the library, and which folder Byline
//! then works in: one rule for the drafts folder (`byline sync`/`watch`, the app) and the site
//! folder (`export-site`), so no caller can skip it.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};
use crate::fs_atomic::create_dir_all;
use crate::site::Site;
use crate::store::Library;

/// What a chosen folder is for; each use protects the library from a different accident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderRole {
    /// Kept in step with the library file by file. Inside the library, the library's own files
    /// would be synced as drafts; around it, the drafts would be swept into its backups.
    Drafts,
    /// Replaced as a whole by `export-site`: one that holds the library would move the library's
    /// open files around.
    SiteOutput,
}

/// Refuses `dir` for `role` when it lies wrongly against the library in `library_dir`. Both are
/// compared as resolved paths, so `..` and symlinks cannot slip past, even for a folder that does
/// not exist yet.
pub fn check_placement(dir: &Path, library_dir: &Path, role: FolderRole) -> Result<()> {
    let (folder, library) = (resolved(dir), resolved(library_dir));
    let refusal = match role {
        FolderRole::Drafts if folder.starts_with(&library) => {
            format!(
                "{} is inside the library folder {}; choose a drafts folder outside it",
                dir.display(),
                library.display()
            )
        }
        FolderRole::Drafts if library.starts_with(&folder) => format!(
            "{} contains the library folder {}; choose a drafts folder that does not",
            dir.display(),
            library.display()
        ),
        FolderRole::SiteOutput if library.starts_with(&folder) => format!(
            "{} holds the library ({}); choose a folder outside it for the site",
            dir.display(),
            library.display()
        ),
        _ => return Ok(()),
    };
    Err(Error::InvalidInput(refusal))
}

/// The folder Byline works in for a chosen drafts folder `dir`: a Hugo or Zola site's content
/// folder when `dir` is the site's root, so the config, themes and build output beside it are
/// never touched; `dir` itself otherwise. Both the chosen and the working folder must pass
/// [`check_placement`]; the result is resolved (absolute, symlinks followed) but may not exist.
pub fn drafts_working_folder(dir: &Path, library_dir: &Path) -> Result<PathBuf> {
    check_placement(dir, library_dir, FolderRole::Drafts)?;
    let working = content_folder(resolved(dir));
    check_placement(&working, library_dir, FolderRole::Drafts)?;
    Ok(working)
}

/// A drafts folder that has passed the placement rules: the canonical folder Byline works in.
/// Checked once, where the folder is chosen; every reconciliation after that takes it as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WorkingFolder {
    path: PathBuf,
    files_only: bool,
}

impl WorkingFolder {
    /// The folder that holds files the writer opened one by one (canonical, existing): only those
    /// files are synced, and its placement is the writer's own business.
    pub(crate) fn of_opened_files(path: PathBuf) -> Self {
        WorkingFolder { path, files_only: true }
    }

    /// The folder, canonical.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// True for a folder of opened files rather than a drafts folder.
    pub(crate) fn files_only(&self) -> bool {
        self.files_only
    }
}

impl Library {
    /// The drafts folder Byline works in for a chosen `dir` ([`drafts_working_folder`]), created
    /// if missing.
    pub(crate) fn drafts_folder(&self, dir: &Path) -> Result<WorkingFolder> {
        let working = drafts_working_folder(dir, self.dir())?;
        create_dir_all(&working)?;
        let canonical = working.canonicalize().map_err(|source| Error::Io { path: working.clone(), source })?;
        Ok(WorkingFolder { path: canonical, files_only: false })
    }
}

/// A site's root stands for its content folder (Hugo's and Zola's `content/`): Byline works
/// inside the content and never touches the config, themes or templates beside it.
pub fn content_folder(dir: PathBuf) -> PathBuf {
    match Site::at_root(&dir) {
        Some(site) if site.content.is_dir() => site.content.canonicalize().unwrap_or(site.content),
        _ => dir,
    }
}

/// The canonical form of a path that may not exist yet: its nearest existing ancestor resolved
/// (symlinks included), the rest appended with `.` and `..` applied. A relative path is taken
/// from the current directory.
pub(crate) fn resolved(path: &Path) -> PathBuf {
    let mut existing = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    while existing.canonicalize().is_err() {
        let Some(last) = existing.components().next_back() else { break };
        rest.push(last.as_os_str().to_os_string());
        if !existing.pop() {
            break;
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        match Path::new(&name).components().next() {
            Some(Component::ParentDir) => {
                out.pop();
            }
            Some(Component::Normal(part)) => out.push(part),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn refused(dir: &Path, library: &Path, role: FolderRole) -> String {
        check_placement(dir, library, role).unwrap_err().to_string()
    }

    fn library_in(root: &Path) -> PathBuf {
        let library = root.join("library");
        std::fs::create_dir(&library).unwrap();
        library
    }

    #[test]
    fn a_drafts_folder_inside_or_around_the_library_is_refused_with_the_reason() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        let drafts = FolderRole::Drafts;
        assert!(refused(&library, &library, drafts).contains("inside the library folder"));
        assert!(refused(&library.join("drafts"), &library, drafts).contains("inside the library folder"));
        assert!(refused(&library.join("a/../../library/b"), &library, drafts).contains("inside the library folder"));
        assert!(refused(root.path(), &library, drafts).contains("contains the library folder"));
    }

    #[test]
    fn a_folder_beside_the_library_is_accepted_even_before_it_exists() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        for role in [FolderRole::Drafts, FolderRole::SiteOutput] {
            check_placement(&root.path().join("drafts"), &library, role).unwrap();
            check_placement(&root.path().join("library-drafts"), &library, role).unwrap();
            check_placement(&root.path().join("not/yet/there"), &library, role).unwrap();
        }
    }

    #[test]
    fn a_site_folder_may_not_hold_the_library() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        assert!(refused(root.path(), &library, FolderRole::SiteOutput).contains("holds the library"));
        assert!(refused(&library, &library, FolderRole::SiteOutput).contains("choose a folder outside it"));
    }

    #[test]
    fn a_hugo_sites_root_is_worked_in_at_its_content_folder() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        let site = root.path().join("blog");
        std::fs::create_dir_all(site.join("content/posts")).unwrap();
        std::fs::write(site.join("hugo.toml"), "baseURL = 'https://blog.example.org/'\n").unwrap();
        let content = site.join("content").canonicalize().unwrap();
        assert_eq!(drafts_working_folder(&site, &library).unwrap(), content);
        assert_eq!(drafts_working_folder(&site.join("content"), &library).unwrap(), content);
        assert_eq!(drafts_working_folder(&site.join("content/posts"), &library).unwrap(), content.join("posts"));
        let plain = root.path().join("notes");
        assert_eq!(
            drafts_working_folder(&plain, &library).unwrap(),
            resolved(&plain),
            "a plain folder is used as chosen"
        );
    }

    #[test]
    fn a_site_whose_content_folder_is_the_library_is_refused() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        let site = root.path().join("blog");
        std::fs::create_dir_all(&site).unwrap();
        // The chosen root lies beside the library; only the content folder its config names is in it.
        std::fs::write(site.join("hugo.toml"), "baseURL = 'https://blog.example.org/'\ncontentDir = '../library'\n")
            .unwrap();
        check_placement(&site, &library, FolderRole::Drafts).unwrap();
        let err = drafts_working_folder(&site, &library).unwrap_err().to_string();
        assert!(err.contains("inside the library folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_into_the_library_is_seen_through() {
        let root = tempfile::tempdir().unwrap();
        let library = library_in(root.path());
        std::os::unix::fs::symlink(&library, root.path().join("link")).unwrap();
        let err = refused(&root.path().join("link/drafts"), &library, FolderRole::Drafts);
        assert!(err.contains("inside the library folder"), "{err}");
    }
}
