/** Import from the File menu: the native picker, `import_paths`, the library refreshed, the report. */
import { chooseFolder, chooseMarkdownFiles, errorMessage, importPaths, type ImportReport } from "../../ipc";
import { notify } from "../shared/dialog";
import { ImportReportDialog } from "./reportDialog";

/** What the importer needs from the app. */
export interface ImporterHooks {
  /** New drafts (and maybe authors) are in the library: refresh what shows them. */
  imported(report: ImportReport): Promise<void>;
  /** A quiet line in the status bar. */
  status(text: string): void;
}

/** Runs imports one at a time and shows each one's report. */
export class Importer {
  readonly dialog = new ImportReportDialog();
  private running = false;

  constructor(private readonly hooks: ImporterHooks) {}

  /** File › Import…: a folder, which may be a site's root or its content folder. */
  async chooseFolder(): Promise<void> {
    await this.pick(async () => {
      const dir = await chooseFolder("Import a folder: a site's root, its content folder, or any folder of Markdown files");
      return dir ? [dir] : [];
    });
  }

  /** File › Import Files…: one or more Markdown files. */
  async chooseFiles(): Promise<void> {
    await this.pick(() => chooseMarkdownFiles("Import Markdown files"));
  }

  /** Imports `paths` and shows the report; rejects (after telling the writer) when nothing could be imported. */
  async run(paths: string[]): Promise<ImportReport> {
    if (this.running) {
      notify("An import is already running; its report opens when it is done.");
      throw new Error("an import is already running");
    }
    this.running = true;
    this.hooks.status("Importing…");
    try {
      const report = await importPaths(paths);
      // The drafts are in the library even if a refresh fails: the report still shows.
      await this.hooks.imported(report).catch((error) => notify(`The library list could not be refreshed: ${errorMessage(error)}`, "error"));
      this.hooks.status(report.summary);
      this.dialog.show(report);
      return report;
    } catch (error) {
      this.hooks.status("");
      notify(`Nothing was imported: ${errorMessage(error)}`, "error");
      throw error;
    } finally {
      this.running = false;
    }
  }

  private async pick(choose: () => Promise<string[]>): Promise<void> {
    let paths: string[];
    try {
      paths = await choose();
    } catch (error) {
      notify(`The file picker could not open: ${errorMessage(error)}`, "error");
      return;
    }
    // A failed import has already been shown to the writer.
    if (paths.length > 0) await this.run(paths).catch(() => undefined);
  }
}
