import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { frontMatterEnd, proseWords, tokenize } from "./spellingText";

/** A state with the editor's Markdown language, parsed to the end. */
function parsed(doc: string): EditorState {
  const state = EditorState.create({ doc, extensions: markdown({ base: markdownLanguage }) });
  ensureSyntaxTree(state, state.doc.length, 10_000);
  // The parse above advanced the language's context; a transaction publishes its tree (without
  // it, a busy machine leaves the tree the state was created with, cut short).
  return state.update({}).state;
}

const checked = (doc: string) => {
  const state = parsed(doc);
  return proseWords(state, 0, state.doc.length).map((w) => w.word);
};

describe("tokenize", () => {
  it("finds words of any script with their offsets, inner apostrophes kept", () => {
    expect(tokenize("Teh quikc, don't!", 10)).toEqual([
      { from: 10, to: 13, word: "Teh" },
      { from: 14, to: 19, word: "quikc" },
      { from: 21, to: 26, word: "don't" },
    ]);
    expect(tokenize("Größe naïve café Ελλάδα").map((w) => w.word)).toEqual(["Größe", "naïve", "café", "Ελλάδα"]);
  });

  it("straightens a curly apostrophe and drops apostrophes at the edges", () => {
    expect(tokenize("the writer’s 'quoted' writers'").map((w) => w.word)).toEqual([
      "the",
      "writer's",
      "quoted",
      "writers",
    ]);
  });

  it("leaves out identifiers, numbers, single letters and acronyms", () => {
    expect(tokenize("snake_case x1 42nd a I HTML PDFs ok").map((w) => w.word)).toEqual(["PDFs", "ok"]);
  });

  it("leaves out file names, addresses, paths and handles but not a sentence's last word", () => {
    expect(tokenize("see main.rs and example.com, src/lib or @mara #tag. End.").map((w) => w.word)).toEqual([
      "see",
      "and",
      "or",
      "End",
    ]);
  });
});

describe("proseWords", () => {
  it("skips fenced and indented code and inline code", () => {
    const doc = "Prose wurds here.\n\n```rust\nlet misspeled_ident = teh;\n```\n\n    indnted cdoe\n\nUse `cnfg` now.";
    expect(checked(doc)).toEqual(["Prose", "wurds", "here", "Use", "now"]);
  });

  it("skips link addresses, autolinks and bare URLs but checks the link text", () => {
    const doc = "A [lnk text](https://exmple.org/pth) and <https://autolnk.org> and https://bare.exmple/wrd ok.";
    expect(checked(doc)).toEqual(["lnk", "text", "and", "and", "ok"]);
  });

  it("skips reference definitions' labels and addresses", () => {
    expect(checked("Sea [the refrence][rf].\n\n[rf]: https://exmple.org \"Titel\"\n")).toEqual([
      "Sea",
      "the",
      "refrence",
      "Titel",
    ]);
  });

  it("skips HTML blocks, inline tags and comments", () => {
    const doc = "<div class=\"wrapr\">\nhtml blck\n</div>\n\nText <span tittle=\"x\">inner</span> <!-- cmment --> end.";
    expect(checked(doc)).toEqual(["Text", "inner", "end"]);
  });

  it("skips a YAML or TOML front matter block at the top, and only there", () => {
    expect(checked("---\ntitel: Helo\ntgas: [a]\n---\n\nBody wrds.")).toEqual(["Body", "wrds"]);
    expect(checked("+++\ntitel = \"Helo\"\n+++\nBody.")).toEqual(["Body"]);
    expect(checked("Intro.\n\n---\n\nAftr rule.")).toEqual(["Intro", "Aftr", "rule"]);
  });

  it("reads the whole lines around a range, so no word is cut at its edges", () => {
    const state = parsed("first line\nsecond lnie here\nthird");
    expect(proseWords(state, 14, 16).map((w) => w.word)).toEqual(["second", "lnie", "here"]);
  });
});

describe("frontMatterEnd", () => {
  it("is 0 when the block is not closed or not at the top", () => {
    const doc = (text: string) => parsed(text).doc;
    expect(frontMatterEnd(doc("---\ntitle: x\nno end"))).toBe(0);
    expect(frontMatterEnd(doc("\n---\ntitle: x\n---"))).toBe(0);
    expect(frontMatterEnd(doc("---\ntitle: x\n...\nBody"))).toBe(16);
  });
});
