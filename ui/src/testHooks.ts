/** `window.__byline`: the hooks end-to-end tests drive the app through (see the app contract). */

/** The hook object's shape. */
export interface BylineHooks {
  ready: boolean;
  openDraft(slug: string): Promise<boolean>;
  currentSlug(): string | null;
  flush(): Promise<void>;
  editorText(): string;
  setEditorText(text: string): void;
  perf: number[];
}

declare global {
  interface Window {
    __byline: BylineHooks;
  }
}

/** Installs the hooks; `ready` stays false until the library list is shown. */
export function installTestHooks(hooks: Omit<BylineHooks, "ready" | "perf">): BylineHooks {
  const installed: BylineHooks = { ...hooks, ready: false, perf: [] };
  window.__byline = installed;
  return installed;
}
