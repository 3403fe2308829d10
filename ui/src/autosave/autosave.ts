/**
 * Autosave: a draft is saved within a second of the last keystroke, and on demand (switching
 * drafts, window blur, close). A failed save keeps the change pending, so nothing typed is lost.
 */
import { errorMessage, saveDraft, type Draft, type DraftChange, type SaveMode } from "../../ipc";
import { debounce } from "../shared/timing";
import { isEmptyChange, mergeChanges } from "./merge";

/** What the status bar shows about saving. */
export type SaveState = { kind: "saved" } | { kind: "saving" } | { kind: "failed"; message: string };

/** Idle time after the last change before an autosave; well under the 1 s promise. */
const AUTOSAVE_DELAY_MS = 700;
/** Time before retrying a failed save by itself. */
const RETRY_DELAY_MS = 5000;

/** Saves one draft's pending changes; one instance serves whichever draft is open. */
export class Autosaver {
  private slug: string | null = null;
  private pending: DraftChange = {};
  private bodyDirty = false;
  private inFlight: Promise<boolean> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set while the last save failed: the reason stays shown through retries until one succeeds. */
  private failing = false;
  private readonly scheduled = debounce(() => void this.flush(), AUTOSAVE_DELAY_MS);

  constructor(
    private readonly readBody: () => string,
    private readonly onState: (state: SaveState) => void,
    private readonly onSaved: (draft: Draft) => void,
  ) {}

  /** Starts tracking `slug`; call only after `flush()` succeeded for the previous draft. */
  track(slug: string | null): void {
    this.scheduled.cancel();
    this.slug = slug;
    this.pending = {};
    this.bodyDirty = false;
    this.failing = false;
    this.onState({ kind: "saved" });
  }

  /** The editor body changed. */
  bodyChanged(): void {
    this.bodyDirty = true;
    this.schedule();
  }

  /** Metadata fields changed; `immediate` saves now (on `change`/blur) instead of debouncing. */
  metaChanged(change: DraftChange, immediate = false): void {
    this.pending = mergeChanges(this.pending, change);
    if (immediate) void this.flush();
    else this.schedule();
  }

  /** True when something typed is not yet stored. */
  dirty(): boolean {
    return this.bodyDirty || !isEmptyChange(this.pending);
  }

  /** True while something typed is not yet stored or a save is on its way. */
  busy(): boolean {
    return this.dirty() || this.inFlight !== null;
  }

  /** Saves everything pending now with `mode`; resolves true when the library holds it all. */
  async flush(mode: SaveMode = "autosave"): Promise<boolean> {
    this.scheduled.cancel();
    // Saves run one at a time so an older text never lands after a newer one.
    while (this.inFlight) await this.inFlight;
    if (!this.dirty() && mode === "autosave") return true;
    this.inFlight = this.saveOnce(mode);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private schedule(): void {
    this.showSaving();
    this.scheduled();
  }

  /** "Saving…", unless a failure is outstanding: flickering to "Saving…" on every retry or
   * keystroke would hide from the writer that nothing is being stored. */
  private showSaving(): void {
    if (!this.failing) this.onState({ kind: "saving" });
  }

  private async saveOnce(mode: SaveMode): Promise<boolean> {
    const slug = this.slug;
    if (slug === null) return true;
    const change: DraftChange = { ...this.pending };
    if (this.bodyDirty) change.body = this.readBody();
    this.pending = {};
    this.bodyDirty = false;
    this.showSaving();
    try {
      const draft = await saveDraft(slug, change, mode);
      if (this.slug === slug) this.failing = false;
      if (this.slug === slug && !this.dirty()) this.onState({ kind: "saved" });
      this.onSaved(draft);
      return true;
    } catch (error) {
      if (this.slug === slug) {
        // Newer edits made during the failed save win over the ones that failed.
        this.pending = mergeChanges(change, this.pending);
        if ("body" in change) {
          delete this.pending.body;
          this.bodyDirty = true;
        }
        this.failing = true;
        this.onState({ kind: "failed", message: errorMessage(error) });
        this.scheduleRetry();
      }
      return false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.dirty()) void this.flush();
    }, RETRY_DELAY_MS);
  }
}
