/** Byline's UI: builds the window's panes and wires them to each other and to the shell. */
import "./styles/base.css";
import "./styles/app.css";
import "./styles/dialogs.css";
import "./styles/room.css";
import "./styles/writing.css";
import {
  addDictionaryWord,
  checkSpelling,
  destroyWindow,
  errorMessage,
  firstRun,
  insideTauri,
  listDrafts,
  menuActions,
  onCloseRequested,
  onFolderSync,
  onFolderSyncError,
  onMenu,
  previewCss,
  runMenuAction,
  setWindowTitle,
  spellingSuggestions,
  type FirstRun,
  type MenuId,
} from "../ipc";
import { Session } from "./app/session";
import { AppMenu } from "./app/appMenu";
import { handleShortcut } from "./app/shortcuts";
import { Toolbar } from "./app/toolbar";
import { loadPrefs, savePrefs, type Layout } from "./app/viewPrefs";
import { AuthorPrompt } from "./authors/authorPrompt";
import { AuthorsManager } from "./authors/manager";
import { Autosaver } from "./autosave/autosave";
import { stashBody } from "./autosave/stash";
import { MarkdownEditor } from "./editor/editor";
import { ExportDialog } from "./export/exportDialog";
import { HistoryDialog } from "./history/historyDialog";
import { imageDropPaste } from "./images/imageDrop";
import { Importer } from "./import/importer";
import { OpenedFilesController } from "./files/openFiles";
import { LibrarySidebar } from "./library/sidebar";
import { MetadataPanel, UNTITLED } from "./metadata/panel";
import { Preview } from "./preview/preview";
import { notify } from "./shared/dialog";
import { h } from "./shared/dom";
import { StatusBar } from "./statusbar/statusbar";
import { DraftsFolderDialog } from "./sync/draftsFolderDialog";
import { ExternalChanges } from "./sync/externalChanges";
import { installTestHooks } from "./testHooks";
import { trackInputLatency } from "./editor/inputLatency";
import { ThemeController } from "./theme/theme";
import { pastedText } from "./editor/pastedText";
import { DamagedText } from "./repair/damagedText";
import { recheckSpelling, setSpellingLanguage, spelling } from "./editor/spelling";
import { SpellingLanguagesDialog } from "./spelling/languagesDialog";
import { outline } from "./editor/outline";
import { OutlinePanel } from "./outline/outlinePanel";
import { Palette } from "./palette/palette";
import { characterCount, writingCounter } from "./editor/writingCounter";
import { WritingTally } from "./writing/tally";

// Start-up marks (ui-start, preview-ready, library-listed, editor-editable) show where launch time goes.
performance.mark("ui-start");
const root = document.getElementById("app");
if (!root) throw new Error("index.html lacks #app");

const prefs = loadPrefs();
const theme = new ThemeController();
const statusbar = new StatusBar();
const tally = new WritingTally(() => statusbar.setWritten(tally.today(), tally.thisSession()));

// Panes are created first; the session that ties them together is created right after.
let session: Session;
const editorRegion = h("section", { class: "editor-pane", role: "region", "aria-label": "Editor" });
const emptyState = h(
  "div",
  { class: "empty-state", hidden: true },
  h("p", {}, "Pick a draft from the library, or start a new one."),
);
editorRegion.append(emptyState);
const outlinePanel = new OutlinePanel({ jump: (index) => jumpToHeading(index) });
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
  [
    imageDropPaste(() => session.slug(), (message) => notify(message, "error")),
    pastedText((text) => void damagedText.pasted(text)),
    spelling({
      check: checkSpelling,
      suggestions: spellingSuggestions,
      addWord: addDictionaryWord,
      note: (message) => statusbar.setNote(message),
      failed: (message) => notify(message, "error"),
    }),
    outline({
      headings: (headings) => outlinePanel.showHeadings(headings),
      current: (index) => outlinePanel.showCurrent(index),
    }),
    writingCounter({ wrote: (typed, pasted) => tally.wrote(typed, pasted), selected: (words) => statusbar.setSelection(words) }),
  ],
);
const damagedText = new DamagedText(editor.view);
const previewRegion = h("section", { class: "preview-pane", "aria-label": "Preview pane" });
const preview = new Preview(previewRegion, {
  onRendered: (result, slug) => {
    statusbar.setStats(result.stats.words, result.stats.reading_minutes);
    statusbar.setCharacters(editor.view.state.field(characterCount, false) ?? 0);
    if (slug !== null && slug === session.slug()) followHeading(slug, result.title ?? UNTITLED);
  },
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
    // The stored title is the saved text's heading; the one rendered since is newer.
    const live = heading?.slug === draft.slug && metadata.titleFollowsBody() ? heading.title : draft.title;
    if (live !== draft.title) library.showTitle(draft.slug, live);
    const title = `${live} — Byline`;
    if (draft.slug === session.slug() && document.title !== title) showTitle(title);
    void tally.flush();
  },
);
const metadata = new MetadataPanel({
  changed: (change, immediate) => {
    autosaver.metaChanged(change, immediate);
    if ("language" in change) editor.view.dispatch({ effects: setSpellingLanguage.of(change.language ?? null) });
    if ("word_goal" in change) statusbar.setGoal(change.word_goal ?? null);
    if ("language" in change) applySmartPunctuation(change.language ?? "");
  },
  trash: () => void session.trash(),
});
const library = new LibrarySidebar({
  open: (slug) => void session.open(slug),
  newDraft: () => void session.create(),
  changed: () => void session.loadAuthors(),
});
const authors = new AuthorsManager((list) => session.authorsChanged(list));
const authorPrompt = new AuthorPrompt({
  created: (author) => {
    void session.loadAuthors();
    notify(`Profile created: new drafts are credited to ${author.name}.`);
  },
});
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
  typewriter: () => setTypewriter(!prefs.typewriter),
  outline: () => setOutline(!prefs.outline),
  details: () => setDetails(!prefs.details),
  exportDialog: () => exportDialog.open(session.slug()),
  history: () => openHistory(),
});
const draftsFolderDialog = new DraftsFolderDialog();
const spellingDialog = new SpellingLanguagesDialog(() => editor.view.dispatch({ effects: recheckSpelling.of(null) }));
const importer = new Importer({
  imported: async () => {
    await Promise.all([library.reload(), session.loadAuthors()]);
  },
  status: (text) => statusbar.setNote(text),
});
const openedFiles = new OpenedFilesController({
  reload: () => library.reload(),
  open: (slug) => session.open(slug),
  notify,
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
    if (draft) void damagedText.draftOpened(draft.body, () => session.slug() === draft.slug);
    else damagedText.hide();
    emptyState.hidden = draft !== null;
    editor.view.dispatch({ effects: setSpellingLanguage.of(draft?.language ?? null) });
    heading = null;
    statusbar.setGoal(draft?.word_goal ?? null);
    statusbar.setSelection(0);
    applySmartPunctuation(draft ? (draft.language ?? "") : null);
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
  damagedText.el,
  authorPrompt.el,
  h("div", { class: "writing-area" }, outlinePanel.el, h("div", { class: "panes" }, editorRegion, previewRegion)),
);
const palette = new Palette({
  actions: () => menuActions(),
  drafts: () => listDrafts({ sort: "updated", limit: null }),
  runAction: (id) => runMenuAction(id),
  openDraft: (slug) => void session.open(slug),
  closed: () => editor.focus(),
});
root.append(library.el, workspace, metadata.el, statusbar.el);

function showTitle(title: string): void {
  document.title = title;
  if (insideTauri()) setWindowTitle(title).catch(() => undefined);
}

function reflect(): void {
  root!.dataset.layout = prefs.layout;
  root!.classList.toggle("details-hidden", !prefs.details);
  editorRegion.classList.toggle("focus-mode", prefs.focusMode);
  outlinePanel.el.hidden = !prefs.outline;
  document.documentElement.style.setProperty("--editor-font-size", `${prefs.fontSize}px`);
  toolbar.reflect({
    layout: prefs.layout,
    focusMode: prefs.focusMode,
    typewriter: prefs.typewriter,
    outline: prefs.outline,
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

function setTypewriter(on: boolean): void {
  prefs.typewriter = on;
  editor.setTypewriter(on);
  reflect();
  statusbar.setNote(on ? "Typewriter scrolling" : "");
}

function setOutline(on: boolean): void {
  prefs.outline = on;
  reflect();
}

/** Moves the caret to the outline's heading `index`, and the preview to the same heading. */
function jumpToHeading(index: number): void {
  const heading = editor.headings()[index];
  if (!heading) return;
  if (prefs.layout === "preview") setLayout("split");
  editor.reveal(heading.from);
  preview.scrollToLine(heading.line);
}

/** The open draft's first heading as last rendered, while its title follows it. */
let heading: { slug: string; title: string } | null = null;

function followHeading(slug: string, title: string): void {
  if (!metadata.bodyTitle(title)) return;
  heading = { slug, title };
  library.showTitle(slug, title);
  if (document.title !== `${title} — Byline`) showTitle(`${title} — Byline`);
}

/** The open draft's language ("" for none; null with no draft open), for smart punctuation. */
let draftLanguage: string | null = null;

function applySmartPunctuation(language: string | null): void {
  draftLanguage = language;
  editor.setSmartPunctuation(prefs.smartPunctuation ? draftLanguage : null);
}

function setSmartPunctuation(on: boolean): void {
  prefs.smartPunctuation = on;
  applySmartPunctuation(draftLanguage);
  reflect();
  statusbar.setNote(on ? "Smart punctuation on" : "Smart punctuation off");
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

/** Menu items whose shortcut the page catches too: WebDriver's keys never reach the native
 * accelerators, and a real key press may reach both, so a second run within a moment is dropped. */
const MIRRORED: Partial<Record<MenuId, number>> = { "command-palette": 0, "go-to-draft": 0, "focus-mode": 0 };
function echoed(id: MenuId): boolean {
  const last = MIRRORED[id];
  if (last === undefined) return false;
  MIRRORED[id] = Date.now();
  return Date.now() - last < 500;
}

function handleMenu(id: MenuId): void {
  if (echoed(id)) return;
  switch (id) {
    case "new-draft":
      return void session.create();
    case "save-checkpoint":
      return void checkpoint();
    case "import":
      return void importer.chooseFolder();
    case "open-file":
      return void openedFiles.choose();
    case "import-files":
      return void importer.chooseFiles();
    case "export":
      return exportDialog.open(session.slug());
    case "find":
      return editor.openFind();
    case "spelling-languages":
      return void spellingDialog.open(session.current()?.language ?? null);
    case "smart-punctuation":
      return setSmartPunctuation(!prefs.smartPunctuation);
    case "toggle-preview":
      return setLayout(prefs.layout === "split" ? "editor" : "split");
    case "focus-mode":
      return setFocusMode(!prefs.focusMode);
    case "typewriter-mode":
      return setTypewriter(!prefs.typewriter);
    case "toggle-outline":
      return setOutline(!prefs.outline);
    case "command-palette":
      return void palette.open("commands");
    case "go-to-draft":
      return void palette.open("drafts");
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
  handleShortcut(event, {
    menu: handleMenu,
    checkpoint: () => void checkpoint(),
    focusSearch: () => library.focusSearch(),
    leaveDistractionFree: () => {
      const on = root.classList.contains("distraction-free");
      root.classList.remove("distraction-free");
      return on;
    },
  });
});

// Leaving the window is a natural pause: save then, not a second later.
window.addEventListener("blur", () => void autosaver.flush());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") void autosaver.flush();
});

async function closeWindow(): Promise<void> {
  const slug = session.slug();
  const saved = await autosaver.flush();
  await tally.flush();
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
  if (prefs.typewriter) editor.setTypewriter(true);
  reflect();
  if (!insideTauri()) {
    notify("Byline's UI is running outside the app: nothing can be loaded or saved.", "error");
    return;
  }
  void onMenu(handleMenu);
  void onFolderSync((report) => externalChanges.received(report));
  void onFolderSyncError((error) => externalChanges.failed(error.message));
  openedFiles.listen();
  void onCloseRequested(() => void closeWindow().catch((error) => notify(errorMessage(error), "error")));
  // Asked while the preview starts, so a new library's welcome draft costs the launch no time.
  const firstRunAsked = firstRun().catch((error): FirstRun => {
    notify(`The welcome could not be prepared: ${errorMessage(error)}`, "error");
    return { welcome: null, ask_for_author: false };
  });
  try {
    await preview.init(await previewCss(), theme.current());
  } catch (error) {
    notify(`The preview could not start: ${errorMessage(error)}`, "error");
  }
  performance.mark("preview-ready");
  const first = await firstRunAsked;
  await Promise.all([library.reload(), session.loadAuthors()]);
  performance.mark("library-listed");
  void tally.load().catch(() => undefined);
  // Ready once the list shows and the initial draft is open, so tests never race the opening.
  // The files the app was started with (a file manager's double-click) first, then a welcome.
  const startedWithFiles = await openedFiles.showStartupFiles().catch(() => false);
  if (!startedWithFiles && !(first.welcome && (await session.open(first.welcome)))) await session.openInitial();
  if (first.ask_for_author) authorPrompt.show();
  performance.mark("editor-editable");
  hooks.ready = true;
}

void start();
