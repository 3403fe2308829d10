/** Typed listeners for the events the shell emits; the only callers of `listen`. */
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ExportProgress, MenuId, OpenedFiles, SyncError, SyncReport } from "./bindings";

/** Calls `handler` with the id of each native menu item the writer picks. */
export const onMenu = (handler: (id: MenuId) => void): Promise<UnlistenFn> =>
  listen<MenuId>("menu", (event) => handler(event.payload));

/** Calls `handler` when the window is about to close; the UI must save, then destroy the window. */
export const onCloseRequested = (handler: () => void): Promise<UnlistenFn> =>
  listen<unknown>("close-requested", () => handler());

/** Calls `handler` with each progress step of a site export. */
export const onExportProgress = (handler: (progress: ExportProgress) => void): Promise<UnlistenFn> =>
  listen<ExportProgress>("export-progress", (event) => handler(event.payload));

/** Calls `handler` with each report of the drafts folder watcher (something changed). */
export const onFolderSync = (handler: (report: SyncReport) => void): Promise<UnlistenFn> =>
  listen<SyncReport>("folder-sync", (event) => handler(event.payload));

/** Calls `handler` when the drafts folder cannot be watched (the shell retries by itself). */
export const onFolderSyncError = (handler: (error: SyncError) => void): Promise<UnlistenFn> =>
  listen<SyncError>("folder-sync-error", (event) => handler(event.payload));

/** Calls `handler` with the drafts that files handed over by a second launch or dropped on the window opened as. */
export const onFilesOpened = (handler: (opened: OpenedFiles) => void): Promise<UnlistenFn> =>
  listen<OpenedFiles>("files-opened", (event) => handler(event.payload));

export type { UnlistenFn };
