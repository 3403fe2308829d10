import { describe, expect, it } from "vitest";
import { changedBlocks } from "./patch";

describe("block-level preview patches", () => {
  it("names only the blocks whose HTML changed", () => {
    expect(changedBlocks(["<h1>A</h1>", "\n", "<p>b</p>"], ["<h1>A</h1>", "\n", "<p>bx</p>"])).toEqual([2]);
  });
  it("asks for a full morph when blocks were added or removed", () => {
    expect(changedBlocks(["<p>a</p>"], ["<p>a</p>", "<p>b</p>"])).toBeNull();
  });
});
