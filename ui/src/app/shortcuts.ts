/**
 * The window's own keyboard shortcuts: the ones WebKitGTK would not deliver through the native
 * menu's accelerators while the editor has focus, and Escape out of distraction-free writing.
 */
import type { MenuId } from "../../ipc";

/** What the shortcuts act on. */
export interface ShortcutHooks {
  /** Runs a menu action, as picking it in the menu would. */
  menu: (id: MenuId) => void;
  /** Saves a checkpoint (Ctrl+S). */
  checkpoint: () => void;
  /** Moves the caret to the library's search field (Ctrl+Alt+F). */
  focusSearch: () => void;
  /** Leaves distraction-free writing, if on; true when it was (Escape). */
  leaveDistractionFree: () => boolean;
}

/** Handles one keydown; true when it was a shortcut (the event's default is then prevented). */
export function handleShortcut(event: KeyboardEvent, hooks: ShortcutHooks): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === "Escape" && !document.querySelector("dialog[open]")) return hooks.leaveDistractionFree();
  if (!mod) return false;
  if (!event.altKey && key === "s") hooks.checkpoint();
  else if (!event.altKey && key === "p") hooks.menu(event.shiftKey ? "command-palette" : "go-to-draft");
  // Ctrl+Shift+F is Focus Mode, as the View menu shows; library search is Ctrl+Alt+F.
  else if (event.shiftKey && !event.altKey && key === "f") hooks.menu("focus-mode");
  else if (event.altKey && !event.shiftKey && key === "f") hooks.focusSearch();
  else return false;
  event.preventDefault();
  return true;
}
