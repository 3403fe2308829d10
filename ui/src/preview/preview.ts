/**
 * Live preview: the core's sanitized HTML in a sandboxed iframe whose document is written once;
 * each render patches the body with idiomorph so scroll position and images survive. A render
 * sends the shell only the edits since the text it holds (textSync.ts) and gets back only the
 * blocks this window does not hold yet (blocks.ts).
 */
import type { ChangeSet } from "@codemirror/state";
import { errorMessage, openExternal, updatePreview, type PreviewUpdate } from "../../ipc";
import { h } from "../shared/dom";
import { notify } from "../shared/dialog";
import { Coalescer } from "../shared/timing";
import { previewShell } from "./document";
import { BlockStore } from "./blocks";
import { FrameWatch } from "./frameWatch";
import { linkAction } from "./links";
import { patchArticle } from "./patch";
import { type LineAnchor, lineForPreviewOffset, normaliseAnchors, previewOffsetForLine } from "./scrollSync";
import { TextSync } from "./textSync";

/** What the preview tells the rest of the app. */
export interface PreviewHooks {
  /** A render of `slug`'s text finished; stats and title are for the text it rendered. */
  onRendered(result: PreviewUpdate, slug: string | null): void;
  /** The writer scrolled the preview to source line `line`. */
  onScrolledToLine(line: number): void;
  /** A keystroke-to-preview sample in milliseconds. */
  onLatency(ms: number): void;
}

interface RenderRequest {
  slug: string | null;
  /** The text, or how to read it: read only when the render starts, never per keystroke. */
  text: string | (() => string);
}

/** Ignore scroll events this long after scrolling a pane ourselves, so sync never ping-pongs. */
const SYNC_QUIET_MS = 120;

/** A render that holds the UI thread for less than this starts at once after a keystroke. */
const CHEAP_RENDER_MS = 8;

/** The longest a render waits for a pause in typing. */
const MAX_TYPING_PAUSE_MS = 1500;

/** The preview pane. */
export class Preview {
  readonly frame: HTMLIFrameElement;
  private article: HTMLElement | null = null;
  private anchors: LineAnchor[] | null = null;
  private quietUntil = 0;
  private oldestUnrendered: number | null = null;
  private lastFollowed: { link: Element; at: number } | null = null;
  /** UI-thread time of the last render (reading the text, sending it, patching), in ms. */
  private uiCost = 0;
  private lastEditAt = 0;
  private latest: RenderRequest | null = null;
  /** This page load's preview session in the shell: a reload starts over with the whole text. */
  private readonly session = `preview-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private readonly textSync = new TextSync();
  private readonly blocks = new BlockStore();
  private readonly renders = new Coalescer<RenderRequest>((request) => this.render(request));

  constructor(
    parent: HTMLElement,
    private readonly hooks: PreviewHooks,
  ) {
    this.frame = h("iframe", { title: "Preview", sandbox: "allow-same-origin", class: "preview-frame" });
    parent.append(this.frame);
  }

  /** Writes the preview document once, with the core's CSS. */
  async init(css: string, theme: "light" | "dark"): Promise<void> {
    const loaded = new Promise<void>((resolve) => this.frame.addEventListener("load", () => resolve(), { once: true }));
    this.frame.srcdoc = previewShell(css, theme);
    await loaded;
    const doc = this.frame.contentDocument;
    if (!doc) throw new Error("The preview frame could not be opened.");
    this.article = doc.querySelector("article");
    // Listeners inside the frame never run in WebKitGTK (see frameWatch.ts); the parent polls instead,
    // and the document's <base target="_blank"> makes any click a blocked popup, never a navigation.
    doc.addEventListener("click", (event) => this.interceptClick(event), true);
    new FrameWatch(this.frame, {
      scrolled: () => this.previewScrolled(),
      linkClicked: (link) => this.followLink(link),
    });
    new ResizeObserver(() => (this.anchors = null)).observe(this.frame);
  }

  /** Follows the app theme so code colours match the editor. */
  setTheme(theme: "light" | "dark"): void {
    const root = this.frame.contentDocument?.documentElement;
    if (root) root.dataset.theme = theme;
  }

  /**
   * Asks for a render of `text` (or of what the getter returns when the render starts);
   * `changedAt` is the performance.now() of the edit, if typed; `changes` are the editor's
   * changes since the previous update (without them, the whole text goes to the shell). At most
   * one render is in flight and keystrokes meanwhile collapse into the latest text.
   */
  update(slug: string | null, text: string | (() => string), changedAt: number | null, changes?: ChangeSet): void {
    if (changes && typeof text !== "string") this.textSync.edited(changes);
    else this.textSync.reset();
    if (changedAt !== null) {
      if (this.oldestUnrendered === null) this.oldestUnrendered = changedAt;
      this.lastEditAt = changedAt;
    }
    const request = { slug, text };
    this.latest = request;
    this.renders.push(request);
  }

  /** Resolves when the latest requested text is on screen. */
  settled(): Promise<void> {
    return this.renders.idle();
  }

  /** True while a render is in flight or waiting. */
  busy(): boolean {
    return this.renders.busy();
  }

  /** Scrolls the preview to show source line `line` at its top. */
  scrollToLine(line: number): void {
    const win = this.frame.contentWindow;
    if (!win || Date.now() < this.quietUntil) return;
    const top = previewOffsetForLine(this.lineAnchors(), line);
    if (top === null) return;
    this.quietUntil = Date.now() + SYNC_QUIET_MS;
    win.scrollTo({ top: Math.max(0, top - 16) });
  }

  /** Called by the editor side after it scrolled us, to not echo back. */
  quiet(): void {
    this.quietUntil = Date.now() + SYNC_QUIET_MS;
  }

  /**
   * A render whose UI-thread work is expensive (a huge draft) waits for a pause in typing that
   * long, so keystrokes are never stuck behind it; cheap renders start at once.
   */
  private async typingPause(): Promise<void> {
    if (this.uiCost < CHEAP_RENDER_MS) return;
    const pause = Math.min(2 * this.uiCost, MAX_TYPING_PAUSE_MS);
    for (;;) {
      const wait = this.lastEditAt + pause - performance.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async render(request: RenderRequest): Promise<void> {
    await this.typingPause();
    // Typing went on during the pause: the newer request, already queued, renders instead.
    if (request !== this.latest) return;
    const startedAt = this.oldestUnrendered;
    this.oldestUnrendered = null;
    let result: PreviewUpdate;
    const ipcStart = performance.now();
    let sent = ipcStart;
    try {
      result = await this.exchange(request, () => (sent = performance.now()));
      this.blocks.take(result);
    } catch (error) {
      this.textSync.lost();
      notify(`The preview could not be updated: ${errorMessage(error)}`, "error");
      return;
    }
    const patchStart = performance.now();
    // Finer measures beside keystroke-to-preview show where the time goes.
    performance.measure("preview-render-ipc", { start: ipcStart, end: patchStart });
    // A reply for a draft no longer shown is only remembered; the newer request patches.
    if (this.article && request.slug === this.latest?.slug) {
      patchArticle(this.article, this.blocks.blocks, (block) => this.blocks.htmlOf(block));
      this.anchors = null;
    }
    const patchEnd = performance.now();
    performance.measure("preview-patch", { start: patchStart, end: patchEnd });
    // Typed renders only: opening a long draft patches it whole once, which typing never repeats.
    if (startedAt !== null) this.uiCost = sent - ipcStart + (patchEnd - patchStart);
    this.hooks.onRendered(result, request.slug);
    if (startedAt !== null) {
      // The sample ends when the patched preview has been painted.
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const end = performance.now();
      performance.measure("keystroke-to-preview", { start: startedAt, end });
      this.hooks.onLatency(end - startedAt);
    }
  }

  /**
   * Sends the edits (or, when the shell asks for it, the whole text) and returns the render;
   * `sent` is called once the request is on its way.
   */
  private async exchange(request: RenderRequest, sent: () => void): Promise<PreviewUpdate> {
    const text = typeof request.text === "string" ? () => request.text as string : request.text;
    for (let attempt = 0; ; attempt++) {
      const outgoing = this.textSync.request(this.session, request.slug, text, this.blocks.seq);
      const pending = updatePreview(outgoing);
      sent();
      const reply = await pending;
      if (reply.kind === "rendered") {
        this.textSync.accepted(outgoing);
        return reply;
      }
      this.textSync.lost();
      // The whole text cannot be refused; twice means something is wrong, not out of date.
      if (attempt > 0) throw new Error("the app lost track of the draft text");
    }
  }

  private lineAnchors(): LineAnchor[] {
    if (this.anchors) return this.anchors;
    const doc = this.frame.contentDocument;
    const win = this.frame.contentWindow;
    if (!doc || !win) return [];
    const raw: LineAnchor[] = [];
    for (const el of doc.querySelectorAll<HTMLElement>("[data-line]")) {
      const line = Number(el.dataset.line);
      if (Number.isFinite(line)) raw.push({ line, top: el.getBoundingClientRect().top + win.scrollY });
    }
    this.anchors = normaliseAnchors(raw);
    return this.anchors;
  }

  private previewScrolled(): void {
    const win = this.frame.contentWindow;
    if (!win || Date.now() < this.quietUntil) return;
    const line = lineForPreviewOffset(this.lineAnchors(), win.scrollY + 16);
    if (line !== null) this.hooks.onScrolledToLine(line);
  }

  /** Engines that do run parent listeners in the frame get the click here, before any navigation. */
  private interceptClick(event: MouseEvent): void {
    // The target lives in the frame's realm, so `instanceof Element` (the parent's) would be false.
    const target = event.target as Partial<Element> | null;
    const link = typeof target?.closest === "function" ? target.closest("a") : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    this.followLink(link);
  }

  private followLink(link: Element): void {
    const now = Date.now();
    // Where the listener runs, it and the poller both report the same click.
    if (this.lastFollowed?.link === link && now - this.lastFollowed.at < 500) return;
    this.lastFollowed = { link, at: now };
    const action = linkAction(link.getAttribute("href"));
    if (action.kind === "anchor") {
      const doc = this.frame.contentDocument;
      const dest = doc?.getElementById(action.id) ?? doc?.getElementsByName(action.id)[0];
      dest?.scrollIntoView({ block: "start" });
    } else if (action.kind === "external") {
      openExternal(action.url).catch((error) => notify(errorMessage(error), "error"));
    } else if (action.kind === "ignore") {
      notify(`Link not opened: ${action.reason}.`);
    }
  }
}
