// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportReport } from "../../ipc";
import { Importer } from "./importer";
import fixture from "./reportFixture.json";

const ipc = vi.hoisted(() => ({
  importPaths: vi.fn<(paths: string[]) => Promise<ImportReport>>(),
  chooseFolder: vi.fn<() => Promise<string | null>>(),
  chooseMarkdownFiles: vi.fn<() => Promise<string[]>>(),
  errorMessage: (error: unknown) => (error as { message: string }).message,
}));
vi.mock("../../ipc", () => ipc);


const report = fixture.report as ImportReport;

afterEach(() => document.body.replaceChildren());

describe("importer", () => {
  it("refreshes the library before the report opens", async () => {
    ipc.chooseFolder.mockResolvedValue("/home/ada/blog");
    ipc.importPaths.mockResolvedValue(report);
    const order: string[] = [];
    const importer = new Importer({
      imported: async () => {
        order.push(importer.dialog.el.open ? "refreshed after" : "refreshed before");
      },
      status: (text) => order.push(text),
    });
    await importer.chooseFolder();
    expect(ipc.importPaths).toHaveBeenCalledWith(["/home/ada/blog"]);
    expect(order).toEqual(["Importing…", "refreshed before", fixture.summary]);
    expect(importer.dialog.el.open).toBe(true);
  });

  it("imports nothing when the writer cancels the picker", async () => {
    ipc.chooseMarkdownFiles.mockResolvedValue([]);
    ipc.importPaths.mockClear();
    const importer = new Importer({ imported: async () => undefined, status: () => undefined });
    await importer.chooseFiles();
    expect(ipc.importPaths).not.toHaveBeenCalled();
  });

  it("rejects with the reason when nothing could be imported, and shows no report", async () => {
    ipc.importPaths.mockRejectedValue({ code: "invalid_input", message: "/a.png: is not a Markdown file" });
    const importer = new Importer({ imported: async () => undefined, status: () => undefined });
    await expect(importer.run(["/a.png"])).rejects.toMatchObject({ code: "invalid_input" });
    expect(importer.dialog.el.open).toBe(false);
  });
});
