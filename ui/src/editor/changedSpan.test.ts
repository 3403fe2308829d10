import { describe, expect, it } from "vitest";
import { changedSpan } from "./changedSpan";

const apply = (text: string, span: { from: number; to: number; insert: string }) =>
  text.slice(0, span.from) + span.insert + text.slice(span.to);

describe("changedSpan", () => {
  it("replaces only the changed middle", () => {
    const before = "# Tide\n\nFirst paragraph.\n\nSecond paragraph.\n";
    const after = "# Tide\n\nFirst paragraph, edited elsewhere.\n\nSecond paragraph.\n";
    const span = changedSpan(before, after)!;
    expect(span).toEqual({ from: 23, to: 23, insert: ", edited elsewhere" });
    expect(apply(before, span)).toBe(after);
  });

  it("is null for equal texts and handles appends, deletions and emoji", () => {
    expect(changedSpan("same", "same")).toBeNull();
    for (const [a, b] of [
      ["abc", "abcdef"],
      ["abcdef", "abc"],
      ["", "new"],
      ["x 😀 y", "x 😃 y"],
      ["aaaa", "aa"],
    ]) {
      expect(apply(a, changedSpan(a, b)!)).toBe(b);
    }
  });
});
