/** The "Drafts folder" setting: which folder the library is mirrored to, chosen or stopped here;
 * a Hugo, Zola or Jekyll site is named as detected, with the folder Byline works in. */
import { bindDraftsFolder, chooseFolder, draftsFolder, errorMessage, unbindDraftsFolder, type DraftsFolder } from "../../ipc";
import { Modal, notify } from "../shared/dialog";
import { h, uid } from "../shared/dom";

/** The dialog; one instance, opened from the sidebar foot. */
export class DraftsFolderDialog {
  private readonly modal = new Modal("Drafts folder", { className: "drafts-folder" });
  private readonly syncing = h("p", {});
  private readonly site = h("p", { class: "drafts-folder-site", hidden: true });
  // The space keeps the two lines two sentences in the status's text (what a screen reader reads).
  private readonly current = h("div", { class: "drafts-folder-current", role: "status" }, this.syncing, " ", this.site);
  private readonly pathField: HTMLInputElement;
  private readonly stopButton = h("button", { type: "button" }, "Stop syncing");

  constructor() {
    const fieldId = uid("folder");
    this.pathField = h("input", { id: fieldId, type: "text", spellcheck: "false", autocomplete: "off" });
    const choose = h("button", { type: "button" }, "Choose folder…");
    const use = h("button", { type: "button" }, "Sync with this folder");
    const close = h("button", { type: "button" }, "Close");
    choose.addEventListener("click", () => void this.choose());
    use.addEventListener("click", () => void this.bind(this.pathField.value.trim()));
    this.pathField.addEventListener("keydown", (event) => {
      if (event.key === "Enter") void this.bind(this.pathField.value.trim());
    });
    this.stopButton.addEventListener("click", () => void this.stop());
    close.addEventListener("click", () => this.modal.close());
    this.modal.body.append(
      h(
        "p",
        { class: "hint" },
        "Every draft is kept as a Markdown file in this folder, and edits made to those files in other editors come back here. For a Hugo, Zola or Jekyll site, choose its root or its content folder: Byline works only in the content.",
      ),
      this.current,
      h("label", { for: fieldId }, "Folder path"),
      this.pathField,
      h("div", { class: "dialog-actions" }, choose, use, this.stopButton, close),
    );
  }

  /** Opens the dialog showing the folder being synced. */
  async open(): Promise<void> {
    this.modal.open();
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.show(await draftsFolder());
    } catch (error) {
      this.syncing.textContent = `The drafts folder could not be read: ${errorMessage(error)}`;
      this.site.hidden = true;
    }
  }

  private show(folder: DraftsFolder | null): void {
    this.syncing.textContent = folder ? `Syncing with ${folder.dir}` : "Not syncing with a folder.";
    // What Byline detected, so a writer sees it before trusting it with their site.
    this.site.textContent = folder?.site ? `${folder.site.kind} site: pages in ${folder.dir}` : "";
    this.site.hidden = !folder?.site;
    this.pathField.value = folder?.dir ?? "";
    this.stopButton.disabled = folder === null;
  }

  private async choose(): Promise<void> {
    const picked = await chooseFolder("Drafts folder");
    if (picked) await this.bind(picked);
  }

  private async bind(dir: string): Promise<void> {
    if (dir === "") {
      notify("Type a folder path or use “Choose folder…”.", "error");
      return;
    }
    try {
      this.show(await bindDraftsFolder(dir));
    } catch (error) {
      notify(`The drafts folder was not changed: ${errorMessage(error)}`, "error");
    }
  }

  private async stop(): Promise<void> {
    try {
      await unbindDraftsFolder();
      this.show(null);
      notify("Stopped syncing. The files stay in the folder.");
    } catch (error) {
      notify(errorMessage(error), "error");
    }
  }
}
