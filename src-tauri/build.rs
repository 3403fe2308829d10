//! Generates the Tauri context and one `allow-<command>` permission per app command, so the
//! webview can call only what `capabilities/main.json` grants.

include!("src/command_list.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(error) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        // A build script reports failure by panicking; the message names the broken config file.
        panic!("tauri build step failed: {error:#}");
    }
}
