/**
 * Smart punctuation as the writer types: the typed character goes in as typed, then its
 * replacement follows as a transaction of its own (`input.smart`, isolated in the history), so
 * one undo gives back exactly what was typed. The rules are the export's (smartRules.ts); this
 * file decides where they apply: prose only, never code, HTML, link destinations, template tags
 * or front matter.
 */
import { isolateHistory } from "@codemirror/commands";
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import type { EditorState, Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { NOT_PROSE } from "./notProse";
import { isTrigger, smartReplacement, styleFor } from "./smartRules";

/** The user event of a replacement, for listeners that tell it from typing. */
export const SMART_EVENT = "input.smart";

/** Syntax nodes whose text is not prose; a link's title and a reference definition too, as
 * their quotes are Markdown's syntax. */
const OPAQUE = new Set([...NOT_PROSE, "LinkTitle", "LinkReference"]);

/** How far back the paragraph before the caret is looked at, in lines. */
const PARAGRAPH_LINES = 200;

/** Smart punctuation in `language`'s style ("en", "de-CH"; English for anything else). */
export function smartPunctuation(language: string): Extension {
  const style = styleFor(language);
  return EditorView.inputHandler.of((view, from, _to, text, insert) => {
    if (!isTrigger(text) || view.composing || view.state.selection.ranges.length > 1) return false;
    view.dispatch(insert());
    const { state } = view;
    if (state.sliceDoc(from, from + 1) !== text || !inProse(state, from)) return true;
    const replacement = smartReplacement(paragraphBefore(state, from), text, style);
    if (!replacement) return true;
    const start = from - replacement.remove;
    view.dispatch({
      changes: { from: start, to: from + 1, insert: replacement.insert },
      selection: { anchor: start + replacement.insert.length },
      userEvent: SMART_EVENT,
      annotations: isolateHistory.of("full"),
      scrollIntoView: true,
    });
    return true;
  });
}

/** Whether the character at `at` is prose, as far as the text typed so far tells. */
export function inProse(state: EditorState, at: number): boolean {
  const tree = ensureSyntaxTree(state, at + 1, 50) ?? syntaxTree(state);
  for (let node: ReturnType<typeof tree.resolveInner> | null = tree.resolveInner(at, 1); node; node = node.parent) {
    if (OPAQUE.has(node.name)) return false;
  }
  const line = state.doc.lineAt(at);
  const lineBefore = state.sliceDoc(line.from, at);
  return (
    !inFrontMatter(state, line.number) &&
    !openCodeSpan(paragraphBefore(state, at)) &&
    !openHtmlTag(lineBefore) &&
    !openTemplateTag(lineBefore)
  );
}

/** The text from the start of the caret's paragraph (its blank line included) to `at`. */
function paragraphBefore(state: EditorState, at: number): string {
  const { doc } = state;
  const current = doc.lineAt(at).number;
  let start = doc.line(Math.max(1, current - PARAGRAPH_LINES)).from;
  for (let n = current - 1; n >= 1 && n > current - PARAGRAPH_LINES; n--) {
    const line = doc.line(n);
    if (line.length === 0) {
      start = Math.max(0, line.from - 1);
      break;
    }
  }
  return state.sliceDoc(start, at);
}

/** YAML (`---`) or TOML (`+++`) front matter at the top, up to its closing line or, while it is
 * being typed, to the end; a rule followed by a blank line is a thematic break, not front matter. */
function inFrontMatter(state: EditorState, lineNumber: number): boolean {
  const { doc } = state;
  const fence = doc.line(1).text.trimEnd();
  if ((fence !== "---" && fence !== "+++") || lineNumber === 1 || doc.lines < 2) return false;
  if (doc.line(2).text.trim() === "") return false;
  for (let n = 2; n < lineNumber; n++) {
    const text = doc.line(n).text.trimEnd();
    if (text === fence || (fence === "---" && text === "...")) return false;
  }
  return true;
}

/** A code span opened in the paragraph and not yet closed (the parser sees none until it is). */
function openCodeSpan(paragraph: string): boolean {
  let open = 0;
  const runs = paragraph.matchAll(/(\\*)(`+)/g);
  for (const run of runs) {
    const [, slashes = "", ticks = ""] = run;
    if (open === 0 && slashes.length % 2 === 1) continue;
    if (open === 0) open = ticks.length;
    else if (ticks.length === open) open = 0;
  }
  return open > 0;
}

/** An HTML tag or comment begun on the line and not yet closed. */
function openHtmlTag(lineBefore: string): boolean {
  const start = lineBefore.search(/<[A-Za-z/!?][^<>]*$/);
  return start >= 0;
}

/** A template tag (`{{ }}`, `{% %}`, `{# #}`, Hugo's `{{< >}}`) begun on the line and not closed. */
function openTemplateTag(lineBefore: string): boolean {
  const opened = Math.max(lineBefore.lastIndexOf("{{"), lineBefore.lastIndexOf("{%"), lineBefore.lastIndexOf("{#"));
  if (opened < 0) return false;
  const rest = lineBefore.slice(opened + 2);
  return !/[}%#]\}/.test(rest);
}
