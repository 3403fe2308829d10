import { describe, expect, it } from "vitest";
import { moveItem } from "./authorsList";
import { formatTags, optionalText, parseTags } from "./tags";

describe("tags typed as text", () => {
  it("splits on commas, trims and drops blanks", () => {
    expect(parseTags(" rust, , web dev ,tauri,")).toEqual(["rust", "web dev", "tauri"]);
  });
  it("drops case-insensitive duplicates, keeping the first spelling", () => {
    expect(parseTags("Rust, rust, RUST, Go")).toEqual(["Rust", "Go"]);
  });
  it("accepts hashtags and squeezes inner whitespace", () => {
    expect(parseTags("#rust,  open   source")).toEqual(["rust", "open source"]);
  });
  it("round-trips through the field text", () => {
    expect(parseTags(formatTags(["a", "b c"]))).toEqual(["a", "b c"]);
  });
  it("turns blank optional fields into null (clear)", () => {
    expect(optionalText("   ")).toBeNull();
    expect(optionalText(" en ")).toBe("en");
  });
});

describe("author credit order", () => {
  it("moves an author up and down", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });
  it("ignores moves past either end", () => {
    expect(moveItem(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 1, 1)).toEqual(["a", "b"]);
  });
});
