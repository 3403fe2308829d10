/**
 * The first run's prompt for the writer's author profile: a panel above the editor, not a modal,
 * so the welcome draft stays readable and editable while it waits. The profile it creates is the
 * default author, so every new draft is credited; "Not now" is remembered by the library.
 */
import { addAuthor, dismissAuthorPrompt, errorMessage, type Author } from "../../ipc";
import { field, h, uid } from "../shared/dom";
import { blankForm, newAuthorOf } from "./profile";

/** What the prompt tells the rest of the window. */
export interface AuthorPromptEvents {
  /** A profile was created (it is the default author). */
  created(author: Author): void;
}

/** The "Create your author profile" panel; hidden until {@link AuthorPrompt.show}. */
export class AuthorPrompt {
  readonly el: HTMLElement;
  private readonly name = h("input", { type: "text", required: true, autocomplete: "name" });
  private readonly shortBio = h("input", { type: "text" });
  private readonly website = h("input", { type: "url", spellcheck: "false", placeholder: "https://" });
  private readonly message = h("p", { class: "form-message", role: "status" });
  private readonly createButton = h("button", { type: "submit", class: "primary" }, "Create profile");
  private readonly laterButton = h("button", { type: "button" }, "Not now");

  constructor(private readonly events: AuthorPromptEvents) {
    const headingId = uid("author-prompt");
    const form = h(
      "form",
      { class: "author-form", novalidate: true },
      h("div", { class: "field-grid" }, field("Name", this.name).wrap, field("Website", this.website).wrap),
      field("Short bio", this.shortBio, "Shown with your name on exported pages. You can change it any time in Authors…").wrap,
      this.message,
      h("div", { class: "dialog-actions" }, this.laterButton, this.createButton),
    );
    this.el = h(
      "section",
      { class: "banner author-prompt", role: "dialog", "aria-labelledby": headingId, hidden: true },
      h("h2", { id: headingId, class: "dialog-title" }, "Create your author profile"),
      h(
        "p",
        { class: "banner-message" },
        "Byline puts your name on each new draft and on everything you export, from the profile you create here.",
      ),
      form,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.create();
    });
    this.laterButton.addEventListener("click", () => void this.notNow());
    this.el.addEventListener("keydown", (event) => {
      if (event.key === "Escape") void this.notNow();
    });
  }

  /** Shows the prompt (without taking the focus from the editor: the writer may read first). */
  show(): void {
    this.el.hidden = false;
  }

  /** True while shown. */
  isShown(): boolean {
    return !this.el.hidden;
  }

  private async create(): Promise<void> {
    const form = { ...blankForm(), name: this.name.value, short_bio: this.shortBio.value, website: this.website.value };
    if (form.name.trim() === "") {
      this.message.textContent = "An author needs a name.";
      this.name.focus();
      return;
    }
    this.createButton.disabled = this.laterButton.disabled = true;
    try {
      const author = await addAuthor(newAuthorOf(form, true));
      this.el.hidden = true;
      this.events.created(author);
    } catch (error) {
      this.message.textContent = errorMessage(error);
    } finally {
      this.createButton.disabled = this.laterButton.disabled = false;
    }
  }

  private async notNow(): Promise<void> {
    this.el.hidden = true;
    try {
      await dismissAuthorPrompt();
    } catch {
      // Not remembered: the prompt comes back at the next launch, which loses nothing.
    }
  }
}
