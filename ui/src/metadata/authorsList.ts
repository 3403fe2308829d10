/** The draft's ordered authors: credit order, Move up / Move down / Remove, and Add author. */
import type { Author } from "../../ipc";
import { h } from "../shared/dom";

/** Moves the item at `index` by `delta` places; out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved);
  return next;
}

/** The authors editor inside the metadata panel. */
export class DraftAuthors {
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly addSelect: HTMLSelectElement;
  private readonly emptyNote = h("p", { class: "hint" }, "No authors credited yet.");
  private slugs: string[] = [];
  private known: Author[] = [];

  constructor(private readonly onChange: (slugs: string[]) => void) {
    this.list = h("ul", { class: "author-credits", "aria-label": "Authors" });
    this.addSelect = h("select", { "aria-label": "Add author" });
    this.addSelect.addEventListener("change", () => {
      const slug = this.addSelect.value;
      if (slug === "") return;
      this.commit([...this.slugs, slug]);
      this.addSelect.focus();
    });
    this.el = h(
      "fieldset",
      { class: "field authors-field" },
      h("legend", {}, "Authors"),
      this.list,
      this.emptyNote,
      this.addSelect,
    );
  }

  /** Shows the credited authors of a draft; `known` is every profile in the library. */
  show(credited: Author[], known: Author[]): void {
    this.known = known;
    this.slugs = credited.map((a) => a.slug);
    for (const author of credited) if (!known.some((k) => k.slug === author.slug)) this.known.push(author);
    this.render();
  }

  /** Refreshes the profiles offered in "Add author" (after the manager changed them). */
  setKnown(known: Author[]): void {
    this.known = known;
    this.render();
  }

  private commit(slugs: string[], focusIndex?: number, focusAction?: string): void {
    this.slugs = slugs;
    this.render();
    this.onChange([...slugs]);
    if (focusIndex !== undefined && focusAction) {
      const item = this.list.children[focusIndex];
      const button = item?.querySelector<HTMLButtonElement>(`button[data-action="${focusAction}"]:not([disabled])`);
      (button ?? item?.querySelector<HTMLButtonElement>("button:not([disabled])"))?.focus();
    }
  }

  private render(): void {
    const name = (slug: string) => this.known.find((a) => a.slug === slug)?.name ?? slug;
    this.list.replaceChildren(
      ...this.slugs.map((slug, index) => {
        const up = h("button", { type: "button", class: "icon small", "data-action": "up", disabled: index === 0 }, "Move up");
        const down = h(
          "button",
          { type: "button", class: "icon small", "data-action": "down", disabled: index === this.slugs.length - 1 },
          "Move down",
        );
        const remove = h("button", { type: "button", class: "icon small", "data-action": "remove" }, "Remove");
        up.addEventListener("click", () => this.commit(moveItem(this.slugs, index, -1), index - 1, "up"));
        down.addEventListener("click", () => this.commit(moveItem(this.slugs, index, 1), index + 1, "down"));
        remove.addEventListener("click", () => {
          this.commit(this.slugs.filter((_, i) => i !== index));
          this.addSelect.focus();
        });
        return h(
          "li",
          { class: "author-credit" },
          h("span", { class: "author-name" }, name(slug)),
          h("span", { class: "author-actions" }, up, down, remove),
        );
      }),
    );
    this.emptyNote.hidden = this.slugs.length > 0;
    const available = this.known.filter((a) => !this.slugs.includes(a.slug));
    this.addSelect.replaceChildren(
      h("option", { value: "" }, available.length === 0 ? "No more authors" : "Add author…"),
      ...available.map((a) => h("option", { value: a.slug }, a.name)),
    );
    this.addSelect.disabled = available.length === 0;
  }
}
