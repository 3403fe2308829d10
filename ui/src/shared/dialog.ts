/** Modal dialogs: native <dialog> with a focus trap, Escape to close and focus returned. */
import { h, uid } from "./dom";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A modal dialog shell; feature modules fill `body`. */
export class Modal {
  readonly el: HTMLDialogElement;
  readonly body: HTMLElement;
  private returnFocus: HTMLElement | null = null;
  private closeHandlers: Array<() => void> = [];

  constructor(title: string, options: { role?: "dialog" | "alertdialog"; className?: string } = {}) {
    const headingId = uid("dlg");
    this.body = h("div", { class: "dialog-body" });
    this.el = h(
      "dialog",
      {
        class: `modal ${options.className ?? ""}`,
        "aria-labelledby": headingId,
        role: options.role ?? "dialog",
        "aria-modal": "true",
      },
      h("h2", { id: headingId, class: "dialog-title" }, title),
      this.body,
    );
    // Escape closes through the native cancel event; we close ourselves to run the handlers.
    this.el.addEventListener("cancel", (event) => {
      event.preventDefault();
      this.close();
    });
    this.el.addEventListener("keydown", (event) => this.trapTab(event));
    document.body.append(this.el);
  }

  /** Opens the dialog and focuses `focus` (or its first control). */
  open(focus?: HTMLElement | null): void {
    if (this.el.open) return;
    const active = document.activeElement;
    this.returnFocus = active instanceof HTMLElement ? active : null;
    this.el.showModal();
    const target = focus ?? this.el.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
  }

  /** Closes the dialog and gives focus back to where it was. */
  close(): void {
    if (!this.el.open) return;
    this.el.close();
    this.closeHandlers.forEach((handler) => handler());
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /** True while shown. */
  isOpen(): boolean {
    return this.el.open;
  }

  /** Runs `handler` each time the dialog closes. */
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  private trapTab(event: KeyboardEvent): void {
    if (event.key !== "Tab") return;
    const items = [...this.el.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** Asks the writer to confirm an action in an alertdialog; resolves true for the action button. */
export function confirmAction(title: string, message: string, actionLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const modal = new Modal(title, { role: "alertdialog", className: "confirm" });
    const messageEl = h("p", { id: uid("msg") }, message);
    modal.el.setAttribute("aria-describedby", messageEl.id);
    let answer = false;
    const cancel = h("button", { type: "button" }, "Cancel");
    const action = h("button", { type: "button", class: "danger" }, actionLabel);
    cancel.addEventListener("click", () => modal.close());
    action.addEventListener("click", () => {
      answer = true;
      modal.close();
    });
    modal.body.append(messageEl, h("div", { class: "dialog-actions" }, cancel, action));
    modal.onClose(() => {
      modal.el.remove();
      resolve(answer);
    });
    // Cancel is focused first so a stray Enter never destroys anything.
    modal.open(cancel);
  });
}

/** Shows a transient message in the app's notice area (role=alert for errors). */
export function notify(message: string, kind: "info" | "error" = "info"): void {
  const area = noticeArea();
  if (!area) return;
  const note = h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, message);
  const dismiss = h("button", { type: "button", class: "notice-close", "aria-label": "Dismiss" }, "×");
  dismiss.addEventListener("click", () => note.remove());
  note.append(dismiss);
  area.append(note);
  setTimeout(() => note.remove(), kind === "error" ? 12000 : 5000);
}

/** Where notices go: inside the open modal (the rest of the page is inert), else the page's area. */
function noticeArea(): HTMLElement | null {
  const modal = [...document.querySelectorAll<HTMLDialogElement>("dialog[open]")].pop();
  if (!modal) return document.getElementById("notices");
  let area = modal.querySelector<HTMLElement>(":scope > .notices");
  if (!area) {
    area = h("div", { class: "notices", "aria-live": "polite" });
    modal.append(area);
  }
  return area;
}
