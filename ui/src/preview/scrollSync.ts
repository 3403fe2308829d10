/** Scroll sync between editor and preview through the `data-line` attributes of rendered blocks. */

/** One rendered block: its source line and its top offset in the preview document. */
export interface LineAnchor {
  line: number;
  top: number;
}

/** Preview offset for a source line, interpolated between the blocks around it. */
export function previewOffsetForLine(anchors: LineAnchor[], line: number): number | null {
  if (anchors.length === 0) return null;
  let before: LineAnchor | null = null;
  let after: LineAnchor | null = null;
  for (const anchor of anchors) {
    if (anchor.line <= line) before = anchor;
    else {
      after = anchor;
      break;
    }
  }
  if (!before) return 0;
  if (!after || after.line === before.line) return before.top;
  const ratio = (line - before.line) / (after.line - before.line);
  return before.top + ratio * (after.top - before.top);
}

/** Source line (fractional) shown at preview offset `top`, the inverse of the above. */
export function lineForPreviewOffset(anchors: LineAnchor[], top: number): number | null {
  if (anchors.length === 0) return null;
  let before: LineAnchor | null = null;
  let after: LineAnchor | null = null;
  for (const anchor of anchors) {
    if (anchor.top <= top) before = anchor;
    else {
      after = anchor;
      break;
    }
  }
  if (!before) return 1;
  if (!after || after.top === before.top) return before.line;
  const ratio = (top - before.top) / (after.top - before.top);
  return before.line + ratio * (after.line - before.line);
}

/** Anchors sorted by line with increasing tops (nested blocks out of order are dropped). */
export function normaliseAnchors(raw: LineAnchor[]): LineAnchor[] {
  const sorted = [...raw].sort((a, b) => a.line - b.line || a.top - b.top);
  const out: LineAnchor[] = [];
  for (const anchor of sorted) {
    const last = out[out.length - 1];
    if (last && (anchor.line === last.line || anchor.top < last.top)) continue;
    out.push(anchor);
  }
  return out;
}
