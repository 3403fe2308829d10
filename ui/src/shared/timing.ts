/** Timing helpers: debounce and "latest value wins" coalescing, free of the DOM for unit tests. */

/** A debounced function with explicit flush and cancel. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call now, if any. */
  flush(): void;
  /** Drops the pending call. */
  cancel(): void;
  /** True while a call waits. */
  pending(): boolean;
}

/** Calls `fn` once `waitMs` have passed without another call, with the latest arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;
  const run = () => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };
  const debounced = ((...args: A) => {
    lastArgs = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<A>;
  debounced.flush = () => {
    if (timer !== null) clearTimeout(timer);
    run();
  };
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
  };
  debounced.pending = () => timer !== null;
  return debounced;
}

/**
 * Runs `task` for pushed values with at most one run in flight; values pushed meanwhile
 * collapse into the latest, which runs as soon as the current run ends. Typing fast on a long
 * draft therefore never queues stale renders, and the last text is always rendered.
 */
export class Coalescer<T> {
  private running = false;
  private next: { value: T } | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly task: (value: T) => Promise<void>) {}

  /** Schedules `value`; replaces any value still waiting. */
  push(value: T): void {
    this.next = { value };
    if (!this.running) void this.drain();
  }

  /** True while a run is in flight or waiting. */
  busy(): boolean {
    return this.running || this.next !== null;
  }

  /** Resolves once nothing is in flight or waiting. */
  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.next) {
      const { value } = this.next;
      this.next = null;
      try {
        await this.task(value);
      } catch {
        // The task reports its own errors; a failure must not stall later values.
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
