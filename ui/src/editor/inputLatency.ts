/**
 * Keystroke-to-editor-paint samples: from a key press in the editor to the frame after it.
 * That frame is late exactly when something (a preview patch, a big parse) holds the UI
 * thread, so these samples show whether the editor stalls while the preview works.
 */

/** Calls `record` with one sample (ms) per key press inside `target`. */
export function trackInputLatency(target: HTMLElement, record: (ms: number) => void): void {
  target.addEventListener(
    "keydown",
    (event) => {
      const now = performance.now();
      // The event's own time stamp includes any wait before it was dispatched, when it is sane.
      const pressed = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      // A task queued from the frame callback runs once that frame has been painted.
      requestAnimationFrame(() => setTimeout(() => record(performance.now() - pressed), 0));
    },
    { capture: true },
  );
}
