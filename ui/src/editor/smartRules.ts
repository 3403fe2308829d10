/**
 * The rules of smart punctuation, as byline_render::smarten (crates/byline-render/src/typography.rs)
 * keeps them: each typed character is decided from the text before it, already converted, so
 * typing a text and exporting it give the same result. Both run the same case table
 * (crates/byline-render/tests/smart_punctuation_cases.json).
 */

/** Narrow no-break space: inside French guillemets and before `; ! ? :`. */
export const NNBSP = "\u202F";

/** One language's quotation marks. */
interface Style {
  open2: string;
  close2: string;
  open1: string;
  close1: string;
  french: boolean;
}

/** The marks of `language` (a tag such as "en", "de-CH"); English for anything else. */
export function styleFor(language: string): Style {
  const primary = (language.split(/[-_]/)[0] ?? "").toLowerCase();
  switch (primary) {
    case "de":
      return { open2: "„", close2: "“", open1: "‚", close1: "‘", french: false };
    case "fr":
      return { open2: `«${NNBSP}`, close2: `${NNBSP}»`, open1: "‘", close1: "’", french: true };
    default:
      return { open2: "“", close2: "”", open1: "‘", close1: "’", french: false };
  }
}

/** What typing a character turns into: `remove` UTF-16 units before it go, `insert` replaces it. */
export interface Replacement {
  remove: number;
  insert: string;
}

/** Characters a rule may apply to. */
export function isTrigger(c: string): boolean {
  return /^["'\-.;:!?0-9]$/.test(c);
}

// Rust's char::is_whitespace (Unicode White_Space), which JavaScript's \s does not match exactly.
const WHITESPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const isWhitespace = (c: string) => WHITESPACE.test(c);
const isAlphabetic = (c: string) => /^\p{Alphabetic}$/u.test(c);

/** The last `n` characters (code points) of `text`, last first. */
function lastChars(text: string, n: number): string[] {
  const out: string[] = [];
  let at = text.length;
  while (out.length < n && at > 0) {
    const code = text.charCodeAt(at - 1);
    const width = code >= 0xdc00 && code <= 0xdfff && at > 1 ? 2 : 1;
    out.push(text.slice(at - width, at));
    at -= width;
  }
  return out;
}

/**
 * The rule for typing `c` after `before` (the text before the caret, its paragraph at least),
 * or null when none applies (the character stays as typed). Code, HTML and front matter are
 * the caller's to exclude; escapes and bare URLs are excluded here, as in the export.
 */
export function smartReplacement(before: string, c: string, style: Style): Replacement | null {
  if (!isTrigger(c) || escaped(before) || inUrl(before)) return null;
  const [prev, prev2] = lastChars(before, 2);
  switch (c) {
    case '"': {
      const opening = opens(before, style) && !(style.french && closesSpacedGuillemet(before));
      const dropSpace = style.french && !opening && before.endsWith(" ");
      return { remove: dropSpace ? 1 : 0, insert: opening ? style.open2 : style.close2 };
    }
    case "'": {
      let quote = "’";
      if (opens(before, style)) quote = style.open1;
      else if (style.close1 !== "’" && unmatched(before, style.open1, style.close1)) quote = style.close1;
      return { remove: 0, insert: quote };
    }
    case "-":
      if (before.endsWith("–")) return { remove: 1, insert: "—" };
      if (before.endsWith("-") && !dashAtLineStart(before.slice(0, -1))) return { remove: 1, insert: "–" };
      return null;
    case ".":
      return before.endsWith("..") ? { remove: 2, insert: "…" } : null;
    case ";":
    case "!":
    case "?":
    case ":":
      if (!style.french) return null;
      if (prev === " " && prev2 !== undefined && !isWhitespace(prev2)) return { remove: 1, insert: NNBSP + c };
      // Never a space before a colon: `http:`, `10:30` and `mailto:` stay whole.
      if (prev !== undefined && c !== ":" && (isAlphabetic(prev) || prev === "»")) return { remove: 0, insert: NNBSP + c };
      return null;
    default:
      // ’90s: an opening single quote right before a digit was an elision.
      if (prev === style.open1 && (prev2 === undefined || isWhitespace(prev2))) return { remove: 1, insert: "’" + c };
      return null;
  }
}

/** A quote typed after this text opens (emphasis marks looked through). */
function opens(before: string, style: Style): boolean {
  const [prev] = lastChars(before.replace(/[*_~]+$/u, ""), 1);
  if (prev === undefined) return true;
  // `>` ends an HTML tag; German's closing marks are English's opening ones, so only the
  // language's own opening marks count.
  return isWhitespace(prev) || "([{<>—–-«".includes(prev) || style.open2.startsWith(prev) || prev === style.open1;
}

/** French writers often type `" Bonjour "`: a quote after a space closes an open guillemet. */
function closesSpacedGuillemet(before: string): boolean {
  return before.endsWith(" ") && unmatched(before, "«", "»");
}

/** Whether the current paragraph has an `open` mark not yet closed by `close`. */
function unmatched(before: string, open: string, close: string): boolean {
  const at = before.lastIndexOf("\n\n");
  const paragraph = at < 0 ? before : before.slice(at);
  let opened = 0;
  let closed = 0;
  for (const c of paragraph) {
    if (c === open) opened++;
    else if (c === close) closed++;
  }
  return opened > closed;
}

/** An odd run of backslashes before the character: the writer asked for the plain character. */
function escaped(before: string): boolean {
  return (before.length - before.replace(/\\+$/u, "").length) % 2 === 1;
}

/** The word being typed is a bare URL. */
function inUrl(before: string): boolean {
  const chars = Array.from(before);
  let start = chars.length;
  while (start > 0 && !isWhitespace(chars[start - 1]!)) start--;
  const word = chars.slice(start).join("").replace(/^[(<\["']+/u, "");
  return word.includes("://") || word.startsWith("www.") || word.startsWith("mailto:");
}

/** Dashes that begin a line (after quote, list or table marks) are Markdown. */
function dashAtLineStart(before: string): boolean {
  const line = before.slice(before.lastIndexOf("\n") + 1);
  return Array.from(line).every((c) => isWhitespace(c) || "|:>+*-".includes(c));
}
