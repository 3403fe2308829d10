import { describe, expect, it } from "vitest";
import { lineForPreviewOffset, normaliseAnchors, previewOffsetForLine } from "./scrollSync";

const anchors = [
  { line: 1, top: 0 },
  { line: 5, top: 100 },
  { line: 9, top: 300 },
];

describe("scroll sync", () => {
  it("interpolates the preview offset between blocks", () => {
    expect(previewOffsetForLine(anchors, 5)).toBe(100);
    expect(previewOffsetForLine(anchors, 7)).toBe(200);
    expect(previewOffsetForLine(anchors, 40)).toBe(300);
  });

  it("maps preview offsets back to source lines", () => {
    expect(lineForPreviewOffset(anchors, 50)).toBe(3);
    expect(lineForPreviewOffset(anchors, 1000)).toBe(9);
  });

  it("round-trips", () => {
    const top = previewOffsetForLine(anchors, 6.5)!;
    expect(lineForPreviewOffset(anchors, top)).toBeCloseTo(6.5);
  });

  it("drops nested blocks that would run backwards", () => {
    expect(
      normaliseAnchors([
        { line: 3, top: 50 },
        { line: 1, top: 0 },
        { line: 3, top: 60 },
        { line: 4, top: 40 },
      ]),
    ).toEqual([
      { line: 1, top: 0 },
      { line: 3, top: 50 },
    ]);
  });

  it("has nothing to say without blocks", () => {
    expect(previewOffsetForLine([], 3)).toBeNull();
  });
});
