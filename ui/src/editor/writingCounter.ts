/**
 * Counts the writing as it happens: words each edit adds or removes (pasted and dropped text
 * apart from typing, by the transaction's user event), and the words of the selection. Loads
 * (opening a draft, a change made outside) are no writing.
 */
import { type Extension, StateField } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { characterDelta, countDocCharacters, countWords, wordDelta } from "../writing/words";
import { LOAD_EVENT } from "./editor";

/** What the counter reports. */
export interface WritingHooks {
  /** Words written by one edit: `typed` may be negative (deleted), `pasted` never is. */
  wrote(typed: number, pasted: number): void;
  /** The selection's words; 0 when nothing is selected. */
  selected(words: number): void;
}

/** The document's characters, kept by each edit's own change: the status bar reads it after
 * every render, and counting a book's 600,000 characters each time cost a keystroke milliseconds. */
export const characterCount = StateField.define<number>({
  create: (state) => countDocCharacters(state.doc),
  update: (count, tr) => (tr.docChanged ? count + characterDelta(tr.startState.doc, tr.changes) : count),
});

/** The counter, as an editor extension. */
export function writingCounter(hooks: WritingHooks): Extension {
  return [characterCount, counting(hooks)];
}

function counting(hooks: WritingHooks): Extension {
  return EditorView.updateListener.of((update) => {
    for (const tr of update.transactions) {
      if (!tr.docChanged || tr.isUserEvent(LOAD_EVENT)) continue;
      const delta = wordDelta(tr.startState.doc, tr.newDoc, tr.changes);
      const pasted = tr.isUserEvent("input.paste") || tr.isUserEvent("input.drop");
      // Pasting over a selection can remove more than it brings: the loss is the typed count's.
      if (pasted && delta > 0) hooks.wrote(0, delta);
      else if (delta !== 0) hooks.wrote(delta, 0);
    }
    if (update.selectionSet || update.docChanged) {
      const { state } = update;
      const words = state.selection.ranges.reduce(
        (sum, range) => sum + (range.empty ? 0 : countWords(state.sliceDoc(range.from, range.to))),
        0,
      );
      hooks.selected(words);
    }
  });
}
