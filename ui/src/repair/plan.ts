/** Turning the damaged places the shell found into one editor transaction the writer can undo. */
import { isolateHistory } from "@codemirror/commands";
import type { EditorState, TransactionSpec } from "@codemirror/state";
import type { DamagedPlace } from "../../ipc";

/** The user event of a repair, so history and autosave see one deliberate edit. */
export const REPAIR_EVENT = "input.repair";

/** Places found in the text that starts at `base` in the document, placed in the document. */
export interface FoundPlaces {
  base: number;
  places: DamagedPlace[];
}

/** Where a place is in the document (CodeMirror counts UTF-16 units, as the shell's offsets do). */
export function span(found: FoundPlaces, place: DamagedPlace): { from: number; to: number } {
  return { from: found.base + place.repair.start_utf16, to: found.base + place.repair.end_utf16 };
}

/** True when every chosen place still reads as it did when found (the writer may have typed since). */
export function stillDamaged(state: EditorState, found: FoundPlaces, chosen: DamagedPlace[]): boolean {
  return chosen.every((place) => {
    const { from, to } = span(found, place);
    return to <= state.doc.length && state.sliceDoc(from, to) === place.repair.damaged;
  });
}

/** One transaction repairing the chosen places: one undo step brings the damaged text back. */
export function repairTransaction(found: FoundPlaces, chosen: DamagedPlace[]): TransactionSpec {
  return {
    changes: chosen.map((place) => ({ ...span(found, place), insert: place.repair.replacement })),
    userEvent: REPAIR_EVENT,
    annotations: isolateHistory.of("full"),
  };
}

/** The banner's sentence: how many places, and the first as the writer will recognise it. */
export function describe(places: DamagedPlace[], where: "draft" | "paste"): string {
  const first = places[0];
  const count = places.length === 1 ? "1 place" : `${places.length} places`;
  const subject = where === "paste" ? "The text you pasted" : "This draft";
  const example = first ? `, such as “${first.word}” for “${first.word_repaired}”` : "";
  return `${subject} looks damaged by a wrong text encoding: ${count}${example}.`;
}
