// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Author, NewAuthor } from "../../ipc";
import { AuthorPrompt } from "./authorPrompt";

const ipc = vi.hoisted(() => ({
  addAuthor: vi.fn<(author: NewAuthor) => Promise<Author>>(),
  dismissAuthorPrompt: vi.fn(async () => null),
  errorMessage: (error: unknown) => String(error),
}));
vi.mock("../../ipc", () => ipc);

const input = (label: string) => {
  const labelEl = [...document.querySelectorAll("label")].find((l) => l.textContent === label)!;
  return document.getElementById(labelEl.htmlFor) as HTMLInputElement;
};
const button = (name: string) => [...document.querySelectorAll("button")].find((b) => b.textContent === name)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let created: Author[] = [];
let prompt: AuthorPrompt;

beforeEach(() => {
  vi.clearAllMocks();
  created = [];
  prompt = new AuthorPrompt({ created: (author) => created.push(author) });
  document.body.append(prompt.el);
  prompt.show();
});
afterEach(() => document.body.replaceChildren());

describe("The first run's author prompt", () => {
  it("is a dialog named for what it asks", () => {
    const id = prompt.el.getAttribute("aria-labelledby")!;
    expect(prompt.el.getAttribute("role")).toBe("dialog");
    expect(document.getElementById(id)?.textContent).toBe("Create your author profile");
    expect(prompt.isShown()).toBe(true);
  });

  it("creates the profile as the default author, with blanks left out", async () => {
    ipc.addAuthor.mockImplementation(async (author) => ({ slug: "ada-writer", name: author.name }) as Author);
    input("Name").value = "  Ada Writer ";
    input("Website").value = "https://ada.example.org";
    button("Create profile").click();
    await settle();
    const sent = ipc.addAuthor.mock.calls[0][0];
    expect(sent).toMatchObject({ name: "Ada Writer", website: "https://ada.example.org", short_bio: null, make_default: true });
    expect(created.map((a) => a.slug)).toEqual(["ada-writer"]);
    expect(prompt.isShown()).toBe(false);
  });

  it("asks for a name before creating anything", async () => {
    button("Create profile").click();
    await settle();
    expect(ipc.addAuthor).not.toHaveBeenCalled();
    expect(prompt.el.querySelector('[role="status"]')?.textContent).toBe("An author needs a name.");
    expect(prompt.isShown()).toBe(true);
  });

  it("keeps the form and says why when the library refuses", async () => {
    ipc.addAuthor.mockRejectedValue("the slug is taken");
    input("Name").value = "Ada";
    button("Create profile").click();
    await settle();
    expect(prompt.isShown()).toBe(true);
    expect(prompt.el.querySelector('[role="status"]')?.textContent).toBe("the slug is taken");
    expect(button("Create profile").disabled).toBe(false);
  });

  it("Not now hides it and tells the library", async () => {
    button("Not now").click();
    await settle();
    expect(ipc.dismissAuthorPrompt).toHaveBeenCalledTimes(1);
    expect(prompt.isShown()).toBe(false);
    expect(created).toEqual([]);
  });
});
