/** Paragraph bounds for focus mode: the run of non-blank lines around a line. */

/** First and last line numbers (1-based) of the paragraph holding `current`. */
export function paragraphAround(
  current: number,
  lineCount: number,
  lineText: (line: number) => string,
): { first: number; last: number } {
  const blank = (n: number) => lineText(n).trim() === "";
  if (blank(current)) return { first: current, last: current };
  let first = current;
  while (first > 1 && !blank(first - 1)) first -= 1;
  let last = current;
  while (last < lineCount && !blank(last + 1)) last += 1;
  return { first, last };
}
