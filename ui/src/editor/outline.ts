/** The outline's state in the editor: the draft's headings, rescanned after a pause in typing,
 * and which one the caret is under. */
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import { EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { type Heading, headingAt, headingsOf } from "./headings";

/** How long typing must pause before the headings are read again. */
const RESCAN_MS = 250;

/** Replaces the headings with a fresh scan. */
const setHeadings = StateEffect.define<Heading[]>();

/** The headings as last scanned, their positions mapped through every edit since. */
export const headingsField = StateField.define<Heading[]>({
  create: (state) => headingsOf(state),
  update(headings, tr) {
    for (const effect of tr.effects) if (effect.is(setHeadings)) return effect.value;
    if (!tr.docChanged) return headings;
    return headings.map((heading) => {
      const from = tr.changes.mapPos(heading.from);
      return { ...heading, from, line: tr.state.doc.lineAt(from).number };
    });
  },
});

const rescan = ViewPlugin.fromClass(
  class {
    private timer: ReturnType<typeof setTimeout> | null = null;
    constructor(private readonly view: EditorView) {}
    update(update: ViewUpdate) {
      if (!update.docChanged) return;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.view.dispatch({ effects: setHeadings.of(headingsOf(this.view.state)) });
      }, RESCAN_MS);
    }
    destroy() {
      if (this.timer !== null) clearTimeout(this.timer);
    }
  },
);

/** What the outline panel is told. */
export interface OutlineListener {
  /** The headings changed (a rescan, or a new draft). */
  headings(headings: Heading[]): void;
  /** The caret moved under heading `index` (-1: above the first). */
  current(index: number): void;
}

/** Tracks the headings and the caret's heading, calling `listener` when either changes. */
export function outline(listener: OutlineListener): Extension {
  let shownHeadings: Heading[] | null = null;
  let shownCurrent = -2;
  const report = (view: EditorView) => {
    const headings = view.state.field(headingsField);
    if (headings !== shownHeadings && (shownHeadings === null || !sameOutline(headings, shownHeadings))) {
      listener.headings(headings);
      shownCurrent = -2;
    }
    shownHeadings = headings;
    const current = headingAt(headings, view.state.selection.main.head);
    if (current !== shownCurrent) listener.current(current);
    shownCurrent = current;
  };
  return [
    headingsField,
    rescan,
    ViewPlugin.define((view) => {
      // A new state (another draft) starts a new outline.
      shownHeadings = null;
      queueMicrotask(() => report(view));
      return { update: (update: ViewUpdate) => report(update.view) };
    }),
  ];
}

/** Same levels and texts: the list on screen can stay, only positions moved. */
function sameOutline(a: Heading[], b: Heading[]): boolean {
  return a.length === b.length && a.every((heading, i) => heading.level === b[i].level && heading.text === b[i].text);
}
