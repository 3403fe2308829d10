/** The Export dialog: one article in a format (destination from the native save dialog), or the whole site with progress. */
import {
  chooseFolder,
  chooseSavePath,
  errorMessage,
  exportArticle,
  exportSite,
  onExportProgress,
  revealPath,
  type ExportFormat,
  type Paper,
} from "../../ipc";
import { Modal } from "../shared/dialog";
import { field, h, uid } from "../shared/dom";
import { extensionFor, isSelfContained, suggestedFileName, withExtension } from "./exportPaths";

/** What the dialog needs from the app. */
export interface ExportHooks {
  /** Saves pending edits so the export carries the latest text. */
  flush(): Promise<boolean>;
}

/** The Export dialog. */
export class ExportDialog {
  private readonly modal = new Modal("Export", { className: "export-dialog" });
  private readonly format = h(
    "select",
    {},
    h("option", { value: "html" }, "HTML"),
    h("option", { value: "pdf" }, "PDF"),
    h("option", { value: "docx" }, "Word (DOCX)"),
    h("option", { value: "epub" }, "EPUB"),
    h("option", { value: "hugo" }, "Hugo"),
    h("option", { value: "zola" }, "Zola"),
    h("option", { value: "jekyll" }, "Jekyll"),
  );
  private readonly embed = h("input", { type: "radio", name: "export-images", value: "embed", checked: true });
  private readonly folder = h("input", { type: "radio", name: "export-images", value: "folder" });
  private readonly includeEmail = h("input", { type: "checkbox" });
  private readonly share = h("input", { type: "checkbox", checked: true });
  private readonly smart = h("input", { type: "checkbox" });
  private readonly paper = h(
    "select",
    {},
    h("option", { value: "" }, "From the draft's language"),
    h("option", { value: "a4" }, "A4"),
    h("option", { value: "letter" }, "Letter"),
  );
  private readonly imagesGroup: HTMLFieldSetElement;
  private readonly shareRow: HTMLElement;
  private readonly paperRow: HTMLElement;
  private readonly articleProgress = h("progress", { "aria-label": "Article export progress", hidden: true });
  private readonly destination = h("input", { type: "text", spellcheck: "false", autocomplete: "off" });
  private readonly exportButton = h("button", { type: "button", class: "primary" }, "Export article");
  private readonly articleStatus = h("div", { class: "export-status", role: "status" });
  private readonly siteFolder = h("input", { type: "text", spellcheck: "false", autocomplete: "off" });
  private readonly progress = h("progress", { "aria-label": "Export progress", max: 1, value: 0 });
  private readonly siteStatus = h("div", { class: "export-status", role: "status" });
  private slug: string | null = null;

  constructor(private readonly hooks: ExportHooks) {
    const choose = h("button", { type: "button" }, "Choose destination…");
    choose.addEventListener("click", () => void this.chooseDestination());
    this.exportButton.addEventListener("click", () => void this.exportArticle());
    this.format.addEventListener("change", () => {
      if (this.destination.value) this.destination.value = withExtension(this.destination.value, this.chosenFormat());
      this.showFormatOptions();
    });
    const siteButton = h("button", { type: "button" }, "Export site…");
    siteButton.addEventListener("click", () => void this.exportSite());
    const close = h("button", { type: "button" }, "Close");
    close.addEventListener("click", () => this.modal.close());
    void onExportProgress(({ done, total }) => {
      this.progress.max = Math.max(total, 1);
      this.progress.value = done;
    });

    const imagesLegend = uid("imgs");
    this.imagesGroup = h(
      "fieldset",
      { class: "radio-group", "aria-labelledby": imagesLegend },
      h("legend", { id: imagesLegend }, "Images"),
      h("label", {}, this.embed, " Embed images"),
      h("label", {}, this.folder, " Images in a folder"),
    );
    this.shareRow = h("label", { class: "checkbox" }, this.share, " Share links");
    this.paperRow = field("Paper size", this.paper).wrap;
    this.modal.body.append(
      h(
        "section",
        { class: "export-article", "aria-label": "Export article" },
        field("Format", this.format).wrap,
        this.imagesGroup,
        this.paperRow,
        this.shareRow,
        h("label", { class: "checkbox" }, this.includeEmail, " Include email"),
        // The exported copy only: the draft keeps what the writer typed.
        h("label", { class: "checkbox" }, this.smart, " Smart punctuation (curly quotes, dashes, ellipses)"),
        h("div", { class: "destination-row" }, field("Destination", this.destination).wrap, choose),
        h("div", { class: "dialog-actions" }, this.exportButton),
        this.articleProgress,
        this.articleStatus,
      ),
      h(
        "section",
        { class: "export-site", "aria-label": "Export site" },
        h("h3", {}, "Export site"),
        h("p", { class: "hint" }, "Every draft in the library as a static site: index, tag and author pages, and an Atom feed."),
        h("div", { class: "destination-row" }, field("Site folder", this.siteFolder).wrap, siteButton),
        this.progress,
        this.siteStatus,
      ),
      h("div", { class: "dialog-actions" }, close),
    );
  }

  /** Opens the dialog for the draft `slug` (null: only the site export is possible). */
  open(slug: string | null): void {
    if (slug !== this.slug) this.destination.value = "";
    this.slug = slug;
    this.exportButton.disabled = slug === null;
    this.articleStatus.replaceChildren();
    this.siteStatus.replaceChildren();
    this.progress.value = 0;
    this.showFormatOptions();
    this.modal.open(this.format);
  }

  /** Only the options the chosen format reads are shown. */
  private showFormatOptions(): void {
    const format = this.chosenFormat();
    this.imagesGroup.hidden = format !== "html";
    this.shareRow.hidden = format !== "html";
    this.paperRow.hidden = format !== "pdf";
  }

  private chosenFormat(): ExportFormat {
    return this.format.value as ExportFormat;
  }

  private async chooseDestination(): Promise<string | null> {
    if (!this.slug) return null;
    const format = this.chosenFormat();
    try {
      const path = await chooseSavePath("Export article", suggestedFileName(this.slug, format), extensionFor(format));
      if (path) this.destination.value = path;
      return path;
    } catch (error) {
      this.showStatus(this.articleStatus, errorMessage(error));
      return null;
    }
  }

  private async exportArticle(): Promise<void> {
    if (!this.slug) return;
    const path = this.destination.value.trim() || (await this.chooseDestination());
    if (!path) return;
    const format = this.chosenFormat();
    this.exportButton.disabled = true;
    // Typesetting a long PDF or book takes seconds: an indeterminate bar says work is going on.
    this.articleProgress.hidden = false;
    this.articleProgress.removeAttribute("value");
    this.showStatus(this.articleStatus, format === "pdf" ? "Typesetting the PDF…" : "Exporting…");
    try {
      await this.hooks.flush();
      const written = await exportArticle(this.slug, {
        format,
        images: this.folder.checked && !isSelfContained(format) ? "folder" : "embed",
        includeEmail: this.includeEmail.checked,
        share: this.share.checked,
        smart: this.smart.checked,
        paper: this.paper.value === "" ? undefined : (this.paper.value as Paper),
        path,
      });
      const document = written[0] ?? path;
      const extra = written.length > 1 ? ` and ${written.length - 1} more ${written.length === 2 ? "file" : "files"}` : "";
      this.showStatus(this.articleStatus, `Exported to ${document}${extra}.`, document);
    } catch (error) {
      this.showStatus(this.articleStatus, `Not exported: ${errorMessage(error)}`);
    } finally {
      this.articleProgress.hidden = true;
      this.exportButton.disabled = false;
    }
  }

  private async exportSite(): Promise<void> {
    let dir = this.siteFolder.value.trim();
    if (dir === "") {
      try {
        dir = (await chooseFolder("Export site")) ?? "";
      } catch (error) {
        this.showStatus(this.siteStatus, errorMessage(error));
        return;
      }
      if (dir === "") return;
      this.siteFolder.value = dir;
    }
    this.progress.value = 0;
    this.showStatus(this.siteStatus, "Exporting the site…");
    try {
      await this.hooks.flush();
      const result = await exportSite(dir);
      this.progress.value = this.progress.max;
      this.showStatus(this.siteStatus, `Site exported: ${result.articles} articles, ${result.files} files in ${dir}.`, dir);
    } catch (error) {
      this.showStatus(this.siteStatus, `Site not exported: ${errorMessage(error)}`);
    }
  }

  private showStatus(area: HTMLElement, text: string, revealable?: string): void {
    const children: Node[] = [h("span", {}, text)];
    if (revealable) {
      const show = h("button", { type: "button", class: "small" }, "Show in folder");
      show.addEventListener("click", () =>
        revealPath(revealable).catch((error) => this.showStatus(area, errorMessage(error))),
      );
      children.push(show);
    }
    area.replaceChildren(...children);
  }
}
