import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Coalescer, debounce } from "./timing";

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once with the latest arguments after the pause", () => {
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 700);
    d(1);
    vi.advanceTimersByTime(500);
    d(2);
    vi.advanceTimersByTime(699);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([2]);
  });

  it("flush runs the pending call now, cancel drops it", () => {
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 700);
    d(1);
    d.flush();
    expect(calls).toEqual([1]);
    d(2);
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual([1]);
    expect(d.pending()).toBe(false);
  });
});

describe("Coalescer", () => {
  it("keeps one run in flight and always runs the latest value last", async () => {
    const started: string[] = [];
    const releases: Array<() => void> = [];
    const c = new Coalescer<string>((value) => {
      started.push(value);
      return new Promise<void>((resolve) => releases.push(resolve));
    });
    c.push("a");
    c.push("ab");
    c.push("abc");
    expect(started).toEqual(["a"]);
    releases.shift()!();
    await vi.waitFor(() => expect(started).toEqual(["a", "abc"]));
    releases.shift()!();
    await c.idle();
    expect(started).toEqual(["a", "abc"]);
    expect(c.busy()).toBe(false);
  });

  it("carries on after a failing run", async () => {
    const seen: number[] = [];
    const c = new Coalescer<number>(async (n) => {
      seen.push(n);
      if (n === 1) throw new Error("boom");
    });
    c.push(1);
    await c.idle();
    c.push(2);
    await c.idle();
    expect(seen).toEqual([1, 2]);
  });
});
