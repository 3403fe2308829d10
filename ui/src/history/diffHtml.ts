/** Renders a text diff as escaped HTML with <ins>/<del>, pure for unit tests. */
import { diffLines, diffWordsWithSpace, type Change } from "diff";

/** Escapes text for HTML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Word diffs read best for prose; beyond this size a line diff keeps the dialog responsive. */
const WORD_DIFF_LIMIT = 60_000;

/** The changes turning `before` into `after`: words for typical drafts, lines for huge ones. */
export function diffTexts(before: string, after: string): Change[] {
  return before.length + after.length > WORD_DIFF_LIMIT ? diffLines(before, after) : diffWordsWithSpace(before, after);
}

/** Escaped HTML: added text in <ins>, removed text in <del>, the rest as is. */
export function renderDiff(changes: Change[]): string {
  return changes
    .map((change) => {
      const text = escapeHtml(change.value);
      if (change.added) return `<ins>${text}</ins>`;
      if (change.removed) return `<del>${text}</del>`;
      return text;
    })
    .join("");
}

/** Counts of added and removed words, for the summary above the diff. */
export function diffSummary(changes: Change[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    if (change.added) added += words(change.value);
    else if (change.removed) removed += words(change.value);
  }
  return { added, removed };
}
