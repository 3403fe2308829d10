/** The status bar: word count, reading time and the save state. */
import type { SaveState } from "../autosave/autosave";
import { h } from "../shared/dom";
import { readingTime, wordCount } from "../shared/format";

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

/** The bar at the bottom of the window. */
export class StatusBar {
  readonly el: HTMLElement;
  private readonly words = h("span", { class: "status-words" }, "");
  private readonly reading = h("span", { class: "status-reading" }, "");
  private readonly save = h("span", { class: "status-save" }, "");
  private readonly extra = h("span", { class: "status-extra" }, "");

  constructor() {
    this.el = h("div", { class: "statusbar", role: "status" }, this.words, this.reading, this.extra, this.save);
  }

  /** Shows the stats of the rendered text. */
  setStats(words: number, minutes: number): void {
    this.words.textContent = wordCount(words);
    this.reading.textContent = readingTime(minutes);
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
    this.words.textContent = "";
    this.reading.textContent = "";
    this.save.textContent = "";
  }
}
