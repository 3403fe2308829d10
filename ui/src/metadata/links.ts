/** Links typed into the details panel. */

/**
 * The library's rule for a link an exported page shows (see `is_web_url` in
 * crates/byline-library/src/rows/drafts.rs): an absolute http(s) URL with a host, and nothing
 * that could break out of an HTML attribute. Checked here too so a half-typed address is never
 * sent: the library would refuse the whole save, body text included.
 */
export function isWebUrl(url: string): boolean {
  const match = /^https?:\/\/(.*)$/i.exec(url);
  if (match === null) return false;
  const rest = match[1];
  if (rest === "" || /^[/?#]/.test(rest)) return false;
  return !/[\s"<>`\u0000-\u001f\u007f-\u009f]/.test(url);
}

/** What the "Discuss link" field holds: a link to save (null clears it), or why it cannot be saved yet. */
export type DiscussLink = { ok: true; value: string | null } | { ok: false; message: string };

/** Reads the "Discuss link" field: blank clears it; anything else must be a full web address. */
export function discussLink(text: string): DiscussLink {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  if (isWebUrl(trimmed)) return { ok: true, value: trimmed };
  return {
    ok: false,
    message: "Type the full address of the discussion, starting with https://; until then the previous link is kept.",
  };
}
