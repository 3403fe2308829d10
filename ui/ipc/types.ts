/** JSON shapes of the byline-library and byline-preview types as they cross IPC (serde forms, snake_case fields). */

/** Where a draft stands on its way to publication. */
export type Status = "idea" | "draft" | "review" | "ready" | "published";

/** Every status, in workflow order. */
export const STATUSES: readonly Status[] = ["idea", "draft", "review", "ready", "published"];

/** Order of draft lists. */
export type DraftSort = "updated" | "created" | "title";

/** An author profile. */
export interface Author {
  id: number;
  slug: string;
  name: string;
  short_bio: string | null;
  bio: string | null;
  avatar: string | null;
  website: string | null;
  location: string | null;
  role: string | null;
  email: string | null;
  social: Record<string, string>;
  is_default: boolean;
  created: string;
  updated: string;
}

/** A draft as stored, with its authors resolved. */
export interface Draft {
  id: number;
  slug: string;
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: string;
  status: Status;
  tags: string[];
  authors: Author[];
  language: string | null;
  canonical_url: string | null;
  cover_image: string | null;
  created: string;
  updated: string;
  published: string | null;
  trashed_at: string | null;
  word_count: number;
  extra: Record<string, unknown>;
}

/** A draft as shown in lists. */
export interface DraftSummary {
  id: number;
  slug: string;
  title: string;
  subtitle: string | null;
  status: Status;
  tags: string[];
  authors: string[];
  updated: string;
  created: string;
  word_count: number;
  trashed_at: string | null;
}

/** Which drafts a list or count covers. */
export interface DraftFilter {
  status?: Status;
  tag?: string;
  author?: string;
  trashed?: boolean;
  sort?: DraftSort;
  limit?: number;
  offset?: number;
}

/** Everything needed to create a draft; only `title` is required. */
export interface NewDraft {
  title: string;
  subtitle?: string | null;
  summary?: string | null;
  body?: string;
  status?: Status;
  tags?: string[];
  authors?: string[];
  slug?: string | null;
  language?: string | null;
  canonical_url?: string | null;
  cover_image?: string | null;
}

/** A change to a draft: an absent key leaves the field alone, `null` clears it. */
export interface DraftChange {
  title?: string;
  subtitle?: string | null;
  summary?: string | null;
  body?: string;
  status?: Status;
  tags?: string[];
  authors?: string[];
  language?: string | null;
  canonical_url?: string | null;
  cover_image?: string | null;
  published?: string | null;
  extra?: Record<string, unknown>;
}

/** How a save is recorded in the revision history. */
export type SaveMode = "autosave" | "checkpoint" | "edit";

/** One line of a draft's history. */
export interface RevisionSummary {
  id: number;
  created: string;
  title: string;
  word_count: number;
  bytes: number;
  reason: string;
}

/** The full state of a draft captured by a revision. */
export interface DraftSnapshot {
  title: string;
  subtitle: string | null;
  summary: string | null;
  body: string;
  status: Status;
  tags: string[];
  authors: string[];
  language: string | null;
  canonical_url: string | null;
  cover_image: string | null;
  extra: Record<string, unknown>;
}

/** A revision with its full snapshot. */
export interface Revision extends RevisionSummary {
  snapshot: DraftSnapshot;
}

/** One search result; `snippet_html` is escaped HTML with `<mark>` around matches. */
export interface SearchHit {
  slug: string;
  title: string;
  subtitle: string | null;
  snippet_html: string;
  rank: number;
}

/** Everything needed to add an author; only `name` is required. */
export interface NewAuthor {
  name: string;
  slug?: string | null;
  short_bio?: string | null;
  bio?: string | null;
  avatar?: string | null;
  website?: string | null;
  location?: string | null;
  role?: string | null;
  email?: string | null;
  social?: Record<string, string>;
  make_default?: boolean;
}

/** A change to an author: an absent key leaves the field alone, `null` clears it. */
export interface AuthorChange {
  name?: string;
  short_bio?: string | null;
  bio?: string | null;
  avatar?: string | null;
  website?: string | null;
  location?: string | null;
  role?: string | null;
  email?: string | null;
  social?: Record<string, string>;
}

/** A stored file, identified by the sha256 of its bytes. */
export interface Asset {
  hash: string;
  mime: string;
  size: number;
  file_name: string;
}

/** What the library holds. */
export interface LibraryInfo {
  dir: string;
  drafts: number;
  trashed: number;
  authors: number;
}

/** An image stored for a draft and the Markdown that refers to it. */
export interface DraftImage {
  path: string;
  markdown: string;
}

/** One replacement in UTF-16 code units (CodeMirror positions) of the text it applies to. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** A preview render request: the whole text, or the edits since the text the shell holds. */
export interface PreviewRequest {
  /** This window's preview session, new on every page load. */
  session: string;
  slug: string | null;
  /** The text version `changes` apply to (0: none, `text` is sent). */
  base: number;
  /** The version of the resulting text. */
  version: number;
  text?: string;
  changes?: TextChange[];
  /** Length of the resulting text in UTF-16 code units. */
  length: number;
  /** The `seq` of the last reply applied (0: none). */
  known: number;
}

/** One top-level preview block: its content key and its first source line. */
export interface BlockRef {
  key: string;
  line: number | null;
}

/** The preview of one text version, as a change to the previous reply's block list. */
export interface PreviewUpdate {
  kind: "rendered";
  seq: number;
  version: number;
  /** The reply whose block list this changes; 0 when `blocks` is the whole list. */
  since: number;
  /** Leading blocks of that list kept. */
  head: number;
  /** Trailing blocks of that list kept, their lines moved by `shift`. */
  tail: number;
  shift: number;
  /** The blocks between head and tail. */
  blocks: BlockRef[];
  /** Sanitized HTML (lines relative to the block's first) of each key not held yet. */
  html: Record<string, string>;
  toc: unknown;
  stats: { words: number; reading_minutes: number };
  title: string | null;
}

/** The shell's answer: a render, or a request for the whole text. */
export type PreviewReply = PreviewUpdate | { kind: "resync" };

/** Export formats the core knows. */
export type ExportFormat = "html" | "hugo" | "zola" | "jekyll";

/** Options of one article export. */
export interface ExportOptions {
  format: ExportFormat;
  images: "embed" | "folder";
  includeEmail: boolean;
  path: string;
}

/** What a site export wrote. */
export interface SiteExportResult {
  articles: number;
  files: number;
}

/** Progress of a site export. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** Menu item ids the shell sends with the `menu` event. */
export type MenuId =
  | "new-draft"
  | "save-checkpoint"
  | "import"
  | "import-files"
  | "export"
  | "find"
  | "toggle-preview"
  | "focus-mode"
  | "distraction-free"
  | "zoom-in"
  | "zoom-out"
  | "zoom-reset"
  | "theme-light"
  | "theme-dark"
  | "theme-system"
  | "show-authors"
  | "show-history";

/** What one reconciliation with the drafts folder did (`folder-sync` event); one entry per file. */
export interface SyncReport {
  /** Files (and images beside them) written from library changes, relative to the folder. */
  written: string[];
  /** Drafts updated from changes to their files. */
  updated: DraftFile[];
  /** New drafts from new files. */
  created: DraftFile[];
  /** Drafts moved to the trash because their file was deleted. */
  trashed: DraftFile[];
  /** Files removed because their draft is in the trash. */
  removed: string[];
  /** Renamed or moved files. */
  renamed: RenamedFile[];
  /** Both sides changed: the library kept its text, the file's version is `revision` of `slug`. */
  conflicts: SyncConflict[];
  /** Files that could not be used, with the reason; they were left alone. */
  problems: FileNote[];
  /** Files read with something the writer should know (a missing image, a date kept as written). */
  warnings: FileNote[];
  /** About the sync itself (e.g. polling instead of live notifications). */
  notices: string[];
}

/** A file of the drafts folder (relative, '/'-separated) and the draft it mirrors. */
export interface DraftFile {
  path: string;
  slug: string;
}

/** A renamed or moved file; its draft stays the same. */
export interface RenamedFile {
  from: string;
  to: string;
  slug: string;
}

/** A file and its draft both changed; the file's version is revision `revision` of the draft. */
export interface SyncConflict {
  path: string;
  slug: string;
  revision: number;
}

/** What the writer should know about one file. */
export interface FileNote {
  path: string;
  message: string;
}

/** The `folder-sync-error` event: the watch cannot run and retries by itself. */
export interface SyncError {
  message: string;
}

/** The static site a drafts folder belongs to, as detected from its config file. */
export interface FolderSite {
  /** "Hugo", "Zola" or "Jekyll". */
  kind: string;
  /** The folder holding the site's config file. */
  root: string;
}

/** The drafts folder as bound: the folder Byline works in (a site's content folder when its root
 * was chosen) and the site it is in. */
export interface DraftsFolder {
  dir: string;
  site: FolderSite | null;
}

/** One draft an import made. */
export interface ImportedDraft {
  slug: string;
  /** The file it came from. */
  source: string;
  /** Images copied into the library for it. */
  images: number;
  /** Whether the site publishes it. */
  published: boolean;
  /** A section's own page (`_index.md`) rather than an article. */
  section: boolean;
}

/** A file an import skipped, or imported with something the writer should know. */
export interface ImportIssue {
  path: string;
  /** The 1-based line the problem is on, when it is on one. */
  line: number | null;
  /** What is wrong and what to do about it. */
  message: string;
  /** The line (unless the message names it) and the message, as `byline import` prints them. */
  detail: string;
}

/** What `import_paths` did, file by file. */
export interface ImportReport {
  drafts: ImportedDraft[];
  /** Authors named in front matter that did not exist (created with their name only). */
  created_authors: Author[];
  warnings: ImportIssue[];
  skipped: ImportIssue[];
  /** The sites the files were read as part of, e.g. "Hugo site at /home/ada/blog". */
  sites: string[];
  /** The core's closing line, e.g. "imported 14 (12 published, 2 section pages), skipped 1, 3 warnings". */
  summary: string;
}
