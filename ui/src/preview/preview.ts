/**
 * Live preview: the core's sanitized HTML in a sandboxed iframe whose document is written once;
 * each render patches the body with idiomorph so scroll position and images survive.
 */
import { errorMessage, openExternal, renderPreview, type PreviewResult } from "../../ipc";
import { h } from "../shared/dom";
import { notify } from "../shared/dialog";
import { Coalescer } from "../shared/timing";
import { previewShell } from "./document";
import { FrameWatch } from "./frameWatch";
import { linkAction } from "./links";
import { patchArticle } from "./patch";
import { type LineAnchor, lineForPreviewOffset, normaliseAnchors, previewOffsetForLine } from "./scrollSync";

/** What the preview tells the rest of the app. */
export interface PreviewHooks {
  /** A render finished; stats are for the text it rendered. */
  onRendered(result: PreviewResult): void;
  /** The writer scrolled the preview to source line `line`. */
  onScrolledToLine(line: number): void;
  /** A keystroke-to-preview sample in milliseconds. */
  onLatency(ms: number): void;
}

interface RenderRequest {
  slug: string | null;
  text: string;
}

/** Ignore scroll events this long after scrolling a pane ourselves, so sync never ping-pongs. */
const SYNC_QUIET_MS = 120;

/** The preview pane. */
export class Preview {
  readonly frame: HTMLIFrameElement;
  private article: HTMLElement | null = null;
  private anchors: LineAnchor[] | null = null;
  private quietUntil = 0;
  private oldestUnrendered: number | null = null;
  private lastFollowed: { link: Element; at: number } | null = null;
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

  /** Asks for a render of `text`; `changedAt` is the performance.now() of the edit, if typed. */
  update(slug: string | null, text: string, changedAt: number | null): void {
    if (changedAt !== null && this.oldestUnrendered === null) this.oldestUnrendered = changedAt;
    this.renders.push({ slug, text });
  }

  /** Resolves when the latest requested text is on screen. */
  settled(): Promise<void> {
    return this.renders.idle();
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

  private async render(request: RenderRequest): Promise<void> {
    const startedAt = this.oldestUnrendered;
    this.oldestUnrendered = null;
    let result: PreviewResult;
    const ipcStart = performance.now();
    try {
      result = await renderPreview(request.slug, request.text);
    } catch (error) {
      notify(`The preview could not be updated: ${errorMessage(error)}`, "error");
      return;
    }
    const patchStart = performance.now();
    // Finer measures beside keystroke-to-preview show where the time goes.
    performance.measure("preview-render-ipc", { start: ipcStart, end: patchStart });
    if (this.article) {
      patchArticle(this.article, result.html);
      this.anchors = null;
    }
    performance.measure("preview-patch", { start: patchStart, end: performance.now() });
    this.hooks.onRendered(result);
    if (startedAt !== null) {
      // The sample ends when the patched preview has been painted.
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const end = performance.now();
      performance.measure("keystroke-to-preview", { start: startedAt, end });
      this.hooks.onLatency(end - startedAt);
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
