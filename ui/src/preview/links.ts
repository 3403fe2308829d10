/** What a click on a link in the preview does: scroll within it, open externally, or nothing. */

/** The decision for one clicked link. */
export type LinkAction =
  | { kind: "anchor"; id: string }
  | { kind: "external"; url: string }
  | { kind: "ignore"; reason: string }
  | { kind: "none" };

const EXTERNAL_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/** Decides from the raw `href` attribute; anything but http, https, mailto or `#id` is ignored. */
export function linkAction(href: string | null): LinkAction {
  const raw = (href ?? "").trim();
  // The sanitizer drops unsafe hrefs (javascript: and the like), leaving nothing to follow.
  if (raw === "") return { kind: "none" };
  if (raw.startsWith("#")) return { kind: "anchor", id: decodeFragment(raw.slice(1)) };
  let url: URL;
  try {
    // No base: relative links (images/a.png, ../x) mean nothing outside the exported site.
    url = new URL(raw);
  } catch {
    return { kind: "ignore", reason: `"${raw}" is a relative link; it works once the article is exported` };
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) {
    return { kind: "ignore", reason: `${url.protocol} links are not opened` };
  }
  return { kind: "external", url: url.href };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
