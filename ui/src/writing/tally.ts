/**
 * Words written today and this session, typed and pasted apart. Edits add up here; the totals
 * go to the library's writing log in batches, with the autosave (never one call per keystroke),
 * keyed by the writer's local day, so an evening that runs past midnight counts on both days.
 */
import { addWriting, writingDay, type WritingDay } from "../../ipc";
import { localDay } from "./words";

/** Typed and pasted words. */
export interface Counts {
  typed: number;
  pasted: number;
}

/** The tally of one window. */
export class WritingTally {
  /** Words not yet in the library, per day. */
  private pending = new Map<string, Counts>();
  /** The library's totals for the day shown as "today". */
  private stored: WritingDay;
  private readonly session: Counts = { typed: 0, pasted: 0 };
  private sending: Promise<void> | null = null;

  constructor(
    private readonly changed: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stored = { day: localDay(this.now()), typed: 0, pasted: 0 };
  }

  /** Reads today's totals from the library. */
  async load(): Promise<void> {
    const day = localDay(this.now());
    this.stored = await writingDay(day);
    this.changed();
  }

  /** Words written by one edit. */
  wrote(typed: number, pasted: number): void {
    const day = localDay(this.now());
    const counts = this.pending.get(day) ?? { typed: 0, pasted: 0 };
    counts.typed += typed;
    counts.pasted += pasted;
    this.pending.set(day, counts);
    this.session.typed += typed;
    this.session.pasted += pasted;
    this.changed();
  }

  /** Today's words: the library's, plus those not sent yet; never below zero, as stored. */
  today(): Counts {
    const day = localDay(this.now());
    const stored = this.stored.day === day ? this.stored : { typed: 0, pasted: 0 };
    const pending = this.pending.get(day) ?? { typed: 0, pasted: 0 };
    return { typed: Math.max(0, stored.typed + pending.typed), pasted: stored.pasted + pending.pasted };
  }

  /** This session's words (since the window opened). */
  thisSession(): Counts {
    return { typed: Math.max(0, this.session.typed), pasted: this.session.pasted };
  }

  /** Sends what is pending to the library; what fails stays pending for the next save. */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    if (this.pending.size === 0) return;
    this.sending = this.send();
    try {
      await this.sending;
    } finally {
      this.sending = null;
    }
  }

  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    for (const [day, counts] of batch) {
      if (counts.typed === 0 && counts.pasted === 0) continue;
      try {
        const totals = await addWriting({ day, typed: counts.typed, pasted: counts.pasted });
        if (totals.day === localDay(this.now())) this.stored = totals;
      } catch {
        // Kept for the next autosave: the count is no reason to bother the writer.
        const later = this.pending.get(day) ?? { typed: 0, pasted: 0 };
        this.pending.set(day, { typed: later.typed + counts.typed, pasted: later.pasted + counts.pasted });
      }
    }
    this.changed();
  }
}
