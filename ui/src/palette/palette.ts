/** The command palette and the quick switcher: one dialog, two modes. "Command palette" lists
 * every menu action with its shortcut; "Go to draft" lists the drafts by title. Typing filters,
 * arrow keys choose, Enter runs, Escape closes and gives the editor its focus back. */
import { errorMessage, type DraftSummary, type MenuAction } from "../../ipc";
import { Modal, notify } from "../shared/dialog";
import { h, uid } from "../shared/dom";
import { type Candidate, rank } from "./rank";
import { currentPlatform, formatShortcut } from "./shortcut";

/** Where the palette's rows come from and what choosing one does. */
export interface PaletteHooks {
  actions(): Promise<MenuAction[]>;
  drafts(): Promise<DraftSummary[]>;
  runAction(id: string): Promise<unknown>;
  openDraft(slug: string): void;
  /** The dialog closed without opening anything else: the editor takes focus. */
  closed(): void;
}

/** Which list the dialog shows. */
export type PaletteMode = "commands" | "drafts";

interface Row extends Candidate {
  id: string;
  shortcut: string | null;
}

const TITLES: Record<PaletteMode, string> = { commands: "Command palette", drafts: "Go to draft" };
const PLACEHOLDERS: Record<PaletteMode, string> = {
  commands: "Type a command",
  drafts: "Type part of a draft's title",
};
/** A long library lists this many matches; typing narrows it. */
const MAX_ROWS = 200;

/** The palette dialog. */
export class Palette {
  private readonly modal = new Modal(TITLES.commands, { className: "palette" });
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly empty = h("p", { class: "palette-empty", hidden: true }, "Nothing matches.");
  private mode: PaletteMode = "commands";
  private rows: Row[] = [];
  private shown: Row[] = [];
  private active = 0;
  private chosen = false;

  constructor(private readonly hooks: PaletteHooks) {
    const listId = uid("palette-list");
    this.input = h("input", {
      type: "text",
      class: "palette-input",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "true",
      "aria-controls": listId,
      autocomplete: "off",
      spellcheck: "false",
    });
    this.list = h("ul", { id: listId, class: "palette-list", role: "listbox" });
    this.modal.body.append(this.input, this.list, this.empty);
    this.input.addEventListener("input", () => this.filter());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.list.addEventListener("mousedown", (event) => event.preventDefault());
    // The native close event comes after the modal gave focus back to where it was; Escape
    // means "back to writing", so the editor takes it whatever was focused before.
    this.modal.el.addEventListener("close", () => {
      if (!this.chosen) this.hooks.closed();
    });
  }

  /** True while shown. */
  isOpen(): boolean {
    return this.modal.isOpen();
  }

  /** Opens the dialog in `mode` (switching modes if it is already open). */
  async open(mode: PaletteMode): Promise<void> {
    if (this.modal.isOpen() && this.mode === mode) return;
    this.mode = mode;
    this.chosen = false;
    const title = TITLES[mode];
    const heading = this.modal.el.querySelector(".dialog-title");
    if (heading) heading.textContent = title;
    this.input.setAttribute("aria-label", title);
    this.input.placeholder = PLACEHOLDERS[mode];
    this.input.value = "";
    this.rows = [];
    this.filter();
    this.modal.open(this.input);
    try {
      this.rows = mode === "commands" ? commandRows(await this.hooks.actions()) : draftRows(await this.hooks.drafts());
    } catch (error) {
      notify(`The list could not be read: ${errorMessage(error)}`, "error");
    }
    if (this.mode === mode) this.filter();
  }

  private filter(): void {
    this.shown = rank(this.input.value, this.rows).slice(0, MAX_ROWS);
    this.active = 0;
    this.list.replaceChildren(...this.shown.map((row, index) => this.option(row, index)));
    this.empty.hidden = this.shown.length > 0 || this.rows.length === 0;
    this.highlight();
  }

  private option(row: Row, index: number): HTMLElement {
    const item = h(
      "li",
      { id: uid("palette-option"), role: "option", class: "palette-option", "aria-selected": "false" },
      h("span", { class: "palette-label" }, row.label),
      row.context ? h("span", { class: "palette-context" }, row.context) : null,
      row.shortcut ? h("kbd", { class: "palette-shortcut" }, row.shortcut) : null,
    );
    item.addEventListener("click", () => {
      this.active = index;
      void this.choose();
    });
    return item;
  }

  private highlight(): void {
    const options = [...this.list.children] as HTMLElement[];
    options.forEach((option, index) => option.setAttribute("aria-selected", String(index === this.active)));
    const current = options[this.active];
    if (current) {
      this.input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else this.input.removeAttribute("aria-activedescendant");
  }

  private key(event: KeyboardEvent): void {
    const last = this.shown.length - 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (last < 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + last + 1) % (last + 1);
      this.highlight();
    } else if (event.key === "Enter") {
      event.preventDefault();
      void this.choose();
    }
  }

  private async choose(): Promise<void> {
    const row = this.shown[this.active];
    if (!row) return;
    const mode = this.mode;
    // Closed first, so what the action opens (a dialog, the find panel) gets the focus.
    this.chosen = true;
    this.modal.close();
    this.hooks.closed();
    if (mode === "drafts") return this.hooks.openDraft(row.id);
    try {
      await this.hooks.runAction(row.id);
    } catch (error) {
      notify(`${row.label}: ${errorMessage(error)}`, "error");
    }
  }
}

function commandRows(actions: MenuAction[]): Row[] {
  const platform = currentPlatform();
  return actions.map((action) => ({
    id: action.id,
    label: action.label,
    context: action.menu.join(" › "),
    shortcut: formatShortcut(action.accelerator, platform),
  }));
}

function draftRows(drafts: DraftSummary[]): Row[] {
  return drafts.map((draft) => ({
    id: draft.slug,
    label: draft.title,
    context: draft.subtitle ?? "",
    shortcut: null,
  }));
}
