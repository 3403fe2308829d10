// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Draft, DraftChange } from "../../ipc";
import { MetadataPanel } from "./panel";

const draft: Draft = {
  id: 1,
  slug: "threads",
  title: "Threads",
  subtitle: null,
  summary: null,
  body: "",
  status: "draft",
  tags: [],
  authors: [],
  language: null,
  canonical_url: "https://example.com/threads/",
  discuss_url: "https://forum.example.com/t/1",
  cover_image: null,
  created: "2026-01-01T00:00:00Z",
  updated: "2026-01-01T00:00:00Z",
  published: null,
  trashed_at: null,
  title_from_body: false,
  word_goal: null,
  word_count: 0,
  extra: {},
};

function open() {
  const changed = vi.fn<(change: DraftChange, immediate: boolean) => void>();
  const panel = new MetadataPanel({ changed, trash: () => {} });
  document.body.append(panel.el);
  panel.show(draft, []);
  const labels = [...panel.el.querySelectorAll("label")].map((l) => l.textContent);
  const input = document.getElementById(
    [...panel.el.querySelectorAll("label")].find((l) => l.textContent === "Discuss link")!.htmlFor,
  ) as HTMLInputElement;
  return { panel, changed, labels, input };
}

function type(input: HTMLInputElement, value: string, event: "input" | "change") {
  input.value = value;
  input.dispatchEvent(new Event(event));
}

/** The alert notes that say something. */
function alerts(panel: MetadataPanel): string[] {
  return [...panel.el.querySelectorAll('[role="alert"]')].map((n) => n.textContent ?? "").filter((t) => t !== "");
}

afterEach(() => document.body.replaceChildren());

describe("the Discuss link field", () => {
  it("sits under Canonical URL, as a URL field showing the draft's link", () => {
    const { labels, input } = open();
    expect(labels.indexOf("Discuss link")).toBe(labels.indexOf("Canonical URL") + 1);
    expect(input.type).toBe("url");
    expect(input.value).toBe("https://forum.example.com/t/1");
  });

  it("saves a full address and clears when emptied", () => {
    const { changed, input } = open();
    type(input, " https://forum.example.com/t/2 ", "change");
    expect(changed).toHaveBeenLastCalledWith({ discuss_url: "https://forum.example.com/t/2" }, true);
    type(input, "", "input");
    expect(changed).toHaveBeenLastCalledWith({ discuss_url: null }, false);
  });

  it("sends nothing half-typed or unsafe, and says what to type once the field is left", () => {
    const { changed, input, panel } = open();
    type(input, "https:/", "input");
    expect(changed).not.toHaveBeenCalled();
    type(input, "javascript:alert(1)", "change");
    expect(changed).not.toHaveBeenCalled();
    expect(alerts(panel)).toEqual([expect.stringContaining("https://")]);
    type(input, "https://forum.example.com/t/3", "input");
    expect(changed).toHaveBeenLastCalledWith({ discuss_url: "https://forum.example.com/t/3" }, false);
    expect(alerts(panel)).toEqual([]);
  });
});

function titleInput(panel: MetadataPanel, label = "Title"): HTMLInputElement {
  const forId = [...panel.el.querySelectorAll("label")].find((l) => l.textContent === label)!.htmlFor;
  return document.getElementById(forId) as HTMLInputElement;
}

describe("the Title field and the first heading", () => {
  it("shows the heading as it is typed while the title follows it, and the typed title wins", () => {
    const { panel, changed } = open();
    panel.show({ ...draft, title: "Untitled draft", title_from_body: true }, []);
    const title = titleInput(panel);
    expect(panel.bodyTitle("Lantern Street Notes")).toBe(true);
    expect(title.value).toBe("Lantern Street Notes");
    type(title, "Night Walks", "input");
    expect(changed).toHaveBeenLastCalledWith({ title: "Night Walks" }, false);
    expect(panel.bodyTitle("A Changed Heading")).toBe(false);
    expect(title.value).toBe("Night Walks");
  });

  it("hands the title back to the heading when the field is cleared", () => {
    const { panel, changed } = open();
    const title = titleInput(panel);
    panel.bodyTitle("Lantern Street Notes");
    expect(title.value).toBe("Threads");
    type(title, "  ", "change");
    expect(changed).toHaveBeenLastCalledWith({ title: "" }, true);
    expect(title.value).toBe("Lantern Street Notes");
    expect(panel.titleFollowsBody()).toBe(true);
  });
});

describe("the Word goal field", () => {
  it("saves a whole number, clears to none, and refuses anything else once left", () => {
    const { panel, changed } = open();
    const goal = titleInput(panel, "Word goal");
    type(goal, "2,000", "input");
    expect(changed).toHaveBeenLastCalledWith({ word_goal: 2000 }, false);
    type(goal, "", "change");
    expect(changed).toHaveBeenLastCalledWith({ word_goal: null }, true);
    changed.mockClear();
    type(goal, "0", "change");
    expect(changed).not.toHaveBeenCalled();
    expect(alerts(panel)).toEqual([expect.stringContaining("whole number")]);
  });
});
