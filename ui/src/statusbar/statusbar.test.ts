// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { goalText, StatusBar, writtenText } from "./statusbar";

describe("the status bar's counts", () => {
  it("shows the goal's progress as text and as a progress bar", () => {
    expect(goalText(1204, 2000)).toBe("1,204 / 2,000 words");
    expect(goalText(1, null)).toBe("1 word");
    const bar = new StatusBar();
    bar.setGoal(10);
    bar.setStats(4, 1);
    const progress = bar.el.querySelector('[role="progressbar"]')!;
    expect(progress.hasAttribute("hidden")).toBe(false);
    expect([progress.getAttribute("aria-valuenow"), progress.getAttribute("aria-valuemax")]).toEqual(["4", "10"]);
    bar.setGoal(null);
    expect(progress.hasAttribute("hidden")).toBe(true);
  });

  it("says what was typed and pasted, and the selection only when there is one", () => {
    expect(writtenText("Today", { typed: 312, pasted: 40 })).toBe("Today: 312 words, 40 pasted");
    expect(writtenText("Session", { typed: 1, pasted: 0 })).toBe("Session: 1 word");
    const bar = new StatusBar();
    bar.setSelection(3);
    expect(bar.el.querySelector(".status-selection")!.textContent).toBe("3 words selected");
    bar.setSelection(0);
    expect(bar.el.querySelector<HTMLElement>(".status-selection")!.hidden).toBe(true);
  });
});
