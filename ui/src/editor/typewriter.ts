/** Typewriter scrolling: the caret line stays at the vertical middle of the editor as the writer
 * types and moves; padding above and below lets the first and last lines reach the middle. */
import { type Extension, EditorState, Transaction } from "@codemirror/state";
import { EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";

/** How long after a centring scroll a change in line heights still re-centres. */
const SETTLE_MS = 600;

/** Only the writer's own edits and keyboard moves: a draft loaded or restored keeps its scroll
 * position, and a mouse selection must not slide the text away under a drag. */
function centres(tr: Transaction): boolean {
  if (!tr.docChanged && !tr.selection) return false;
  const event = tr.annotation(Transaction.userEvent);
  return !!event && !event.startsWith("byline.") && !tr.isUserEvent("select.pointer");
}

const centreCaret = EditorState.transactionExtender.of((tr) =>
  centres(tr) ? { effects: EditorView.scrollIntoView(tr.newSelection.main.head, { y: "center" }) } : null,
);

/** Lines scrolled into view get measured, and their real heights move the caret off the middle
 * the estimate put it at; shortly after a centring scroll, put it back. Later height changes
 * (the writer scrolling with the wheel) are left alone. */
const settle = ViewPlugin.fromClass(
  class {
    private until = 0;
    update(update: ViewUpdate) {
      if (update.transactions.some(centres)) this.until = Date.now() + SETTLE_MS;
      if (!update.heightChanged || Date.now() > this.until) return;
      update.view.requestMeasure({
        key: this,
        read: (view) => {
          const caret = view.coordsAtPos(view.state.selection.main.head);
          const box = view.scrollDOM.getBoundingClientRect();
          return caret ? (caret.top + caret.bottom) / 2 - (box.top + box.bottom) / 2 : 0;
        },
        write: (offset, view) => {
          if (Math.abs(offset) > 1) view.scrollDOM.scrollTop += offset;
        },
      });
    }
  },
);

const padding = EditorView.theme({
  // Half the window is at least half the editor, so the ends can always be centred. Scoped to
  // the class below so it outranks the editor theme's own padding.
  "&.typewriter .cm-content": { paddingTop: "50vh", paddingBottom: "50vh" },
});

/** The typewriter scrolling extension; marks the editor with `typewriter`. */
export function typewriter(): Extension {
  return [centreCaret, settle, padding, EditorView.editorAttributes.of({ class: "typewriter" })];
}
