//! Telling a file that is still being written from one that is complete.
//!
//! Editors save in many ways: rename over (vim, VS Code, JetBrains), truncate then write,
//! delete then create, or in chunks with pauses. Any event on a path makes it pending; it
//! settles only once its size, mtime and content hash stayed the same for a whole window (a
//! vanished file for twice that, since delete-then-create passes through "missing"). Only
//! settled paths are read; pending ones are left alone by the reconciliation.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use super::scan::current_hash;

/// What a path held when last looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Observation {
    Missing,
    Folder,
    File {
        len: u64,
        mtime: Option<SystemTime>,
        hash: String,
    },
    /// Could not be read (permissions, a race): never settles until readable.
    Unreadable,
}

#[derive(Debug)]
struct Pending {
    last: Option<Observation>,
    stable_since: Instant,
}

/// Paths with recent events, waiting to settle.
#[derive(Debug)]
pub(super) struct Settler {
    window: Duration,
    pending: BTreeMap<String, Pending>,
}

impl Settler {
    /// A settler that needs `window` of stability.
    pub(super) fn new(window: Duration) -> Self {
        Settler { window, pending: BTreeMap::new() }
    }

    /// An event touched `relative`: it must settle (again) before it is read.
    pub(super) fn touch(&mut self, relative: String, now: Instant) {
        self.pending.insert(relative, Pending { last: None, stable_since: now });
    }

    /// Looks at every pending path under `dir`; returns those that just settled.
    pub(super) fn settled(&mut self, dir: &Path, now: Instant) -> Vec<String> {
        let mut settled = Vec::new();
        for (relative, pending) in &mut self.pending {
            let seen = observe(&dir.join(relative));
            if pending.last.as_ref() != Some(&seen) {
                pending.last = Some(seen);
                pending.stable_since = now;
                continue;
            }
            let window = match seen {
                Observation::Missing => self.window * 2,
                Observation::Unreadable => continue,
                _ => self.window,
            };
            if now.duration_since(pending.stable_since) >= window {
                settled.push(relative.clone());
            }
        }
        for relative in &settled {
            self.pending.remove(relative);
        }
        settled
    }

    /// Paths still waiting to settle.
    pub(super) fn unsettled(&self) -> HashSet<String> {
        self.pending.keys().cloned().collect()
    }

    /// True when nothing is waiting.
    #[cfg(test)]
    pub(super) fn is_idle(&self) -> bool {
        self.pending.is_empty()
    }
}

fn observe(path: &Path) -> Observation {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Observation::Missing,
        Err(_) => return Observation::Unreadable,
    };
    if meta.is_dir() {
        return Observation::Folder;
    }
    match current_hash(path) {
        Ok(Some(hash)) => Observation::File { len: meta.len(), mtime: meta.modified().ok(), hash },
        Ok(None) => Observation::Missing,
        Err(_) => Observation::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_settles_only_after_a_quiet_window() {
        let dir = tempfile::tempdir().unwrap();
        let window = Duration::from_millis(100);
        let mut settler = Settler::new(window);
        let start = Instant::now();
        std::fs::write(dir.path().join("a.md"), "part").unwrap();
        settler.touch("a.md".into(), start);
        assert!(settler.settled(dir.path(), start).is_empty(), "first look only records");
        std::fs::write(dir.path().join("a.md"), "part and the rest").unwrap();
        assert!(settler.settled(dir.path(), start + window).is_empty(), "a change restarts the window");
        assert!(settler.settled(dir.path(), start + window + window / 2).is_empty());
        assert_eq!(settler.settled(dir.path(), start + window * 2), vec!["a.md".to_owned()]);
        assert!(settler.is_idle());
    }

    #[test]
    fn a_vanished_file_waits_twice_as_long() {
        let dir = tempfile::tempdir().unwrap();
        let window = Duration::from_millis(100);
        let mut settler = Settler::new(window);
        let start = Instant::now();
        settler.touch("gone.md".into(), start);
        assert!(settler.settled(dir.path(), start).is_empty());
        assert!(settler.settled(dir.path(), start + window).is_empty());
        assert_eq!(settler.unsettled().len(), 1);
        assert_eq!(settler.settled(dir.path(), start + window * 2), vec!["gone.md".to_owned()]);
    }
}
