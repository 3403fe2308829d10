/** Edit › Spelling Languages…: the installed dictionaries, the draft's own language first (always
 * checked), and a tick for each language the writer wants checked as well in every draft. The
 * ticks are kept in the library, so they travel with it. */
import {
  errorMessage,
  installedDictionaries,
  setSpellingLanguages,
  spellingLanguages,
  type InstalledDictionary,
  type SpellingLanguages,
} from "../../ipc";
import { Modal, notify } from "../shared/dialog";
import { h } from "../shared/dom";

/** `en_US`, `en-us` and `EN_us` name the same dictionary. */
const sameTag = (a: string, b: string) => a.replace(/-/g, "_").toLowerCase() === b.replace(/-/g, "_").toLowerCase();

/** "English (United States) · en_US", or the bare name where the system has no display names. */
export function languageLabel(tag: string): string {
  try {
    const names = new Intl.DisplayNames([navigator.language || "en"], { type: "language" });
    const name = names.of(tag.replace(/_/g, "-"));
    return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} · ${tag}` : tag;
  } catch {
    return tag;
  }
}

/** The dialog. */
export class SpellingLanguagesDialog {
  private readonly modal = new Modal("Spelling Languages", { className: "spelling-languages" });
  private readonly list = h("ul", { class: "spelling-language-list", "aria-label": "Dictionaries" });
  private readonly saveButton = h("button", { type: "button", class: "primary" }, "Save");

  /** `changed` runs after the languages were saved, so the editor checks again. */
  constructor(private readonly changed: () => void) {
    const cancel = h("button", { type: "button" }, "Cancel");
    cancel.addEventListener("click", () => this.modal.close());
    this.saveButton.addEventListener("click", () => void this.save());
    this.modal.body.append(
      h("p", { class: "hint" }, "Words are right when any ticked language knows them."),
      this.list,
      h("div", { class: "dialog-actions" }, cancel, this.saveButton),
    );
  }

  /** Opens the dialog for a draft written in `language` (null: the system's language). */
  async open(language: string | null): Promise<void> {
    let shown: SpellingLanguages;
    let installed: InstalledDictionary[];
    try {
      [shown, installed] = await Promise.all([spellingLanguages(language), installedDictionaries()]);
    } catch (error) {
      notify(`Spelling languages could not be read: ${errorMessage(error)}`, "error");
      return;
    }
    this.list.replaceChildren(...this.rows(shown, installed, language !== null && language.trim() !== ""));
    this.modal.open();
  }

  private rows(shown: SpellingLanguages, installed: InstalledDictionary[], fromDraft: boolean): HTMLElement[] {
    const primary = shown.primary_dictionary ?? shown.primary;
    const whose = fromDraft ? "this draft's language" : "the system's language";
    const first = this.row(primary, true, true, `${whose}, always checked`);
    if (!shown.primary_dictionary) first.append(h("p", { class: "hint" }, `No dictionary is installed for ${shown.primary}.`));
    const others = installed
      .filter((d) => d.name !== shown.primary_dictionary)
      .map((d) => this.row(d.name, shown.extras.some((tag) => sameTag(tag, d.name)), false));
    // Extras this machine has no dictionary for stay ticked: the library may travel back.
    const missing = shown.extras
      .filter((tag) => !installed.some((d) => sameTag(tag, d.name)))
      .map((tag) => this.row(tag, true, false, "not installed here"));
    const rows = [first, ...others, ...missing];
    if (installed.length === 0) {
      rows.push(h("li", { class: "hint" }, "No spelling dictionaries are installed; install a hunspell package, e.g. hunspell-en-us."));
    }
    return rows;
  }

  private row(tag: string, checked: boolean, fixed: boolean, note?: string): HTMLElement {
    const box = h("input", { type: "checkbox", value: tag, checked, disabled: fixed });
    const label = h("label", {}, box, ` ${languageLabel(tag)}`, note ? h("span", { class: "hint" }, ` (${note})`) : null);
    const row = h("li", {}, label);
    if (fixed) row.dataset.primary = "true";
    return row;
  }

  private async save(): Promise<void> {
    const ticked = [...this.list.querySelectorAll<HTMLInputElement>("li:not([data-primary]) input:checked")].map(
      (box) => box.value,
    );
    this.saveButton.disabled = true;
    try {
      await setSpellingLanguages(ticked);
      this.modal.close();
      this.changed();
    } catch (error) {
      notify(`Spelling languages were not saved: ${errorMessage(error)}`, "error");
    } finally {
      this.saveButton.disabled = false;
    }
  }
}
