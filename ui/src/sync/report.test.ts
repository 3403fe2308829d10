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
  warnings: [],
  notices: [],
});

const file = (path: string) => ({ path, slug: path.replace(/\.md$/, "") });

describe("sync report", () => {
  it("finds the revision holding the file's version of a conflict", () => {
    const report = { ...empty(), conflicts: [{ path: "notes/tide.md", slug: "tide", revision: 12 }] };
    expect(conflictRevision(report, "tide")).toBe(12);
    expect(conflictRevision(report, "tides")).toBeNull();
  });

  it("says whether a report concerns the open draft, by its slug and not its file name", () => {
    expect(mayConcern({ ...empty(), written: ["tide.md"] }, "tide")).toBe(false);
    expect(mayConcern({ ...empty(), updated: [{ path: "sub/tide.md", slug: "tide" }] }, "tide")).toBe(true);
    // A draft mirrored to another name (`<slug>-2.md`, a renamed file) is still found.
    expect(mayConcern({ ...empty(), updated: [{ path: "tide-2.md", slug: "tide" }] }, "tide")).toBe(true);
    expect(mayConcern({ ...empty(), updated: [{ path: "tide.md", slug: "tides" }] }, "tide")).toBe(false);
    expect(mayConcern({ ...empty(), renamed: [{ from: "tide.md", to: "old/tide.md", slug: "tide" }] }, "tide")).toBe(
      true,
    );
    expect(mayConcern({ ...empty(), trashed: [{ path: "tide.md", slug: "tide" }] }, "tide")).toBe(true);
    expect(mayConcern({ ...empty(), trashed: [{ path: "tides.md", slug: "tides" }] }, "tide")).toBe(false);
    expect(mayConcern({ ...empty(), conflicts: [{ path: "t.md", slug: "tide", revision: 3 }] }, "tide")).toBe(true);
  });

  it("refreshes the list only for changes to drafts, not for files it wrote", () => {
    expect(changesLibrary({ ...empty(), written: ["a.md"] })).toBe(false);
    expect(changesLibrary({ ...empty(), created: [{ path: "b.md", slug: "b" }] })).toBe(true);
  });

  it("summarises in one quiet line, problems included", () => {
    expect(summary(empty())).toBe("");
    expect(summary({ ...empty(), written: ["a.md"] })).toBe("");
    expect(summary({ ...empty(), updated: [file("a.md"), file("b.md")], created: [file("c.md")] })).toBe(
      "Drafts folder: 2 updated from files, 1 new",
    );
    expect(summary({ ...empty(), problems: [{ path: "bad.md", message: "line 2: unclosed front matter" }] })).toBe(
      "Drafts folder. bad.md: line 2: unclosed front matter",
    );
  });
});
