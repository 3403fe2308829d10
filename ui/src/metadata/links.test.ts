import { describe, expect, it } from "vitest";
import { discussLink, isWebUrl } from "./links";

describe("the discuss link", () => {
  it("accepts absolute http(s) addresses, trimmed", () => {
    expect(discussLink("  https://forum.example.com/t/42  ")).toEqual({ ok: true, value: "https://forum.example.com/t/42" });
    expect(discussLink("HTTP://lists.example.org/thread?id=1#top")).toEqual({
      ok: true,
      value: "HTTP://lists.example.org/thread?id=1#top",
    });
  });
  it("clears when blank", () => {
    expect(discussLink("   ")).toEqual({ ok: true, value: null });
  });
  it("refuses what is no web address, saying what to type", () => {
    for (const bad of ["javascript:alert(1)", "/t/42", "forum.example.com/t/42", "https://", "https:/", "https:///t", "https://a b", 'https://x"y']) {
      const read = discussLink(bad);
      expect(read.ok, bad).toBe(false);
      if (!read.ok) expect(read.message).toContain("https://");
    }
  });
  it("half-typed addresses are not web URLs yet", () => {
    expect(["h", "htt", "https:", "https://"].map(isWebUrl)).toEqual([false, false, false, false]);
    expect(isWebUrl("https://f")).toBe(true);
  });
});
