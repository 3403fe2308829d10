//! The menu's items for the command palette: listing them and running one as a click would.

use tauri::AppHandle;

use crate::error::AppResult;
use crate::menu::{self, MenuAction};

/// Every item of the menu bar with its label, shortcut and menus.
#[tauri::command]
pub async fn menu_actions() -> AppResult<Vec<MenuAction>> {
    Ok(menu::actions())
}

/// Runs the menu item `id` exactly as choosing it from the menu does.
#[tauri::command]
pub async fn run_menu_action(app: AppHandle, id: String) -> AppResult<()> {
    menu::run(&app, &id)
}
