/**
 * Watches the sandboxed preview frame from the parent without any listener inside it.
 *
 * WebKitGTK runs no event listeners at all in a document whose frame is sandboxed without
 * `allow-scripts`, not even listeners the parent adds. So while the pointer is over the frame
 * (the parent does see `mouseenter`/`mouseleave` on the iframe element) we poll once per
 * animation frame: the frame's scroll offset for scroll sync, and `a:active` for link clicks
 * (a link that was active and is released while still hovered was clicked). A click too quick
 * for one frame still moves focus to the link under the pointer, which the poll sees as well.
 */

/** What the watcher reports. */
export interface FrameWatchHooks {
  /** The frame scrolled to `scrollY`. */
  scrolled(scrollY: number): void;
  /** A link was clicked. */
  linkClicked(link: Element): void;
}

/** Polls the frame while the pointer is over it. */
export class FrameWatch {
  private running = false;
  private lastScroll = -1;
  private pressed: Element | null = null;

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly hooks: FrameWatchHooks,
  ) {
    frame.addEventListener("mouseenter", () => this.start());
    frame.addEventListener("mouseleave", () => this.stop());
    // Keyboard scrolling happens with focus in the frame, pointer anywhere.
    frame.addEventListener("focus", () => this.start());
    frame.addEventListener("blur", () => this.stop());
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    this.lastScroll = this.frame.contentWindow?.scrollY ?? -1;
    requestAnimationFrame(() => this.tick());
  }

  private stop(): void {
    // One last look catches a scroll that ended as the pointer left.
    this.check();
    this.running = false;
    this.pressed = null;
  }

  private tick(): void {
    if (!this.running) return;
    this.check();
    requestAnimationFrame(() => this.tick());
  }

  private check(): void {
    const win = this.frame.contentWindow;
    const doc = this.frame.contentDocument;
    if (!win || !doc) return;
    if (win.scrollY !== this.lastScroll) {
      this.lastScroll = win.scrollY;
      this.hooks.scrolled(win.scrollY);
    }
    const focused = doc.activeElement;
    if (focused && focused.tagName === "A" && focused.matches(":hover")) {
      // Blurring lets the next click on the same link register as a new focus.
      (focused as HTMLElement).blur();
      this.pressed = null;
      this.hooks.linkClicked(focused);
      return;
    }
    const active = doc.querySelector("a:active");
    if (active) {
      this.pressed = active;
    } else if (this.pressed) {
      const released = this.pressed;
      this.pressed = null;
      if (released.isConnected && released.matches(":hover")) this.hooks.linkClicked(released);
    }
  }
}
