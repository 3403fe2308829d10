import { describe, expect, it } from "vitest";
import type { SyncReport } from "../../ipc";
import { changesLibrary, conflictRevision, mayConcern, summary } from "./report";

const empty = (): SyncReport => ({
  written: [],
  updated: [],
  created: [],
  trashed: [],
  removed: [],
  renamed: [],
  conflicts: [],
  problems: [],
  notices: [],
});

describe("sync report", () => {
  it("finds the revision holding the file's version of a conflict", () => {
    const report = { ...empty(), conflicts: ["notes/tide.md (the file's version is revision 12 of `tide`)"] };
    expect(conflictRevision(report, "tide")).toBe(12);
    expect(conflictRevision(report, "tides")).toBeNull();
  });

  it("says whether a report may concern the open draft", () => {
    expect(mayConcern({ ...empty(), written: ["tide.md"] }, "tide")).toBe(false);
    expect(mayConcern({ ...empty(), updated: ["sub/tide.md"] }, "tide")).toBe(true);
    expect(mayConcern({ ...empty(), renamed: [["tide.md", "old/tide.md"]] }, "tide")).toBe(true);
    expect(mayConcern({ ...empty(), trashed: ["tide (tide.md)"] }, "tide")).toBe(true);
    expect(mayConcern({ ...empty(), trashed: ["tides (tides.md)"] }, "tide")).toBe(false);
  });

  it("refreshes the list only for changes to drafts, not for files it wrote", () => {
    expect(changesLibrary({ ...empty(), written: ["a.md"] })).toBe(false);
    expect(changesLibrary({ ...empty(), created: ["b.md -> b"] })).toBe(true);
  });

  it("summarises in one quiet line, problems included", () => {
    expect(summary(empty())).toBe("");
    expect(summary({ ...empty(), written: ["a.md"] })).toBe("");
    expect(summary({ ...empty(), updated: ["a.md", "b.md"], created: ["c.md -> c"] })).toBe(
      "Drafts folder: 2 updated from files, 1 new",
    );
    expect(summary({ ...empty(), problems: ["bad.md: line 2: unclosed front matter"] })).toBe(
      "Drafts folder. bad.md: line 2: unclosed front matter",
    );
  });
});
