import { describe, expect, it } from "vitest";
import { relativeTime, byteSize, readingTime, wordCount } from "../shared/format";
import { pastedImageName } from "../images/imageDrop";
import { resolveTheme } from "../theme/theme";
import { FONT_DEFAULT, parsePrefs } from "./viewPrefs";

describe("view preferences", () => {
  it("fall back to defaults for missing or broken storage", () => {
    expect(parsePrefs(null)).toEqual({
      layout: "split",
      fontSize: FONT_DEFAULT,
      focusMode: false,
      typewriter: false,
      outline: false,
      details: true,
      smartPunctuation: true,
    });
    expect(parsePrefs('{"smartPunctuation":false}').smartPunctuation).toBe(false);
    expect(parsePrefs("{not json").layout).toBe("split");
    expect(parsePrefs('{"layout":"preview","fontSize":99}')).toMatchObject({ layout: "preview", fontSize: FONT_DEFAULT });
  });
  it("remember typewriter scrolling and the outline only when they were turned on", () => {
    expect(parsePrefs('{"typewriter":true,"outline":true}')).toMatchObject({ typewriter: true, outline: true });
    expect(parsePrefs('{"typewriter":"yes","outline":1}')).toMatchObject({ typewriter: false, outline: false });
  });
  it("theme follows the system until chosen", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("light", true)).toBe("light");
  });
});

describe("formatting for the writer", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it("relative times", () => {
    expect(relativeTime("2026-11-27T11:59:50Z", now)).toBe("just now");
    expect(relativeTime("2026-11-27T11:55:00Z", now)).toBe("5 min ago");
    expect(relativeTime("2026-11-26T12:00:00Z", now)).toBe("yesterday");
    expect(relativeTime("not a date", now)).toBe("");
  });
  it("sizes, counts and reading time", () => {
    expect(byteSize(812)).toBe("812 B");
    expect(byteSize(4300)).toBe("4.2 KB");
    expect(wordCount(1)).toBe("1 word");
    expect(wordCount(1204)).toBe("1,204 words");
    expect(readingTime(3)).toBe("3 min read");
  });
  it("names pasted screenshots", () => {
    expect(pastedImageName({ name: "photo.jpg", type: "image/jpeg" })).toBe("photo.jpg");
    expect(pastedImageName({ name: "image.png", type: "image/png" }, now)).toBe("pasted-20261127-120000.png");
  });
});
