/**
 * Last-resort rescue: when a save fails as the window closes, the text is stashed in the
 * webview's local storage and offered back the next time that draft opens.
 */
const PREFIX = "byline.unsaved.";

/** Keeps `body` for `slug` until it is saved. */
export function stashBody(slug: string, body: string): void {
  try {
    localStorage.setItem(PREFIX + slug, body);
  } catch {
    // Storage full or unavailable: nothing more can be done from the page.
  }
}

/** The stashed text for `slug`, if any. */
export function stashedBody(slug: string): string | null {
  return localStorage.getItem(PREFIX + slug);
}

/** Forgets the stash once the text is safely saved. */
export function clearStash(slug: string): void {
  localStorage.removeItem(PREFIX + slug);
}
