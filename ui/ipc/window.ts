/** The app window itself: destroying it once unsaved text is safe. */
import { getCurrentWindow } from "@tauri-apps/api/window";

/** Closes the window without asking the shell again (it asked us via `close-requested`). */
export async function destroyWindow(): Promise<void> {
  await getCurrentWindow().destroy();
}

/** True when the page runs inside Tauri (false in a plain browser during development). */
export const insideTauri = (): boolean => "__TAURI_INTERNALS__" in window;

/** Shows the open draft's title in the window's title bar. */
export async function setWindowTitle(title: string): Promise<void> {
  // async so that a missing window handle becomes a rejection, never a throw into the caller.
  await getCurrentWindow().setTitle(title);
}
