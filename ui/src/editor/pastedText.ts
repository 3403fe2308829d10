/** Where the writer last pasted or dropped text, kept in step with later edits, so a check of
 * the pasted text (for damaged encoding) can name and repair exactly that span. */
import { type Extension, StateField, type Transaction } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

/** A span of the document, in CodeMirror positions (UTF-16 code units). */
export interface Span {
  from: number;
  to: number;
}

/** The span inserted by a paste or drop transaction, or null for any other transaction. */
export function insertedSpan(tr: Transaction): Span | null {
  if (!tr.isUserEvent("input.paste") && !tr.isUserEvent("input.drop")) return null;
  let span: Span | null = null;
  tr.changes.iterChanges((_fromA, _toA, fromB, toB) => {
    if (toB === fromB) return;
    span = span ? { from: Math.min(span.from, fromB), to: Math.max(span.to, toB) } : { from: fromB, to: toB };
  });
  return span;
}

/** The last pasted span; edits inside it stretch or shrink it, deleting all of it forgets it. */
export const lastPaste = StateField.define<Span | null>({
  create: () => null,
  update(span, tr) {
    const pasted = insertedSpan(tr);
    if (pasted) return pasted;
    if (!span || !tr.docChanged) return span;
    const from = tr.changes.mapPos(span.from, 1);
    const to = tr.changes.mapPos(span.to, -1);
    return to > from ? { from, to } : null;
  },
});

/** The extension: tracks pastes and tells `onPaste` the text of each, once it is in. */
export function pastedText(onPaste: (text: string, span: Span) => void): Extension {
  return [
    lastPaste,
    EditorView.updateListener.of((update) => {
      for (const tr of update.transactions) {
        const span = insertedSpan(tr);
        // The span is in this transaction's document; later ones in the batch may move it.
        if (span) {
          const now = update.state.field(lastPaste);
          if (now) onPaste(update.state.sliceDoc(now.from, now.to), now);
        }
      }
    }),
  ];
}
