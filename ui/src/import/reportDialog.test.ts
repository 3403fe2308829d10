// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportReport } from "../../ipc";
import fixture from "./reportFixture.json";
import { ImportReportDialog } from "./reportDialog";
import { reportText } from "./reportText";

const report = fixture.report as ImportReport;

const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const button = (dialog: ImportReportDialog, label: string) =>
  [...dialog.el.querySelectorAll("button")].find((b) => b.textContent === label)!;
const list = (dialog: ImportReportDialog, name: string) => dialog.el.querySelector(`ul[aria-label="${name}"]`);

afterEach(() => document.body.replaceChildren());

describe("Import report dialog", () => {
  it("is a modal dialog labelled “Import report” that opens with the summary line", () => {
    const dialog = new ImportReportDialog();
    dialog.show(report);
    expect(dialog.el.open).toBe(true);
    expect(dialog.el.getAttribute("role")).toBe("dialog");
    expect(text(document.getElementById(dialog.el.getAttribute("aria-labelledby")!))).toBe("Import report");
    const body = dialog.el.querySelector('[role="region"]')!;
    expect(text(body.firstElementChild)).toBe(fixture.summary);
    expect(text(body.children[1])).toBe("Read as a Hugo site at /home/ada/blog.");
  });

  it("lists each skipped file with its path, line and what to do, then the warnings and the imported count", () => {
    const dialog = new ImportReportDialog();
    dialog.show(report);
    const skipped = [...list(dialog, "Skipped")!.children].map(text);
    expect(skipped).toHaveLength(3);
    expect(skipped[0]).toBe(
      "/home/ada/blog/content/posts/broken.md line 3 has malformed front matter: line 3: invalid YAML front matter: mapping values are not allowed in this context; fix it and import again",
    );
    expect(skipped[2]).not.toContain("line");
    expect(text(list(dialog, "Warnings"))).toContain("kiln-photos.md refers to image `kiln.png`");
    const headings = [...dialog.el.querySelectorAll("h3")].map(text);
    expect(headings).toEqual(["Skipped (3)", "Warnings (1)", "Imported (3)"]);
    expect(text(list(dialog, "Imported")!.children[1])).toBe("posts section page, published /home/ada/blog/content/posts/_index.md");
  });

  it("says every file went in when nothing was skipped or warned about", () => {
    const dialog = new ImportReportDialog();
    dialog.show({ ...report, skipped: [], warnings: [] });
    expect(text(dialog.el)).toContain("Every file was imported as it is.");
    expect(list(dialog, "Skipped")).toBeNull();
  });

  it("copies the whole report as the CLI's plain text and says so", async () => {
    const copy = vi.fn(async () => true);
    const dialog = new ImportReportDialog(copy);
    dialog.show(report);
    button(dialog, "Copy report").click();
    await vi.waitFor(() => expect(text(dialog.el.querySelector('[role="status"]'))).toContain("Report copied"));
    expect(copy).toHaveBeenCalledWith(reportText(report), dialog.el);
  });

  it("tells the writer how to copy by hand when the clipboard refuses", async () => {
    const dialog = new ImportReportDialog(async () => false);
    dialog.show(report);
    button(dialog, "Copy report").click();
    await vi.waitFor(() => expect(text(dialog.el.querySelector('[role="status"]'))).toContain("could not be copied"));
  });

  it("closes on Escape and gives focus back to where it was", () => {
    const before = document.createElement("button");
    document.body.append(before);
    before.focus();
    const dialog = new ImportReportDialog();
    dialog.show(report);
    expect(dialog.el.contains(document.activeElement)).toBe(true);
    // Escape on a modal <dialog> fires `cancel`.
    dialog.el.dispatchEvent(new Event("cancel", { cancelable: true }));
    expect(dialog.el.open).toBe(false);
    expect(document.activeElement).toBe(before);
    dialog.show(report);
    button(dialog, "Close").click();
    expect(dialog.el.open).toBe(false);
    expect(document.activeElement).toBe(before);
  });
});
