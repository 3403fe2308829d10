/**
 * The metadata panel: title, subtitle, summary, tags, status, ordered authors, cover image,
 * canonical URL, discuss link, language and word goal. Fields save on `input` (debounced by
 * autosave) and on `change`. Until the writer types a title, the Title field shows the first
 * heading as they write it (`bodyTitle`); clearing the field hands the title back to the heading.
 */
import { STATUSES, type Author, type Draft, type DraftChange, type Status } from "../../ipc";
import { field, h, uid } from "../shared/dom";
import { statusLabel } from "../shared/format";
import { DraftAuthors } from "./authorsList";
import { parseGoal } from "./goal";
import { discussLink } from "./links";
import { formatTags, optionalText, parseTags } from "./tags";

/** What the panel asks of the app. */
export interface MetadataHooks {
  /** A field changed; `immediate` on `change`/blur, debounced on `input`. */
  changed(change: DraftChange, immediate: boolean): void;
  /** The writer asked to trash the open draft. */
  trash(): void;
}

/** A title following a body without a heading: the library's own (byline_library::UNTITLED). */
export const UNTITLED = "Untitled draft";

type TextKey = "subtitle" | "summary" | "canonical_url" | "language" | "cover_image";

/** The panel. */
export class MetadataPanel {
  readonly el: HTMLElement;
  private readonly title = h("input", { type: "text", class: "title-input", autocomplete: "off" });
  private readonly subtitle = h("input", { type: "text", autocomplete: "off" });
  private readonly summary = h("textarea", { rows: 3 });
  private readonly tags = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  private readonly status = h("select", {}, ...STATUSES.map((s) => h("option", { value: s }, statusLabel(s))));
  private readonly cover = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  private readonly canonical = h("input", { type: "url", autocomplete: "off", spellcheck: "false" });
  private readonly discuss = h("input", {
    type: "url",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "https://forum.example.com/t/…",
  });
  private readonly discussNote = h("p", { class: "hint field-error", role: "alert" });
  private readonly language = h("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  private readonly authors: DraftAuthors;
  private readonly titleNote = h("p", { class: "hint field-error", role: "alert" });
  private readonly goal = h("input", { type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false" });
  private readonly goalNote = h("p", { class: "hint field-error", role: "alert" });
  /** The title is the body's first heading (the writer typed none, or cleared theirs). */
  private followsBody = false;
  /** The heading's title as last rendered, shown whenever the title follows it. */
  private headingTitle = "";

  constructor(private readonly hooks: MetadataHooks) {
    this.authors = new DraftAuthors((slugs) => hooks.changed({ authors: slugs }, true));
    const trash = h("button", { type: "button", class: "danger subtle" }, "Move to trash");
    trash.addEventListener("click", () => hooks.trash());

    this.wireTitle();
    this.wireText(this.subtitle, "subtitle");
    this.wireText(this.summary, "summary");
    this.wireText(this.cover, "cover_image");
    this.wireText(this.canonical, "canonical_url");
    this.wireDiscuss();
    this.wireGoal();
    this.wireText(this.language, "language");
    const sendTags = (immediate: boolean) => hooks.changed({ tags: parseTags(this.tags.value) }, immediate);
    this.tags.addEventListener("input", () => sendTags(false));
    this.tags.addEventListener("change", () => {
      this.tags.value = formatTags(parseTags(this.tags.value));
      sendTags(true);
    });
    this.status.addEventListener("change", () => hooks.changed({ status: this.status.value as Status }, true));

    const headingId = uid("meta");
    const titleField = field("Title", this.title, "Until you type one, the first # heading; clear it to follow the heading.");
    titleField.wrap.append(this.titleNote);
    const goalField = field("Word goal", this.goal, "Words to aim for; leave empty for none.");
    goalField.wrap.append(this.goalNote);
    const discussField = field("Discuss link", this.discuss, "Where readers discuss the article, such as a forum thread.");
    discussField.wrap.append(this.discussNote);
    this.el = h(
      "aside",
      { class: "metadata", "aria-labelledby": headingId },
      h("h2", { id: headingId, class: "panel-heading" }, "Details"),
      titleField.wrap,
      field("Subtitle", this.subtitle).wrap,
      field("Summary", this.summary).wrap,
      field("Tags", this.tags, "Separate tags with commas.").wrap,
      field("Status", this.status).wrap,
      this.authors.el,
      field("Cover image", this.cover, "A path such as images/cover.png, or a URL.").wrap,
      field("Canonical URL", this.canonical).wrap,
      discussField.wrap,
      field("Language", this.language, "A language tag such as en or de-CH.").wrap,
      goalField.wrap,
      h("div", { class: "panel-actions" }, trash),
    );
    this.setEnabled(false);
  }

  /** Shows a draft's metadata (on open and after a restore). */
  show(draft: Draft, known: Author[]): void {
    this.title.value = draft.title;
    this.titleNote.textContent = "";
    this.followsBody = draft.title_from_body;
    this.headingTitle = draft.title;
    this.goal.value = draft.word_goal === null ? "" : String(draft.word_goal);
    this.goalNote.textContent = "";
    this.subtitle.value = draft.subtitle ?? "";
    this.summary.value = draft.summary ?? "";
    this.tags.value = formatTags(draft.tags);
    this.status.value = draft.status;
    this.cover.value = draft.cover_image ?? "";
    this.canonical.value = draft.canonical_url ?? "";
    this.discuss.value = draft.discuss_url ?? "";
    this.discussNote.textContent = "";
    this.language.value = draft.language ?? "";
    this.authors.show(draft.authors, known);
    this.setEnabled(!draft.trashed_at);
  }

  /** Updates the profiles offered for crediting. */
  setKnownAuthors(known: Author[]): void {
    this.authors.setKnown(known);
  }

  /** Disables every field while no draft is open. */
  setEnabled(enabled: boolean): void {
    for (const control of this.el.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement>(
      "input, textarea, select, button",
    )) {
      control.disabled = !enabled;
    }
  }

  /**
   * The body's first heading as just rendered ("Untitled draft" without one); shown in the
   * Title field while the title follows it. True when it does.
   */
  bodyTitle(title: string): boolean {
    this.headingTitle = title;
    if (!this.followsBody) return false;
    // Never under the writer's caret: a field being cleared stays clear until it is left.
    if (document.activeElement !== this.title || this.title.value.trim() !== "") this.title.value = title;
    return true;
  }

  /** Whether the title follows the body's first heading. */
  titleFollowsBody(): boolean {
    return this.followsBody;
  }

  /** Focuses the title (after creating a draft). */
  focusTitle(): void {
    this.title.focus();
    this.title.select();
  }

  private wireTitle(): void {
    const send = (immediate: boolean) => {
      const title = this.title.value.trim();
      // Blank hands the title back to the first heading; anything else is the writer's own.
      this.followsBody = title === "";
      this.titleNote.textContent = "";
      this.hooks.changed({ title }, immediate);
      if (immediate && this.followsBody) this.title.value = this.headingTitle;
    };
    this.title.addEventListener("input", () => send(false));
    this.title.addEventListener("change", () => send(true));
  }

  private wireDiscuss(): void {
    const send = (immediate: boolean) => {
      const link = discussLink(this.discuss.value);
      // The library refuses a save holding a link that is no web address, body text and all:
      // a half-typed one is not sent, and the note says what is missing once the field is left.
      if (!link.ok) {
        if (immediate) this.discussNote.textContent = link.message;
        return;
      }
      this.discussNote.textContent = "";
      this.hooks.changed({ discuss_url: link.value }, immediate);
    };
    this.discuss.addEventListener("input", () => send(false));
    this.discuss.addEventListener("change", () => send(true));
  }

  private wireGoal(): void {
    const send = (immediate: boolean) => {
      const goal = parseGoal(this.goal.value);
      if (!goal.ok) {
        if (immediate) this.goalNote.textContent = goal.message;
        return;
      }
      this.goalNote.textContent = "";
      this.hooks.changed({ word_goal: goal.value }, immediate);
    };
    this.goal.addEventListener("input", () => send(false));
    this.goal.addEventListener("change", () => send(true));
  }

  private wireText(control: HTMLInputElement | HTMLTextAreaElement, key: TextKey): void {
    const send = (immediate: boolean) => this.hooks.changed({ [key]: optionalText(control.value) }, immediate);
    control.addEventListener("input", () => send(false));
    control.addEventListener("change", () => send(true));
  }
}
