/** The sidebar's foot: app-wide settings and the authors manager, apart from any one draft. */
import { h } from "../shared/dom";
import type { ThemeChoice } from "../theme/theme";

/** The controls and what they do. */
export class AppMenu {
  readonly el: HTMLElement;
  private readonly themeSelect = h(
    "select",
    { "aria-label": "Theme" },
    h("option", { value: "system" }, "System theme"),
    h("option", { value: "light" }, "Light theme"),
    h("option", { value: "dark" }, "Dark theme"),
  );

  constructor(hooks: { theme(choice: ThemeChoice): void; authors(): void; draftsFolder(): void }) {
    const authors = h("button", { type: "button" }, "Authors");
    authors.addEventListener("click", () => hooks.authors());
    const draftsFolder = h("button", { type: "button" }, "Drafts folder…");
    draftsFolder.addEventListener("click", () => hooks.draftsFolder());
    this.themeSelect.addEventListener("change", () => hooks.theme(this.themeSelect.value as ThemeChoice));
    this.el = h("div", { class: "sidebar-foot" }, authors, draftsFolder, this.themeSelect);
  }

  /** Shows the writer's theme choice. */
  reflect(choice: ThemeChoice): void {
    this.themeSelect.value = choice;
  }
}
