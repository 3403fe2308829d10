/** Native file dialogs through the dialog plugin (the webview has no file system access). */
import { open, save } from "@tauri-apps/plugin-dialog";

import { IMPORTED_EXTENSIONS } from "./bindings";

const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"];

/** Asks for one image file; null when the writer cancels. */
export async function chooseImageFile(title: string): Promise<string | null> {
  const picked = await open({
    title,
    multiple: false,
    directory: false,
    filters: [{ name: "Images", extensions: IMAGE_EXTENSIONS }],
  });
  return typeof picked === "string" ? picked : null;
}

/** Asks where to save a file; null when the writer cancels. */
export async function chooseSavePath(title: string, defaultPath: string, extension: string): Promise<string | null> {
  const picked = await save({
    title,
    defaultPath,
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  });
  return picked ?? null;
}

/** Asks for a folder; null when the writer cancels. */
export async function chooseFolder(title: string): Promise<string | null> {
  const picked = await open({ title, multiple: false, directory: true });
  return typeof picked === "string" ? picked : null;
}

/** Asks for Markdown files (to import, by default; `extensions` narrows them); empty when the writer cancels. */
export async function chooseMarkdownFiles(
  title: string,
  extensions: readonly string[] = IMPORTED_EXTENSIONS,
): Promise<string[]> {
  const picked = await open({
    title,
    multiple: true,
    directory: false,
    filters: [{ name: "Markdown", extensions: [...extensions] }],
  });
  if (picked === null) return [];
  return Array.isArray(picked) ? picked : [picked];
}
