import { describe, expect, it } from "vitest";
import { authorChangeOf, formOf, newAuthorOf } from "../authors/profile";
import type { Author } from "../../ipc/bindings";
import { isSelfContained, suggestedFileName, withExtension } from "./exportPaths";

describe("export file names", () => {
  it("suggests .html for HTML and .md for the site generators", () => {
    expect(suggestedFileName("my-post", "html")).toBe("my-post.html");
    expect(suggestedFileName("my-post", "zola")).toBe("my-post.md");
  });
  it("suggests each document format's own extension", () => {
    expect(suggestedFileName("my-post", "pdf")).toBe("my-post.pdf");
    expect(suggestedFileName("my-post", "docx")).toBe("my-post.docx");
    expect(suggestedFileName("my-post", "epub")).toBe("my-post.epub");
    expect(isSelfContained("docx") && !isSelfContained("html") && !isSelfContained("jekyll")).toBe(true);
  });
  it("swaps the extension when the format changes", () => {
    expect(withExtension("/tmp/a.html", "pdf")).toBe("/tmp/a.pdf");
    expect(withExtension("/tmp/a.pdf", "docx")).toBe("/tmp/a.docx");
    expect(withExtension("/tmp/a.html", "hugo")).toBe("/tmp/a.md");
    expect(withExtension("/tmp/a.md", "html")).toBe("/tmp/a.html");
    expect(withExtension("/tmp/notes", "html")).toBe("/tmp/notes");
  });
});

const ada: Author = {
  id: 1,
  slug: "ada",
  name: "Ada",
  short_bio: "Writes",
  bio: null,
  avatar: "abc",
  website: null,
  location: null,
  role: null,
  email: "ada@example.org",
  social: { github: "https://github.com/ada", forgejo: "https://codeberg.org/ada" },
  is_default: true,
  created: "2026-01-01T00:00:00Z",
  updated: "2026-01-01T00:00:00Z",
};

describe("author form", () => {
  it("clears emptied fields with null and keeps networks the form does not show", () => {
    const form = { ...formOf(ada), short_bio: "  ", email: "", social: { github: "", mastodon: "https://m.social/@ada" } };
    const change = authorChangeOf(form, ada);
    expect(change.short_bio).toBeNull();
    expect(change.email).toBeNull();
    expect(change.avatar).toBe("abc");
    expect(change.social).toEqual({ forgejo: "https://codeberg.org/ada", mastodon: "https://m.social/@ada" });
  });
  it("builds a new author with the default flag", () => {
    const created = newAuthorOf({ ...formOf(ada), slug: "" }, true);
    expect(created).toMatchObject({ name: "Ada", slug: null, make_default: true });
  });
});
