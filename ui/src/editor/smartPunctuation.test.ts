// @vitest-environment happy-dom
import { history, undo } from "@codemirror/commands";
import { markdownLanguage } from "@codemirror/lang-markdown";
import { LanguageSupport } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { afterEach, describe, expect, it } from "vitest";
import table from "../../../crates/byline-render/tests/smart_punctuation_cases.json";
import { smartPunctuation } from "./smartPunctuation";

let views: EditorView[] = [];
afterEach(() => {
  for (const view of views) view.destroy();
  views = [];
});

function editor(language: string, smart = true): EditorView {
  const state = EditorState.create({
    // The Markdown language alone: markdown()'s HTML support would close `<div>` as it is typed.
    extensions: [history(), new LanguageSupport(markdownLanguage), smart ? smartPunctuation(language) : []],
  });
  const view = new EditorView({ state, parent: document.body });
  views.push(view);
  return view;
}

/** Types `text` one character at a time, as the view does with the writer's keys: the input
 * handlers first, the plain insertion when none takes the character. */
function type(view: EditorView, text: string): void {
  for (const c of text) {
    const { from, to } = view.state.selection.main;
    const insert = () =>
      view.state.update({
        changes: { from, to, insert: c },
        selection: { anchor: from + c.length },
        userEvent: "input.type",
      });
    const handled = view.state.facet(EditorView.inputHandler).some((handler) => handler(view, from, to, c, insert));
    if (!handled) view.dispatch(insert());
  }
}

describe("smart punctuation typed, by the export's case table", () => {
  for (const { name, language, input, expected } of table.cases) {
    it(name, () => {
      const view = editor(language);
      type(view, input);
      expect(view.state.doc.toString()).toBe(expected);
    });
  }
});

describe("smart punctuation as an edit", () => {
  it("one undo after the closing quote brings back the straight quote", () => {
    const view = editor("en");
    type(view, '"Hello"');
    expect(view.state.doc.toString()).toBe("“Hello”");
    undo(view);
    expect(view.state.doc.toString()).toBe("“Hello\"");
    expect(view.state.selection.main.head).toBe(7);
  });

  it("one undo after a French space turns back what was typed", () => {
    const view = editor("fr");
    type(view, "Non !");
    expect(view.state.doc.toString()).toBe("Non\u202f!");
    undo(view);
    expect(view.state.doc.toString()).toBe("Non !");
  });

  it("changes nothing when it is off", () => {
    const view = editor("en", false);
    type(view, '"Hello" -- world...');
    expect(view.state.doc.toString()).toBe('"Hello" -- world...');
  });

  it("leaves a closed code span alone when typing inside it", () => {
    const view = editor("en");
    view.dispatch({ changes: { from: 0, insert: "Run `echo ` now" }, selection: { anchor: 10 } });
    type(view, '"x"');
    expect(view.state.doc.toString()).toBe('Run `echo "x"` now');
  });

  it("smartens a paragraph after a closed front matter block", () => {
    const view = editor("de");
    view.dispatch({ changes: { from: 0, insert: "+++\ntitle = 'x'\n+++\n\n" }, selection: { anchor: 21 } });
    type(view, '"Ja"');
    expect(view.state.doc.toString()).toBe("+++\ntitle = 'x'\n+++\n\n„Ja“");
  });
});
