// Generated from the Rust types that cross IPC (src-tauri/src/bindings/): do not edit.
// Regenerate with `make bindings`; a test of the shell fails while this file is stale.
// Fields are as serde writes them: snake_case unless the type says otherwise; `T | null` is an
// Option, `field?:` a key the shell accepts absent.

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

/** Where a draft stands on its way to publication. */
export type Status = "idea" | "draft" | "review" | "ready" | "published";

/** Order of draft lists. */
export type DraftSort = "updated" | "created" | "title";

/** A draft as stored, with its authors resolved. */
export type Draft = {
  /** Database id. */
  id: number;
  /** Stable, unique slug. */
  slug: string;
  /** Title. */
  title: string;
  /**
   * Whether the title is the body's first heading (kept so as the writer edits it) rather
   * than one the writer typed.
   */
  title_from_body: boolean;
  /** Subtitle. */
  subtitle: string | null;
  /** Summary. */
  summary: string | null;
  /** Markdown body. */
  body: string;
  /** Workflow status. */
  status: Status;
  /** Tags in order. */
  tags: Array<string>;
  /** Credited authors in order. */
  authors: Array<Author>;
  /** Language tag. */
  language: string | null;
  /** Canonical URL. */
  canonical_url: string | null;
  /** Where readers discuss the article: an absolute http(s) URL. */
  discuss_url: string | null;
  /** Cover image path or URL. */
  cover_image: string | null;
  /** Creation time. */
  created: string;
  /** Time of the last change. */
  updated: string;
  /** Publication time. */
  published: string | null;
  /** When the draft was moved to the trash. */
  trashed_at: string | null;
  /** Cached word count of the body. */
  word_count: number;
  /** The writer's word goal for the draft. */
  word_goal: number | null;
  /** Unknown front matter. */
  extra: { [key in string]: JsonValue };
};

/** A draft as shown in lists. */
export type DraftSummary = {
  /** Database id. */
  id: number;
  /** Slug. */
  slug: string;
  /** Title. */
  title: string;
  /** Subtitle. */
  subtitle: string | null;
  /** Workflow status. */
  status: Status;
  /** Tags in order. */
  tags: Array<string>;
  /** Author names in credit order. */
  authors: Array<string>;
  /** Time of the last change. */
  updated: string;
  /** Creation time. */
  created: string;
  /** Cached word count. */
  word_count: number;
  /** When the draft was trashed. */
  trashed_at: string | null;
};

/** Which drafts a list or count covers. */
export type DraftFilter = {
  /** Only drafts with this status. */
  status?: Status | null;
  /** Only drafts with this tag (case-insensitive). */
  tag?: string | null;
  /** Only drafts crediting this author (slug, or name case-insensitively). */
  author?: string | null;
  /** `false`: live drafts only; `true`: the trash only. */
  trashed?: boolean;
  /** Order of the results. */
  sort?: DraftSort;
  /** At most this many results. */
  limit?: number | null;
  /** Skip this many results first. */
  offset?: number;
};

/**
 * Everything needed to create a draft; nothing is required. A blank `title` means the writer
 * typed none: the draft's title then follows its first heading ("Untitled draft" without one).
 */
export type NewDraft = {
  /** Title; blank: the first heading's, and it follows the heading from then on. */
  title?: string;
  /** One-line subtitle. */
  subtitle?: string | null;
  /** Short summary / description. */
  summary?: string | null;
  /** Markdown body. */
  body?: string;
  /** Workflow status (default `Draft`). */
  status?: Status;
  /** Tags, in order; trimmed and de-duplicated case-insensitively. */
  tags?: Array<string>;
  /** Author slugs in credit order; empty means the default author, if any. */
  authors?: Array<string>;
  /** Requested slug; taken from the title when absent. */
  slug?: string | null;
  /** Language tag such as `en`. */
  language?: string | null;
  /** Canonical URL of the published article. */
  canonical_url?: string | null;
  /** Where readers discuss the article (an absolute http(s) URL, e.g. a forum thread). */
  discuss_url?: string | null;
  /** Cover image path or URL. */
  cover_image?: string | null;
  /** Creation time (import); now when absent. */
  created?: string | null;
  /** Last-update time (import); the creation time when absent. */
  updated?: string | null;
  /** Publication time. */
  published?: string | null;
  /** Unknown front matter, kept and written back on export. */
  extra?: { [key in string]: JsonValue };
  /** The writer's word goal for the draft. */
  word_goal?: number | null;
};

/**
 * A change to a draft: `None` leaves a field alone, `Some(None)` clears an optional one.
 * In JSON, an absent field is `None` and `null` is `Some(None)`.
 */
export type DraftChange = {
  /**
   * New title; a different one is the writer's own from then on, a blank one makes the title
   * follow the first heading again.
   */
  title?: string;
  /** New subtitle. */
  subtitle?: string | null;
  /** New summary. */
  summary?: string | null;
  /** New body. */
  body?: string;
  /** New status; moving to `Published` stamps `published` if it is unset. */
  status?: Status;
  /** New tags (replace all). */
  tags?: Array<string>;
  /** New author slugs (replace all, in order). */
  authors?: Array<string>;
  /** New language. */
  language?: string | null;
  /** New canonical URL. */
  canonical_url?: string | null;
  /** New discussion link (an absolute http(s) URL). */
  discuss_url?: string | null;
  /** New cover image. */
  cover_image?: string | null;
  /** New publication time. */
  published?: string | null;
  /** New unknown front matter (replaces all). */
  extra?: { [key in string]: JsonValue };
  /** New word goal (`null` clears it). */
  word_goal?: number | null;
};

/** How a save is recorded in the revision history. */
export type SaveMode = "autosave" | "checkpoint" | "edit" | "import";

/** One line of a draft's history. */
export type RevisionSummary = {
  /** Revision number within its draft, starting at 1. */
  id: number;
  /** When the revision was last written. */
  created: string;
  /** Title at that revision. */
  title: string;
  /** Word count of the body at that revision. */
  word_count: number;
  /** Size of the body in bytes. */
  bytes: number;
  /** Why it was made: create, edit, autosave, checkpoint, import, "restore of #N". */
  reason: string;
};

/** The full state of a draft captured by a revision. */
export type DraftSnapshot = {
  /** Title. */
  title: string;
  /** Whether the title follows the body's first heading. */
  title_from_body: boolean;
  /** Subtitle. */
  subtitle: string | null;
  /** Summary. */
  summary: string | null;
  /** Markdown body. */
  body: string;
  /** Workflow status. */
  status: Status;
  /** Tags in order. */
  tags: Array<string>;
  /** Author slugs in order. */
  authors: Array<string>;
  /** Language. */
  language: string | null;
  /** Canonical URL. */
  canonical_url: string | null;
  /** Discussion link. */
  discuss_url: string | null;
  /** Cover image. */
  cover_image: string | null;
  /** Unknown front matter. */
  extra: { [key in string]: JsonValue };
  /** Word goal. */
  word_goal: number | null;
};

/** A revision with its full snapshot. */
export type Revision = {
  /** Revision number within its draft. */
  id: number;
  /** When the revision was last written. */
  created: string;
  /** Title at that revision. */
  title: string;
  /** Word count of the body. */
  word_count: number;
  /** Size of the body in bytes. */
  bytes: number;
  /** Why it was made. */
  reason: string;
  /** The draft's state at that revision. */
  snapshot: DraftSnapshot;
};

/** One search result. */
export type SearchHit = {
  /** Draft slug. */
  slug: string;
  /** Draft title. */
  title: string;
  /** Draft subtitle. */
  subtitle: string | null;
  /** HTML-escaped excerpt with matches wrapped in `<mark>`…`</mark>`; safe to inject. */
  snippet_html: string;
  /** Relevance: higher is better (negated bm25). */
  rank: number;
};

/** The words written on one local calendar day, typed and pasted apart. */
export type WritingDay = {
  /** The day, `YYYY-MM-DD` on the writer's clock. */
  day: string;
  /** Words typed, less words deleted (never below zero). */
  typed: number;
  /** Words pasted or dropped in. */
  pasted: number;
};

/** Words to add to a day's totals (a batch, sent with autosave). */
export type WritingDelta = {
  /** The day, `YYYY-MM-DD` on the writer's clock. */
  day: string;
  /** Words typed less words deleted; negative when more were deleted. */
  typed: number;
  /** Words pasted or dropped in. */
  pasted: number;
};

/** An author profile. */
export type Author = {
  /** Database id. */
  id: number;
  /** Stable, unique slug. */
  slug: string;
  /** Display name. */
  name: string;
  /** One-line bio. */
  short_bio: string | null;
  /** Long bio, Markdown. */
  bio: string | null;
  /** Avatar asset hash. */
  avatar: string | null;
  /** Website URL. */
  website: string | null;
  /** Location. */
  location: string | null;
  /** Role or job title. */
  role: string | null;
  /** Email address. */
  email: string | null;
  /** Social links, network -> URL, in the order given. */
  social: { [key in string]: string };
  /** Whether this is the library's default author. */
  is_default: boolean;
  /** Creation time. */
  created: string;
  /** Time of the last change. */
  updated: string;
};

/** Everything needed to add an author; only `name` is required. */
export type NewAuthor = {
  /** Display name; must not be blank. */
  name: string;
  /** Requested slug; taken from the name when absent. */
  slug?: string | null;
  /** One-line bio. */
  short_bio?: string | null;
  /** Long bio, Markdown. */
  bio?: string | null;
  /** Avatar asset hash (from `add_asset`). */
  avatar?: string | null;
  /** Website URL. */
  website?: string | null;
  /** Location. */
  location?: string | null;
  /** Role or job title. */
  role?: string | null;
  /** Email address. */
  email?: string | null;
  /** Social links, network -> URL. */
  social?: { [key in string]: string };
  /** Make this the default author (the first author always becomes default). */
  make_default?: boolean;
};

/**
 * A change to an author: `None` leaves a field alone, `Some(None)` clears an optional one.
 * In JSON, an absent field is `None` and `null` is `Some(None)`.
 */
export type AuthorChange = {
  /** New name. */
  name?: string;
  /** New one-line bio. */
  short_bio?: string | null;
  /** New long bio. */
  bio?: string | null;
  /** New avatar asset hash. */
  avatar?: string | null;
  /** New website. */
  website?: string | null;
  /** New location. */
  location?: string | null;
  /** New role. */
  role?: string | null;
  /** New email. */
  email?: string | null;
  /** New social links (replace all). */
  social?: { [key in string]: string };
};

/** A stored file, identified by the sha256 of its bytes. */
export type Asset = {
  /** Lowercase hex sha256 of the bytes. */
  hash: string;
  /** MIME type sniffed from the bytes. */
  mime: string;
  /** Size in bytes. */
  size: number;
  /** File name it was first added with. */
  file_name: string;
};

/** An image stored for a draft: where the Markdown refers to it and the text to insert. */
export type DraftImage = {
  /** Path the Markdown uses, e.g. `images/photo.png`. */
  path: string;
  /** The Markdown image reference to insert, e.g. `![photo](images/photo.png)`. */
  markdown: string;
};

/** `library_info`: where the library is and what it holds. */
export type LibraryInfo = {
  /** The library folder. */
  dir: string;
  /** Live drafts. */
  drafts: number;
  /** Drafts in the trash. */
  trashed: number;
  /** Author profiles. */
  authors: number;
};

/** What the app shows when it opens a library. */
export type FirstRun = {
  /**
   * The welcome draft's slug when it was created by this call (the library's first opening
   * in the app); the app opens it. `None` on every later opening.
   */
  welcome: string | null;
  /**
   * Whether to ask for the writer's author profile: the first run asked and the writer has
   * neither answered "Not now" nor created a profile since.
   */
  ask_for_author: boolean;
};

/** One replacement, in UTF-16 code units of the text it applies to (CodeMirror's positions). */
export type TextChange = {
  /** Start of the replaced range. */
  from: number;
  /** End (exclusive) of the replaced range; equal to `from` for an insertion. */
  to: number;
  /** The text put in its place. */
  insert: string;
};

/** One preview render request from the app window. */
export type PreviewRequest = {
  /** The window's preview session (new on every page load). */
  session: string;
  /** The draft shown, whose images the preview resolves. */
  slug: string | null;
  /** The text version `changes` apply to (0: none; `text` must be sent). */
  base: number;
  /** The version of the resulting text, chosen by the window. */
  version: number;
  /** The whole text, sent on the first render and after a resync. */
  text?: string;
  /** The edits since version `base`, in UTF-16 positions of that text, in order. */
  changes?: Array<TextChange>;
  /** Length of the resulting text in UTF-16 code units, to check the edits landed right. */
  length: number;
  /** The `seq` of the last reply the window applied (0: none). */
  known: number;
};

/** One top-level block of the preview: its content key and the source line it starts on. */
export type BlockRef = {
  /** Names the block's HTML with its lines relative to its first. */
  key: string;
  /** The block's first `data-line`, added back to its relative lines; None without any. */
  line: number | null;
};

/** One heading of the table of contents. */
export type TocEntry = {
  /** Heading level, 1 to 6. */
  level: number;
  /** The final id of the heading element in the rendered HTML (already prefixed). */
  id: string;
  /** Plain text of the heading. */
  text: string;
};

/** Word count and reading time of a document. */
export type TextStats = {
  /** Words of prose and code, markup excluded. */
  words: number;
  /** Minutes at 230 words per minute, rounded up; at least 1 for a non-empty text. */
  reading_minutes: number;
};

/** The preview of one text version, as a change to the window's previous block list. */
export type PreviewUpdate = {
  /** This reply's number, for the window's next `known`. */
  seq: number;
  /** The text version rendered. */
  version: number;
  /** The reply whose block list this one changes; 0 when `blocks` is the whole list. */
  since: number;
  /** Leading blocks of that list kept as they are. */
  head: number;
  /** Trailing blocks of that list kept, their lines moved by `shift`. */
  tail: number;
  /** How far the kept trailing blocks' lines moved (lines typed or deleted above them). */
  shift: number;
  /** The blocks between the kept head and tail, in order. */
  blocks: Array<BlockRef>;
  /** HTML (lines relative to the block's first) of each key the window does not hold. */
  html: { [key in string]: string };
  /** Every heading in document order. */
  toc: Array<TocEntry>;
  /** Word count and reading time. */
  stats: TextStats;
  /** Text of the first level-1 heading, if any. */
  title: string | null;
};

/** The answer to a [`PreviewRequest`]. */
export type PreviewReply = { "kind": "resync" } | { "kind": "rendered" } & PreviewUpdate;

/** Formats offered in the export dialog. */
export type ExportFormat = "html" | "hugo" | "zola" | "jekyll" | "pdf" | "docx" | "epub";

/** Where an exported page's images go. */
export type ImagePlacement = "embed" | "folder";

/** Paper sizes offered for PDF export. */
export type Paper = "a4" | "letter";

/** `export_article` options as the export dialog sends them. */
export type ArticleExport = {
  /** Output format. */
  format: ExportFormat;
  /** Images inside the page or in a folder beside it. */
  images: ImagePlacement;
  /** Include authors' email addresses. */
  includeEmail?: boolean;
  /** Show the share prompt on an HTML page (on unless turned off). */
  share?: boolean;
  /** PDF paper size; from the draft's language when absent. */
  paper?: Paper;
  /** Typewriter punctuation in the exported copy (curly quotes, dashes, ellipses). */
  smart?: boolean;
  /** Destination file, from the native save dialog. */
  path: string;
};

/** What a site export wrote. */
export type SiteSummary = {
  /** Articles published in the site. */
  articles: number;
  /** Files written. */
  files: number;
};

/** `export-progress` event payload. */
export type ExportProgress = {
  /** Files written so far. */
  done: number;
  /** Files to write. */
  total: number;
};

/** One imported draft. */
export type ImportedDraft = {
  /** Slug of the new draft. */
  slug: string;
  /** The file it came from. */
  source: string;
  /** How many images were copied into the library for it. */
  images: number;
  /** Whether the site publishes it (by its own conventions, or its `status`). */
  published: boolean;
  /** A section's own page (`_index.md`) rather than an article. */
  section: boolean;
};

/** A file an import found damaged text in. */
export type DamagedFile = {
  /** The file. */
  path: string;
  /** How many damaged places it has. */
  places: number;
  /** The first one, as the word it is in: damaged… */
  example: string;
  /** …and repaired. */
  example_repaired: string;
  /** Whether the import repaired them (else the text went in as it was). */
  repaired: boolean;
};

/**
 * A file skipped, or imported with something the writer should know. Serialized with its
 * [`detail`](Self::detail) too, so the app shows the words the CLI prints without re-deriving them.
 */
export type ImportIssue = {
  /** The file. */
  path: string;
  /** The 1-based line the problem is on, when it is on one. */
  line: number | null;
  /** What is wrong and what to do about it. */
  message: string;
  /** The line (unless the message names it) and the message, as `byline import` prints them. */
  detail: string;
};

/**
 * What an import did. Serialized with its [`summary`](Self::summary) line too, for the same reason
 * as [`ImportIssue`].
 */
export type ImportReport = {
  /** The new drafts, in the order the files were found. */
  drafts: Array<ImportedDraft>;
  /** Authors named in front matter that did not exist and were created (name only). */
  created_authors: Array<Author>;
  /** Files imported with a warning (a missing image, a date kept as written…). */
  warnings: Array<ImportIssue>;
  /** Files not imported, and why. */
  skipped: Array<ImportIssue>;
  /** The sites the files were read as part of (`Hugo site at …`), for the writer to check. */
  sites: Array<string>;
  /** Files whose text looks damaged (mojibake), repaired or imported as they were. */
  damaged: Array<DamagedFile>;
  /** The closing line, e.g. `imported 14 (12 published, 2 section pages), skipped 1, 3 warnings`. */
  summary: string;
};

/** A file of the drafts folder and the draft it mirrors. */
export type DraftFile = {
  /** The file, relative to the drafts folder, `/`-separated. */
  path: string;
  /** The draft's slug. */
  slug: string;
};

/** A file that was renamed or moved; its draft stays the same. */
export type RenamedFile = {
  /** Where the file was. */
  from: string;
  /** Where it is now. */
  to: string;
  /** The draft it mirrors. */
  slug: string;
};

/**
 * Both the file and its draft changed: the library kept its text and the file's version became
 * a revision of the draft.
 */
export type Conflict = {
  /** The file, relative to the drafts folder. */
  path: string;
  /** The draft's slug. */
  slug: string;
  /** The revision (as `byline history` numbers them) that holds the file's version. */
  revision: number;
};

/** Something the writer should know about one file: why it was skipped, or what was odd in it. */
export type FileNote = {
  /** The file, relative to the drafts folder (the folder itself when the whole sync failed). */
  path: string;
  /** What happened and what to do, for the writer. */
  message: string;
};

/** What one reconciliation did, one entry per file. */
export type SyncReport = {
  /** Files (and images beside them) written from library changes. */
  written: Array<string>;
  /** Drafts updated from changes to their files. */
  updated: Array<DraftFile>;
  /** New drafts made from new files. */
  created: Array<DraftFile>;
  /** Drafts moved to the trash because their file was deleted. */
  trashed: Array<DraftFile>;
  /** Files removed because their draft is in the trash (or was destroyed). */
  removed: Array<string>;
  /** Files that were renamed or moved. */
  renamed: Array<RenamedFile>;
  /** Both sides changed: the library kept its text, the file's version became a revision. */
  conflicts: Array<Conflict>;
  /** Files that could not be used, with the reason; they were left alone. */
  problems: Array<FileNote>;
  /** Files read with something the writer should know (a missing image, a date kept as written). */
  warnings: Array<FileNote>;
  /** Things the writer should know about the sync itself (e.g. the watcher fell back to polling). */
  notices: Array<string>;
};

/** Payload of [`SYNC_ERROR_EVENT`]. */
export type SyncError = {
  /** What went wrong and what the watcher does about it, for the writer. */
  message: string;
};

/** The static site a drafts folder belongs to. */
export type FolderSite = {
  /** The generator as writers know it: "Hugo", "Zola" or "Jekyll" (from its config file). */
  kind: string;
  /** The folder holding its config file. */
  root: string;
};

/**
 * `bind_drafts_folder` and `drafts_folder`: the folder Byline works in, and the site it is
 * part of, so the writer sees what Byline detected before trusting it with their site.
 */
export type DraftsFolder = {
  /**
   * The folder synced: a site's content folder when its root was chosen. Text, so a path
   * that is not UTF-8 still crosses (lossily) instead of failing the command.
   */
  dir: string;
  /** The site the folder is (in), if any. */
  site: FolderSite | null;
};

/** The drafts that files opened as, and the files that could not be opened. */
export type OpenedFiles = {
  /** The drafts' slugs, in the order the files were given (the last is shown). */
  slugs: Array<string>;
  /** One line per file that could not be opened: which file and why. */
  problems: Array<string>;
};

/** How the text was damaged. */
export type Kind = "utf8_as_windows1252" | "utf8_as_latin1" | "double_encoded" | "utf8_as_thai_lost_continuation";

/** One damaged place and what would repair it. */
export type Repair = {
  /** Byte offset where the damaged text starts. */
  start: number;
  /** Byte offset just past it. */
  end: number;
  /** The same place in UTF-16 code units, as an editor in a web view counts. */
  start_utf16: number;
  /** Just past it, in UTF-16 code units. */
  end_utf16: number;
  /** The 1-based line it is on. */
  line: number;
  /** The damaged text (`Ã©`). */
  damaged: string;
  /** What stood there (`é`). */
  replacement: string;
  /** How it was damaged. */
  kind: Kind;
};

/**
 * A damaged place as the writer reviews it: the repair, and the word it is in as it is and as
 * repaired (`Ã©` means little on its own; `CafÃ©` → `Café` says what happened).
 */
export type DamagedPlace = {
  /** Where the damage is and what replaces it. */
  repair: Repair;
  /** The word it is in, damaged… */
  word: string;
  /** …and repaired. */
  word_repaired: string;
};

/** One installed dictionary: an `.aff` file and the `.dic` beside it. */
export type InstalledDictionary = {
  /** The files' name, e.g. `en_US`. */
  name: string;
  /** Its language, lowercase, e.g. `en`. */
  language: string;
  /** Its region, uppercase, e.g. `US`; None for a dictionary of the whole language. */
  region: string | null;
};

/** `spelling_languages`: what a draft is checked in, for the Spelling Languages dialog. */
export type SpellingLanguages = {
  /** The draft's own language, else the system's, else English: always checked, listed first. */
  primary: string;
  /** The installed dictionary `primary` is checked with, if one is installed. */
  primary_dictionary: string | null;
  /** The writer's extra languages, kept in the library, in the writer's order. */
  extras: Array<string>;
};

/** A menu item as the command palette lists it. */
export type MenuAction = {
  /** The item's id, to run it with `run_menu_action`. */
  id: string;
  /** The item's label. */
  label: string;
  /** Its shortcut in Tauri's syntax (`CmdOrCtrl+Shift+P`), if it has one. */
  accelerator: string | null;
  /** The menus it is in, outermost first (`["View", "Theme"]`). */
  menu: Array<string>;
};

/** How every command rejects: an [`AppError`] as it crosses IPC. */
export type IpcError = {
  /** Stable, for the UI to branch on: `not_found`, `slug_taken`, `refused`, `disk_full`… */
  code: string;
  /** The one line the writer reads: what went wrong and what to do. */
  message: string;
};

/** Every status, in workflow order. */
export const STATUSES: readonly Status[] = ["idea", "draft", "review", "ready", "published"];

/** Ids of the menu items the shell passes to the UI as the `menu` event. */
export type MenuId = "new-draft" | "open-file" | "save-checkpoint" | "import" | "import-files" | "export" | "find" | "spelling-languages" | "smart-punctuation" | "command-palette" | "toggle-preview" | "toggle-outline" | "focus-mode" | "typewriter-mode" | "distraction-free" | "theme-light" | "theme-dark" | "theme-system" | "go-to-draft" | "show-authors" | "show-history";

/** Extensions of the Markdown files Byline opens (and a drafts folder mirrors). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ["md", "markdown"];

/** Extensions of the files an import reads. */
export const IMPORTED_EXTENSIONS: readonly string[] = ["md", "markdown", "txt"];
