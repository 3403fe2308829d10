/** A tiny element builder so feature modules stay declarative without a framework. */

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates `<tag>` with attributes (false/null/undefined are skipped) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "class") el.className = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

let nextId = 0;
/** A document-unique id for label/description wiring. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled form field: returns the wrapper and the control. */
export function field<T extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
  label: string,
  control: T,
  hint?: string,
): { wrap: HTMLElement; control: T } {
  const id = control.id || uid("f");
  control.id = id;
  const labelEl = h("label", { for: id }, label);
  const wrap = h("div", { class: "field" }, labelEl, control);
  if (hint) {
    const hintEl = h("p", { class: "hint", id: `${id}-hint` }, hint);
    control.setAttribute("aria-describedby", hintEl.id);
    wrap.append(hintEl);
  }
  return { wrap, control };
}

/** Replaces all children of `el`. */
export function replaceChildren(el: Element, ...children: Node[]): void {
  el.replaceChildren(...children);
}
