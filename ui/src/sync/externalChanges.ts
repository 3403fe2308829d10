/**
 * Live sync in the window: after each drafts folder report the library list is refreshed, and
 * an external edit to the open draft is shown in place when the editor holds no unsaved edits.
 * With unsaved edits the editor's text is never replaced: the "Changed on disk" banner asks.
 */
import { errorMessage, getDraft, history, restoreRevision, type Draft, type SyncReport } from "../../ipc";
import type { Session } from "../app/session";
import type { Autosaver } from "../autosave/autosave";
import type { MarkdownEditor } from "../editor/editor";
import type { LibrarySidebar } from "../library/sidebar";
import { notify } from "../shared/dialog";
import type { StatusBar } from "../statusbar/statusbar";
import { ConflictBanner } from "./conflictBanner";
import { changesLibrary, conflictRevision, mayConcern, summary } from "./report";

/** What the sync reacts on. */
export interface SyncPanes {
  session: Session;
  editor: MarkdownEditor;
  autosaver: Autosaver;
  library: LibrarySidebar;
  statusbar: StatusBar;
}

/** Applies drafts folder reports to the open window, one report at a time. */
export class ExternalChanges {
  readonly banner = new ConflictBanner();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly panes: SyncPanes) {}

  /** A `folder-sync` report arrived. */
  received(report: SyncReport): void {
    this.queue = this.queue
      .then(() => this.apply(report))
      .catch((error) => this.panes.statusbar.setNote(`Drafts folder: ${errorMessage(error)}`));
  }

  /** A `folder-sync-error` arrived: said quietly, the shell retries by itself. */
  failed(message: string): void {
    this.panes.statusbar.setNote(message);
  }

  /** The open draft changed (another draft opened): a banner about the old one no longer applies. */
  draftOpened(): void {
    this.banner.hide();
  }

  private async apply(report: SyncReport): Promise<void> {
    const { session, library, statusbar } = this.panes;
    const note = summary(report);
    if (note) statusbar.setNote(note);
    if (changesLibrary(report)) void library.reload();
    const slug = session.slug();
    if (slug === null || !mayConcern(report, slug)) return;
    // Judged before the fetch: a save that lands meanwhile must not hide the change.
    const hadEdits = this.hasUnsavedEdits();
    const { fresh, shown } = await this.fetchSettled(slug);
    if (session.slug() !== slug || shown === null) return;
    if (fresh.trashed_at) {
      notify(`The file of “${fresh.title}” was deleted, so the draft is in the trash. Restore it from Trash.`);
      return;
    }
    const conflict = conflictRevision(report, slug);
    if (fresh.body !== shown.body) {
      if (this.hasUnsavedEdits()) await this.offerChoice(fresh, conflict);
      else this.reload(fresh);
    } else if (conflict !== null || (hadEdits && fileRead(report, slug))) {
      // The library kept the editor's text (it was saved first); the file's version is history.
      await this.offerChoice(fresh, conflict);
    } else if (!this.panes.autosaver.busy() && !sameDetails(fresh, shown)) {
      session.replace(fresh);
    }
  }

  /** The stored draft and the shown one, fetched again if a save landed during the fetch (the
   * fetched copy would then be older than the editor's text and must not replace it). */
  private async fetchSettled(slug: string): Promise<{ fresh: Draft; shown: Draft | null }> {
    for (;;) {
      const shown = this.panes.session.current();
      const fresh = await getDraft(slug);
      if (this.panes.session.current() === shown) return { fresh, shown };
    }
  }

  private hasUnsavedEdits(): boolean {
    const shown = this.panes.session.current();
    return this.panes.autosaver.busy() || (shown !== null && this.panes.editor.text() !== shown.body);
  }

  private reload(draft: Draft): void {
    this.panes.session.replace(draft);
    this.banner.hide();
    this.panes.statusbar.setNote(`“${draft.title}” was updated from its file`);
  }

  private async offerChoice(fresh: Draft, conflict: number | null): Promise<void> {
    const slug = fresh.slug;
    const external = conflict ?? (await newestCheckpoint(slug));
    this.banner.show(fresh.title, {
      keepMine: async () => {
        if (!(await this.saveEditorText(slug))) return;
        this.panes.statusbar.setNote("Your text is kept; the file's version is in the history");
      },
      useFile: async () => {
        if (external === null) throw new Error("the file's version was not found in the history");
        if (!(await this.saveEditorText(slug))) return;
        const restored = await restoreRevision(slug, external);
        if (this.panes.session.slug() === slug) this.panes.session.replace(restored);
        this.panes.statusbar.setNote("The file's version is shown; your text is in the history");
      },
    });
  }

  /** Saves the editor's text as a revision of its own; false (and said) when it could not. */
  private async saveEditorText(slug: string): Promise<boolean> {
    const { session, autosaver } = this.panes;
    if (session.slug() !== slug) return false;
    autosaver.bodyChanged();
    if (await autosaver.flush("checkpoint")) return true;
    notify("Your text could not be saved, so nothing was changed. It is still in the editor.", "error");
    return false;
  }
}

/** True when the report read the file of draft `slug` into the library. */
function fileRead(report: SyncReport, slug: string): boolean {
  return report.updated.some((file) => file.slug === slug);
}

/** Everything but the body that the details panel shows. */
function sameDetails(a: Draft, b: Draft): boolean {
  const details = (d: Draft) =>
    JSON.stringify([
      d.title,
      d.subtitle,
      d.summary,
      d.status,
      d.tags,
      d.language,
      d.canonical_url,
      d.discuss_url,
      d.cover_image,
    ]);
  return details(a) === details(b);
}

/** The file's version as the sync stored it: imports are recorded as checkpoints. */
async function newestCheckpoint(slug: string): Promise<number | null> {
  const revisions = await history(slug);
  return revisions.find((revision) => revision.reason === "checkpoint")?.id ?? null;
}
