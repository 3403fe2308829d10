//! The native menu bar and what its items do. One table ([`MENU_BAR`]) holds every item's id,
//! label and accelerator: the menu is built from it and the command palette lists it
//! ([`actions`]), so the two never disagree. Most items are forwarded to the UI as the `menu`
//! event (payload: the item id); zoom, full screen and quit are the shell's own.

use serde::Serialize;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use crate::error::{AppError, AppResult};
use crate::window::{self, Zoom, MAIN};

/// One entry of a menu, in the order shown.
pub enum Entry {
    /// An item the writer can choose, from the menu or the command palette.
    Item(Item),
    /// A line between groups.
    Separator,
    /// One of the toolkit's own editing items, which act on whatever text has focus.
    Native(Native),
    /// A nested menu: its title and entries.
    Submenu(&'static str, &'static [Entry]),
}

/// A menu item of Byline's own.
pub struct Item {
    /// The id the `menu` event carries.
    pub id: &'static str,
    /// What the menu shows.
    pub label: &'static str,
    /// Its shortcut, in Tauri's accelerator syntax (`CmdOrCtrl+Shift+P`).
    pub accelerator: Option<&'static str>,
}

/// The toolkit's editing items.
#[derive(Clone, Copy)]
pub enum Native {
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Cut.
    Cut,
    /// Copy.
    Copy,
    /// Paste.
    Paste,
    /// Select All.
    SelectAll,
}

const fn item(id: &'static str, label: &'static str, accelerator: Option<&'static str>) -> Entry {
    Entry::Item(Item { id, label, accelerator })
}

const QUIT: &str = "quit";
const ZOOM_IN: &str = "zoom-in";
const ZOOM_OUT: &str = "zoom-out";
const ZOOM_RESET: &str = "zoom-reset";
const DISTRACTION_FREE: &str = "distraction-free";

/// Items the shell handles itself; every other item is forwarded to the UI.
#[cfg(test)]
const SHELL_ITEMS: &[&str] = &[QUIT, ZOOM_IN, ZOOM_OUT, ZOOM_RESET];

/// The menu bar: File, Edit, View, Library.
pub const MENU_BAR: &[(&str, &[Entry])] = &[
    (
        "File",
        &[
            item("new-draft", "New Draft", Some("CmdOrCtrl+N")),
            item("open-file", "Open File…", Some("CmdOrCtrl+O")),
            item("save-checkpoint", "Save Checkpoint", Some("CmdOrCtrl+S")),
            Entry::Separator,
            // Two items because a native picker chooses either folders or files, never both.
            item("import", "Import…", None),
            item("import-files", "Import Files…", None),
            item("export", "Export…", Some("CmdOrCtrl+E")),
            Entry::Separator,
            // Not the predefined Quit: that would exit at once, skipping the save on close.
            item(QUIT, "Quit", Some("CmdOrCtrl+Q")),
        ],
    ),
    (
        "Edit",
        &[
            Entry::Native(Native::Undo),
            Entry::Native(Native::Redo),
            Entry::Separator,
            Entry::Native(Native::Cut),
            Entry::Native(Native::Copy),
            Entry::Native(Native::Paste),
            Entry::Native(Native::SelectAll),
            Entry::Separator,
            item("find", "Find…", Some("CmdOrCtrl+F")),
            item("spelling-languages", "Spelling Languages…", None),
            item("smart-punctuation", "Smart Punctuation", None),
        ],
    ),
    (
        "View",
        &[
            item("command-palette", "Command Palette…", Some("CmdOrCtrl+Shift+P")),
            Entry::Separator,
            // Not Ctrl+P: that is Go to Draft, as in most editors' quick switchers.
            item("toggle-preview", "Toggle Preview", Some("CmdOrCtrl+Alt+P")),
            item("toggle-outline", "Outline", Some("CmdOrCtrl+Shift+O")),
            item("focus-mode", "Focus Mode", Some("CmdOrCtrl+Shift+F")),
            item("typewriter-mode", "Typewriter Scrolling", Some("CmdOrCtrl+Shift+T")),
            item(DISTRACTION_FREE, "Distraction-Free", Some("F11")),
            Entry::Separator,
            item(ZOOM_IN, "Zoom In", Some("CmdOrCtrl+=")),
            item(ZOOM_OUT, "Zoom Out", Some("CmdOrCtrl+-")),
            item(ZOOM_RESET, "Actual Size", Some("CmdOrCtrl+0")),
            Entry::Separator,
            Entry::Submenu(
                "Theme",
                &[
                    item("theme-light", "Light", None),
                    item("theme-dark", "Dark", None),
                    item("theme-system", "Follow System", None),
                ],
            ),
        ],
    ),
    (
        "Library",
        &[
            item("go-to-draft", "Go to Draft…", Some("CmdOrCtrl+P")),
            item("show-authors", "Authors…", None),
            item("show-history", "History…", None),
        ],
    ),
];

/// A menu item as the command palette lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MenuAction {
    /// The item's id, to run it with `run_menu_action`.
    pub id: String,
    /// The item's label.
    pub label: String,
    /// Its shortcut in Tauri's syntax (`CmdOrCtrl+Shift+P`), if it has one.
    pub accelerator: Option<String>,
    /// The menus it is in, outermost first (`["View", "Theme"]`).
    pub menu: Vec<String>,
}

/// Calls `visit` with every item of the table and the titles of the menus it is in.
fn each_item(visit: &mut dyn FnMut(&'static Item, &[&'static str])) {
    fn walk(
        entries: &'static [Entry],
        path: &mut Vec<&'static str>,
        visit: &mut dyn FnMut(&'static Item, &[&'static str]),
    ) {
        for entry in entries {
            match entry {
                Entry::Item(item) => visit(item, path),
                Entry::Submenu(title, inner) => {
                    path.push(title);
                    walk(inner, path, visit);
                    path.pop();
                }
                Entry::Separator | Entry::Native(_) => {}
            }
        }
    }
    for (title, entries) in MENU_BAR {
        let mut path = vec![*title];
        walk(entries, &mut path, visit);
    }
}

/// Every item of the menu bar, in menu order.
pub fn actions() -> Vec<MenuAction> {
    let mut out = Vec::new();
    each_item(&mut |item, path| {
        out.push(MenuAction {
            id: item.id.into(),
            label: item.label.into(),
            accelerator: item.accelerator.map(Into::into),
            menu: path.iter().map(|title| (*title).into()).collect(),
        });
    });
    out
}

/// Ids of the items forwarded to the UI as the `menu` event, in menu order: the bindings' `MENU_ITEMS`.
#[cfg(test)]
pub fn ui_items() -> Vec<&'static str> {
    let mut out = Vec::new();
    each_item(&mut |item, _| {
        if !SHELL_ITEMS.contains(&item.id) {
            out.push(item.id);
        }
    });
    out
}

/// Builds the menu bar from [`MENU_BAR`].
pub fn build<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Menu<R>> {
    let menu = Menu::new(app)?;
    for (title, entries) in MENU_BAR {
        menu.append(&submenu(app, title, entries)?)?;
    }
    Ok(menu)
}

fn submenu<R: Runtime, M: Manager<R>>(app: &M, title: &str, entries: &[Entry]) -> tauri::Result<Submenu<R>> {
    let menu = Submenu::new(app, title, true)?;
    for entry in entries {
        match entry {
            Entry::Item(item) => menu.append(&MenuItem::with_id(app, item.id, item.label, true, item.accelerator)?)?,
            Entry::Separator => menu.append(&PredefinedMenuItem::separator(app)?)?,
            Entry::Native(native) => menu.append(&native_item(app, *native)?)?,
            Entry::Submenu(title, inner) => menu.append(&submenu(app, title, inner)?)?,
        }
    }
    Ok(menu)
}

fn native_item<R: Runtime, M: Manager<R>>(app: &M, native: Native) -> tauri::Result<PredefinedMenuItem<R>> {
    match native {
        Native::Undo => PredefinedMenuItem::undo(app, None),
        Native::Redo => PredefinedMenuItem::redo(app, None),
        Native::Cut => PredefinedMenuItem::cut(app, None),
        Native::Copy => PredefinedMenuItem::copy(app, None),
        Native::Paste => PredefinedMenuItem::paste(app, None),
        Native::SelectAll => PredefinedMenuItem::select_all(app, None),
    }
}

/// Handles a click (or shortcut) on a menu item.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    // Ids come from the table, so an unknown one is the toolkit's own item: nothing to do.
    let _ = run(app, event.id().as_ref());
}

/// Does what choosing the item `id` from the menu does; the command palette runs items this way.
pub fn run<R: Runtime>(app: &AppHandle<R>, id: &str) -> AppResult<()> {
    let mut known = false;
    each_item(&mut |item, _| known |= item.id == id);
    if !known {
        return Err(AppError::UnknownMenuItem(id.into()));
    }
    let Some(window) = app.get_webview_window(MAIN) else { return Ok(()) };
    match id {
        QUIT => window::request_close(&window),
        ZOOM_IN => window::zoom(&window, Zoom::In),
        ZOOM_OUT => window::zoom(&window, Zoom::Out),
        ZOOM_RESET => window::zoom(&window, Zoom::Reset),
        _ => {
            if id == DISTRACTION_FREE {
                window::toggle_fullscreen(&window);
            }
            if let Err(error) = window.emit_to(MAIN, "menu", id) {
                eprintln!("byline-app: could not pass menu item `{id}` to the editor: {error}");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_menu_item_has_its_own_id_and_shortcut() {
        let actions = actions();
        let ids: BTreeSet<_> = actions.iter().map(|action| action.id.as_str()).collect();
        assert_eq!(ids.len(), actions.len(), "two items share an id");
        let shortcuts: Vec<_> = actions.iter().filter_map(|action| action.accelerator.as_deref()).collect();
        let distinct: BTreeSet<_> = shortcuts.iter().collect();
        assert_eq!(distinct.len(), shortcuts.len(), "two items share a shortcut: {shortcuts:?}");
    }

    #[test]
    fn the_palette_lists_nested_items_with_their_menus_and_the_shells_own_items() {
        let actions = actions();
        let light = actions.iter().find(|action| action.id == "theme-light");
        assert_eq!(light.map(|action| action.menu.clone()), Some(vec!["View".to_string(), "Theme".to_string()]));
        let palette = actions.iter().find(|action| action.id == "command-palette");
        assert_eq!(palette.and_then(|action| action.accelerator.as_deref()), Some("CmdOrCtrl+Shift+P"));
        assert!(actions.iter().any(|action| action.id == ZOOM_IN));
    }

    #[test]
    fn only_the_shells_own_items_stay_out_of_the_ui_ids() {
        let ui = ui_items();
        assert!(ui.contains(&"focus-mode") && ui.contains(&"go-to-draft") && ui.contains(&"theme-system"));
        assert!(SHELL_ITEMS.iter().all(|id| !ui.contains(id)));
        assert_eq!(ui.len() + SHELL_ITEMS.len(), actions().len());
    }
}
