/** The Word goal field's text as the library takes it. */

/** A goal, none (`null`), or what is wrong with the text. */
export type GoalInput = { ok: true; value: number | null } | { ok: false; message: string };

/** Empty is no goal; otherwise a whole number of words, at least 1 (the library refuses 0). */
export function parseGoal(text: string): GoalInput {
  const trimmed = text.trim().replace(/[,\s]/g, "");
  if (trimmed === "") return { ok: true, value: null };
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value < 1 || value > 4_294_967_295) {
    return { ok: false, message: "A word goal is a whole number of words, such as 2000; leave it empty for none." };
  }
  return { ok: true, value };
}
