/** An import report as plain text: the lines `byline import` prints, so a copied report reads the
 * same as the command's and one line names one file. */
import type { ImportIssue, ImportReport } from "../../ipc";

const plural = (n: number) => (n === 1 ? "" : "s");

/** What is wrong with a file: its line (unless the message names it already), then why. Mirrors
 * the core's `ImportIssue::detail`. */
export function issueDetail(issue: ImportIssue): string {
  return issue.line !== null && !issue.message.includes(`line ${issue.line}`)
    ? `line ${issue.line}: ${issue.message}`
    : issue.message;
}

/** One file's issue on one line, "path: line N: message", as the core displays it. */
export function issueLine(issue: ImportIssue): string {
  return `${issue.path}: ${issueDetail(issue)}`;
}

/** The core's summary line, e.g. "imported 14 (12 published, 2 section pages), skipped 1, 3 warnings". */
export function summaryLine(report: ImportReport): string {
  const published = report.drafts.filter((draft) => draft.published).length;
  const sections = report.drafts.filter((draft) => draft.section).length;
  let imported = `imported ${report.drafts.length} (${published} published`;
  if (sections > 0) imported += `, ${sections} section page${plural(sections)}`;
  const warnings = report.warnings.length;
  return `${imported}), skipped ${report.skipped.length}, ${warnings} warning${plural(warnings)}`;
}

/** The whole report, in the dialog's order: summary, sites, skipped files, warnings, new authors,
 * imported drafts; one line each, ending with a newline. */
export function reportText(report: ImportReport): string {
  const lines = [
    summaryLine(report),
    ...report.sites.map((site) => `read as a ${site}`),
    ...report.skipped.map((issue) => `skipped: ${issueLine(issue)}`),
    ...report.warnings.map((issue) => `warning: ${issueLine(issue)}`),
    ...report.created_authors.map((author) => `created author \`${author.slug}\` (${author.name}); add a bio in Authors`),
    ...report.drafts.map((draft) => `imported: ${draft.slug} from ${draft.source}`),
  ];
  return `${lines.join("\n")}\n`;
}
