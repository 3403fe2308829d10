/** The spelling menu of a misspelled word: its suggestions, "Add to dictionary" and "Ignore", as
 * an ARIA menu in a CodeMirror tooltip under the word. Opened and closed through effects; the
 * arrow keys move between items, Enter chooses, Escape (or leaving it) closes. */
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import { EditorView, showTooltip, type Tooltip, type TooltipView } from "@codemirror/view";

/** The word a menu is for, where it is, and what the checker suggests for it. */
export interface MenuTarget {
  from: number;
  to: number;
  /** The word as the checker knows it (curly apostrophes straightened). */
  word: string;
  suggestions: string[];
}

/** What choosing an item does. */
export interface MenuActions {
  replace(view: EditorView, target: MenuTarget, replacement: string): void;
  add(view: EditorView, target: MenuTarget): void;
  ignore(view: EditorView, target: MenuTarget): void;
}

/** Opens the menu for a word. */
export const openSpellingMenu = StateEffect.define<MenuTarget>();
/** Closes the menu. */
export const closeSpellingMenu = StateEffect.define<null>();

/** The menu's items: at most this many suggestions (the shell sends no more either). */
const MAX_SHOWN = 8;

/** The menu as state: the word it is open for, or null. An edit closes it: the word moved. */
export function spellingMenu(actions: MenuActions): Extension {
  const field = StateField.define<Tooltip | null>({
    create: () => null,
    update(open, tr) {
      for (const effect of tr.effects) {
        if (effect.is(openSpellingMenu)) return menuTooltip(effect.value, actions);
        if (effect.is(closeSpellingMenu)) return null;
      }
      return tr.docChanged ? null : open;
    },
    provide: (f) => showTooltip.from(f),
  });
  return [field, menuTheme];
}

/** True while a spelling menu is open in `view`. */
export function menuOpen(view: EditorView): boolean {
  return view.dom.querySelector(".cm-spelling-menu") !== null;
}

function menuTooltip(target: MenuTarget, actions: MenuActions): Tooltip {
  return { pos: target.from, end: target.to, above: false, arrow: false, create: (view) => menuView(view, target, actions) };
}

function menuView(view: EditorView, target: MenuTarget, actions: MenuActions): TooltipView {
  const dom = document.createElement("div");
  dom.className = "cm-spelling-menu";
  dom.setAttribute("role", "menu");
  dom.setAttribute("aria-label", `Spelling of “${target.word}”`);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    view.dispatch({ effects: closeSpellingMenu.of(null) });
  };
  const item = (label: string, choose: () => void, className = "") => {
    const button = document.createElement("button");
    button.type = "button";
    button.tabIndex = -1;
    button.className = className;
    button.setAttribute("role", "menuitem");
    button.textContent = label;
    button.addEventListener("click", () => {
      closed = true;
      choose();
    });
    dom.append(button);
    return button;
  };
  const suggestions = target.suggestions.slice(0, MAX_SHOWN);
  for (const suggestion of suggestions) {
    item(suggestion, () => actions.replace(view, target, suggestion), "cm-spelling-suggestion");
  }
  if (suggestions.length === 0) {
    const none = document.createElement("div");
    none.className = "cm-spelling-none";
    none.textContent = "No suggestions";
    dom.append(none);
  }
  const separator = document.createElement("div");
  separator.setAttribute("role", "separator");
  dom.append(separator);
  item("Add to dictionary", () => actions.add(view, target));
  item("Ignore", () => actions.ignore(view, target));

  dom.addEventListener("keydown", (event) => {
    if (navigate(dom, event.key)) {
      event.preventDefault();
      event.stopPropagation();
    } else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      event.stopPropagation();
      close();
      view.focus();
    }
  });
  // Clicking elsewhere or tabbing away closes it; deferred, as focus can leave during an update.
  dom.addEventListener("focusout", (event) => {
    if (event.relatedTarget instanceof Node && dom.contains(event.relatedTarget)) return;
    setTimeout(close, 0);
  });
  return {
    dom,
    mount: () => dom.querySelector<HTMLElement>("[role=menuitem]")?.focus(),
    destroy: () => {
      closed = true;
    },
  };
}

/** Moves focus for the arrow keys, Home and End; true when `key` was one of them. */
function navigate(menu: HTMLElement, key: string): boolean {
  const items = [...menu.querySelectorAll<HTMLElement>("[role=menuitem]")];
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next: Record<string, number> = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  };
  if (!(key in next) || items.length === 0) return false;
  items[next[key]].focus();
  return true;
}

const menuTheme = EditorView.baseTheme({
  // The menu's element is the tooltip itself (CodeMirror adds `cm-tooltip` to it).
  ".cm-tooltip.cm-spelling-menu": {
    border: "1px solid var(--rule, #ccc)",
    borderRadius: "6px",
    display: "flex",
    flexDirection: "column",
    minWidth: "12rem",
    padding: "4px",
    fontFamily: "var(--ui-font, sans-serif)",
    fontSize: "0.9rem",
    backgroundColor: "var(--chrome, #f4f2ee)",
    color: "var(--ink, #222)",
    boxShadow: "0 6px 20px rgba(0, 0, 0, 0.18)",
  },
  ".cm-spelling-menu button": {
    font: "inherit",
    color: "inherit",
    textAlign: "left",
    background: "none",
    border: "none",
    borderRadius: "4px",
    padding: "0.3rem 0.6rem",
    cursor: "pointer",
  },
  ".cm-spelling-menu button.cm-spelling-suggestion": { fontWeight: "600" },
  ".cm-spelling-menu button:hover, .cm-spelling-menu button:focus": {
    backgroundColor: "var(--selection, #cfe0fb)",
    outline: "none",
  },
  ".cm-spelling-menu button:focus-visible": { outline: "2px solid var(--focus, #1f5fbf)", outlineOffset: "-2px" },
  ".cm-spelling-none": { padding: "0.3rem 0.6rem", color: "var(--ink-muted, #666)", fontStyle: "italic" },
  ".cm-spelling-menu [role=separator]": { borderTop: "1px solid var(--rule, #ccc)", margin: "4px 0" },
});
