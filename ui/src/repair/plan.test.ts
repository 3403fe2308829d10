import { EditorState } from "@codemirror/state";
import { history, undo } from "@codemirror/commands";
import { describe as suite, expect, it } from "vitest";
import type { DamagedPlace } from "../../ipc";
import { describe, repairTransaction, stillDamaged, type FoundPlaces } from "./plan";

/** A place as the shell reports it, for text found at `offset` of the checked text. */
function place(text: string, damaged: string, replacement: string, word: string, repaired: string): DamagedPlace {
  const start = text.indexOf(damaged);
  return {
    repair: {
      start: new TextEncoder().encode(text.slice(0, start)).length,
      end: new TextEncoder().encode(text.slice(0, start + damaged.length)).length,
      start_utf16: start,
      end_utf16: start + damaged.length,
      line: 1,
      damaged,
      replacement,
      kind: "utf8_as_windows1252",
    },
    word,
    word_repaired: repaired,
  };
}

suite("repair plan", () => {
  const pasted = "Le CafÃ© â€” fermé 😀 naÃ¯ve";
  const before = "Intro 😀 line\n";
  const found: FoundPlaces = {
    base: before.length,
    places: [
      place(pasted, "Ã©", "é", "CafÃ©", "Café"),
      place(pasted, "â€”", "—", "â€”", "—"),
      place(pasted, "Ã¯", "ï", "naÃ¯ve", "naïve"),
    ],
  };

  it("repairs the chosen places of a paste in one transaction that one undo takes back", () => {
    let state = EditorState.create({ doc: before + pasted, extensions: [history()] });
    expect(stillDamaged(state, found, found.places)).toBe(true);
    state = state.update(repairTransaction(found, found.places.slice(0, 2))).state;
    expect(state.doc.toString()).toBe(before + "Le Café — fermé 😀 naÃ¯ve");
    undo({ state, dispatch: (tr) => (state = tr.state) });
    expect(state.doc.toString()).toBe(before + pasted);
  });

  it("notices when the text moved since it was checked", () => {
    const state = EditorState.create({ doc: "typed first " + before + pasted });
    expect(stillDamaged(state, found, found.places)).toBe(false);
  });

  it("says how many places and shows the first as a word", () => {
    expect(describe(found.places, "paste")).toBe(
      "The text you pasted looks damaged by a wrong text encoding: 3 places, such as “CafÃ©” for “Café”.",
    );
    expect(describe(found.places.slice(0, 1), "draft")).toContain("This draft looks damaged");
  });
});
