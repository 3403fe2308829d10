/** Typed wrappers for every command of the shell contract; the only callers of `invoke`. */
import { invoke } from "@tauri-apps/api/core";
import type {
  ArticleExport,
  Asset,
  Author,
  AuthorChange,
  Draft,
  DraftChange,
  DraftFilter,
  DraftImage,
  DraftSummary,
  DraftsFolder,
  FirstRun,
  ImportReport,
  LibraryInfo,
  MenuAction,
  NewAuthor,
  NewDraft,
  OpenedFiles,
  PreviewReply,
  PreviewRequest,
  DamagedPlace,
  InstalledDictionary,
  Revision,
  RevisionSummary,
  SaveMode,
  SearchHit,
  SiteSummary,
  SpellingLanguages,
  WritingDay,
  WritingDelta,
} from "./bindings";

/** Counts and location of the open library. */
export const libraryInfo = () => invoke<LibraryInfo>("library_info");

/** One page of draft summaries; never carries bodies. */
export const listDrafts = (filter: DraftFilter) => invoke<DraftSummary[]>("list_drafts", { filter });

/** How many drafts a filter covers (limit/offset ignored by the core). */
export const countDrafts = (filter: DraftFilter) => invoke<number>("count_drafts", { filter });

/** A whole draft, body included. */
export const getDraft = (slug: string) => invoke<Draft>("get_draft", { slug });

/** Creates a draft and returns it as stored. */
export const createDraft = (draft: NewDraft) => invoke<Draft>("create_draft", { draft });

/** Saves a change to a draft; `mode` decides how the revision history records it. */
export const saveDraft = (slug: string, change: DraftChange, mode: SaveMode) =>
  invoke<Draft>("save_draft", { slug, change, mode });

/** Moves a draft to the trash. */
export const trashDraft = (slug: string) => invoke<null>("trash_draft", { slug });

/** Brings a draft back from the trash. */
export const untrashDraft = (slug: string) => invoke<null>("untrash_draft", { slug });

/** Destroys every trashed draft; returns how many. */
export const emptyTrash = () => invoke<number>("empty_trash");

/** A draft's revisions, newest first. */
export const history = (slug: string) => invoke<RevisionSummary[]>("history", { slug });

/** One revision with its snapshot. */
export const getRevision = (slug: string, id: number) => invoke<Revision>("get_revision", { slug, id });

/** Restores a revision (itself recorded as a new revision). */
export const restoreRevision = (slug: string, id: number) => invoke<Draft>("restore_revision", { slug, id });

/** Full-text search with highlighted snippets. */
export const search = (query: string, limit: number) => invoke<SearchHit[]>("search", { query, limit });

/** Every author profile. */
export const listAuthors = () => invoke<Author[]>("list_authors");

/** Adds an author profile. */
export const addAuthor = (author: NewAuthor) => invoke<Author>("add_author", { author });

/** Changes an author profile. */
export const updateAuthor = (slug: string, change: AuthorChange) => invoke<Author>("update_author", { slug, change });

/** Makes an author the library's default. */
export const setDefaultAuthor = (slug: string) => invoke<null>("set_default_author", { slug });

/** Removes an author; the core refuses while drafts credit them unless `reassignTo` is given. */
export const removeAuthor = (slug: string, reassignTo?: string) =>
  invoke<null>("remove_author", reassignTo === undefined ? { slug } : { slug, reassignTo });

/** Stores an image file chosen in the native open dialog. */
export const importImage = (path: string) => invoke<Asset>("import_image", { path });

/** A `data:` URL of a stored asset, for showing avatars. */
export const assetDataUrl = (hash: string) => invoke<string>("asset_data_url", { hash });

/** Stores a pasted or dropped image for a draft; returns the Markdown that shows it. */
export const addDraftImage = (slug: string, fileName: string, bytes: Uint8Array) =>
  invoke<DraftImage>("add_draft_image", { slug, fileName, bytes: Array.from(bytes) });

/** The preview after the window's edits: the blocks not held yet, or a request for the whole text. */
export const updatePreview = (request: PreviewRequest) => invoke<PreviewReply>("update_preview", { request });

/** CSS for the preview document: prose plus code highlighting. */
export const previewCss = () => invoke<string>("preview_css");

/** Exports one article; returns the written paths, the document first. */
export const exportArticle = (slug: string, options: ArticleExport) =>
  invoke<string[]>("export_article", { slug, options });

/** Exports the whole library as a static site; progress arrives as `export-progress` events. */
export const exportSite = (dir: string) => invoke<SiteSummary>("export_site", { dir });

/** Imports Markdown files and folders (a site's root, its content folder, any folder): every file
 * it can, the others listed in the report with their line and what to do. */
export const importPaths = (paths: string[]) => invoke<ImportReport>("import_paths", { paths });

/** Opens an http, https or mailto URL in the system's handler; anything else is refused. */
export const openExternal = (url: string) => invoke<null>("open_external", { url });

/** Shows a file in the system's file manager. */
export const revealPath = (path: string) => invoke<null>("reveal_path", { path });

/** Binds the library to a drafts folder (a site's root means its content folder) and starts
 * syncing; resolves to the folder as bound and the site it is in. */
export const bindDraftsFolder = (dir: string) => invoke<DraftsFolder>("bind_drafts_folder", { dir });

/** The drafts folder being synced and the site it is in, or null. */
export const draftsFolder = () => invoke<DraftsFolder | null>("drafts_folder");

/** Stops syncing the drafts folder and forgets it; its files stay. */
export const unbindDraftsFolder = () => invoke<null>("unbind_drafts_folder");

/** Opens Markdown files as drafts linked to them; each file that cannot be opened is a problem line. */
export const openFiles = (paths: string[]) => invoke<OpenedFiles>("open_files", { paths });

/** What the files the app was started with opened as (once). */
export const takeStartupFiles = () => invoke<OpenedFiles>("take_startup_files");

/** Every place in `text` that looks like damaged text (mojibake), with its repair; changes nothing. */
export const findDamagedText = (text: string) => invoke<DamagedPlace[]>("find_damaged_text", { text });

/** The words of `words` misspelled in a draft written in `language` (null: the system's), each once. */
export const checkSpelling = (language: string | null, words: string[]) =>
  invoke<string[]>("check_spelling", { language, words });

/** Up to eight replacements for a misspelled word, best first. */
export const spellingSuggestions = (language: string | null, word: string) =>
  invoke<string[]>("spelling_suggestions", { language, word });

/** Adds a word to the library's personal dictionary; resolves to the word as stored. */
export const addDictionaryWord = (word: string) => invoke<string>("add_dictionary_word", { word });

/** What a draft written in `language` is checked in: its primary language and the writer's extras. */
export const spellingLanguages = (language: string | null) =>
  invoke<SpellingLanguages>("spelling_languages", { language });

/** Replaces the extra languages checked in every draft; resolves to them as stored. */
export const setSpellingLanguages = (tags: string[]) => invoke<string[]>("set_spelling_languages", { tags });

/** Every installed Hunspell dictionary, sorted by name. */
export const installedDictionaries = () => invoke<InstalledDictionary[]>("installed_dictionaries");
/** Every item of the menu bar with its label, shortcut and menus, for the command palette. */
export const menuActions = () => invoke<MenuAction[]>("menu_actions");

/** Runs menu item `id` exactly as choosing it from the menu does. */
export const runMenuAction = (id: string) => invoke<null>("run_menu_action", { id });
/** Adds words written (a batch, sent with an autosave) to their day; returns the day's totals. */
export const addWriting = (delta: WritingDelta) => invoke<WritingDay>("add_writing", { delta });

/** The words written on `day` (`YYYY-MM-DD`, local). */
export const writingDay = (day: string) => invoke<WritingDay>("writing_day", { day });

/** Creates the welcome draft on a new library's first opening; says whether to ask for an author profile. */
export const firstRun = () => invoke<FirstRun>("first_run");

/** The writer answered the author prompt with "Not now": the library never asks again. */
export const dismissAuthorPrompt = () => invoke<null>("dismiss_author_prompt");
