/**
 * Which text the shell holds for the preview, so a keystroke sends only the edits since then.
 * CodeMirror's changes are composed into one change set against that text; positions go out
 * in UTF-16 code units, CodeMirror's (and JavaScript's) unit, which the shell converts. When
 * the shell may not hold it (first render, another draft, a failed or refused request), the
 * whole text goes instead.
 */
import { ChangeSet } from "@codemirror/state";
import type { PreviewRequest, TextChange } from "../../ipc";

/** Builds preview requests and follows what the shell acknowledged. */
export class TextSync {
  private version = 0;
  /** The version the shell holds; 0 when it may hold none. */
  private held = 0;
  /** Edits since the text of version `held` (or of the request in flight); null: send the whole text. */
  private pending: ChangeSet | null = null;

  /** The text was replaced wholesale (a draft opened or restored): the next request sends it all. */
  reset(): void {
    this.pending = null;
  }

  /** The editor applied `changes` to the text of the last request or edit. */
  edited(changes: ChangeSet): void {
    // A change set that does not start from the length we have is not on our text: resend it all.
    if (this.pending && this.pending.newLength === changes.length) this.pending = this.pending.compose(changes);
    else this.pending = null;
  }

  /** The request for the current text; `text` is read only when the whole text must go. */
  request(session: string, slug: string | null, text: () => string, known: number): PreviewRequest {
    this.version += 1;
    const base = { session, slug, version: this.version, known };
    const edits = this.held ? this.pending : null;
    if (!edits) {
      const whole = text();
      this.pending = ChangeSet.empty(whole.length);
      return { ...base, base: 0, text: whole, length: whole.length };
    }
    const changes: TextChange[] = [];
    edits.iterChanges((from, to, _fromB, _toB, inserted) => changes.push({ from, to, insert: inserted.toString() }));
    this.pending = ChangeSet.empty(edits.newLength);
    return { ...base, base: this.held, changes, length: edits.newLength };
  }

  /** The shell applied `request`: later edits build on its text. */
  accepted(request: PreviewRequest): void {
    this.held = request.version;
  }

  /** The shell refused the edits (resync) or the request failed: the next sends the whole text. */
  lost(): void {
    this.held = 0;
    this.pending = null;
  }
}
