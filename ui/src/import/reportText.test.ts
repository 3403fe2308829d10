import { describe, expect, it } from "vitest";
import type { Author, ImportReport } from "../../ipc";
import fixture from "./reportFixture.json";
import { issueDetail, issueLine, reportText, summaryLine } from "./reportText";

// The same fixture src-tauri's ipc_tests.rs checks against what the core serializes and prints.
const report = fixture.report as ImportReport;

const empty = (): ImportReport => ({ drafts: [], created_authors: [], warnings: [], skipped: [], sites: [] });

describe("import report as plain text", () => {
  it("reads line for line as `byline import` prints it, summary first", () => {
    expect(reportText(report)).toBe(fixture.text);
    expect(summaryLine(report)).toBe(fixture.summary);
  });

  it("names an issue's line once: before the message, unless the message names it already", () => {
    const path = "/blog/a.md";
    expect(issueDetail({ path, line: 4, message: "front matter: bad date" })).toBe("line 4: front matter: bad date");
    expect(issueDetail({ path, line: 3, message: "has malformed front matter: line 3: x" })).toBe("has malformed front matter: line 3: x");
    expect(issueLine({ path, line: null, message: "is empty" })).toBe("/blog/a.md: is empty");
  });

  it("counts with the core's plurals and mentions section pages only when there are some", () => {
    expect(summaryLine(empty())).toBe("imported 0 (0 published), skipped 0, 0 warnings");
    const one = { ...empty(), warnings: [{ path: "/a.md", line: null, message: "m" }] };
    expect(summaryLine(one)).toBe("imported 0 (0 published), skipped 0, 1 warning");
    const section = { slug: "posts", source: "/c/_index.md", images: 0, published: false, section: true };
    expect(summaryLine({ ...empty(), drafts: [section, { ...section, slug: "notes" }] })).toBe(
      "imported 2 (0 published, 2 section pages), skipped 0, 0 warnings",
    );
  });

  it("says which authors it created and where their bio goes", () => {
    const ada = { slug: "ada", name: "Ada Writer" } as Author;
    expect(reportText({ ...empty(), created_authors: [ada] })).toContain(
      "\ncreated author `ada` (Ada Writer); add a bio in Authors\n",
    );
  });
});
