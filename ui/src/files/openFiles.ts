/**
 * Markdown files opened from outside the library: File › Open File…, files dropped on the window,
 * the files the app was started with and those a second launch hands over. The shell opens each
 * as its draft, linked to the file; here the last one is shown and each failure is said.
 */
import {
  chooseMarkdownFiles,
  errorMessage,
  MARKDOWN_EXTENSIONS,
  onFilesOpened,
  openFiles,
  takeStartupFiles,
  type OpenedFiles,
} from "../../ipc";

/** What showing opened files needs from the rest of the window. */
export interface OpenedFilesHooks {
  /** Refreshes the drafts list (a file may have become a new draft). */
  reload: () => Promise<void>;
  /** Opens a draft in the editor. */
  open: (slug: string) => Promise<unknown>;
  /** Tells the writer something. */
  notify: (message: string, kind: "info" | "error") => void;
}

export class OpenedFilesController {
  constructor(private readonly hooks: OpenedFilesHooks) {}

  /** Listens for files handed over by a second launch or dropped on the window. */
  listen(): void {
    void onFilesOpened((opened) => void this.show(opened));
  }

  /** Shows what the launch's files opened as; false when the app was started without files. */
  async showStartupFiles(): Promise<boolean> {
    const opened = await takeStartupFiles();
    await this.show(opened);
    return opened.slugs.length > 0;
  }

  /** Asks for Markdown files and opens them. */
  async choose(): Promise<void> {
    const paths = await chooseMarkdownFiles("Open Markdown files", MARKDOWN_EXTENSIONS);
    if (paths.length === 0) return;
    try {
      await this.show(await openFiles(paths));
    } catch (error) {
      this.hooks.notify(errorMessage(error), "error");
    }
  }

  private async show(opened: OpenedFiles): Promise<void> {
    for (const problem of opened.problems) this.hooks.notify(problem, "error");
    const last = opened.slugs[opened.slugs.length - 1];
    if (last === undefined) return;
    await this.hooks.reload();
    await this.hooks.open(last);
  }
}
