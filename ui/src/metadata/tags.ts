/** Tags typed as comma-separated text. */

/** Splits on commas, trims, drops blanks and case-insensitive duplicates (first spelling wins). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().replace(/^#/, "").replace(/\s+/g, " ");
    const key = tag.toLowerCase();
    if (tag === "" || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

/** The text shown in the Tags field. */
export function formatTags(tags: readonly string[]): string {
  return tags.join(", ");
}

/** A trimmed value, or null for "clear this field". */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
