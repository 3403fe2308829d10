import { EditorSelection, EditorState, type StateCommand } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { insertLink, setHeading, toggleWrap } from "./formatting";
import { paragraphAround } from "./paragraph";

function run(doc: string, from: number, to: number, command: StateCommand) {
  let state = EditorState.create({ doc, selection: EditorSelection.range(from, to) });
  command({ state, dispatch: (tr) => (state = tr.state) });
  const { main } = state.selection;
  return { text: state.doc.toString(), selected: state.sliceDoc(main.from, main.to), cursor: main.head };
}

describe("formatting shortcuts", () => {
  it("bold wraps the selection and keeps it selected", () => {
    expect(run("say hello", 4, 9, toggleWrap("**"))).toMatchObject({ text: "say **hello**", selected: "hello" });
  });

  it("bold again unwraps", () => {
    expect(run("say **hello**", 6, 11, toggleWrap("**"))).toMatchObject({ text: "say hello", selected: "hello" });
  });

  it("italic with no selection leaves the caret between the marks", () => {
    expect(run("x ", 2, 2, toggleWrap("*"))).toMatchObject({ text: "x **", cursor: 3 });
  });

  it("the shortcut again after typing steps out of the markup", () => {
    const doc = "Some ****";
    let state = EditorState.create({ doc, selection: EditorSelection.cursor(7) });
    state = state.update({ changes: { from: 7, insert: "bold" }, selection: EditorSelection.cursor(11) }).state;
    toggleWrap("**")({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe("Some **bold**");
    expect(state.selection.main.head).toBe(13);
  });

  it("link turns text into a link with the URL selected", () => {
    expect(run("see docs", 4, 8, insertLink)).toMatchObject({ text: "see [docs](https://)", selected: "https://" });
  });

  it("link around a URL puts the caret in the label", () => {
    expect(run("https://a.org", 0, 13, insertLink)).toMatchObject({ text: "[](https://a.org)", cursor: 1 });
  });

  it("heading sets, changes and removes the level", () => {
    expect(run("Title", 0, 0, setHeading(2)).text).toBe("## Title");
    expect(run("# Title", 3, 3, setHeading(3)).text).toBe("### Title");
    expect(run("## Title", 3, 3, setHeading(2)).text).toBe("Title");
  });
});

describe("focus mode paragraphs", () => {
  const lines = ["one", "two", "", "three", "four", "five", "", "six"];
  const text = (n: number) => lines[n - 1];
  it("spans the non-blank lines around the caret", () => {
    expect(paragraphAround(5, lines.length, text)).toEqual({ first: 4, last: 6 });
    expect(paragraphAround(1, lines.length, text)).toEqual({ first: 1, last: 2 });
    expect(paragraphAround(8, lines.length, text)).toEqual({ first: 8, last: 8 });
  });
  it("is just the line on a blank line", () => {
    expect(paragraphAround(3, lines.length, text)).toEqual({ first: 3, last: 3 });
  });
});
