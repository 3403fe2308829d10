// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DraftsFolder } from "../../ipc";
import { DraftsFolderDialog } from "./draftsFolderDialog";

const ipc = vi.hoisted(() => ({
  draftsFolder: vi.fn<() => Promise<DraftsFolder | null>>(),
  bindDraftsFolder: vi.fn<(dir: string) => Promise<DraftsFolder>>(),
  unbindDraftsFolder: vi.fn(async () => null),
  chooseFolder: vi.fn(async () => null),
  errorMessage: (error: unknown) => String(error),
}));
vi.mock("../../ipc", () => ipc);


const hugo: DraftsFolder = { dir: "/home/ada/blog/content", site: { kind: "Hugo", root: "/home/ada/blog" } };
const status = () => (document.querySelector('[role="status"]')?.textContent ?? "").replace(/\s+/g, " ").trim();
const field = () => document.querySelector<HTMLInputElement>("dialog input[type=text]")!;

beforeEach(() => vi.clearAllMocks());
afterEach(() => document.body.replaceChildren());

describe("Drafts folder dialog", () => {
  it("shows the site Byline detected and the content folder it works in", async () => {
    ipc.draftsFolder.mockResolvedValue(hugo);
    await new DraftsFolderDialog().open();
    expect(status()).toBe("Syncing with /home/ada/blog/content Hugo site: pages in /home/ada/blog/content");
    expect(field().value).toBe("/home/ada/blog/content");
  });

  it("names no site for a plain folder", async () => {
    ipc.draftsFolder.mockResolvedValue({ dir: "/home/ada/notes", site: null });
    await new DraftsFolderDialog().open();
    expect(status()).toBe("Syncing with /home/ada/notes");
    expect(document.querySelector<HTMLElement>(".drafts-folder-site")!.hidden).toBe(true);
  });

  it("binding a site's root shows the content folder it was bound as", async () => {
    ipc.draftsFolder.mockResolvedValue(null);
    ipc.bindDraftsFolder.mockResolvedValue(hugo);
    await new DraftsFolderDialog().open();
    expect(status()).toBe("Not syncing with a folder.");
    field().value = "/home/ada/blog";
    [...document.querySelectorAll("button")].find((b) => b.textContent === "Sync with this folder")!.click();
    await vi.waitFor(() => expect(status()).toContain("Hugo site: pages in /home/ada/blog/content"));
    expect(ipc.bindDraftsFolder).toHaveBeenCalledWith("/home/ada/blog");
    expect(field().value).toBe("/home/ada/blog/content");
  });
});
