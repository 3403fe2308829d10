/** Reading a drafts folder sync report: what it says about one draft, and a line for the writer. */
import type { SyncReport } from "../../ipc";

/** The file name a draft is mirrored to when nothing else took it. */
const fileOf = (slug: string) => `${slug}.md`;

/** The last part of a '/'-separated relative path. */
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** True when the report changed drafts or files, so the library list may be out of date. */
export function changesLibrary(report: SyncReport): boolean {
  return (
    report.created.length + report.updated.length + report.trashed.length + report.renamed.length + report.conflicts.length > 0
  );
}

/** True when the report may concern the draft `slug`: its file was read, renamed, deleted or in conflict. */
export function mayConcern(report: SyncReport, slug: string): boolean {
  const file = fileOf(slug);
  return (
    report.updated.some((path) => baseName(path) === file) ||
    report.renamed.some(([from, to]) => baseName(from) === file || baseName(to) === file) ||
    report.trashed.some((entry) => entry.startsWith(`${slug} (`)) ||
    conflictRevision(report, slug) !== null ||
    // A draft can be mirrored to another name (a rename, `<slug>-2.md`): any file read may be it.
    report.updated.length > 0
  );
}

/** The revision holding the file's version when the report has a conflict for `slug`, else null. */
export function conflictRevision(report: SyncReport, slug: string): number | null {
  for (const entry of report.conflicts) {
    const match = /the file's version is revision (\d+) of `([^`]+)`\)$/.exec(entry);
    if (match && match[2] === slug) return Number(match[1]);
  }
  return null;
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
  const problems = [...report.problems, ...report.notices];
  if (parts.length === 0 && problems.length === 0) return "";
  const line = parts.length > 0 ? `Drafts folder: ${parts.join(", ")}` : "Drafts folder";
  return problems.length > 0 ? `${line}. ${problems.join("; ")}` : line;
}
