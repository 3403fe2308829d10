//! The native menu bar and what its items do. Most items are forwarded to the UI as the `menu`
//! event (payload: the item id of the contract); zoom, full screen and quit are the shell's own.

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::window::{self, Zoom, MAIN};

/// Menu ids forwarded to the UI as the `menu` event.
pub const UI_ITEMS: &[&str] = &[
    "new-draft",
    "save-checkpoint",
    "import",
    "import-files",
    "export",
    "find",
    "toggle-preview",
    "focus-mode",
    "distraction-free",
    "theme-light",
    "theme-dark",
    "theme-system",
    "show-authors",
    "show-history",
];

const QUIT: &str = "quit";
const ZOOM_IN: &str = "zoom-in";
const ZOOM_OUT: &str = "zoom-out";
const ZOOM_RESET: &str = "zoom-reset";
const DISTRACTION_FREE: &str = "distraction-free";

/// Builds the menu bar: File, Edit, View, Library.
pub fn build<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str, accelerator: Option<&str>| MenuItem::with_id(app, id, label, true, accelerator);
    let file = Submenu::with_items(
        app,
        "File",
        true,
        &[
            &item("new-draft", "New Draft", Some("CmdOrCtrl+N"))?,
            &item("save-checkpoint", "Save Checkpoint", Some("CmdOrCtrl+S"))?,
            &PredefinedMenuItem::separator(app)?,
            // Two items because a native picker chooses either folders or files, never both.
            &item("import", "Import…", None)?,
            &item("import-files", "Import Files…", None)?,
            &item("export", "Export…", Some("CmdOrCtrl+E"))?,
            &PredefinedMenuItem::separator(app)?,
            // Not the predefined Quit: that would exit at once, skipping the save on close.
            &item(QUIT, "Quit", Some("CmdOrCtrl+Q"))?,
        ],
    )?;
    let edit = Submenu::with_items(
        app,
        "Edit",
        true,
        &[
            &PredefinedMenuItem::undo(app, None)?,
            &PredefinedMenuItem::redo(app, None)?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, None)?,
            &PredefinedMenuItem::copy(app, None)?,
            &PredefinedMenuItem::paste(app, None)?,
            &PredefinedMenuItem::select_all(app, None)?,
            &PredefinedMenuItem::separator(app)?,
            &item("find", "Find…", Some("CmdOrCtrl+F"))?,
        ],
    )?;
    let theme = Submenu::with_items(
        app,
        "Theme",
        true,
        &[
            &item("theme-light", "Light", None)?,
            &item("theme-dark", "Dark", None)?,
            &item("theme-system", "Follow System", None)?,
        ],
    )?;
    let view = Submenu::with_items(
        app,
        "View",
        true,
        &[
            &item("toggle-preview", "Toggle Preview", Some("CmdOrCtrl+P"))?,
            &item("focus-mode", "Focus Mode", Some("CmdOrCtrl+Shift+F"))?,
            &item(DISTRACTION_FREE, "Distraction-Free", Some("F11"))?,
            &PredefinedMenuItem::separator(app)?,
            &item(ZOOM_IN, "Zoom In", Some("CmdOrCtrl+="))?,
            &item(ZOOM_OUT, "Zoom Out", Some("CmdOrCtrl+-"))?,
            &item(ZOOM_RESET, "Actual Size", Some("CmdOrCtrl+0"))?,
            &PredefinedMenuItem::separator(app)?,
            &theme,
        ],
    )?;
    let library = Submenu::with_items(
        app,
        "Library",
        true,
        &[&item("show-authors", "Authors…", None)?, &item("show-history", "History…", None)?],
    )?;
    Menu::with_items(app, &[&file, &edit, &view, &library])
}

/// Handles a click (or shortcut) on a menu item.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    let Some(window) = app.get_webview_window(MAIN) else { return };
    match id {
        QUIT => window::request_close(&window),
        ZOOM_IN => window::zoom(&window, Zoom::In),
        ZOOM_OUT => window::zoom(&window, Zoom::Out),
        ZOOM_RESET => window::zoom(&window, Zoom::Reset),
        _ if UI_ITEMS.contains(&id) => {
            if id == DISTRACTION_FREE {
                window::toggle_fullscreen(&window);
            }
            if let Err(error) = window.emit_to(MAIN, "menu", id) {
                eprintln!("byline-app: could not pass menu item `{id}` to the editor: {error}");
            }
        }
        _ => {}
    }
}
