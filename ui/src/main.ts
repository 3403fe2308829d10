/** Byline's UI: builds the window's panes and wires them to each other and to the shell. */
import "./styles/base.css";
import "./styles/app.css";
import "./styles/dialogs.css";
import {
  destroyWindow,
  errorMessage,
  insideTauri,
  onCloseRequested,
  onFolderSync,
  onFolderSyncError,
  onMenu,
  previewCss,
  setWindowTitle,
  type MenuId,
} from "../ipc";
import { Session } from "./app/session";
import { AppMenu } from "./app/appMenu";
import { Toolbar } from "./app/toolbar";
import { loadPrefs, savePrefs, type Layout } from "./app/viewPrefs";
import { AuthorsManager } from "./authors/manager";
import { Autosaver } from "./autosave/autosave";
import { stashBody } from "./autosave/stash";
import { MarkdownEditor } from "./editor/editor";
import { ExportDialog } from "./export/exportDialog";
import { HistoryDialog } from "./history/historyDialog";
import { imageDropPaste } from "./images/imageDrop";
import { Importer } from "./import/importer";
import { LibrarySidebar } from "./library/sidebar";
import { MetadataPanel } from "./metadata/panel";
import { Preview } from "./preview/preview";
import { notify } from "./shared/dialog";
import { h } from "./shared/dom";
import { StatusBar } from "./statusbar/statusbar";
import { DraftsFolderDialog } from "./sync/draftsFolderDialog";
import { ExternalChanges } from "./sync/externalChanges";
import { installTestHooks } from "./testHooks";
import { trackInputLatency } from "./editor/inputLatency";
import { ThemeController } from "./theme/theme";

// Start-up marks (ui-start, preview-ready, library-listed, editor-editable) show where launch time goes.
performance.mark("ui-start");
const root = document.getElementById("app");
if (!root) throw new Error("index.html lacks #app");

const prefs = loadPrefs();
const theme = new ThemeController();
const statusbar = new StatusBar();

// Panes are created first; the session that ties them together is created right after.
let session: Session;
const editorRegion = h("section", { class: "editor-pane", role: "region", "aria-label": "Editor" });
const emptyState = h(
  "div",
  { class: "empty-state", hidden: true },
  h("p", {}, "Pick a draft from the library, or start a new one."),
);
editorRegion.append(emptyState);
const editor = new MarkdownEditor(
  editorRegion,
  {
    onTextChange: (changes) => {
      const changedAt = performance.now();
      autosaver.bodyChanged();
      preview.update(session.slug(), () => editor.text(), changedAt, changes);
    },
    onScroll: () => {
      if (prefs.layout !== "split") return;
      preview.scrollToLine(editor.topLine());
    },
  },
  [imageDropPaste(() => session.slug(), (message) => notify(message, "error"))],
);
const previewRegion = h("section", { class: "preview-pane", "aria-label": "Preview pane" });
const preview = new Preview(previewRegion, {
  onRendered: (result) => statusbar.setStats(result.stats.words, result.stats.reading_minutes),
  onScrolledToLine: (line) => {
    if (prefs.layout !== "split") return;
    // The editor's scroll event must not scroll the preview back.
    preview.quiet();
    editor.scrollToLine(line);
  },
  onLatency: (ms) => hooks.perf.push(ms),
});
const autosaver = new Autosaver(
  () => editor.text(),
  (state) => statusbar.setSave(state),
  (draft) => {
    session.saved(draft);
    const title = `${draft.title} — Byline`;
    if (draft.slug === session.slug() && document.title !== title) showTitle(title);
  },
);
const metadata = new MetadataPanel({
  changed: (change, immediate) => autosaver.metaChanged(change, immediate),
  trash: () => void session.trash(),
});
const library = new LibrarySidebar({
  open: (slug) => void session.open(slug),
  newDraft: () => void session.create(),
  changed: () => void session.loadAuthors(),
});
const authors = new AuthorsManager((list) => session.authorsChanged(list));
const historyDialog = new HistoryDialog({
  currentText: () => editor.text(),
  flush: () => autosaver.flush(),
  restored: (draft) => {
    session.replace(draft);
    notify("Revision restored. The text before the restore is in the history too.");
  },
});
const exportDialog = new ExportDialog({ flush: () => autosaver.flush() });
const toolbar = new Toolbar({
  layout: (layout) => setLayout(layout),
  focusMode: () => setFocusMode(!prefs.focusMode),
  details: () => setDetails(!prefs.details),
  exportDialog: () => exportDialog.open(session.slug()),
  history: () => openHistory(),
});
const draftsFolderDialog = new DraftsFolderDialog();
const importer = new Importer({
  imported: async () => {
    await Promise.all([library.reload(), session.loadAuthors()]);
  },
  status: (text) => statusbar.setNote(text),
});
const appMenu = new AppMenu({
  theme: (choice) => theme.choose(choice),
  authors: () => void authors.open(),
  draftsFolder: () => void draftsFolderDialog.open(),
});
library.el.append(appMenu.el);

session = new Session({
  editor,
  preview,
  metadata,
  library,
  autosaver,
  statusbar,
  opened: (draft) => {
    externalChanges.draftOpened();
    emptyState.hidden = draft !== null;
    showTitle(draft ? `${draft.title} — Byline` : "Byline");
    reflect();
  },
});

const externalChanges = new ExternalChanges({ session, editor, autosaver, library, statusbar });

const workspace = h(
  "main",
  { class: "workspace" },
  h("h1", { class: "visually-hidden" }, "Byline"),
  toolbar.el,
  externalChanges.banner.el,
  h("div", { class: "panes" }, editorRegion, previewRegion),
);
root.append(library.el, workspace, metadata.el, statusbar.el);

function showTitle(title: string): void {
  document.title = title;
  if (insideTauri()) setWindowTitle(title).catch(() => undefined);
}

function reflect(): void {
  root!.dataset.layout = prefs.layout;
  root!.classList.toggle("details-hidden", !prefs.details);
  editorRegion.classList.toggle("focus-mode", prefs.focusMode);
  document.documentElement.style.setProperty("--editor-font-size", `${prefs.fontSize}px`);
  toolbar.reflect({
    layout: prefs.layout,
    focusMode: prefs.focusMode,
    details: prefs.details,
    hasDraft: session.slug() !== null,
  });
  appMenu.reflect(theme.chosen());
  savePrefs(prefs);
}

function setLayout(layout: Layout): void {
  prefs.layout = layout;
  reflect();
  if (layout === "preview") preview.frame.focus();
}

function setFocusMode(on: boolean): void {
  prefs.focusMode = on;
  editor.setFocusMode(on);
  reflect();
  statusbar.setNote(on ? "Focus mode" : "");
}

function setDetails(on: boolean): void {
  prefs.details = on;
  reflect();
}

function toggleDistractionFree(): void {
  const on = !root!.classList.contains("distraction-free");
  root!.classList.toggle("distraction-free", on);
  if (on) {
    notify("Distraction-free: press Escape to come back.");
    editor.focus();
  }
}

function openHistory(): void {
  const slug = session.slug();
  if (slug) void historyDialog.open(slug);
  else notify("Open a draft to see its history.");
}

let lastCheckpoint = 0;
async function checkpoint(): Promise<void> {
  // The menu accelerator and the page's own Mod-S may both fire for one key press.
  if (!session.slug() || Date.now() - lastCheckpoint < 500) return;
  lastCheckpoint = Date.now();
  if (await autosaver.flush("checkpoint")) statusbar.setNote("Checkpoint saved");
}

function handleMenu(id: MenuId): void {
  switch (id) {
    case "new-draft":
      return void session.create();
    case "save-checkpoint":
      return void checkpoint();
    case "import":
      return void importer.chooseFolder();
    case "import-files":
      return void importer.chooseFiles();
    case "export":
      return exportDialog.open(session.slug());
    case "find":
      return editor.openFind();
    case "toggle-preview":
      return setLayout(prefs.layout === "split" ? "editor" : "split");
    case "focus-mode":
      return setFocusMode(!prefs.focusMode);
    case "distraction-free":
      return toggleDistractionFree();
    case "theme-light":
    case "theme-dark":
    case "theme-system":
      theme.choose(id === "theme-light" ? "light" : id === "theme-dark" ? "dark" : "system");
      return reflect();
    case "show-authors":
      return void authors.open();
    case "show-history":
      return openHistory();
  }
}

document.addEventListener("keydown", (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === "Escape" && root.classList.contains("distraction-free") && !document.querySelector("dialog[open]")) {
    root.classList.remove("distraction-free");
  } else if (mod && !event.altKey && event.key.toLowerCase() === "s") {
    event.preventDefault();
    void checkpoint();
  } else if (mod && event.shiftKey && event.key.toLowerCase() === "f") {
    event.preventDefault();
    library.focusSearch();
  }
});

// Leaving the window is a natural pause: save then, not a second later.
window.addEventListener("blur", () => void autosaver.flush());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") void autosaver.flush();
});

async function closeWindow(): Promise<void> {
  const slug = session.slug();
  const saved = await autosaver.flush();
  if (!saved && slug) {
    // The window still closes (the shell insists after a few seconds); keep the text for next time.
    stashBody(slug, editor.text());
  }
  await destroyWindow();
}

const hooks = installTestHooks({
  openDraft: (slug) => session.open(slug),
  currentSlug: () => session.slug(),
  flush: async () => {
    if (!(await autosaver.flush())) throw new Error(statusbar.el.querySelector(".status-save")?.textContent ?? "Not saved");
  },
  editorText: () => editor.text(),
  setEditorText: (text) => editor.replaceAsUser(text),
  previewIdle: () => !preview.busy(),
  importPaths: async (paths) => {
    await importer.run(paths);
  },
});
trackInputLatency(editorRegion, (ms) => hooks.typing.push(ms));

theme.subscribe((shown) => {
  editor.setDark(shown === "dark");
  preview.setTheme(shown);
  appMenu.reflect(theme.chosen());
});

async function start(): Promise<void> {
  if (prefs.focusMode) editor.setFocusMode(true);
  reflect();
  if (!insideTauri()) {
    notify("Byline's UI is running outside the app: nothing can be loaded or saved.", "error");
    return;
  }
  void onMenu(handleMenu);
  void onFolderSync((report) => externalChanges.received(report));
  void onFolderSyncError((error) => externalChanges.failed(error.message));
  void onCloseRequested(() => void closeWindow().catch((error) => notify(errorMessage(error), "error")));
  try {
    await preview.init(await previewCss(), theme.current());
  } catch (error) {
    notify(`The preview could not start: ${errorMessage(error)}`, "error");
  }
  performance.mark("preview-ready");
  await Promise.all([library.reload(), session.loadAuthors()]);
  performance.mark("library-listed");
  // Ready once the list shows and the initial draft is open, so tests never race the opening.
  await session.openInitial();
  performance.mark("editor-editable");
  hooks.ready = true;
}

void start();
