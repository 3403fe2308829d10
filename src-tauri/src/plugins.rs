//! Plugin set-up that needs more than a default `init()`.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use tauri::plugin::TauriPlugin;
use tauri::Runtime;

/// One instance per library: a second launch on the same library hands its files to the running
/// window, focuses it and exits, while another library (a demo, a test run) can still be opened beside it.
pub fn single_instance<R: Runtime>(library_dir: &Path) -> TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(library_dir))
        .callback(|app, args, cwd| crate::opened_files::handed_over(app, &args, &cwd))
        .build()
}

/// A D-Bus-safe name unique to the library folder.
pub fn instance_id(library_dir: &Path) -> String {
    let mut hasher = DefaultHasher::new();
    library_dir.hash(&mut hasher);
    format!("app.byline.desktop.library_{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_library_gets_its_own_instance_name() {
        let a = instance_id(Path::new("/home/ada/.local/share/byline"));
        let b = instance_id(Path::new("/tmp/demo-library"));
        assert_ne!(a, b);
        assert_eq!(a, instance_id(Path::new("/home/ada/.local/share/byline")));
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'), "{a}");
    }
}
