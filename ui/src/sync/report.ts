/** Reading a drafts folder sync report: what it says about one draft, and a line for the writer. */
import type { SyncReport } from "../../ipc";

/** True when the report changed drafts or files, so the library list may be out of date. */
export function changesLibrary(report: SyncReport): boolean {
  return (
    report.created.length + report.updated.length + report.trashed.length + report.renamed.length + report.conflicts.length > 0
  );
}

/** True when the report concerns the draft `slug`: its file was read, renamed, deleted or in conflict. */
export function mayConcern(report: SyncReport, slug: string): boolean {
  const isIt = (entry: { slug: string }) => entry.slug === slug;
  return (
    report.updated.some(isIt) || report.renamed.some(isIt) || report.trashed.some(isIt) || report.conflicts.some(isIt)
  );
}

/** The revision holding the file's version when the report has a conflict for `slug`, else null. */
export function conflictRevision(report: SyncReport, slug: string): number | null {
  return report.conflicts.find((conflict) => conflict.slug === slug)?.revision ?? null;
}

/** One quiet line for the status bar, e.g. "Drafts folder: 2 updated from files, 1 new"; empty
 * when only the app's own saves were written out (that happens after every autosave). */
export function summary(report: SyncReport): string {
  const parts: string[] = [];
  const count = (n: number, what: string) => {
    if (n > 0) parts.push(`${n} ${what}`);
  };
  count(report.updated.length, "updated from files");
  count(report.created.length, "new");
  count(report.renamed.length, "renamed");
  count(report.trashed.length, "moved to the trash (file deleted)");
  count(report.conflicts.length, report.conflicts.length === 1 ? "conflict, both versions kept" : "conflicts, both versions kept");
  const problems = [...report.problems.map((note) => `${note.path}: ${note.message}`), ...report.notices];
  if (parts.length === 0 && problems.length === 0) return "";
  const line = parts.length > 0 ? `Drafts folder: ${parts.join(", ")}` : "Drafts folder";
  return problems.length > 0 ? `${line}. ${problems.join("; ")}` : line;
}
