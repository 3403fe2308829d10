/**
 * The preview's blocks as the shell sends them: each top-level block of the sanitized HTML has
 * a content key and its first source line, and its HTML comes once, with its `data-line`
 * values counted from that line. A block that only moved (lines typed above it) keeps its key,
 * so only its new line arrives; the lines are added back here, with the shell's rules
 * (crates/byline-preview/src/blocks.rs): every `<` starts a tag or comment (text has
 * `<` escaped), and only plain numbers (no sign, no leading zero) were made relative.
 */
import type { BlockRef, PreviewUpdate } from "../../ipc";

const ATTRIBUTE = ' data-line="';
const PLAIN_NUMBER = /^(0|[1-9][0-9]*)$/;

/** The blocks of the last reply and the HTML of each key, as the shell knows the window holds them. */
export class BlockStore {
  /** The `seq` of the last reply taken (0: none). */
  seq = 0;
  blocks: BlockRef[] = [];
  private html = new Map<string, string>();

  /** Takes a reply: its block list (whole, or a change to the list held) and the HTML it carries. */
  take(update: PreviewUpdate): void {
    if (update.since !== 0 && update.since !== this.seq) {
      this.forget();
      throw new Error(`the preview reply builds on reply ${update.since}, but ${this.seq} was the last one shown`);
    }
    const kept = update.since === 0 ? [] : this.blocks;
    const moved = (block: BlockRef): BlockRef =>
      block.line === null || update.shift === 0 ? block : { key: block.key, line: block.line + update.shift };
    const blocks = [...kept.slice(0, update.head), ...update.blocks, ...kept.slice(kept.length - update.tail).map(moved)];
    const html = new Map<string, string>();
    for (const { key } of blocks) {
      const source = update.html[key] ?? this.html.get(key);
      if (source === undefined) {
        this.forget();
        throw new Error("the preview reply names a block it did not send");
      }
      html.set(key, source);
    }
    this.blocks = blocks;
    this.html = html;
    this.seq = update.seq;
  }

  /** The block's sanitized HTML with its source lines. */
  htmlOf(block: BlockRef): string {
    return withLines(this.html.get(block.key) ?? "", block.line);
  }

  /** Drops everything, so the next reply is asked for whole. */
  forget(): void {
    this.seq = 0;
    this.blocks = [];
    this.html = new Map();
  }
}

/** End (exclusive) of the tag starting at `at` (a `<`), honouring quoted attribute values. */
function tagEnd(html: string, at: number): number {
  let quote = "";
  for (let i = at + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return i + 1;
    }
  }
  return html.length;
}

/** `html` with `line` added to each plain-number `data-line` value in its tags. */
export function withLines(html: string, line: number | null): string {
  if (line === null || line === 0) return html;
  let out = "";
  let copied = 0;
  let at = html.indexOf("<");
  while (at >= 0) {
    let end: number;
    if (html.startsWith("<!--", at)) {
      const close = html.indexOf("-->", at + 4);
      end = close < 0 ? html.length : close + 3;
    } else if (html.startsWith("<!", at)) {
      const close = html.indexOf(">", at);
      end = close < 0 ? html.length : close + 1;
    } else {
      end = tagEnd(html, at);
      const attribute = html.indexOf(ATTRIBUTE, at);
      if (attribute >= 0 && attribute < end) {
        const start = attribute + ATTRIBUTE.length;
        const close = html.indexOf('"', start);
        const value = close >= 0 && close < end ? html.slice(start, close) : "";
        if (PLAIN_NUMBER.test(value)) {
          out += html.slice(copied, start) + String(Number(value) + line);
          copied = close;
        }
      }
    }
    at = html.indexOf("<", end);
  }
  return out + html.slice(copied);
}

/** Blocks equal at the start, blocks with equal keys at the end whose lines all moved by one amount, and that amount. */
export function commonEnds(before: readonly BlockRef[], after: readonly BlockRef[]): { head: number; tail: number; shift: number } {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && before[head].key === after[head].key && before[head].line === after[head].line) head++;
  let tail = 0;
  let shift: number | null = null;
  while (tail < shortest - head) {
    const old = before[before.length - 1 - tail];
    const next = after[after.length - 1 - tail];
    if (old.key !== next.key || (old.line === null) !== (next.line === null)) break;
    const moved: number | null = old.line === null || next.line === null ? shift : next.line - old.line;
    if (shift !== null && moved !== shift) break;
    shift = moved;
    tail++;
  }
  return { head, tail, shift: shift ?? 0 };
}
