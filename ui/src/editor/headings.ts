/** The draft's headings read from the Lezer Markdown tree: ATX and setext, never inside code. */
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";
import type { EditorState } from "@codemirror/state";

/** One heading of the draft. */
export interface Heading {
  /** 1 to 6. */
  level: number;
  /** Its text without the `#` marks or the setext underline. */
  text: string;
  /** Where the heading starts in the document. */
  from: number;
  /** Its first source line (1-based). */
  line: number;
}

/** A heading with the headings below it, for a nested list. */
export interface HeadingNode {
  heading: Heading;
  children: HeadingNode[];
}

const HEADING = /^(ATXHeading|SetextHeading)([1-6])$/;
// Blocks whose insides never hold a heading: skipping them keeps a long draft cheap.
const LEAF_BLOCKS = new Set(["Paragraph", "FencedCode", "CodeBlock", "HTMLBlock", "CommentBlock", "Table"]);

/** The parse budget for a heading scan; a draft too long for it gets the part parsed so far. */
const PARSE_BUDGET_MS = 50;

/** Every heading of `state`'s document, in order. */
export function headingsOf(state: EditorState): Heading[] {
  const tree = ensureSyntaxTree(state, state.doc.length, PARSE_BUDGET_MS) ?? syntaxTree(state);
  const headings: Heading[] = [];
  tree.iterate({
    enter: (node) => {
      const match = HEADING.exec(node.name);
      if (match) {
        const source = state.doc.sliceString(node.from, node.to);
        headings.push({
          level: Number(match[2]),
          text: match[1] === "ATXHeading" ? atxText(source) : setextText(source),
          from: node.from,
          line: state.doc.lineAt(node.from).number,
        });
        return false;
      }
      return !LEAF_BLOCKS.has(node.name);
    },
  });
  return headings;
}

/** `## Title ##` → `Title`. */
function atxText(source: string): string {
  return source
    .replace(/^ {0,3}#{1,6}(?=\s|$)/, "")
    .replace(/\s#+\s*$/, "")
    .replace(/^#+$/, "")
    .trim();
}

/** `Title\n=====` → `Title` (a setext heading may span several lines before its underline). */
function setextText(source: string): string {
  const lines = source.split("\n");
  return lines
    .slice(0, -1)
    .map((line) => line.trim())
    .join(" ")
    .trim();
}

/** Headings nested by level: each holds the deeper ones that follow it (a skipped level nests too). */
export function nestHeadings(headings: Heading[]): HeadingNode[] {
  const roots: HeadingNode[] = [];
  const open: HeadingNode[] = [];
  for (const heading of headings) {
    const node: HeadingNode = { heading, children: [] };
    while (open.length > 0 && open[open.length - 1].heading.level >= heading.level) open.pop();
    const parent = open[open.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    open.push(node);
  }
  return roots;
}

/** The index of the heading `pos` is under (the last one starting at or before it), or -1. */
export function headingAt(headings: Heading[], pos: number): number {
  let low = 0;
  let high = headings.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (headings[mid].from <= pos) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
