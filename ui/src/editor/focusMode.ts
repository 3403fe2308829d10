/** Focus mode: every line outside the paragraph being written is dimmed. */
import { type Extension, RangeSetBuilder } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";
import { paragraphAround } from "./paragraph";

const dimmed = Decoration.line({ class: "cm-dimmed" });

function dimOutsideParagraph(view: EditorView): DecorationSet {
  const { state } = view;
  const doc = state.doc;
  const current = doc.lineAt(state.selection.main.head).number;
  const { first, last } = paragraphAround(current, doc.lines, (n) => doc.line(n).text);
  const builder = new RangeSetBuilder<Decoration>();
  // Only visible lines get decorations, so book-length drafts stay fast.
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = doc.lineAt(pos);
      if (line.number < first || line.number > last) builder.add(line.from, line.from, dimmed);
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const focusPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = dimOutsideParagraph(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.selectionSet || update.viewportChanged) {
        this.decorations = dimOutsideParagraph(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** The focus mode extension: dims other paragraphs and marks the editor with `focus-mode`. */
export function focusMode(): Extension {
  return [focusPlugin, EditorView.editorAttributes.of({ class: "focus-mode" })];
}
