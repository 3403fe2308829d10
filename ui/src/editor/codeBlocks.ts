/** Fenced code blocks set in the code font with a tinted background, like the preview shows them. */
import { syntaxTree } from "@codemirror/language";
import { RangeSetBuilder } from "@codemirror/state";
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from "@codemirror/view";

const codeLine = Decoration.line({ class: "cm-codeblock" });

function codeLines(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const doc = view.state.doc;
  let lastLine = 0;
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from,
      to,
      enter: (node) => {
        if (node.name !== "FencedCode" && node.name !== "CodeBlock") return;
        const first = doc.lineAt(Math.max(node.from, from)).number;
        const last = doc.lineAt(Math.min(node.to, to)).number;
        for (let n = Math.max(first, lastLine + 1); n <= last; n++) {
          builder.add(doc.line(n).from, doc.line(n).from, codeLine);
          lastLine = n;
        }
        return false;
      },
    });
  }
  return builder.finish();
}

/** The extension. */
export const codeBlocks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = codeLines(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
        this.decorations = codeLines(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
