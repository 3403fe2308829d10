import { describe, expect, it } from "vitest";
import { saveStateText } from "../statusbar/statusbar";
import { isEmptyChange, mergeChanges } from "./merge";
import { errorMessage } from "../../ipc/errors";

describe("pending changes", () => {
  it("later edits win field by field, earlier fields stay", () => {
    expect(mergeChanges({ title: "A", subtitle: "s" }, { title: "B", tags: ["x"] })).toEqual({
      title: "B",
      subtitle: "s",
      tags: ["x"],
    });
  });
  it("keeps null, which clears a field", () => {
    expect(mergeChanges({ subtitle: "s" }, { subtitle: null })).toEqual({ subtitle: null });
    expect(isEmptyChange({})).toBe(true);
    expect(isEmptyChange({ subtitle: null })).toBe(false);
  });
});

describe("save state shown to the writer", () => {
  it("reads Saved, Saving… and Not saved with the reason", () => {
    expect(saveStateText({ kind: "saved" })).toBe("Saved");
    expect(saveStateText({ kind: "saving" })).toBe("Saving…");
    expect(saveStateText({ kind: "failed", message: "disk full" })).toBe("Not saved: disk full");
  });
  it("shows the shell's error message, never [object Object]", () => {
    expect(errorMessage({ code: "io", message: "disk full" })).toBe("disk full");
    expect(errorMessage(new Error("oops"))).toBe("oops");
    expect(errorMessage({})).not.toContain("object");
  });
});
