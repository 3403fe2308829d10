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
