/** The editor's look: writing typography and Markdown colours drawn from the app's CSS variables. */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

/** Colours come from CSS variables, so the same style serves light and dark. */
const markdownHighlight = HighlightStyle.define([
  { tag: t.heading1, fontSize: "1.6em", fontWeight: "700", color: "var(--ink-strong)" },
  { tag: t.heading2, fontSize: "1.3em", fontWeight: "700", color: "var(--ink-strong)" },
  { tag: t.heading3, fontSize: "1.12em", fontWeight: "700", color: "var(--ink-strong)" },
  { tag: [t.heading4, t.heading5, t.heading6], fontWeight: "700", color: "var(--ink-strong)" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: [t.link, t.url], color: "var(--accent)" },
  { tag: t.quote, color: "var(--ink-muted)", fontStyle: "italic" },
  { tag: t.monospace, fontFamily: "var(--code-font)", fontSize: "0.9em", color: "var(--code-ink)" },
  { tag: [t.processingInstruction, t.contentSeparator, t.labelName], color: "var(--ink-faint)" },
  { tag: t.list, color: "var(--ink-muted)" },
  // Fenced code: tags from the language packages loaded through @codemirror/language-data.
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--syn-keyword)" },
  { tag: [t.string, t.special(t.string), t.regexp], color: "var(--syn-string)" },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: "var(--syn-comment)", fontStyle: "italic" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--syn-number)" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.macroName], color: "var(--syn-function)" },
  { tag: [t.typeName, t.className, t.namespace], color: "var(--syn-type)" },
  { tag: [t.definition(t.variableName), t.propertyName, t.attributeName], color: "var(--syn-property)" },
  { tag: [t.meta, t.annotation, t.tagName], color: "var(--syn-meta)" },
  { tag: t.invalid, color: "var(--danger)" },
]);

/** Base editor chrome; `dark` tells CodeMirror which of its own defaults to use. */
export function editorTheme(dark: boolean): Extension {
  return [
    EditorView.theme(
      {
        "&": { color: "var(--ink)", backgroundColor: "var(--paper)", height: "100%" },
        ".cm-scroller": {
          fontFamily: "var(--writing-font)",
          fontSize: "var(--editor-font-size)",
          lineHeight: "1.7",
        },
        ".cm-content": {
          maxWidth: "var(--measure)",
          margin: "0 auto",
          padding: "3rem 1.5rem 40vh",
          caretColor: "var(--caret)",
        },
        "&.cm-focused": { outline: "none" },
        ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--caret)", borderLeftWidth: "2px" },
        "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
          { backgroundColor: "var(--selection) !important" },
        ".cm-activeLine": { backgroundColor: "transparent" },
        ".cm-line.cm-codeblock": {
          fontFamily: "var(--code-font)",
          fontSize: "0.86em",
          lineHeight: "1.6",
          backgroundColor: "var(--code-bg)",
          paddingLeft: "0.75rem",
        },
        ".cm-line.cm-dimmed": { opacity: "0.32", transition: "opacity 160ms ease" },
        ".cm-line": { transition: "opacity 160ms ease" },
        ".cm-panels": { backgroundColor: "var(--chrome)", color: "var(--ink)", fontFamily: "var(--ui-font)" },
        ".cm-panels-top": { borderBottom: "1px solid var(--rule)" },
        ".cm-searchMatch": { backgroundColor: "var(--match)" },
        ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--match-strong)" },
      },
      { dark },
    ),
    syntaxHighlighting(markdownHighlight),
  ];
}
