import { describe, expect, it } from "vitest";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { headingAt, headingsOf, nestHeadings } from "./headings";

/**
 * A state parsed to the end, as the editor's background parse has it by the time a scan runs:
 * the scan's own budget is for the editor, and a busy test machine must not cut the tree short.
 */
function stateOf(doc: string): EditorState {
  const state = EditorState.create({ doc, extensions: [markdown({ base: markdownLanguage })] });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  // The parse above advanced the language's context; a transaction publishes its tree.
  return state.update({}).state;
}

describe("headingsOf", () => {
  it("reads ATX and setext headings with their levels, text and lines", () => {
    const doc = "# Lantern Street ##\n\nIntro.\n\nThe market\n==========\n\nSide streets\n---\n\n### Stalls\n";
    const headings = headingsOf(stateOf(doc));
    expect(headings.map((h) => [h.level, h.text, h.line])).toEqual([
      [1, "Lantern Street", 1],
      [1, "The market", 5],
      [2, "Side streets", 8],
      [3, "Stalls", 11],
    ]);
    expect(headings[1].from).toBe(doc.indexOf("The market"));
  });

  it("skips lines that only look like headings inside code", () => {
    const doc = "# Real\n\n```sh\n# a shell comment\n```\n\n    # indented code\n\n## Also real\n";
    expect(headingsOf(stateOf(doc)).map((h) => h.text)).toEqual(["Real", "Also real"]);
  });

  it("does not take a hash without a space, or a paragraph, for a heading", () => {
    expect(headingsOf(stateOf("#hashtag\n\nplain text\n"))).toEqual([]);
  });

  it("keeps an empty heading with empty text", () => {
    expect(headingsOf(stateOf("#\n")).map((h) => [h.level, h.text])).toEqual([[1, ""]]);
  });

  it("finds every heading of a 5,000-word draft", () => {
    const section = "## Section\n\n" + "word ".repeat(250) + "\n\n";
    expect(headingsOf(stateOf(section.repeat(20)))).toHaveLength(20);
  });
});

describe("nestHeadings", () => {
  it("puts deeper headings under the one before them, skipped levels included", () => {
    const headings = headingsOf(stateOf("# A\n\n## B\n\n#### C\n\n## D\n\n# E\n"));
    const tree = nestHeadings(headings);
    const shape = (nodes: ReturnType<typeof nestHeadings>): unknown =>
      nodes.map((n) => (n.children.length ? [n.heading.text, shape(n.children)] : n.heading.text));
    expect(shape(tree)).toEqual([["A", [["B", ["C"]], "D"]], "E"]);
  });

  it("keeps a draft that starts below level one flat at its top", () => {
    const tree = nestHeadings(headingsOf(stateOf("### Deep\n\n# Top\n")));
    expect(tree.map((n) => n.heading.text)).toEqual(["Deep", "Top"]);
  });
});

describe("headingAt", () => {
  it("finds the heading a position is under", () => {
    const doc = "Preface\n\n# One\n\ntext\n\n# Two\n\nmore\n";
    const headings = headingsOf(stateOf(doc));
    expect(headingAt(headings, 0)).toBe(-1);
    expect(headingAt(headings, doc.indexOf("text"))).toBe(0);
    expect(headingAt(headings, doc.indexOf("# Two"))).toBe(1);
    expect(headingAt(headings, doc.length)).toBe(1);
  });
});
