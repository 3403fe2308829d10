/**
 * The library sidebar: drafts paged 200 at a time (never bodies), search as you type with
 * snippets, status/tag filters, sort, new draft, and the Trash view with Restore and Empty trash.
 */
import {
  countDrafts,
  emptyTrash,
  errorMessage,
  listDrafts,
  search,
  STATUSES,
  untrashDraft,
  type Draft,
  type DraftFilter,
  type DraftSort,
  type DraftSummary,
  type SearchHit,
  type Status,
} from "../../ipc";
import { confirmAction, notify } from "../shared/dialog";
import { h, uid } from "../shared/dom";
import { relativeTime, statusLabel, wordCount } from "../shared/format";
import { debounce } from "../shared/timing";

const PAGE_SIZE = 200;
const SEARCH_LIMIT = 100;

/** What the sidebar asks of the app. */
export interface LibraryHooks {
  open(slug: string): void;
  newDraft(): void;
  /** A draft came back from the trash or the trash was emptied. */
  changed(): void;
}

/** The sidebar and its state. */
export class LibrarySidebar {
  readonly el: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly summary: HTMLElement;
  private readonly searchBox: HTMLInputElement;
  private readonly statusSelect: HTMLSelectElement;
  private readonly sortSelect: HTMLSelectElement;
  private readonly tagInput: HTMLInputElement;
  private readonly trashButton: HTMLButtonElement;
  private readonly emptyTrashButton: HTMLButtonElement;
  private readonly sentinel: HTMLElement;
  private trashView = false;
  private loaded = 0;
  private total = 0;
  private loading = false;
  private generation = 0;
  private activeSlug: string | null = null;

  constructor(private readonly hooks: LibraryHooks) {
    const newButton = h("button", { type: "button", class: "primary new-draft" }, "New draft");
    newButton.addEventListener("click", () => hooks.newDraft());

    this.searchBox = h("input", {
      type: "search",
      "aria-label": "Search drafts",
      placeholder: "Search drafts",
      autocomplete: "off",
      spellcheck: "false",
    });
    const runSearch = debounce(() => void this.reload(), 120);
    this.searchBox.addEventListener("input", () => runSearch());
    this.searchBox.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "Enter") {
        // From the search box straight into the results.
        const first = this.list.querySelector<HTMLElement>("button");
        if (first) {
          event.preventDefault();
          if (event.key === "Enter") first.click();
          else first.focus();
        }
      } else if (event.key === "Escape" && this.searchBox.value !== "") {
        event.stopPropagation();
        this.searchBox.value = "";
        void this.reload();
      }
    });

    this.statusSelect = h(
      "select",
      { "aria-label": "Filter by status" },
      h("option", { value: "" }, "Any status"),
      ...STATUSES.map((s) => h("option", { value: s }, statusLabel(s))),
    );
    this.sortSelect = h(
      "select",
      { "aria-label": "Sort by" },
      h("option", { value: "updated" }, "Updated"),
      h("option", { value: "created" }, "Created"),
      h("option", { value: "title" }, "Title"),
    );
    this.tagInput = h("input", { type: "text", "aria-label": "Filter by tag", placeholder: "Tag", spellcheck: "false" });
    const reloadSoon = debounce(() => void this.reload(), 200);
    this.statusSelect.addEventListener("change", () => void this.reload());
    this.sortSelect.addEventListener("change", () => void this.reload());
    this.tagInput.addEventListener("input", () => reloadSoon());

    this.trashButton = h("button", { type: "button", class: "trash-toggle", "aria-pressed": "false" }, "Trash");
    this.trashButton.addEventListener("click", () => this.toggleTrash());
    this.emptyTrashButton = h("button", { type: "button", class: "danger", hidden: true }, "Empty trash");
    this.emptyTrashButton.addEventListener("click", () => void this.emptyTrash());

    const headingId = uid("lib");
    this.summary = h("p", { class: "list-summary", "aria-live": "polite" });
    this.list = h("ul", { class: "draft-list", "aria-label": "Drafts" });
    this.list.addEventListener("keydown", (event) => this.moveFocus(event));
    this.sentinel = h("div", { class: "list-sentinel", "aria-hidden": "true" });
    const scroller = h("div", { class: "list-scroller" }, this.list, this.sentinel);
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void this.loadMore();
    }, { root: scroller, rootMargin: "400px" }).observe(this.sentinel);

    this.el = h(
      "nav",
      { class: "sidebar", "aria-labelledby": headingId },
      h("h2", { id: headingId, class: "visually-hidden" }, "Library"),
      h("div", { class: "sidebar-top" }, newButton, this.searchBox),
      h("div", { class: "sidebar-filters" }, this.statusSelect, this.sortSelect),
      h("div", { class: "sidebar-trash" }, this.tagInput, this.trashButton, this.emptyTrashButton),
      this.summary,
      scroller,
    );
  }

  /** Reloads the list from the start (after filters change or drafts were added). */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    this.loaded = 0;
    this.total = 0;
    const query = this.searchBox.value.trim();
    try {
      if (query !== "" && !this.trashView) {
        const hits = await search(query, SEARCH_LIMIT);
        if (generation !== this.generation) return;
        this.list.replaceChildren(...hits.map((hit) => this.hitItem(hit)));
        this.rove();
        this.summary.textContent = hits.length === 0 ? `No drafts match “${query}”.` : `${hits.length} found`;
        this.total = hits.length;
        this.loaded = hits.length;
        return;
      }
      const filter = this.filter();
      const [page, total] = await Promise.all([
        listDrafts({ ...filter, limit: PAGE_SIZE, offset: 0 }),
        countDrafts(filter),
      ]);
      if (generation !== this.generation) return;
      this.total = total;
      this.loaded = page.length;
      this.list.replaceChildren(...page.map((d) => this.item(d)));
      this.rove();
      this.updateSummary();
    } catch (error) {
      if (generation === this.generation) this.summary.textContent = `The list could not be loaded: ${errorMessage(error)}`;
    }
  }

  /** Marks the open draft in the list. */
  setActive(slug: string | null): void {
    this.activeSlug = slug;
    for (const button of this.list.querySelectorAll<HTMLElement>("[data-slug]")) {
      if (button.dataset.slug === slug) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
    this.rove();
  }

  /** Refreshes one item in place after a save, so renames show without reloading the list. */
  updateDraft(draft: Draft): void {
    const button = this.list.querySelector<HTMLElement>(`[data-slug="${CSS.escape(draft.slug)}"]`);
    const item = button?.closest("li");
    if (!item || this.trashView || this.searchBox.value.trim() !== "") return;
    const fresh = this.item({ ...draft, authors: draft.authors.map((a) => a.name) });
    const hadFocus = item.contains(document.activeElement);
    item.replaceWith(fresh);
    this.rove();
    if (hadFocus) fresh.querySelector<HTMLElement>("button")?.focus();
  }

  /** Shows `title` on a draft's row as the writer types it (a title following its heading). */
  showTitle(slug: string, title: string): void {
    const row = this.list.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"] .draft-title`);
    if (row && row.textContent !== title) row.textContent = title;
  }

  /** Focuses the search box (for the menu and keyboard users). */
  focusSearch(): void {
    this.searchBox.focus();
  }

  /** Arrow keys move between drafts, so the list is one stop in a long Tab order. */
  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const cards = [...this.list.querySelectorAll<HTMLElement>(".draft-card")];
    const index = cards.findIndex((card) => card === document.activeElement || card.contains(document.activeElement));
    if (index < 0) return;
    const next = cards[index + (event.key === "ArrowDown" ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    this.rove(next);
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  }

  /** Roving tabindex: one draft in the Tab order (the open one, else the first). */
  private rove(target?: HTMLElement): void {
    const cards = [...this.list.querySelectorAll<HTMLButtonElement>("button.draft-card")];
    const stop = target ?? cards.find((c) => c.getAttribute("aria-current") === "true") ?? cards[0];
    for (const card of cards) card.tabIndex = card === stop ? 0 : -1;
  }

  private filter(): DraftFilter {
    const filter: DraftFilter = { trashed: this.trashView, sort: this.sortSelect.value as DraftSort };
    if (this.statusSelect.value !== "") filter.status = this.statusSelect.value as Status;
    const tag = this.tagInput.value.trim();
    if (tag !== "") filter.tag = tag;
    return filter;
  }

  private async loadMore(): Promise<void> {
    if (this.loading || this.loaded >= this.total || this.searchBox.value.trim() !== "") return;
    this.loading = true;
    const generation = this.generation;
    try {
      const page = await listDrafts({ ...this.filter(), limit: PAGE_SIZE, offset: this.loaded });
      if (generation !== this.generation) return;
      this.loaded += page.length;
      this.list.append(...page.map((d) => this.item(d)));
      this.rove();
      if (page.length === 0) this.total = this.loaded;
      this.updateSummary();
    } catch (error) {
      notify(`More drafts could not be loaded: ${errorMessage(error)}`, "error");
    } finally {
      this.loading = false;
    }
  }

  private updateSummary(): void {
    const noun = this.trashView ? "in the trash" : this.total === 1 ? "draft" : "drafts";
    this.summary.textContent =
      this.total === 0
        ? this.trashView
          ? "The trash is empty."
          : "No drafts yet."
        : this.loaded < this.total
          ? `${this.loaded} of ${this.total} ${noun}`
          : `${this.total} ${noun}`;
    this.emptyTrashButton.disabled = this.trashView && this.total === 0;
  }

  private item(draft: DraftSummary): HTMLLIElement {
    const meta = h(
      "span",
      { class: "draft-meta" },
      h("span", { class: `status-badge status-${draft.status}` }, statusLabel(draft.status)),
      h("span", {}, relativeTime(draft.trashed_at ?? draft.updated)),
      h("span", {}, wordCount(draft.word_count)),
    );
    const body = [
      h("span", { class: "draft-title" }, draft.title || "Untitled"),
      draft.subtitle ? h("span", { class: "draft-subtitle" }, draft.subtitle) : null,
      meta,
    ];
    if (this.trashView) {
      const restore = h("button", { type: "button", class: "small", "aria-label": "Restore" }, "Restore");
      restore.addEventListener("click", () => void this.restore(draft));
      return h("li", { class: "draft-item trashed" }, h("div", { class: "draft-card" }, ...body), restore);
    }
    const button = h("button", { type: "button", class: "draft-card", "data-slug": draft.slug }, ...body);
    if (draft.slug === this.activeSlug) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => this.hooks.open(draft.slug));
    return h("li", { class: "draft-item" }, button);
  }

  private hitItem(hit: SearchHit): HTMLLIElement {
    // snippet_html is escaped by the core, with only <mark> added: safe to insert.
    const snippet = h("span", { class: "draft-snippet" });
    snippet.innerHTML = hit.snippet_html;
    const button = h(
      "button",
      { type: "button", class: "draft-card", "data-slug": hit.slug },
      h("span", { class: "draft-title" }, hit.title || "Untitled"),
      hit.subtitle ? h("span", { class: "draft-subtitle" }, hit.subtitle) : null,
      snippet,
    );
    if (hit.slug === this.activeSlug) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => this.hooks.open(hit.slug));
    return h("li", { class: "draft-item hit" }, button);
  }

  private toggleTrash(): void {
    this.trashView = !this.trashView;
    this.trashButton.setAttribute("aria-pressed", String(this.trashView));
    this.trashButton.textContent = "Trash";
    this.emptyTrashButton.hidden = !this.trashView;
    this.el.classList.toggle("trash-view", this.trashView);
    void this.reload();
  }

  private async restore(draft: DraftSummary): Promise<void> {
    try {
      await untrashDraft(draft.slug);
      notify(`“${draft.title}” is back in the library.`);
      await this.reload();
      this.hooks.changed();
    } catch (error) {
      notify(errorMessage(error), "error");
    }
  }

  private async emptyTrash(): Promise<void> {
    const ok = await confirmAction(
      "Empty trash",
      `Delete the ${this.total === 1 ? "draft" : `${this.total} drafts`} in the trash for good? Their history goes with them.`,
      "Empty trash",
    );
    if (!ok) return;
    try {
      const count = await emptyTrash();
      notify(`${count} ${count === 1 ? "draft" : "drafts"} deleted for good.`);
      await this.reload();
      this.hooks.changed();
    } catch (error) {
      notify(errorMessage(error), "error");
    }
  }
}
