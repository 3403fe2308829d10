/** The "Changed on disk" banner: the open draft's file changed while the writer had unsaved edits. */
import { errorMessage } from "../../ipc";
import { notify } from "../shared/dialog";
import { h } from "../shared/dom";

/** What the writer can choose. */
export interface ConflictChoices {
  /** Keep the editor's text (the file's version stays in the history). */
  keepMine(): Promise<void>;
  /** Take the file's version (the editor's text is saved as a revision first). */
  useFile(): Promise<void>;
}

/** A banner above the editor; it never touches the editor's text itself. */
export class ConflictBanner {
  readonly el: HTMLElement;
  private readonly message = h("p", { class: "banner-message" });
  private readonly keepButton = h("button", { type: "button" }, "Keep mine");
  private readonly useButton = h("button", { type: "button" }, "Use the file's version");
  private choices: ConflictChoices | null = null;

  constructor() {
    this.el = h(
      "div",
      { class: "banner banner-alert conflict-banner", role: "alert", "aria-label": "Changed on disk", hidden: true },
      h("strong", {}, "Changed on disk. "),
      this.message,
      h("div", { class: "banner-actions" }, this.keepButton, this.useButton),
    );
    this.keepButton.addEventListener("click", () => void this.choose((choices) => choices.keepMine()));
    this.useButton.addEventListener("click", () => void this.choose((choices) => choices.useFile()));
  }

  /** Shows the banner for a draft; a later call replaces the earlier choices. */
  show(title: string, choices: ConflictChoices): void {
    this.choices = choices;
    this.message.textContent =
      `The file of “${title}” in the drafts folder changed while you were editing. Both versions are kept: ` +
      "the file's in the history. Which one should the editor show?";
    this.el.hidden = false;
  }

  /** Hides the banner (the draft closed or the writer chose). */
  hide(): void {
    this.choices = null;
    this.el.hidden = true;
  }

  /** True while the writer has not chosen yet. */
  isShown(): boolean {
    return !this.el.hidden;
  }

  private async choose(run: (choices: ConflictChoices) => Promise<void>): Promise<void> {
    const choices = this.choices;
    if (!choices) return;
    this.keepButton.disabled = this.useButton.disabled = true;
    try {
      await run(choices);
      this.hide();
    } catch (error) {
      notify(`Nothing was changed: ${errorMessage(error)}`, "error");
    } finally {
      this.keepButton.disabled = this.useButton.disabled = false;
    }
  }
}
