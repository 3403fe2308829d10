/** The Markdown editor: CodeMirror 6 with the writer's shortcuts, search, focus and typewriter
 * modes and themes. */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { languages } from "@codemirror/language-data";
import { bracketMatching, indentOnInput } from "@codemirror/language";
import { highlightSelectionMatches, openSearchPanel, search, searchKeymap } from "@codemirror/search";
import { type ChangeSet, Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, dropCursor, EditorView, keymap, placeholder, rectangularSelection } from "@codemirror/view";
import { editorTheme } from "./editorTheme";
import { codeBlocks } from "./codeBlocks";
import { focusMode } from "./focusMode";
import { type Heading } from "./headings";
import { headingsField } from "./outline";
import { typewriter } from "./typewriter";
import { insertLink, setHeading, toggleWrap } from "./formatting";
import { changedSpan } from "./changedSpan";
import { smartPunctuation } from "./smartPunctuation";

/** Marks programmatic loads so they are not mistaken for typing (no autosave, no perf sample). */
const LOAD_EVENT = "byline.load";

/** What the editor tells the rest of the app. */
export interface EditorHooks {
  /** The writer changed the text; `changes` map the text before to the text now. */
  onTextChange(changes: ChangeSet): void;
  /** The editor scrolled (for preview sync). */
  onScroll(): void;
}

/** The editor and the operations the app performs on it. */
export class MarkdownEditor {
  readonly view: EditorView;
  private readonly themeSlot = new Compartment();
  private readonly focusSlot = new Compartment();
  private readonly typewriterSlot = new Compartment();
  private readonly editableSlot = new Compartment();
  private readonly smartSlot = new Compartment();

  private dark = false;
  private focusOn = false;
  private typewriterOn = false;
  private editable = false;
  /** Smart punctuation's language, or null while it is off. */
  private smartLanguage: string | null = null;

  constructor(
    parent: HTMLElement,
    private readonly hooks: EditorHooks,
    private readonly extra: Extension[] = [],
  ) {
    this.view = new EditorView({ state: this.freshState(""), parent });
    // The scroller survives setState, so one listener serves every draft.
    this.view.scrollDOM.addEventListener("scroll", () => this.hooks.onScroll(), { passive: true });
  }

  private freshState(doc: string): EditorState {
    const writerKeys = keymap.of([
      { key: "Mod-b", run: toggleWrap("**") },
      { key: "Mod-i", run: toggleWrap("*") },
      { key: "Mod-e", run: toggleWrap("`") },
      { key: "Mod-k", run: insertLink },
      { key: "Mod-Alt-1", run: setHeading(1) },
      { key: "Mod-Alt-2", run: setHeading(2) },
      { key: "Mod-Alt-3", run: setHeading(3) },
    ]);
    return EditorState.create({
      doc,
      extensions: [
        writerKeys,
        history(),
        drawSelection(),
        dropCursor(),
        rectangularSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightSelectionMatches(),
        search({ top: true }),
        // markdown() adds Enter = insertNewlineContinueMarkup and Backspace = deleteMarkupBackward.
        markdown({ base: markdownLanguage, codeLanguages: languages }),
        EditorView.lineWrapping,
        codeBlocks,
        keymap.of([...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
        placeholder("Start writing…"),
        // An explicit tabindex tells checkers (axe) the scroller holds focusable content.
        EditorView.contentAttributes.of({
          "aria-label": "Draft text",
          // Byline checks spelling itself (spelling.ts); WebKit's own marks would double up.
          spellcheck: "false",
          autocapitalize: "sentences",
          tabindex: "0",
        }),
        this.themeSlot.of(editorTheme(this.dark)),
        this.focusSlot.of(this.focusOn ? focusMode() : []),
        this.typewriterSlot.of(this.typewriterOn ? typewriter() : []),
        this.editableSlot.of(EditorView.editable.of(this.editable)),
        this.smartSlot.of(this.smartExtension()),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.every((tr) => tr.isUserEvent(LOAD_EVENT))) {
            this.hooks.onTextChange(update.changes);
          }
        }),
        ...this.extra,
      ],
    });
  }

  /** The whole text. */
  text(): string {
    return this.view.state.doc.toString();
  }

  /** Loads a draft's text with a fresh undo history; not counted as typing. */
  load(text: string, editable: boolean): void {
    this.editable = editable;
    this.view.setState(this.freshState(text));
    this.view.scrollDOM.scrollTop = 0;
  }

  /** Replaces the text of the open draft after a restore or an external edit: one undoable
   * step, not typing. Only the changed middle is replaced, so the caret and the scroll position
   * stay where they were whenever the change is elsewhere. */
  replaceQuietly(text: string): void {
    const change = changedSpan(this.view.state.doc.toString(), text);
    if (!change) return;
    this.view.dispatch({ changes: change, userEvent: LOAD_EVENT });
  }

  /** Replaces the text as if the writer did it (undoable, autosaved). */
  replaceAsUser(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      userEvent: "input.replace",
    });
  }

  /** Inserts text at the caret as a user edit. */
  insertAtCursor(text: string): void {
    const { from, to } = this.view.state.selection.main;
    this.view.dispatch({
      changes: { from, to, insert: text },
      selection: { anchor: from + text.length },
      userEvent: "input.paste",
      scrollIntoView: true,
    });
  }

  /** Switches CodeMirror's light/dark defaults. */
  setDark(dark: boolean): void {
    this.dark = dark;
    this.view.dispatch({ effects: this.themeSlot.reconfigure(editorTheme(dark)) });
  }

  /** Turns focus mode on or off. */
  setFocusMode(on: boolean): void {
    this.focusOn = on;
    this.view.dispatch({ effects: this.focusSlot.reconfigure(on ? focusMode() : []) });
  }

  /** Turns typewriter scrolling on or off; turning it on centres the caret line at once. */
  setTypewriter(on: boolean): void {
    this.typewriterOn = on;
    const { head } = this.view.state.selection.main;
    this.view.dispatch({
      effects: [
        this.typewriterSlot.reconfigure(on ? typewriter() : []),
        ...(on ? [EditorView.scrollIntoView(head, { y: "center" })] : []),
      ],
    });
  }

  /** The draft's headings as the outline last read them (empty without the outline extension). */
  headings(): Heading[] {
    return this.view.state.field(headingsField, false) ?? [];
  }

  /** Puts the caret at `pos` and scrolls its line to the top (the middle in typewriter mode). */
  reveal(pos: number): void {
    this.view.dispatch({
      selection: { anchor: pos },
      effects: EditorView.scrollIntoView(pos, { y: this.typewriterOn ? "center" : "start", yMargin: 16 }),
    });
    this.view.focus();
  }

  /** Turns smart punctuation on in `language`'s style ("" for English), or off with null. */
  setSmartPunctuation(language: string | null): void {
    if (language === this.smartLanguage) return;
    this.smartLanguage = language;
    this.view.dispatch({ effects: this.smartSlot.reconfigure(this.smartExtension()) });
  }

  private smartExtension(): Extension {
    return this.smartLanguage === null ? [] : smartPunctuation(this.smartLanguage);
  }

  /** Opens the find/replace panel. */
  openFind(): void {
    openSearchPanel(this.view);
  }

  /** The source line (fractional, 1-based) at the top of the visible text. */
  topLine(): number {
    const { view } = this;
    const height = view.scrollDOM.scrollTop - (view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop);
    const block = view.lineBlockAtHeight(Math.max(0, height));
    const line = view.state.doc.lineAt(block.from).number;
    const within = block.height > 0 ? (height - block.top) / block.height : 0;
    return line + Math.min(Math.max(within, 0), 1);
  }

  /** Scrolls so source line `line` (fractional) is at the top. */
  scrollToLine(line: number): void {
    const { view } = this;
    const whole = Math.min(Math.max(1, Math.floor(line)), view.state.doc.lines);
    const block = view.lineBlockAt(view.state.doc.line(whole).from);
    const offset = view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop;
    view.scrollDOM.scrollTop = offset + block.top + (line - whole) * block.height;
  }

  /** Gives the editor keyboard focus. */
  focus(): void {
    this.view.focus();
  }
}

export { LOAD_EVENT };

