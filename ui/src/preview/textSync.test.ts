import { ChangeSet, Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { TextSync } from "./textSync";

/** An editor stand-in: applies changes to its text and reports them like CodeMirror's listener. */
function editor(initial: string) {
  let doc = Text.of(initial.split("\n"));
  return {
    text: () => doc.toString(),
    edit(sync: TextSync, spec: { from: number; to?: number; insert?: string }) {
      const changes = ChangeSet.of(spec, doc.length);
      doc = changes.apply(doc);
      sync.edited(changes);
    },
  };
}

describe("preview text sync", () => {
  it("sends the whole text first, then only the edits since the text the shell took, in UTF-16 units", () => {
    const sync = new TextSync();
    const doc = editor("日本😀 text");
    const first = sync.request("s", "slug", doc.text, 0);
    expect(first).toMatchObject({ base: 0, text: "日本😀 text", length: 9 });
    sync.accepted(first);
    doc.edit(sync, { from: 4, insert: "🎉" });
    doc.edit(sync, { from: 0, to: 1, insert: "x" });
    const second = sync.request("s", "slug", () => {
      throw new Error("the text is not read for edits");
    }, 1);
    expect(second).toMatchObject({ base: first.version, length: 11, changes: [{ from: 0, to: 1, insert: "x" }, { from: 4, to: 4, insert: "🎉" }] });
    expect(second.text).toBeUndefined();
    expect(second.version).toBeGreaterThan(first.version);
  });

  it("edits typed while a request is in flight build on that request's text", () => {
    const sync = new TextSync();
    const doc = editor("abc");
    const first = sync.request("s", null, doc.text, 0);
    sync.accepted(first);
    doc.edit(sync, { from: 3, insert: "d" });
    const second = sync.request("s", null, doc.text, 1);
    doc.edit(sync, { from: 4, insert: "e" });
    sync.accepted(second);
    expect(sync.request("s", null, doc.text, 2)).toMatchObject({ base: second.version, changes: [{ from: 4, to: 4, insert: "e" }], length: 5 });
  });

  it("sends the whole text again after a resync, a reload of the text or a failed request", () => {
    const sync = new TextSync();
    const doc = editor("abc");
    sync.accepted(sync.request("s", null, doc.text, 0));
    doc.edit(sync, { from: 0, insert: "z" });
    sync.lost();
    expect(sync.request("s", null, doc.text, 1)).toMatchObject({ base: 0, text: "zabc", length: 4 });
    sync.reset();
    expect(sync.request("s", null, () => "other draft", 1)).toMatchObject({ base: 0, text: "other draft" });
  });
});
