//! The first run: the welcome draft and the author prompt. The rule (a new library only, once)
//! is the library's; the UI asks once per launch, before it lists the drafts.

use byline_library::FirstRun;
use tauri::State;

use crate::error::AppResult;
use crate::state::AppState;

/// Creates the welcome draft if this is a new library's first opening, and says whether to ask
/// for the writer's author profile.
#[tauri::command]
pub async fn first_run(state: State<'_, AppState>) -> AppResult<FirstRun> {
    state.with(|library| library.welcome_if_new())
}

/// The writer answered the author prompt with "Not now"; the library remembers it.
#[tauri::command]
pub async fn dismiss_author_prompt(state: State<'_, AppState>) -> AppResult<()> {
    state.with(|library| library.dismiss_author_prompt())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::menu;

    /// Shortcuts the page catches itself rather than the menu (`ui/src/main.ts`): library search
    /// and Escape out of distraction-free mode.
    const PAGE_SHORTCUTS: &[&str] = &["Ctrl+Alt+F", "Escape"];

    /// The shortcuts the welcome draft names: every `code` span that reads like a key combination.
    fn named_in_welcome() -> BTreeSet<String> {
        byline_library::WELCOME
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|span| span.starts_with("Ctrl+") || *span == "Escape" || is_function_key(span))
            .map(str::to_string)
            .collect()
    }

    fn is_function_key(key: &str) -> bool {
        key.strip_prefix('F').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    }

    #[test]
    fn the_welcome_names_only_shortcuts_the_app_has() {
        let mut real: BTreeSet<String> = menu::actions()
            .into_iter()
            .filter_map(|action| action.accelerator)
            .map(|accelerator| accelerator.replace("CmdOrCtrl", "Ctrl"))
            .collect();
        real.extend(PAGE_SHORTCUTS.iter().map(|key| (*key).to_string()));
        let named = named_in_welcome();
        assert!(named.len() >= 10, "the welcome lists the main shortcuts: {named:?}");
        let unknown: Vec<_> = named.difference(&real).collect();
        assert!(unknown.is_empty(), "the welcome names shortcuts the app does not have: {unknown:?}");
        for main in ["Ctrl+N", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+Shift+F", "Ctrl+Alt+F", "Ctrl+E"] {
            assert!(named.contains(main), "the welcome leaves out {main}");
        }
    }
}
