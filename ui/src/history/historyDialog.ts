/** History: a draft's revisions with time and size, one shown with its diff, restore after confirm. */
import { errorMessage, getRevision, history, restoreRevision, type Draft, type Revision } from "../../ipc";
import { confirmAction, Modal } from "../shared/dialog";
import { h } from "../shared/dom";
import { byteSize, dateTime, wordCount } from "../shared/format";
import { diffSummary, diffTexts, renderDiff } from "./diffHtml";

/** What the dialog needs from the app. */
export interface HistoryHooks {
  /** The editor's current text, to diff against. */
  currentText(): string;
  /** Saves pending edits first so the restore is not overwritten by them. */
  flush(): Promise<boolean>;
  /** A revision was restored; the app shows the returned draft. */
  restored(draft: Draft): void;
}

/** The History dialog. */
export class HistoryDialog {
  private readonly modal = new Modal("History", { className: "history-dialog" });
  private readonly list = h("ul", { class: "revision-list", "aria-label": "Revisions" });
  private readonly heading = h("h3", { class: "revision-heading" });
  private readonly summary = h("p", { class: "hint" });
  private readonly changes = h("div", { class: "diff", role: "region", "aria-label": "Changes", tabindex: "0" });
  private readonly restoreButton = h("button", { type: "button", class: "primary", disabled: true }, "Restore this revision");
  private readonly message = h("p", { class: "form-message", role: "status" });
  private slug: string | null = null;
  private shown: Revision | null = null;

  constructor(private readonly hooks: HistoryHooks) {
    const close = h("button", { type: "button" }, "Close");
    close.addEventListener("click", () => this.modal.close());
    this.restoreButton.addEventListener("click", () => void this.restore());
    this.modal.body.append(
      h(
        "div",
        { class: "history-layout" },
        this.list,
        h("div", { class: "revision-view" }, this.heading, this.summary, this.changes),
      ),
      this.message,
      h("div", { class: "dialog-actions" }, this.restoreButton, close),
    );
  }

  /** Opens the history of `slug`. */
  async open(slug: string): Promise<void> {
    this.slug = slug;
    this.shown = null;
    this.restoreButton.disabled = true;
    this.heading.textContent = "Choose a revision";
    this.summary.textContent = "";
    this.changes.replaceChildren();
    this.message.textContent = "";
    try {
      // Pending typing becomes a revision first, so "current" matches the newest one.
      await this.hooks.flush();
      const revisions = await history(slug);
      this.list.replaceChildren(
        ...revisions.map((rev) => {
          const button = h(
            "button",
            { type: "button", class: "revision-item", "data-id": String(rev.id) },
            h("span", { class: "revision-time" }, dateTime(rev.created)),
            h("span", { class: "revision-meta" }, `${byteSize(rev.bytes)} · ${wordCount(rev.word_count)} · ${rev.reason}`),
          );
          button.addEventListener("click", () => void this.show(rev.id));
          return h("li", {}, button);
        }),
      );
    } catch (error) {
      this.message.textContent = errorMessage(error);
    }
    this.modal.open(this.list.querySelector<HTMLElement>("button"));
  }

  private async show(id: number): Promise<void> {
    if (!this.slug) return;
    try {
      const revision = await getRevision(this.slug, id);
      this.shown = revision;
      for (const button of this.list.querySelectorAll<HTMLElement>("button")) {
        button.setAttribute("aria-current", String(button.dataset.id === String(id)));
      }
      const changes = diffTexts(revision.snapshot.body, this.hooks.currentText());
      const { added, removed } = diffSummary(changes);
      this.heading.textContent = `Revision ${revision.id}: “${revision.snapshot.title}”, ${dateTime(revision.created)}`;
      this.summary.textContent =
        added + removed === 0
          ? "Same text as now."
          : `Since this revision: ${added} words added, ${removed} words removed (green is now, struck out was then).`;
      // renderDiff escapes every piece of text; only <ins>/<del> are markup.
      this.changes.innerHTML = renderDiff(changes);
      this.restoreButton.disabled = false;
    } catch (error) {
      this.message.textContent = errorMessage(error);
    }
  }

  private async restore(): Promise<void> {
    const revision = this.shown;
    if (!revision || !this.slug) return;
    const ok = await confirmAction(
      "Restore revision",
      `Restore revision ${revision.id} from ${dateTime(revision.created)}? Your current text stays in the history.`,
      "Restore",
    );
    if (!ok) return;
    try {
      await this.hooks.flush();
      const draft = await restoreRevision(this.slug, revision.id);
      this.modal.close();
      this.hooks.restored(draft);
    } catch (error) {
      this.message.textContent = errorMessage(error);
    }
  }
}
