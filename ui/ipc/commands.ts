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
  ImportReport,
  LibraryInfo,
  NewAuthor,
  NewDraft,
  PreviewReply,
  PreviewRequest,
  Revision,
  RevisionSummary,
  SaveMode,
  SearchHit,
  SiteSummary,
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
