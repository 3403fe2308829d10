/** Writer view preferences: layout, zoom, focus mode, typewriter scrolling, the outline, the
 * details panel and smart punctuation; remembered across launches. */

/** Which panes show. */
export type Layout = "split" | "editor" | "preview";

/** Everything remembered. */
export interface ViewPrefs {
  layout: Layout;
  fontSize: number;
  focusMode: boolean;
  typewriter: boolean;
  outline: boolean;
  details: boolean;
  /** Quotes, dashes and ellipses set as the writer types (the editor's smartPunctuation compartment). */
  smartPunctuation: boolean;
}

const KEY = "byline.view";
/** Editor font sizes in px: default, and the zoom range. */
export const FONT_DEFAULT = 18;
export const FONT_MIN = 12;
export const FONT_MAX = 32;

/** Stored preferences, with defaults for anything missing or malformed. */
export function parsePrefs(raw: string | null): ViewPrefs {
  const defaults: ViewPrefs = {
    layout: "split",
    fontSize: FONT_DEFAULT,
    focusMode: false,
    typewriter: false,
    outline: false,
    details: true,
    smartPunctuation: true,
  };
  if (!raw) return defaults;
  try {
    const value = JSON.parse(raw) as Partial<ViewPrefs>;
    return {
      layout: value.layout === "editor" || value.layout === "preview" ? value.layout : "split",
      fontSize:
        typeof value.fontSize === "number" && value.fontSize >= FONT_MIN && value.fontSize <= FONT_MAX
          ? value.fontSize
          : FONT_DEFAULT,
      focusMode: value.focusMode === true,
      typewriter: value.typewriter === true,
      outline: value.outline === true,
      details: value.details !== false,
      smartPunctuation: value.smartPunctuation !== false,
    };
  } catch {
    return defaults;
  }
}

/** Reads the stored preferences. */
export function loadPrefs(): ViewPrefs {
  return parsePrefs(localStorage.getItem(KEY));
}

/** Stores the preferences. */
export function savePrefs(prefs: ViewPrefs): void {
  localStorage.setItem(KEY, JSON.stringify(prefs));
}
