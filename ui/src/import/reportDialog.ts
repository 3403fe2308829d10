/** The "Import report" dialog: what an import did, file by file, to read and to copy. */
import type { ImportIssue, ImportReport, ImportedDraft } from "../../ipc";
import { Modal } from "../shared/dialog";
import { h, uid } from "../shared/dom";
import { reportText } from "./reportText";

/** Puts text on the clipboard: the async API where the webview allows it, else a selection copy. */
export type CopyText = (text: string, within: HTMLElement) => Promise<boolean>;

/** The dialog; one instance, shown again after each import. */
export class ImportReportDialog {
  private readonly modal = new Modal("Import report", { className: "import-report" });
  private readonly content = h("div", { class: "import-report-body", role: "region", "aria-label": "Report", tabindex: "0" });
  private readonly copyStatus = h("p", { class: "form-message", role: "status" });
  private report: ImportReport | null = null;

  constructor(private readonly copyText: CopyText = copyToClipboard) {
    const copy = h("button", { type: "button" }, "Copy report");
    const close = h("button", { type: "button", class: "primary" }, "Close");
    copy.addEventListener("click", () => void this.copy());
    close.addEventListener("click", () => this.modal.close());
    this.modal.body.append(this.content, this.copyStatus, h("div", { class: "dialog-actions" }, copy, close));
  }

  /** The dialog element, for tests and for the app to wait on. */
  get el(): HTMLDialogElement {
    return this.modal.el;
  }

  /** Shows `report`; focus goes to the report, and back to where it was on close. */
  show(report: ImportReport): void {
    this.report = report;
    this.copyStatus.textContent = "";
    this.content.replaceChildren(...renderReport(report));
    this.content.scrollTop = 0;
    this.modal.open(this.content);
  }

  private async copy(): Promise<void> {
    if (!this.report) return;
    const copied = await this.copyText(reportText(this.report), this.modal.el);
    this.copyStatus.textContent = copied
      ? "Report copied: one line per file, as `byline import` prints it."
      : "The report could not be copied here; select its text and copy it with Ctrl+C.";
  }
}

/** The report's parts, summary first, then the sites, what was skipped, warned about and made. */
export function renderReport(report: ImportReport): HTMLElement[] {
  const parts: HTMLElement[] = [h("p", { class: "import-summary" }, report.summary)];
  for (const site of report.sites) parts.push(h("p", { class: "import-site" }, `Read as a ${site}.`));
  if (report.skipped.length === 0 && report.warnings.length === 0) {
    parts.push(h("p", { class: "hint" }, "Every file was imported as it is."));
  }
  parts.push(
    ...section("Skipped", "Not imported. Fix each file as it says, then import it again.", report.skipped.map(issueItem)),
    ...section("Warnings", "Imported, with something to check.", report.warnings.map(issueItem)),
    ...section(
      "New authors",
      "Named in front matter and created with their name only; add the rest in Authors.",
      report.created_authors.map((author) => h("li", {}, `${author.name} (${author.slug})`)),
    ),
    ...section("Imported", "", report.drafts.map(draftItem)),
  );
  return parts;
}

/** A titled list with its count; nothing when it is empty. */
function section(title: string, hint: string, items: HTMLElement[]): HTMLElement[] {
  if (items.length === 0) return [];
  const headingId = uid("import");
  return [
    h(
      "section",
      { class: "import-section", "aria-labelledby": headingId },
      h("h3", { id: headingId }, `${title} (${items.length})`),
      hint ? h("p", { class: "hint" }, hint) : null,
      h("ul", { class: "import-list", "aria-label": title }, ...items),
    ),
  ];
}

function issueItem(issue: ImportIssue): HTMLElement {
  return item(
    h("span", { class: "import-path" }, issue.path),
    issue.line !== null ? h("span", { class: "import-line" }, `line ${issue.line}`) : null,
    h("span", { class: "import-message" }, issue.message),
  );
}

function draftItem(draft: ImportedDraft): HTMLElement {
  const notes = [draft.section ? "section page" : "", draft.published ? "published" : "", imagesNote(draft.images)].filter(Boolean);
  return item(
    h("span", { class: "import-slug" }, draft.slug),
    notes.length > 0 ? h("span", { class: "import-line" }, notes.join(", ")) : null,
    h("span", { class: "import-path" }, draft.source),
  );
}

/** A list item of parts with spaces between them, so a screen reader (and a copied selection)
 * does not run the path, the line and the message together. */
function item(...parts: Array<HTMLElement | null>): HTMLElement {
  const li = h("li", {});
  parts.filter((part): part is HTMLElement => part !== null).forEach((part, index) => {
    if (index > 0) li.append(" ");
    li.append(part);
  });
  return li;
}

const imagesNote = (n: number) => (n === 0 ? "" : n === 1 ? "1 image" : `${n} images`);

/** The async clipboard API needs a permission some webviews never grant; copying a selection
 * inside the dialog (the page behind it is inert) works there. */
async function copyToClipboard(text: string, within: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const area = h("textarea", { class: "visually-hidden", readonly: true, "aria-hidden": "true", tabindex: "-1" });
    area.value = text;
    within.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    // Selecting moved focus into the textarea; the writer stays on the button they pressed.
    focused?.focus();
    return copied;
  }
}
