/** File names for exports, pure for unit tests. */
import type { ExportFormat } from "../../ipc/bindings";

/** The extension a format writes. */
export function extensionFor(format: ExportFormat): string {
  switch (format) {
    case "html":
    case "pdf":
    case "docx":
    case "epub":
      return format;
    default:
      return "md";
  }
}

/** Formats that are one binary file with every image inside. */
export function isSelfContained(format: ExportFormat): boolean {
  return format === "pdf" || format === "docx" || format === "epub";
}

/** Suggested file name for a draft in a format, e.g. `my-post.html`. */
export function suggestedFileName(slug: string, format: ExportFormat): string {
  return `${slug}.${extensionFor(format)}`;
}

/** Swaps the extension of a chosen destination when the format changes (keeps other names). */
export function withExtension(path: string, format: ExportFormat): string {
  const ext = extensionFor(format);
  const match = /\.(html?|md|markdown|pdf|docx|epub)$/i.exec(path);
  return match ? `${path.slice(0, match.index)}.${ext}` : path;
}
