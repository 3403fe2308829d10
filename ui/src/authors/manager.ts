/**
 * The Authors manager: every profile field, avatar from the native open dialog, default author,
 * and removal with the core's refusal shown when drafts still credit the author.
 */
import {
  addAuthor,
  assetDataUrl,
  chooseImageFile,
  errorMessage,
  importImage,
  listAuthors,
  removeAuthor,
  setDefaultAuthor,
  updateAuthor,
  type Author,
} from "../../ipc";
import { confirmAction, Modal } from "../shared/dialog";
import { field, h } from "../shared/dom";
import { authorChangeOf, blankForm, formOf, newAuthorOf, SOCIAL_NETWORKS, type AuthorForm } from "./profile";

type TextField = Exclude<keyof AuthorForm, "avatar" | "social">;

/** The Authors dialog. */
export class AuthorsManager {
  private readonly modal = new Modal("Authors", { className: "authors-dialog" });
  private readonly list = h("ul", { class: "profile-list", "aria-label": "Author profiles" });
  private readonly inputs: Record<TextField, HTMLInputElement | HTMLTextAreaElement>;
  private readonly social: Record<string, HTMLInputElement> = {};
  private readonly isDefault = h("input", { type: "checkbox" });
  private readonly avatarImg = h("img", { class: "avatar", alt: "", hidden: true });
  private readonly avatarNote = h("span", { class: "hint" }, "No avatar");
  private readonly message = h("p", { class: "form-message", role: "status" });
  private readonly removeButton = h("button", { type: "button", class: "danger" }, "Remove author");
  private authors: Author[] = [];
  private selected: Author | null = null;
  private avatar: string | null = null;

  constructor(private readonly changed: (authors: Author[]) => void) {
    this.inputs = {
      name: h("input", { type: "text", required: true, autocomplete: "off" }),
      slug: h("input", { type: "text", autocomplete: "off", spellcheck: "false" }),
      short_bio: h("input", { type: "text" }),
      bio: h("textarea", { rows: 5 }),
      website: h("input", { type: "url", spellcheck: "false" }),
      location: h("input", { type: "text" }),
      role: h("input", { type: "text" }),
      email: h("input", { type: "email", spellcheck: "false" }),
    };
    const newButton = h("button", { type: "button" }, "New author");
    newButton.addEventListener("click", () => this.select(null));
    const chooseAvatar = h("button", { type: "button" }, "Choose avatar…");
    chooseAvatar.addEventListener("click", () => void this.chooseAvatar());
    const save = h("button", { type: "submit", class: "primary" }, "Save author");
    this.removeButton.addEventListener("click", () => void this.remove());
    const close = h("button", { type: "button" }, "Close");
    close.addEventListener("click", () => this.modal.close());

    const socialFields = SOCIAL_NETWORKS.map(({ key, label }) => {
      const input = h("input", { type: "url", spellcheck: "false", placeholder: "https://" });
      this.social[key] = input;
      return field(label, input).wrap;
    });
    const form = h(
      "form",
      { class: "author-form", novalidate: true },
      h(
        "div",
        { class: "avatar-row" },
        this.avatarImg,
        this.avatarNote,
        chooseAvatar,
      ),
      field("Name", this.inputs.name).wrap,
      field("Slug", this.inputs.slug as HTMLInputElement, "Used in exported URLs; fixed once saved.").wrap,
      field("Short bio", this.inputs.short_bio).wrap,
      field("Long bio", this.inputs.bio, "Markdown is welcome.").wrap,
      h(
        "div",
        { class: "field-grid" },
        field("Website", this.inputs.website).wrap,
        field("Location", this.inputs.location).wrap,
        field("Role", this.inputs.role).wrap,
        field("Email", this.inputs.email).wrap,
      ),
      h("fieldset", { class: "social" }, h("legend", {}, "Social links"), h("div", { class: "field-grid" }, ...socialFields)),
      h("label", { class: "checkbox" }, this.isDefault, " Default author"),
      this.message,
      h("div", { class: "dialog-actions" }, this.removeButton, save),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.save();
    });
    this.modal.body.append(
      h(
        "div",
        { class: "authors-layout" },
        h("div", { class: "profiles" }, this.list, newButton),
        form,
      ),
      h("div", { class: "dialog-actions" }, close),
    );
  }

  /** Opens the manager with the profiles freshly loaded. */
  async open(): Promise<void> {
    await this.reload();
    this.select(this.authors.find((a) => a.is_default) ?? this.authors[0] ?? null);
    this.modal.open(this.list.querySelector<HTMLElement>("button") ?? this.inputs.name);
  }

  private async reload(): Promise<void> {
    try {
      this.authors = await listAuthors();
    } catch (error) {
      this.message.textContent = errorMessage(error);
      return;
    }
    this.renderList();
    this.changed(this.authors);
  }

  private renderList(): void {
    this.list.replaceChildren(
      ...this.authors.map((author) => {
        const button = h(
          "button",
          { type: "button", class: "profile-item", "aria-current": author.slug === this.selected?.slug ? "true" : null },
          h("span", { class: "profile-name" }, author.name),
          author.is_default ? h("span", { class: "badge" }, "Default") : null,
        );
        button.addEventListener("click", () => {
          this.select(author);
          this.inputs.name.focus();
        });
        return h("li", {}, button);
      }),
    );
  }

  private select(author: Author | null): void {
    this.selected = author;
    const form: AuthorForm = author ? formOf(author) : blankForm();
    for (const key of Object.keys(this.inputs) as TextField[]) this.inputs[key].value = form[key];
    for (const { key } of SOCIAL_NETWORKS) this.social[key].value = form.social[key] ?? "";
    (this.inputs.slug as HTMLInputElement).readOnly = author !== null;
    this.isDefault.checked = author?.is_default ?? this.authors.length === 0;
    this.removeButton.disabled = author === null;
    this.message.textContent = author ? "" : "A new profile: fill in at least the name.";
    void this.showAvatar(form.avatar);
    this.renderList();
    if (!author) this.inputs.name.focus();
  }

  private async showAvatar(hash: string | null): Promise<void> {
    this.avatar = hash;
    if (!hash) {
      this.avatarImg.hidden = true;
      this.avatarNote.textContent = "No avatar";
      return;
    }
    try {
      this.avatarImg.src = await assetDataUrl(hash);
      this.avatarImg.alt = "Avatar";
      this.avatarImg.hidden = false;
      this.avatarNote.textContent = "";
    } catch (error) {
      this.avatarNote.textContent = `Avatar not shown: ${errorMessage(error)}`;
    }
  }

  private formValues(): AuthorForm {
    const values = Object.fromEntries(
      (Object.keys(this.inputs) as TextField[]).map((key) => [key, this.inputs[key].value]),
    ) as Record<TextField, string>;
    const social = Object.fromEntries(SOCIAL_NETWORKS.map(({ key }) => [key, this.social[key].value]));
    return { ...values, avatar: this.avatar, social };
  }

  private async chooseAvatar(): Promise<void> {
    try {
      const path = await chooseImageFile("Choose an avatar");
      if (!path) return;
      const asset = await importImage(path);
      await this.showAvatar(asset.hash);
      this.message.textContent = "Avatar chosen; save the author to keep it.";
    } catch (error) {
      this.message.textContent = errorMessage(error);
    }
  }

  private async save(): Promise<void> {
    const form = this.formValues();
    if (form.name.trim() === "") {
      this.message.textContent = "An author needs a name.";
      this.inputs.name.focus();
      return;
    }
    try {
      let saved: Author;
      if (this.selected) {
        saved = await updateAuthor(this.selected.slug, authorChangeOf(form, this.selected));
        if (this.isDefault.checked && !this.selected.is_default) await setDefaultAuthor(saved.slug);
      } else {
        saved = await addAuthor(newAuthorOf(form, this.isDefault.checked));
      }
      await this.reload();
      this.select(this.authors.find((a) => a.slug === saved.slug) ?? saved);
      this.message.textContent = `Saved ${saved.name}.`;
    } catch (error) {
      this.message.textContent = errorMessage(error);
    }
  }

  private async remove(): Promise<void> {
    const author = this.selected;
    if (!author) return;
    const ok = await confirmAction("Remove author", `Remove the profile of ${author.name}?`, "Remove author");
    if (!ok) return;
    try {
      await removeAuthor(author.slug);
      await this.reload();
      this.select(this.authors[0] ?? null);
      this.message.textContent = `Removed ${author.name}.`;
    } catch (error) {
      // The core refuses while drafts credit the author; its message says which and what to do.
      this.message.textContent = errorMessage(error);
    }
  }
}
