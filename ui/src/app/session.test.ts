import { ChangeSet, Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import type { Draft } from "../../ipc";
import { TextSync } from "../preview/textSync";
import { Session, type Panes } from "./session";

/** Panes that record what the preview is asked to render; the editor splits lines like CodeMirror. */
function recordingPanes() {
  let doc = Text.of([""]);
  const previewed: string[] = [];
  const idle = () => {};
  const panes = {
    editor: {
      text: () => doc.toString(),
      load: (text: string) => (doc = Text.of(text.split(/\r\n?|\n/))),
      replaceQuietly: (text: string) => (doc = Text.of(text.split(/\r\n?|\n/))),
    },
    preview: {
      update: (_slug: string | null, text: string | (() => string)) => previewed.push(typeof text === "string" ? text : text()),
    },
    metadata: { show: idle },
    library: { updateDraft: idle },
    autosaver: { track: idle },
    statusbar: {},
    opened: idle,
  } as unknown as Panes;
  return { panes, previewed, editorText: () => doc.toString() };
}

describe("session", () => {
  it("previews the editor's own text of a CRLF draft, so typing sends deltas (regression: CRLF drafts resent the whole text)", () => {
    const { panes, previewed, editorText } = recordingPanes();
    const session = new Session(panes);
    session.replace({ slug: "crlf", title: "CRLF", body: "# Title\r\n\r\nA line.\r\n" } as Draft);
    expect(editorText()).toBe("# Title\n\nA line.\n");
    expect(previewed).toEqual([editorText()]);

    // What the writer notices: the next keystroke goes to the shell as an edit, not the whole text.
    const sync = new TextSync();
    const first = sync.request("s", "crlf", () => previewed[0], 0);
    sync.accepted(first);
    sync.edited(ChangeSet.of({ from: 7, insert: "!" }, editorText().length));
    const typed = sync.request("s", "crlf", editorText, 1);
    expect(typed.text).toBeUndefined();
    expect(typed.changes).toEqual([{ from: 7, to: 7, insert: "!" }]);
  });
});
