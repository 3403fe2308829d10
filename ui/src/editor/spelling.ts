/** Spell checking as the writer types: the prose words in view (spellingText.ts) are sent to the
 * shell's checker in debounced batches, each word's verdict is remembered, and misspelled ones
 * get a wavy red underline (`cm-misspelled`). Right click on one, or Mod-. at the caret, opens
 * its menu (spellingMenu.ts). The word being typed is left alone until the writer moves on.
 *
 * The checker is in-process Hunspell in the shell, not WebKit's (see byline-spell): WebKit never
 * sees CodeMirror's text model and could not skip code, so the editor says `spellcheck=false`. */
import { isolateHistory } from "@codemirror/commands";
import { syntaxTree } from "@codemirror/language";
import { type Extension, Facet, Prec, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import {
  type Command,
  Decoration,
  type DecorationSet,
  EditorView,
  keymap,
  type PluginValue,
  ViewPlugin,
  type ViewUpdate,
} from "@codemirror/view";
import { errorCode, errorMessage } from "../../ipc/errors";
import { closeSpellingMenu, type MenuTarget, menuOpen, openSpellingMenu, spellingMenu } from "./spellingMenu";
import { proseWords, type WordAt } from "./spellingText";

/** What the extension asks of the shell and tells the app. */
export interface SpellingShell {
  /** The words misspelled in a draft written in `language` (null: the system's). */
  check(language: string | null, words: string[]): Promise<string[]>;
  suggestions(language: string | null, word: string): Promise<string[]>;
  /** Adds to the personal dictionary; resolves to the word as stored. */
  addWord(word: string): Promise<string>;
  /** A quiet note for the writer (no dictionary for the draft's language, …). */
  note(message: string): void;
  /** An action the writer chose failed. */
  failed(message: string): void;
}

/** The open draft's language changed (null: the system's). */
export const setSpellingLanguage = StateEffect.define<string | null>();
/** The languages or the dictionaries changed: every verdict is asked again. */
export const recheckSpelling = StateEffect.define<null>();
/** Verdicts arrived or the writer added or ignored a word: redraw. */
const verdictsChanged = StateEffect.define<null>();

/** Quiet time after typing before the new words are sent. */
const DEBOUNCE_MS = 250;
/** Words per request; the shell accepts up to 2000. */
const BATCH = 400;

/** What the checker said, per language, shared by every draft the editor opens (exported for its tests). */
export class Verdicts {
  private byLanguage = new Map<string, Map<string, boolean>>();
  /** Words the writer chose to ignore in this session. */
  readonly ignored = new Set<string>();
  /** Languages the shell has no dictionary for: not asked again until a recheck. */
  readonly unavailable = new Set<string>();

  of(language: string | null): Map<string, boolean> {
    const key = language ?? "";
    let verdicts = this.byLanguage.get(key);
    if (!verdicts) this.byLanguage.set(key, (verdicts = new Map()));
    return verdicts;
  }

  /** `word` is in the personal dictionary now: as the checker does, a lowercase word covers
   * every capitalisation. */
  learned(word: string): void {
    const anyCase = word === word.toLowerCase();
    for (const verdicts of this.byLanguage.values()) {
      for (const known of verdicts.keys()) {
        if (known === word || (anyCase && known.toLowerCase() === word)) verdicts.set(known, false);
      }
    }
  }

  clear(): void {
    this.byLanguage.clear();
    this.unavailable.clear();
  }
}

interface Config {
  shell: SpellingShell;
  verdicts: Verdicts;
}

const languageField = StateField.define<string | null>({
  create: () => null,
  update(language, tr) {
    for (const effect of tr.effects) if (effect.is(setSpellingLanguage)) language = effect.value;
    return language;
  },
});

/** Where the writer is typing (the caret after their last keystroke), else null: the word there
 * is not underlined yet, so a half-typed word never flashes red. */
const typingField = StateField.define<number | null>({
  create: () => null,
  update(at, tr) {
    if (tr.docChanged && (tr.isUserEvent("input.type") || tr.isUserEvent("delete"))) {
      const { main } = tr.state.selection;
      return main.empty ? main.head : null;
    }
    if (tr.selection) return null;
    return at === null ? null : tr.changes.mapPos(at);
  },
});

const configFacet = Facet.define<Config, Config>({ combine: (values) => values[0] });

const misspelled = Decoration.mark({ class: "cm-misspelled", attributes: { "aria-invalid": "spelling" } });

class SpellingView implements PluginValue {
  decorations: DecorationSet = Decoration.none;
  private words: WordAt[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asking = false;
  private destroyed = false;

  constructor(
    private readonly view: EditorView,
    private readonly config: Config,
  ) {
    this.refresh();
  }

  update(update: ViewUpdate): void {
    const effects = update.transactions.flatMap((tr) => tr.effects);
    if (effects.some((e) => e.is(recheckSpelling))) this.config.verdicts.clear();
    const reread =
      update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state);
    const redraw =
      update.startState.field(typingField) !== update.state.field(typingField) ||
      effects.some((e) => e.is(setSpellingLanguage) || e.is(recheckSpelling) || e.is(verdictsChanged));
    if (reread) this.refresh();
    else if (redraw) this.redraw();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  /** Reads the words in view again (the text, the viewport or the syntax tree changed). */
  private refresh(): void {
    const { state } = this.view;
    let end = -1;
    this.words = [];
    for (const { from, to } of this.view.visibleRanges) {
      // Ranges widen to whole lines, so neighbours may share one: keep each word once.
      for (const word of proseWords(state, from, to)) {
        if (word.from >= end) this.words.push(word);
      }
      end = this.words.length > 0 ? this.words[this.words.length - 1].to : end;
    }
    this.redraw();
  }

  /** The same words, new verdicts: redraw, and ask for any words still unknown. */
  private redraw(): void {
    this.decorations = this.draw();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.ask(), DEBOUNCE_MS);
  }

  private draw(): DecorationSet {
    const { state } = this.view;
    const verdicts = this.config.verdicts.of(state.field(languageField));
    const { ignored } = this.config.verdicts;
    const typing = state.field(typingField);
    const builder = new RangeSetBuilder<Decoration>();
    for (const { from, to, word } of this.words) {
      if (verdicts.get(word) !== true || ignored.has(word)) continue;
      if (typing !== null && from <= typing && typing <= to) continue;
      builder.add(from, to, misspelled);
    }
    return builder.finish();
  }

  /** Sends the words in view with no verdict yet; the answer redraws, which asks for the rest. */
  private async ask(): Promise<void> {
    this.timer = null;
    const language = this.view.state.field(languageField);
    const { unavailable } = this.config.verdicts;
    if (this.asking || this.destroyed || unavailable.has(language ?? "")) return;
    const verdicts = this.config.verdicts.of(language);
    const unknown = [...new Set(this.words.map((w) => w.word))].filter((word) => !verdicts.has(word)).slice(0, BATCH);
    if (unknown.length === 0) return;
    this.asking = true;
    try {
      const wrong = new Set(await this.config.shell.check(language, unknown));
      for (const word of unknown) verdicts.set(word, wrong.has(word));
    } catch (error) {
      // No retry loop: the next edit asks again, except for a language with no dictionary.
      if (errorCode(error) === "no_dictionary") unavailable.add(language ?? "");
      this.config.shell.note(`Spelling is not checked: ${errorMessage(error)}`);
      return;
    } finally {
      this.asking = false;
    }
    if (!this.destroyed) this.view.dispatch({ effects: verdictsChanged.of(null) });
  }
}

const spellingPlugin = ViewPlugin.define((view) => new SpellingView(view, view.state.facet(configFacet)), {
  decorations: (plugin) => plugin.decorations,
});

/** The misspelled word at `pos`, or (with `onward`) the first one after it in view. */
function markedWord(view: EditorView, pos: number, onward: boolean): { from: number; to: number } | null {
  const set = view.plugin(spellingPlugin)?.decorations ?? Decoration.none;
  const found: Array<{ from: number; to: number }> = [];
  set.between(pos, pos, (from, to) => {
    found.push({ from, to });
    return false;
  });
  if (found.length > 0 || !onward) return found[0] ?? null;
  // The next one after the caret, else the first in view.
  for (const cursor of [set.iter(pos), set.iter()]) {
    if (cursor.value) return { from: cursor.from, to: cursor.to };
  }
  return null;
}

/** Asks for suggestions, then opens the menu, unless the word changed meanwhile. */
async function openMenu(view: EditorView, range: { from: number; to: number }): Promise<void> {
  const config = view.state.facet(configFacet);
  const text = view.state.sliceDoc(range.from, range.to);
  const word = text.replace(/’/g, "'");
  let suggestions: string[] = [];
  try {
    suggestions = await config.shell.suggestions(view.state.field(languageField), word);
  } catch (error) {
    config.shell.note(`No suggestions: ${errorMessage(error)}`);
  }
  if (view.state.sliceDoc(range.from, range.to) !== text) return;
  view.dispatch({ effects: openSpellingMenu.of({ ...range, word, suggestions }) });
}

/** Mod-.: the menu of the misspelled word at the caret, else of the next one in view. */
export const spellingMenuAtCaret: Command = (view) => {
  const range = markedWord(view, view.state.selection.main.head, true);
  if (!range) {
    view.state.facet(configFacet).shell.note("No misspelled words in view");
    return true;
  }
  view.dispatch({ selection: { anchor: range.from }, scrollIntoView: true });
  void openMenu(view, range);
  return true;
};

const menuActions = {
  replace(view: EditorView, target: MenuTarget, replacement: string): void {
    view.dispatch({
      changes: { from: target.from, to: target.to, insert: replacement },
      selection: { anchor: target.from + replacement.length },
      // One undo step of its own, never merged with the typing around it.
      annotations: isolateHistory.of("full"),
      userEvent: "input.spelling",
    });
    view.focus();
  },
  add(view: EditorView, target: MenuTarget): void {
    const { shell, verdicts } = view.state.facet(configFacet);
    view.dispatch({ effects: closeSpellingMenu.of(null) });
    view.focus();
    shell.addWord(target.word).then(
      (stored) => {
        verdicts.learned(stored);
        view.dispatch({ effects: verdictsChanged.of(null) });
      },
      (error) => shell.failed(`“${target.word}” was not added to the dictionary: ${errorMessage(error)}`),
    );
  },
  ignore(view: EditorView, target: MenuTarget): void {
    view.state.facet(configFacet).verdicts.ignored.add(target.word);
    view.dispatch({ effects: [closeSpellingMenu.of(null), verdictsChanged.of(null)] });
    view.focus();
  },
};

/** The spell checking extension; make it once, so verdicts outlive the draft that is open. */
export function spelling(shell: SpellingShell): Extension {
  const config: Config = { shell, verdicts: new Verdicts() };
  return [
    configFacet.of(config),
    languageField,
    typingField,
    spellingPlugin,
    spellingMenu(menuActions),
    Prec.high(keymap.of([{ key: "Mod-.", run: spellingMenuAtCaret }])),
    EditorView.domEventHandlers({
      contextmenu: (event, view) => {
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        const range = pos === null ? null : markedWord(view, pos, false);
        if (!range || menuOpen(view)) return false;
        event.preventDefault();
        void openMenu(view, range);
        return true;
      },
    }),
    spellingTheme,
  ];
}

/** A wavy red line under the word: a text decoration, which WebKitGTK draws under any font. */
const spellingTheme = EditorView.baseTheme({
  ".cm-misspelled": {
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationThickness: "1.5px",
    textDecorationSkipInk: "none",
    textUnderlineOffset: "0.2em",
  },
  "&light .cm-misspelled": { textDecorationColor: "#d7263d" },
  "&dark .cm-misspelled": { textDecorationColor: "#ff6b6b" },
});
