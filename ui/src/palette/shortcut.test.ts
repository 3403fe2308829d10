import { describe, expect, it } from "vitest";
import { formatShortcut } from "./shortcut";

describe("formatShortcut", () => {
  it("writes CmdOrCtrl as Ctrl on Linux and Windows, modifiers in the usual order", () => {
    expect(formatShortcut("CmdOrCtrl+Shift+P", "other")).toBe("Ctrl+Shift+P");
    expect(formatShortcut("CmdOrCtrl+Alt+P", "other")).toBe("Ctrl+Alt+P");
    expect(formatShortcut("Shift+CmdOrCtrl+t", "other")).toBe("Ctrl+Shift+T");
  });

  it("writes macOS symbols in Apple's order", () => {
    expect(formatShortcut("CmdOrCtrl+Shift+P", "mac")).toBe("⇧⌘P");
    expect(formatShortcut("CmdOrCtrl+Alt+P", "mac")).toBe("⌥⌘P");
  });

  it("keeps named keys and symbol keys", () => {
    expect(formatShortcut("F11", "other")).toBe("F11");
    expect(formatShortcut("CmdOrCtrl+=", "other")).toBe("Ctrl+=");
    expect(formatShortcut("CmdOrCtrl+-", "mac")).toBe("⌘-");
    expect(formatShortcut("CmdOrCtrl++", "other")).toBe("Ctrl++");
  });

  it("leaves an item without a shortcut without one", () => {
    expect(formatShortcut(null, "other")).toBeNull();
  });
});
