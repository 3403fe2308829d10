import { ChangeSet, Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { characterDelta, countCharacters, countDocCharacters, countWords, localDay, wordDelta } from "./words";

describe("words as the status bar counts them", () => {
  it("counts words, not markup, and each CJK character", () => {
    expect(countWords("# Lantern Street Notes")).toBe(3);
    expect(countWords("- **don't** stop -- well-known, e.g. 3.5 km")).toBe(6);
    expect(countWords("日本語 text")).toBe(4);
    expect(countWords("  \n---\n")).toBe(0);
  });

  it("counts what an edit added or removed, a split word included", () => {
    const before = Text.of(["one two", "", "three"]);
    const insert = ChangeSet.of({ from: 7, insert: " four five" }, before.length);
    expect(wordDelta(before, insert.apply(before), insert)).toBe(2);
    const split = ChangeSet.of({ from: 2, insert: " " }, before.length);
    expect(wordDelta(before, split.apply(before), split)).toBe(1);
    const remove = ChangeSet.of({ from: 0, to: 9 }, before.length);
    expect(wordDelta(before, remove.apply(before), remove)).toBe(-2);
    const twoOnALine = ChangeSet.of([{ from: 0, insert: "a " }, { from: 3, insert: " b" }], before.length);
    expect(wordDelta(before, twoOnALine.apply(before), twoOnALine)).toBe(2);
  });

  it("counts characters without line breaks, an emoji as one", () => {
    expect(countCharacters("ab\ncd 🙂")).toBe(6);
  });

  it("keeps the character count by each change, equal to a recount", () => {
    const before = Text.of(["Night ferry 🙂", "", "Salt on the rail."]);
    expect(countDocCharacters(before)).toBe(countCharacters(before.toString()));
    const edit = ChangeSet.of(
      [
        { from: 6, to: 11, insert: "boat\nand gulls" },
        { from: before.length - 1, insert: " 🌊" },
      ],
      before.length,
    );
    const after = edit.apply(before);
    expect(countDocCharacters(before) + characterDelta(before, edit)).toBe(countCharacters(after.toString()));
  });

  it("keys days by the local date", () => {
    expect(localDay(new Date(2026, 11, 3, 23, 59))).toBe("2026-12-03");
  });
});
