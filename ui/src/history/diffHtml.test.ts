import { describe, expect, it } from "vitest";
import { diffSummary, diffTexts, escapeHtml, renderDiff } from "./diffHtml";

describe("revision diff", () => {
  it("marks added and removed words", () => {
    const html = renderDiff(diffTexts("The quick fox", "The slow fox"));
    expect(html).toBe("The <del>quick</del><ins>slow</ins> fox");
  });

  it("escapes the text so a draft cannot inject markup into the dialog", () => {
    const html = renderDiff(diffTexts("", '<img src=x onerror="alert(1)">'));
    expect(html).toBe("<ins>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</ins>");
    expect(escapeHtml("a & b")).toBe("a &amp; b");
  });

  it("counts words on each side", () => {
    expect(diffSummary(diffTexts("one two three", "one four five six"))).toEqual({ added: 3, removed: 2 });
  });

  it("falls back to a line diff for very large texts", () => {
    const before = "line\n".repeat(20_000);
    const after = `${before}new line\n`;
    const changes = diffTexts(before, after);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(["new line\n"]);
  });
});
