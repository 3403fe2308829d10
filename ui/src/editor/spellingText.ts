/** Which words of a draft are prose to spell-check: the Markdown syntax tree rules out code,
 * links' addresses, HTML and entities, a front matter block at the top is skipped, and the
 * tokenizer leaves out what is not a word (identifiers, numbers, file names, acronyms). */
import { syntaxTree } from "@codemirror/language";
import type { EditorState, Text } from "@codemirror/state";
import { NOT_PROSE } from "./notProse";

/** A word and where it is in the document. */
export interface WordAt {
  from: number;
  to: number;
  /** The word as sent to the checker (curly apostrophes straightened). */
  word: string;
}

/** Syntax nodes whose text is never prose; their children are skipped with them. A reference
 * link's label names a definition, and an entity (`&nbsp;`) is not a word. */
const SKIPPED = new Set([...NOT_PROSE, "LinkLabel", "Entity"]);

/** Letters and marks (and digits and `_`, so identifiers are seen whole and then left out),
 * joined by inner apostrophes: `don't`, `writer’s`. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;
const DIGIT_OR_UNDERSCORE = /[\p{N}_]/u;
const LETTER = /\p{L}/u;
/** A word glued to one of these is part of a path, an address, a handle or a formula. */
const GLUE = new Set(["/", "\\", "@", "#", "$", "%", "&", "=", "+", "~", "^", "|", "<", ">", "_"]);

/** The words of `text` (which starts at document offset `base`) that are worth checking. */
export function tokenize(text: string, base = 0): WordAt[] {
  const words: WordAt[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index ?? 0;
    const end = start + word.length;
    if (isWord(word) && !isGlued(text, start, end)) {
      words.push({ from: base + start, to: base + end, word: word.replace(/’/g, "'") });
    }
  }
  return words;
}

/** One letter, digits or underscores inside (`x1`, `snake_case`), or all capitals (`HTML`, an
 * acronym the dictionary rarely knows) are not checked. */
function isWord(word: string): boolean {
  if ([...word].length < 2 || DIGIT_OR_UNDERSCORE.test(word)) return false;
  return word !== word.toUpperCase() || word === word.toLowerCase();
}

/** `main.rs`, `example.com`, `and/or`, `@handle`: a word joined to a path or an address. */
function isGlued(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? "";
  const after = text[end] ?? "";
  if (GLUE.has(before) || GLUE.has(after)) return true;
  const dottedAfter = after === "." && LETTER.test(text[end + 1] ?? "");
  const dottedBefore = before === "." && LETTER.test(text[start - 2] ?? "");
  return dottedAfter || dottedBefore;
}

/** Where a front matter block at the very top ends (`---` YAML or `+++` TOML, closed by the
 * same line, or `...` for YAML); 0 when the text does not start with one. */
export function frontMatterEnd(doc: Text): number {
  if (doc.lines < 2) return 0;
  const fence = doc.line(1).text.trimEnd();
  if (fence !== "---" && fence !== "+++") return 0;
  for (let n = 2; n <= doc.lines; n++) {
    const text = doc.line(n).text.trimEnd();
    if (text === fence || (fence === "---" && text === "...")) return doc.line(n).to;
  }
  return 0;
}

/** The stretches of `from`–`to` that are prose, in order. */
export function proseRanges(state: EditorState, from: number, to: number): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  let start = Math.max(from, frontMatterEnd(state.doc));
  syntaxTree(state).iterate({
    from: start,
    to,
    enter: (node) => {
      if (!SKIPPED.has(node.name)) return true;
      if (node.from > start) ranges.push({ from: start, to: Math.min(node.from, to) });
      start = Math.max(start, node.to);
      return false;
    },
  });
  if (start < to) ranges.push({ from: start, to });
  return ranges.filter((range) => range.to > range.from);
}

/** Every word worth checking in the prose of `from`–`to`, widened to whole lines so no word
 * is cut at the edge. */
export function proseWords(state: EditorState, from: number, to: number): WordAt[] {
  const doc = state.doc;
  const lineFrom = doc.lineAt(from).from;
  const lineTo = doc.lineAt(to).to;
  return proseRanges(state, lineFrom, lineTo).flatMap((range) =>
    tokenize(doc.sliceString(range.from, range.to), range.from),
  );
}
