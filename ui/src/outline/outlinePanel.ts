/** The Outline: the draft's headings as a nested list beside the editor; a click jumps there. */
import { type Heading, nestHeadings, type HeadingNode } from "../editor/headings";
import { h } from "../shared/dom";

/** What a click in the outline asks for. */
export interface OutlineHooks {
  /** Move the editor (and the preview) to heading `index`. */
  jump(index: number): void;
}

/** The outline region. */
export class OutlinePanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly empty = h("p", { class: "outline-empty" }, "No headings yet. Start a line with # to add one.");
  private items: HTMLAnchorElement[] = [];

  constructor(private readonly hooks: OutlineHooks) {
    this.list = h("ol", { class: "outline-list" });
    this.el = h(
      "nav",
      { class: "outline-pane", "aria-label": "Outline" },
      h("h2", { class: "outline-title" }, "Outline"),
      this.empty,
      this.list,
    );
  }

  /** Shows `headings`, nested by level. */
  showHeadings(headings: Heading[]): void {
    this.items = [];
    this.list.replaceChildren(...nestHeadings(headings).map((node) => this.item(node, headings)));
    this.empty.hidden = headings.length > 0;
  }

  /** Marks heading `index` as the one the caret is in (-1: none). */
  showCurrent(index: number): void {
    this.items.forEach((item, i) => {
      if (i === index) item.setAttribute("aria-current", "location");
      else item.removeAttribute("aria-current");
    });
    this.items[index]?.scrollIntoView({ block: "nearest" });
  }

  private item(node: HeadingNode, all: Heading[]): HTMLElement {
    const index = all.indexOf(node.heading);
    const link = h(
      "a",
      { href: `#line-${node.heading.line}`, class: `outline-item level-${node.heading.level}` },
      node.heading.text || "(untitled heading)",
    );
    link.addEventListener("click", (event) => {
      event.preventDefault();
      this.hooks.jump(index);
    });
    this.items[index] = link;
    const children = node.children.length
      ? h("ol", {}, ...node.children.map((child) => this.item(child, all)))
      : null;
    return h("li", {}, link, children);
  }
}
