import { describe, expect, it } from "vitest";
import type { Author, ImportReport } from "../../ipc";
import fixture from "./reportFixture.json";
import { issueLine, reportText } from "./reportText";

// The same fixture src-tauri's ipc_tests.rs checks against what the core serializes and prints.
const report = fixture.report as ImportReport;

const empty = (): ImportReport => ({
  drafts: [],
  created_authors: [],
  damaged: [],
  warnings: [],
  skipped: [],
  sites: [],
  summary: "imported 0 (0 published), skipped 0, 0 warnings",
});

describe("import report as plain text", () => {
  it("reads line for line as `byline import` prints it, summary first", () => {
    expect(reportText(report)).toBe(fixture.text);
    expect(reportText(report).split("\n")[0]).toBe(fixture.summary);
  });

  it("puts the path before the core's detail of an issue", () => {
    const issue = { path: "/blog/a.md", line: 4, message: "front matter: bad date", detail: "line 4: front matter: bad date" };
    expect(issueLine(issue)).toBe("/blog/a.md: line 4: front matter: bad date");
  });

  it("says which authors it created and where their bio goes", () => {
    const ada = { slug: "ada", name: "Ada Writer" } as Author;
    expect(reportText({ ...empty(), created_authors: [ada] })).toContain(
      "\ncreated author `ada` (Ada Writer); add a bio in Authors\n",
    );
  });
});
