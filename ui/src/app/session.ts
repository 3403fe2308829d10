/** The open draft: opening, creating, trashing, restoring, and keeping every pane in step. */
import {
  createDraft,
  errorMessage,
  getDraft,
  listAuthors,
  listDrafts,
  trashDraft,
  type Author,
  type Draft,
} from "../../ipc";
import type { Autosaver } from "../autosave/autosave";
import { clearStash, stashedBody } from "../autosave/stash";
import type { MarkdownEditor } from "../editor/editor";
import type { LibrarySidebar } from "../library/sidebar";
import type { MetadataPanel } from "../metadata/panel";
import type { Preview } from "../preview/preview";
import { notify } from "../shared/dialog";
import type { StatusBar } from "../statusbar/statusbar";

const LAST_SLUG_KEY = "byline.lastSlug";

/** The panes a session drives. */
export interface Panes {
  editor: MarkdownEditor;
  preview: Preview;
  metadata: MetadataPanel;
  library: LibrarySidebar;
  autosaver: Autosaver;
  statusbar: StatusBar;
  /** Called whenever a draft opens or closes. */
  opened(draft: Draft | null): void;
}

/** Holds the open draft. */
export class Session {
  private draft: Draft | null = null;
  private authors: Author[] = [];

  constructor(private readonly panes: Panes) {}

  /** The open draft's slug. */
  slug(): string | null {
    return this.draft?.slug ?? null;
  }

  /** The open draft as last loaded or saved. */
  current(): Draft | null {
    return this.draft;
  }

  /** Loads the author profiles offered for crediting. */
  async loadAuthors(): Promise<void> {
    try {
      this.authors = await listAuthors();
      this.panes.metadata.setKnownAuthors(this.authors);
    } catch (error) {
      notify(`Authors could not be loaded: ${errorMessage(error)}`, "error");
    }
  }

  /** The manager changed profiles. */
  authorsChanged(authors: Author[]): void {
    this.authors = authors;
    this.panes.metadata.setKnownAuthors(authors);
  }

  /** Opens the last draft of the previous session, else the most recent one. */
  async openInitial(): Promise<void> {
    const last = localStorage.getItem(LAST_SLUG_KEY);
    if (last && (await this.open(last, true))) return;
    try {
      const [first] = await listDrafts({ limit: 1, sort: "updated" });
      if (first) await this.open(first.slug);
      else this.show(null);
    } catch (error) {
      notify(errorMessage(error), "error");
    }
  }

  /** Opens `slug` once the open draft is saved; false when it could not. */
  async open(slug: string, quiet = false): Promise<boolean> {
    if (this.draft?.slug === slug) return true;
    if (!(await this.panes.autosaver.flush())) {
      notify("The open draft is not saved yet, so it stays open. Its text is still in the editor.", "error");
      return false;
    }
    try {
      this.show(await getDraft(slug));
      return true;
    } catch (error) {
      if (!quiet) notify(errorMessage(error), "error");
      return false;
    }
  }

  /** Creates a draft and opens it with the title selected for renaming. */
  async create(): Promise<void> {
    if (!(await this.panes.autosaver.flush())) {
      notify("The open draft is not saved yet; try again in a moment.", "error");
      return;
    }
    try {
      // No title: it follows the first heading the writer types.
      const draft = await createDraft({});
      this.show(draft);
      await this.panes.library.reload();
      this.panes.metadata.focusTitle();
    } catch (error) {
      notify(`No draft created: ${errorMessage(error)}`, "error");
    }
  }

  /** Moves the open draft to the trash and opens the next one. */
  async trash(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    await this.panes.autosaver.flush();
    try {
      await trashDraft(draft.slug);
      notify(`“${draft.title}” moved to the trash. Open Trash to restore it.`);
      localStorage.removeItem(LAST_SLUG_KEY);
      this.show(null);
      await this.panes.library.reload();
      await this.openInitial();
    } catch (error) {
      notify(errorMessage(error), "error");
    }
  }

  /** Shows a draft the core returned after a restore (or any out-of-band change). */
  replace(draft: Draft): void {
    this.draft = draft;
    this.panes.autosaver.track(draft.slug);
    this.panes.editor.replaceQuietly(draft.body);
    this.panes.metadata.show(draft, this.authors);
    this.previewEditorText(draft.slug);
    this.panes.library.updateDraft(draft);
  }

  /** A save came back: keep the stored copy current and the list item fresh. */
  saved(draft: Draft): void {
    if (draft.slug !== this.draft?.slug) return;
    this.draft = draft;
    clearStash(draft.slug);
    this.panes.library.updateDraft(draft);
  }

  private show(draft: Draft | null): void {
    this.draft = draft;
    const { editor, preview, metadata, library, autosaver, statusbar } = this.panes;
    autosaver.track(draft?.slug ?? null);
    library.setActive(draft?.slug ?? null);
    if (!draft) {
      editor.load("", false);
      metadata.setEnabled(false);
      statusbar.clear();
      preview.update(null, "", null);
      this.panes.opened(null);
      return;
    }
    localStorage.setItem(LAST_SLUG_KEY, draft.slug);
    editor.load(draft.body, !draft.trashed_at);
    metadata.show(draft, this.authors);
    this.previewEditorText(draft.slug);
    this.panes.opened(draft);
    this.offerStash(draft);
  }

  /**
   * Previews the editor's text, not the stored body: CodeMirror turns `\r\n` into `\n`, and the
   * preview's later edits are CodeMirror's changes, which only apply to CodeMirror's text.
   */
  private previewEditorText(slug: string): void {
    const { editor, preview } = this.panes;
    preview.update(slug, () => editor.text(), null);
  }

  private offerStash(draft: Draft): void {
    const stashed = stashedBody(draft.slug);
    if (stashed === null) return;
    if (stashed === draft.body) {
      clearStash(draft.slug);
      return;
    }
    // Recovered as a user edit: it autosaves, and Undo brings back the stored text.
    this.panes.editor.replaceAsUser(stashed);
    notify("Text that could not be saved last time was recovered; Undo returns to the stored version.");
  }
}
