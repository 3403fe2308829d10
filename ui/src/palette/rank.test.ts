import { describe, expect, it } from "vitest";
import { rank, score } from "./rank";

const actions = [
  { label: "New Draft", context: "File" },
  { label: "Find…", context: "Edit" },
  { label: "Focus Mode", context: "View" },
  { label: "Typewriter Scrolling", context: "View" },
  { label: "Light", context: "View › Theme" },
  { label: "Dark", context: "View › Theme" },
  { label: "Distraction-Free", context: "View" },
  { label: "Go to Draft…", context: "Library" },
];
const labels = (query: string) => rank(query, actions).map((a) => a.label);

describe("rank", () => {
  it("keeps every action, in menu order, for an empty query", () => {
    expect(labels("")).toEqual(actions.map((a) => a.label));
  });

  it("filters by substring of the label, case-insensitively", () => {
    expect(labels("focus")).toEqual(["Focus Mode"]);
    expect(labels("FREE")).toEqual(["Distraction-Free"]);
  });

  it("finds items by their menu path", () => {
    expect(labels("theme")).toEqual(["Light", "Dark"]);
    expect(labels("theme dark")).toEqual(["Dark"]);
  });

  it("puts a label starting with the query before one containing it", () => {
    // "New Draft" has a word starting "dra"; "Distraction-Free" only contains it.
    const order = labels("dra");
    expect(order).toEqual(["New Draft", "Go to Draft…", "Distraction-Free"]);
  });

  it("ranks a label match above a menu-path match", () => {
    const order = rank("view", [
      { label: "Theme", context: "View" },
      { label: "Review changes", context: "Edit" },
    ]).map((a) => a.label);
    expect(order).toEqual(["Review changes", "Theme"]);
  });

  it("matches letters in order when no substring does", () => {
    expect(labels("tws")).toEqual(["Typewriter Scrolling"]);
  });

  it("drops what does not match every word", () => {
    expect(labels("focus zebra")).toEqual([]);
    expect(labels("qqq")).toEqual([]);
  });

  it("ignores a label's trailing ellipsis", () => {
    expect(score("find", { label: "Find…", context: "Edit" })).toBe(100);
  });
});
