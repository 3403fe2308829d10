/**
 * Words as the status bar counts them while the writer types: runs of letters and digits (a
 * word joined by an apostrophe, hyphen or dot stays one), each Chinese or Japanese character a
 * word, as byline-render counts them. Markup marks alone (`#`, `-`, `**`) are no words.
 */
import type { ChangeSet, Text } from "@codemirror/state";

const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
const LETTER = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])`;
const WORD = new RegExp(`[${CJK}]|${LETTER}+(?:['’.\\-]${LETTER}+)*`, "gu");

/** How many words `text` holds. */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Words gained (negative: lost) by `changes` from `before` to `after`: each changed stretch is
 * counted whole lines before and after, so a word split or joined by the edit counts right,
 * without counting the whole text on every keystroke.
 */
export function wordDelta(before: Text, after: Text, changes: ChangeSet): number {
  const spans: { fromA: number; toA: number; fromB: number; toB: number }[] = [];
  changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    const span = {
      fromA: before.lineAt(fromA).from,
      toA: before.lineAt(toA).to,
      fromB: after.lineAt(fromB).from,
      toB: after.lineAt(toB).to,
    };
    const last = spans[spans.length - 1];
    // Changes on the same or touching lines are one stretch, or its lines would count twice.
    if (last && span.fromA <= last.toA) {
      last.toA = Math.max(last.toA, span.toA);
      last.toB = Math.max(last.toB, span.toB);
    } else {
      spans.push(span);
    }
  });
  let delta = 0;
  for (const span of spans) {
    delta += countWords(after.sliceString(span.fromB, span.toB)) - countWords(before.sliceString(span.fromA, span.toA));
  }
  return delta;
}

/** Characters of `text` as a writer counts them: code points, line breaks excluded. */
export function countCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A low surrogate is the second half of a character already counted.
    if (code !== 10 && code !== 13 && !(code >= 0xdc00 && code <= 0xdfff)) count++;
  }
  return count;
}

/** Characters of a whole document, read piece by piece (never one string of a long draft). */
export function countDocCharacters(doc: Text): number {
  let count = 0;
  for (const piece of doc.iter()) count += countCharacters(piece);
  return count;
}

/** Characters gained (negative: lost) by `changes` applied to `before`: only the changed text
 * is counted. */
export function characterDelta(before: Text, changes: ChangeSet): number {
  let delta = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    delta += countDocCharacters(inserted) - countCharacters(before.sliceString(fromA, toA));
  });
  return delta;
}

/** The local calendar day of `date` as the writing log keys it: `YYYY-MM-DD`. */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
