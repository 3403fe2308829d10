/** `window.__byline`: the hooks end-to-end tests drive the app through (see the app contract). */

/** The hook object's shape. */
export interface BylineHooks {
  ready: boolean;
  openDraft(slug: string): Promise<boolean>;
  currentSlug(): string | null;
  flush(): Promise<void>;
  editorText(): string;
  setEditorText(text: string): void;
  /** True when no preview render is in flight or waiting. */
  previewIdle(): boolean;
  /** Imports `paths` as File › Import… does once the native picker (which WebDriver cannot
   * drive) has returned them; resolves when the report shows, rejects when nothing was imported. */
  importPaths(paths: string[]): Promise<void>;
  /** Keystroke-to-preview samples (ms). */
  perf: number[];
  /** Keystroke-to-editor-paint samples (ms). */
  typing: number[];
}

declare global {
  interface Window {
    __byline: BylineHooks;
  }
}

/** Installs the hooks; `ready` stays false until the library list is shown. */
export function installTestHooks(hooks: Omit<BylineHooks, "ready" | "perf" | "typing">): BylineHooks {
  const installed: BylineHooks = { ...hooks, ready: false, perf: [], typing: [] };
  window.__byline = installed;
  return installed;
}
