/** Filtering and ranking for the palette: every query word must match a label or its menus,
 * as a substring or failing that as letters in order; better matches first. */

/** Something the palette can list. */
export interface Candidate {
  /** What the row says (a menu item's label, a draft's title). */
  label: string;
  /** Where it lives, searched too but worth less (`View › Theme`). */
  context: string;
}

/** How well one query word matches `text`: higher is better, null is no match. */
function wordScore(word: string, text: string): number | null {
  const at = text.indexOf(word);
  if (at === 0) return 100;
  if (at > 0) return /[\s\-›/(]/.test(text[at - 1]) ? 80 : 60;
  // Letters in order ("tpw" for "Typewriter"): the tighter, the better.
  let from = 0;
  let first = -1;
  for (const letter of word) {
    const found = text.indexOf(letter, from);
    if (found < 0) return null;
    if (first < 0) first = found;
    from = found + 1;
  }
  const spread = from - first - word.length;
  return Math.max(1, 40 - spread);
}

/** The score of `candidate` for `query` (null: it does not match). An empty query matches all. */
export function score(query: string, candidate: Candidate): number | null {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const label = candidate.label.toLowerCase().replace(/…$/, "");
  const context = candidate.context.toLowerCase();
  let total = 0;
  for (const word of words) {
    const inLabel = wordScore(word, label);
    const inContext = wordScore(word, context);
    const best = Math.max(inLabel ?? -1, inContext === null ? -1 : inContext / 2);
    if (best < 0) return null;
    total += best;
  }
  return total;
}

/** The candidates matching `query`, best first; ties keep their original order. */
export function rank<T extends Candidate>(query: string, candidates: T[]): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: score(query, candidate) }))
    .filter((entry): entry is { candidate: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.candidate);
}
