//! Online backups of the library database.

use std::path::{Path, PathBuf};

use crate::{Error, Library, Result};

impl Library {
    /// Writes a consistent copy of the database to `target` (default: `backups/` in the library)
    /// and returns its path. Safe while other processes use the library.
    pub fn backup(&self, target: Option<&Path>) -> Result<PathBuf> {
        let target = match target {
            Some(path) if path.is_dir() => path.join(default_name()),
            Some(path) => path.to_path_buf(),
            None => {
                let dir = self.dir().join("backups");
                crate::fs_atomic::create_dir_all(&dir)?;
                dir.join(default_name())
            }
        };
        if target.exists() {
            return Err(Error::InvalidInput(format!(
                "{} already exists; choose another backup path",
                target.display()
            )));
        }
        let target_text = target
            .to_str()
            .ok_or_else(|| Error::InvalidInput(format!("backup path {} is not valid UTF-8", target.display())))?;
        // VACUUM INTO writes a compact, transactionally consistent snapshot in one statement.
        if let Err(err) = self.conn.execute("VACUUM INTO ?1", [target_text]) {
            // A half-written copy must not pass for a backup later.
            let _ = std::fs::remove_file(&target);
            return Err(backup_error(err, &target));
        }
        Ok(target)
    }
}

/// A full or read-only target is named as such; anything else keeps SQLite's reason.
fn backup_error(err: rusqlite::Error, target: &Path) -> Error {
    match Error::from(err).at_database(target) {
        Error::Sqlite(err) => Error::Backup { path: target.to_path_buf(), message: err.to_string() },
        other => other,
    }
}

fn default_name() -> String {
    // Milliseconds keep names unique and sortable even for backups taken in quick succession.
    format!("library-{}.db", chrono::Utc::now().format("%Y%m%d-%H%M%S%.3f"))
}
