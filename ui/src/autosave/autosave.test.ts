import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftChange } from "../../ipc/bindings";

const calls: Array<{ slug: string; change: DraftChange; mode: string }> = [];
let failNext = false;
/** While set, every save fails, as on a full disk. */
let diskFull = false;

vi.mock("../../ipc", async () => {
  const errors = await import("../../ipc/errors");
  return {
    ...errors,
    saveDraft: async (slug: string, change: DraftChange, mode: string) => {
      calls.push({ slug, change, mode });
      if (failNext) {
        failNext = false;
        throw { code: "io", message: "disk full" };
      }
      if (diskFull) throw { code: "disk_full", message: "the disk is full" };
      return { slug, title: change.title ?? "T", body: change.body ?? "" };
    },
  };
});

const { Autosaver } = await import("./autosave");

describe("autosave", () => {
  let body = "";
  let states: string[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    states = [];
    failNext = false;
    diskFull = false;
  });
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const saver = new Autosaver(
      () => body,
      (s) => states.push(s.kind === "failed" ? `failed: ${s.message}` : s.kind),
      () => {},
    );
    saver.track("essay");
    return saver;
  };

  it("saves the latest text within a second of the last keystroke, once", async () => {
    const saver = make();
    body = "H";
    saver.bodyChanged();
    body = "Hello";
    saver.bodyChanged();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toEqual([{ slug: "essay", change: { body: "Hello" }, mode: "autosave" }]);
    expect(states.at(-1)).toBe("saved");
    expect(saver.dirty()).toBe(false);
  });

  it("keeps a failed change pending, reports it, and saves it with later edits", async () => {
    const saver = make();
    failNext = true;
    body = "first";
    saver.bodyChanged();
    saver.metaChanged({ title: "New title" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe("failed: disk full");
    expect(saver.dirty()).toBe(true);
    body = "first and more";
    expect(await saver.flush()).toBe(true);
    expect(calls.at(-1)?.change).toEqual({ title: "New title", body: "first and more" });
    expect(states.at(-1)).toBe("saved");
  });

  it("on a full disk keeps saying why nothing is saved, and saves every character by itself once there is room", async () => {
    const saver = make();
    diskFull = true;
    body = "typed";
    saver.bodyChanged();
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe("failed: the disk is full");
    body = "typed and more";
    saver.bodyChanged();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const sinceFirstFailure = states.slice(states.indexOf("failed: the disk is full"));
    expect(sinceFirstFailure.every((s) => s.startsWith("failed"))).toBe(true);
    expect(saver.dirty()).toBe(true);

    diskFull = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.at(-1)?.change).toEqual({ body: "typed and more" });
    expect(states.at(-1)).toBe("saved");
    expect(saver.dirty()).toBe(false);
  });

  it("flush with nothing typed saves nothing; a checkpoint always saves", async () => {
    const saver = make();
    expect(await saver.flush()).toBe(true);
    expect(calls).toHaveLength(0);
    await saver.flush("checkpoint");
    expect(calls.map((c) => c.mode)).toEqual(["checkpoint"]);
  });
});
