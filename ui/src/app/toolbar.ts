/** The toolbar above the editor: layouts, the outline, focus mode, typewriter scrolling, details,
 * history and export. */
import { h } from "../shared/dom";
import type { Layout } from "./viewPrefs";

/** What the toolbar's controls do. */
export interface ToolbarHooks {
  layout(layout: Layout): void;
  focusMode(): void;
  typewriter(): void;
  outline(): void;
  details(): void;
  exportDialog(): void;
  history(): void;
}

const LAYOUTS: Array<{ layout: Layout; label: string; short: string }> = [
  { layout: "split", label: "Split: editor and preview", short: "Split" },
  { layout: "editor", label: "Editor only", short: "Editor" },
  { layout: "preview", label: "Preview only", short: "Preview" },
];

/** The toolbar. */
export class Toolbar {
  readonly el: HTMLElement;
  private readonly layoutButtons: HTMLButtonElement[];
  private readonly focusButton = h("button", { type: "button", "aria-pressed": "false" }, "Focus");
  private readonly typewriterButton = h("button", { type: "button", "aria-pressed": "false" }, "Typewriter");
  private readonly outlineButton = h("button", { type: "button", "aria-pressed": "false" }, "Outline");
  private readonly detailsButton = h("button", { type: "button", "aria-pressed": "true" }, "Details");
  private readonly historyButton = h("button", { type: "button" }, "History");
  private readonly exportButton = h("button", { type: "button" }, "Export");

  constructor(hooks: ToolbarHooks) {
    this.layoutButtons = LAYOUTS.map(({ layout, label, short }) => {
      const button = h(
        "button",
        { type: "button", "aria-pressed": "false", "data-layout": layout, "aria-label": label, title: label },
        short,
      );
      button.addEventListener("click", () => hooks.layout(layout));
      return button;
    });
    this.focusButton.setAttribute("aria-label", "Focus mode");
    this.focusButton.title = "Focus mode: dim all but the current paragraph";
    this.typewriterButton.setAttribute("aria-label", "Typewriter scrolling");
    this.typewriterButton.title = "Typewriter scrolling: keep the line being written in the middle";
    this.outlineButton.title = "Show or hide the draft's headings";
    this.typewriterButton.addEventListener("click", () => hooks.typewriter());
    this.outlineButton.addEventListener("click", () => hooks.outline());
    this.detailsButton.title = "Show or hide the draft's details";
    this.focusButton.addEventListener("click", () => hooks.focusMode());
    this.detailsButton.addEventListener("click", () => hooks.details());
    this.historyButton.addEventListener("click", () => hooks.history());
    this.exportButton.addEventListener("click", () => hooks.exportDialog());
    this.el = h(
      "div",
      { class: "toolbar", role: "toolbar", "aria-label": "Writing tools" },
      h("div", { class: "segmented", role: "group", "aria-label": "Layout" }, ...this.layoutButtons),
      this.outlineButton,
      this.focusButton,
      this.typewriterButton,
      this.detailsButton,
      h("span", { class: "spacer" }),
      this.historyButton,
      this.exportButton,
    );
  }

  /** Reflects the current view state in the pressed states. */
  reflect(state: {
    layout: Layout;
    focusMode: boolean;
    typewriter: boolean;
    outline: boolean;
    details: boolean;
    hasDraft: boolean;
  }): void {
    for (const button of this.layoutButtons) {
      button.setAttribute("aria-pressed", String(button.dataset.layout === state.layout));
    }
    this.focusButton.setAttribute("aria-pressed", String(state.focusMode));
    this.typewriterButton.setAttribute("aria-pressed", String(state.typewriter));
    this.outlineButton.setAttribute("aria-pressed", String(state.outline));
    this.detailsButton.setAttribute("aria-pressed", String(state.details));
    this.historyButton.disabled = !state.hasDraft;
  }
}
