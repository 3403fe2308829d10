/** The status bar: word count and goal, words written today and this session, characters, the
 * selection's words, reading time and the save state. */
import type { SaveState } from "../autosave/autosave";
import { h } from "../shared/dom";
import { readingTime, wordCount } from "../shared/format";
import type { Counts } from "../writing/tally";

/** Save state as the writer reads it. */
export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "failed":
      return `Not saved: ${state.message}`;
  }
}

/** "1,204 / 2,000 words", or "1,204 words" without a goal. */
export function goalText(words: number, goal: number | null): string {
  return goal ? `${words.toLocaleString("en-US")} / ${wordCount(goal)}` : wordCount(words);
}

/** "Today: 312 words, 40 pasted" (the label is the caller's). */
export function writtenText(label: string, counts: Counts): string {
  const pasted = counts.pasted > 0 ? `, ${counts.pasted.toLocaleString("en-US")} pasted` : "";
  return `${label}: ${wordCount(counts.typed)}${pasted}`;
}

/** The bar at the bottom of the window. */
export class StatusBar {
  readonly el: HTMLElement;
  private readonly words = h("span", { class: "status-words" }, "");
  private readonly goalBar = h("span", { class: "status-goal-fill" });
  private readonly goal = h(
    "span",
    { class: "status-goal", role: "progressbar", "aria-label": "Word goal", "aria-valuemin": "0", hidden: true },
    this.goalBar,
  );
  private readonly today = h("span", { class: "status-today" }, "");
  private readonly session = h("span", { class: "status-session" }, "");
  private readonly chars = h("span", { class: "status-chars" }, "");
  private readonly selection = h("span", { class: "status-selection", hidden: true }, "");
  private readonly reading = h("span", { class: "status-reading" }, "");
  // Only the save state is a live region: the counts change with every keystroke, and a live
  // region around them would have a screen reader read them out (and the accessibility tree
  // rebuilt) on each one.
  private readonly save = h("span", { class: "status-save", role: "status" }, "");
  private readonly extra = h("span", { class: "status-extra" }, "");
  private wordTotal = 0;
  private wordGoal: number | null = null;

  constructor() {
    this.el = h(
      "div",
      { class: "statusbar", role: "group", "aria-label": "Status bar" },
      this.words,
      this.goal,
      this.selection,
      this.chars,
      this.reading,
      this.today,
      this.session,
      this.extra,
      this.save,
    );
  }

  /** Shows the stats of the rendered text. */
  setStats(words: number, minutes: number): void {
    this.wordTotal = words;
    this.reading.textContent = readingTime(minutes);
    this.showWords();
  }

  /** The open draft's word goal; null for none. */
  setGoal(goal: number | null): void {
    this.wordGoal = goal;
    this.showWords();
  }

  /** The text's characters. */
  setCharacters(count: number): void {
    this.chars.textContent = `${count.toLocaleString("en-US")} ${count === 1 ? "character" : "characters"}`;
  }

  /** The selection's words; hidden when nothing is selected. */
  setSelection(words: number): void {
    this.selection.hidden = words === 0;
    this.selection.dataset.words = String(words);
    this.selection.textContent = words === 0 ? "" : `${wordCount(words)} selected`;
  }

  /** Words written today and this session. */
  setWritten(today: Counts, session: Counts): void {
    for (const [el, label, counts] of [
      [this.today, "Today", today],
      [this.session, "Session", session],
    ] as const) {
      el.textContent = writtenText(label, counts);
      el.dataset.typed = String(counts.typed);
      el.dataset.pasted = String(counts.pasted);
    }
  }

  /** Shows the save state; failures stand out. */
  setSave(state: SaveState): void {
    this.save.textContent = saveStateText(state);
    this.save.classList.toggle("failed", state.kind === "failed");
  }

  /** A short note such as the layout or focus mode, or "" to clear. */
  setNote(text: string): void {
    this.extra.textContent = text;
  }

  /** Blank when no draft is open. */
  clear(): void {
    this.wordTotal = 0;
    this.wordGoal = null;
    for (const el of [this.words, this.reading, this.save, this.chars]) el.textContent = "";
    this.goal.hidden = true;
    this.setSelection(0);
  }

  private showWords(): void {
    this.words.textContent = goalText(this.wordTotal, this.wordGoal);
    this.words.dataset.words = String(this.wordTotal);
    const goal = this.wordGoal;
    this.goal.hidden = goal === null;
    if (goal === null) return;
    const reached = Math.min(this.wordTotal, goal);
    this.goal.setAttribute("aria-valuemax", String(goal));
    this.goal.setAttribute("aria-valuenow", String(reached));
    this.goal.setAttribute("aria-valuetext", `${Math.round((100 * reached) / goal)}% of ${wordCount(goal)}`);
    this.goalBar.style.width = `${(100 * reached) / goal}%`;
    this.goal.classList.toggle("reached", this.wordTotal >= goal);
  }
}
