/** Damaged text (mojibake) in the open draft or in a paste: a quiet banner says so, the writer
 * reviews every change, and the accepted ones go in as one edit that one undo takes back.
 * Nothing is repaired unasked. */
import type { EditorView } from "@codemirror/view";
import { errorMessage, findDamagedText, type DamagedPlace } from "../../ipc";
import { lastPaste } from "../editor/pastedText";
import { Modal, notify } from "../shared/dialog";
import { h } from "../shared/dom";
import { describe, repairTransaction, span, stillDamaged, type FoundPlaces } from "./plan";

type Scope = "draft" | "paste";

/** The banner above the editor and the review dialog behind its button. */
export class DamagedText {
  readonly el: HTMLElement;
  private readonly message = h("p", { class: "banner-message" });
  private readonly reviewButton = h("button", { type: "button" }, "Review repairs…");
  private readonly dismissButton = h("button", { type: "button" }, "Dismiss");
  private readonly modal = new Modal("Review repairs", { className: "damaged-review" });
  private readonly list = h("ul", { class: "damaged-list", "aria-label": "Damaged places" });
  private readonly applyButton = h("button", { type: "button", class: "primary" }, "Repair");
  private scope: Scope = "draft";
  private found: FoundPlaces | null = null;
  private checked = 0;

  constructor(private readonly view: EditorView) {
    this.el = h(
      "div",
      { class: "banner damaged-banner", role: "status", "aria-label": "Damaged text", hidden: true },
      this.message,
      h("div", { class: "banner-actions" }, this.reviewButton, this.dismissButton),
    );
    this.reviewButton.addEventListener("click", () => void this.openReview());
    this.dismissButton.addEventListener("click", () => this.hide());
    const cancel = h("button", { type: "button" }, "Cancel");
    cancel.addEventListener("click", () => this.modal.close());
    this.applyButton.addEventListener("click", () => this.apply());
    this.modal.body.append(
      h("p", { class: "hint" }, "Each place as it is and as it would read. Untick any that are right as they are."),
      this.list,
      h("div", { class: "dialog-actions" }, cancel, this.applyButton),
    );
  }

  /** Checks a draft that was just opened; `isCurrent` guards against a draft switched meanwhile. */
  async draftOpened(body: string, isCurrent: () => boolean): Promise<void> {
    this.hide();
    const places = await this.find(body);
    if (places.length > 0 && isCurrent()) this.show("draft", places);
  }

  /** Checks text the writer just pasted or dropped in. */
  async pasted(text: string): Promise<void> {
    const places = await this.find(text);
    if (places.length > 0) this.show("paste", places);
  }

  /** Hides the banner (the draft closed, or the writer dismissed it). */
  hide(): void {
    this.el.hidden = true;
    this.modal.close();
  }

  private show(scope: Scope, places: DamagedPlace[]): void {
    this.scope = scope;
    this.message.textContent = describe(places, scope);
    this.el.hidden = false;
  }

  private async find(text: string): Promise<DamagedPlace[]> {
    try {
      return await findDamagedText(text);
    } catch (error) {
      notify(`Could not check the text for damage: ${errorMessage(error)}`, "error");
      return [];
    }
  }

  /** The scope's text as it is now, and where it starts in the document. */
  private scopeText(): { base: number; text: string } | null {
    const state = this.view.state;
    if (this.scope === "draft") return { base: 0, text: state.doc.toString() };
    const pasted = state.field(lastPaste, false);
    return pasted ? { base: pasted.from, text: state.sliceDoc(pasted.from, pasted.to) } : null;
  }

  /** Lists every place found in the text as it is now (the writer may have typed since). */
  private async openReview(): Promise<void> {
    const scope = this.scopeText();
    const places = scope ? await this.find(scope.text) : [];
    if (!scope || places.length === 0) {
      this.hide();
      notify("Nothing looks damaged any more.");
      return;
    }
    this.found = { base: scope.base, places };
    this.list.replaceChildren(...places.map((place) => this.row(place)));
    this.checked = places.length;
    this.updateApplyLabel();
    this.modal.open(this.applyButton);
  }

  private row(place: DamagedPlace): HTMLElement {
    const box = h("input", { type: "checkbox", checked: true });
    box.addEventListener("change", () => {
      this.checked += box.checked ? 1 : -1;
      this.updateApplyLabel();
    });
    const line = this.view.state.doc.lineAt(span(this.found!, place).from).number;
    return h(
      "li",
      {},
      h(
        "label",
        { class: "checkbox" },
        box,
        ` Line ${line}: `,
        h("del", {}, place.word),
        " → ",
        h("ins", {}, place.word_repaired),
      ),
    );
  }

  private updateApplyLabel(): void {
    this.applyButton.textContent = this.checked === 1 ? "Repair 1 place" : `Repair ${this.checked} places`;
    this.applyButton.disabled = this.checked === 0;
  }

  private apply(): void {
    const found = this.found;
    if (!found) return;
    const boxes = [...this.list.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    const chosen = found.places.filter((_, index) => boxes[index]?.checked);
    if (!stillDamaged(this.view.state, found, chosen)) {
      // The text moved under the dialog (a sync, an edit): list it again rather than guess.
      void this.openReview();
      return;
    }
    this.view.dispatch(repairTransaction(found, chosen));
    this.modal.close();
    this.el.hidden = true;
    const count = chosen.length === 1 ? "1 place" : `${chosen.length} places`;
    notify(`Repaired ${count}. Undo (Ctrl+Z) brings the text back as it was.`);
    this.view.focus();
  }
}
