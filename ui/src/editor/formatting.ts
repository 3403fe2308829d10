/** Markdown formatting commands bound to the writer's shortcuts (bold, italic, code, link, heading). */
import { EditorSelection, type EditorState, type StateCommand, type Transaction } from "@codemirror/state";

/** Wraps each selection in `mark` (e.g. `**`), or unwraps it when it is already wrapped. */
export function toggleWrap(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    dispatch(wrapTransaction(state, mark));
    return true;
  };
}

function wrapTransaction(state: EditorState, mark: string): Transaction {
  const len = mark.length;
  return state.update(
    state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - len, range.from);
      const after = state.sliceDoc(range.to, range.to + len);
      if (before === mark && after === mark) {
        return {
          changes: [
            { from: range.from - len, to: range.from },
            { from: range.to, to: range.to + len },
          ],
          range: EditorSelection.range(range.from - len, range.to - len),
        };
      }
      if (range.empty && after === mark) {
        // Pressing the shortcut again at the end of what was typed steps out of the markup.
        return { range: EditorSelection.cursor(range.to + len) };
      }
      const inner = state.sliceDoc(range.from, range.to);
      if (inner.length >= 2 * len && inner.startsWith(mark) && inner.endsWith(mark)) {
        return {
          changes: { from: range.from, to: range.to, insert: inner.slice(len, inner.length - len) },
          range: EditorSelection.range(range.from, range.to - 2 * len),
        };
      }
      return {
        changes: [
          { from: range.from, insert: mark },
          { from: range.to, insert: mark },
        ],
        range: EditorSelection.range(range.from + len, range.to + len),
      };
    }),
    { scrollIntoView: true, userEvent: "input.format" },
  );
}

const URL_LIKE = /^(https?:\/\/|mailto:)\S+$/i;

/** Turns the selection into a link: text becomes `[text](https://)` with the URL selected. */
export const insertLink: StateCommand = ({ state, dispatch }) => {
  dispatch(
    state.update(
      state.changeByRange((range) => {
        const text = state.sliceDoc(range.from, range.to);
        if (URL_LIKE.test(text)) {
          const insert = `[](${text})`;
          return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + 1) };
        }
        const url = "https://";
        const insert = `[${text}](${url})`;
        const urlStart = range.from + text.length + 3;
        return {
          changes: { from: range.from, to: range.to, insert },
          range: EditorSelection.range(urlStart, urlStart + url.length),
        };
      }),
      { scrollIntoView: true, userEvent: "input.format" },
    ),
  );
  return true;
};

const HEADING_PREFIX = /^(#{1,6})\s+/;

/** Makes the selected lines headings of `level`; the same level again turns them back to text. */
export function setHeading(level: number): StateCommand {
  return ({ state, dispatch }) => {
    const changes: Array<{ from: number; to: number; insert: string }> = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let pos = range.from; pos <= range.to; ) {
        const line = state.doc.lineAt(pos);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          const match = HEADING_PREFIX.exec(line.text);
          const current = match ? match[1].length : 0;
          const insert = current === level ? "" : `${"#".repeat(level)} `;
          changes.push({ from: line.from, to: line.from + (match ? match[0].length : 0), insert });
        }
        pos = line.to + 1;
      }
    }
    dispatch(state.update({ changes, scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}
