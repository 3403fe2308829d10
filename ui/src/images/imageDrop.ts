/** Pasting or dropping an image into the editor stores it with the draft and inserts its Markdown. */
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { addDraftImage, errorMessage } from "../../ipc";

/** Image files among pasted or dropped items. */
export function imageFiles(files: FileList | null | undefined): File[] {
  return files ? [...files].filter((file) => file.type.startsWith("image/")) : [];
}

/** A file name for a pasted image that has none (screenshots arrive as "image.png"). */
export function pastedImageName(file: { name: string; type: string }, now: Date = new Date()): string {
  if (file.name && file.name !== "image.png") return file.name;
  const ext = file.type.split("/")[1]?.replace("jpeg", "jpg").replace("svg+xml", "svg") || "png";
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `pasted-${stamp}.${ext}`;
}

async function insertImages(view: EditorView, slug: string, files: File[], at: number, onError: (m: string) => void) {
  const parts: string[] = [];
  for (const file of files) {
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const stored = await addDraftImage(slug, pastedImageName(file), bytes);
      parts.push(stored.markdown);
    } catch (error) {
      onError(`The image ${file.name || "from the clipboard"} was not added: ${errorMessage(error)}`);
    }
  }
  if (parts.length === 0) return;
  const pos = Math.min(at, view.state.doc.length);
  const line = view.state.doc.lineAt(pos);
  // Images read best on a line of their own.
  const before = pos > line.from ? "\n\n" : "";
  const insert = `${before}${parts.join("\n\n")}\n`;
  view.dispatch({
    changes: { from: pos, insert },
    selection: { anchor: pos + insert.length },
    userEvent: "input.paste",
    scrollIntoView: true,
  });
}

/** The extension; `currentSlug` names the draft images belong to. */
export function imageDropPaste(currentSlug: () => string | null, onError: (message: string) => void): Extension {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const files = imageFiles(event.clipboardData?.files);
      const slug = currentSlug();
      if (files.length === 0 || !slug) return false;
      event.preventDefault();
      void insertImages(view, slug, files, view.state.selection.main.head, onError);
      return true;
    },
    drop(event, view) {
      const files = imageFiles(event.dataTransfer?.files);
      const slug = currentSlug();
      if (files.length === 0 || !slug) return false;
      event.preventDefault();
      const at = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
      void insertImages(view, slug, files, at, onError);
      return true;
    },
  });
}
