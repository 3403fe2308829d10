import { describe, expect, it } from "vitest";
import type { PreviewUpdate } from "../../ipc";
import { BlockStore, commonEnds, withLines } from "./blocks";

function reply(fields: Partial<PreviewUpdate>): PreviewUpdate {
  return {
    seq: 1,
    version: 1,
    since: 0,
    head: 0,
    tail: 0,
    shift: 0,
    blocks: [],
    html: {},
    toc: [],
    stats: { words: 0, reading_minutes: 0 },
    title: null,
    ...fields,
  };
}

const shown = (store: BlockStore) => store.blocks.map((block) => store.htmlOf(block)).join("");

describe("preview blocks from the shell", () => {
  it("adds each block's first line back to its relative lines, in tags only", () => {
    const html = '<ul data-line="0">\n<li data-line="1">x data-line="9" <code>a &lt;b data-line="3"&gt;</code></li>\n</ul>';
    expect(withLines(html, 7)).toBe(
      '<ul data-line="7">\n<li data-line="8">x data-line="9" <code>a &lt;b data-line="3"&gt;</code></li>\n</ul>',
    );
    expect(withLines('<div data-line="007" title="a &quot; data-line=&quot;4&quot;"><!-- <p data-line="1"> --><p data-line="2">b</p></div>', 10)).toBe(
      '<div data-line="007" title="a &quot; data-line=&quot;4&quot;"><!-- <p data-line="1"> --><p data-line="12">b</p></div>',
    );
    expect(withLines("\n", null)).toBe("\n");
  });

  it("assembles a reply from the blocks it sends and the ones already held", () => {
    const store = new BlockStore();
    store.take(
      reply({
        seq: 1,
        blocks: [
          { key: "h", line: 1 },
          { key: "nl", line: null },
          { key: "p", line: 3 },
          { key: "nl", line: null },
          { key: "p2", line: 5 },
        ],
        html: { h: '<h1 data-line="0">T</h1>', nl: "\n", p: '<p data-line="0">a</p>', p2: '<p data-line="0">b</p>' },
      }),
    );
    expect(shown(store)).toBe('<h1 data-line="1">T</h1>\n<p data-line="3">a</p>\n<p data-line="5">b</p>');
    // Enter typed in the first paragraph: it changes, the block after it only moves down a line.
    store.take(
      reply({ seq: 2, since: 1, head: 2, tail: 2, shift: 1, blocks: [{ key: "p'", line: 3 }], html: { "p'": '<p data-line="0">a<br>c</p>' } }),
    );
    expect(shown(store)).toBe('<h1 data-line="1">T</h1>\n<p data-line="3">a<br>c</p>\n<p data-line="6">b</p>');
    expect(store.seq).toBe(2);
  });

  it("refuses a reply that builds on blocks it does not hold, and then asks for all of them", () => {
    const store = new BlockStore();
    store.take(reply({ seq: 4, blocks: [{ key: "a", line: null }], html: { a: "x" } }));
    expect(() => store.take(reply({ seq: 6, since: 5, head: 1 }))).toThrow(/reply 5/);
    expect(store.seq).toBe(0);
    expect(() => store.take(reply({ seq: 7, blocks: [{ key: "gone", line: null }] }))).toThrow(/did not send/);
  });

  it("finds kept blocks at both ends, the trailing ones moved by one amount", () => {
    const b = (key: string, line: number | null) => ({ key, line });
    expect(commonEnds([b("a", 1), b("b", 3), b("c", 5)], [b("a", 1), b("x", 3), b("c", 5)])).toEqual({ head: 1, tail: 1, shift: 0 });
    expect(commonEnds([b("a", 1), b("n", null), b("c", 5)], [b("a", 1), b("b", 3), b("n", null), b("c", 7)])).toEqual({
      head: 1,
      tail: 2,
      shift: 2,
    });
    expect(commonEnds([b("a", 1), b("c", 5)], [b("a", 2), b("c", 7)])).toEqual({ head: 0, tail: 1, shift: 2 });
  });
});
