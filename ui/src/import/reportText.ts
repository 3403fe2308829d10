/** An import report as plain text: the lines `byline import` prints, so a copied report reads the
 * same as the command's and one line names one file. */
import type { ImportIssue, ImportReport } from "../../ipc";

/** One file's issue on one line, "path: line N: message", as the core displays it. */
export function issueLine(issue: ImportIssue): string {
  return `${issue.path}: ${issue.detail}`;
}

/** The whole report, in the dialog's order: summary, sites, skipped files, warnings, new authors,
 * imported drafts; one line each, ending with a newline. */
export function reportText(report: ImportReport): string {
  const lines = [
    report.summary,
    ...report.sites.map((site) => `read as a ${site}`),
    ...report.skipped.map((issue) => `skipped: ${issueLine(issue)}`),
    ...report.warnings.map((issue) => `warning: ${issueLine(issue)}`),
    ...report.created_authors.map((author) => `created author \`${author.slug}\` (${author.name}); add a bio in Authors`),
    ...report.drafts.map((draft) => `imported: ${draft.slug} from ${draft.source}`),
  ];
  return `${lines.join("\n")}\n`;
}
