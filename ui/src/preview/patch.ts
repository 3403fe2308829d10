/**
 * Patches the preview article with new HTML. Typing usually changes one block, so when the
 * top-level blocks line up, only the blocks whose HTML changed are morphed; otherwise the whole
 * article is morphed. Either way unchanged nodes (and their loaded images) stay in place.
 */
import { Idiomorph } from "idiomorph";

/** The serialized form of each top-level node, as last applied, keyed by the article. */
const applied = new WeakMap<Element, string[]>();

function serialize(node: Node): string {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element).outerHTML : (node.textContent ?? "");
}

/** Which top-level blocks differ between two renders; null when the block structure changed. */
export function changedBlocks(before: readonly string[], after: readonly string[]): number[] | null {
  if (before.length !== after.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) changed.push(i);
  return changed;
}

/** Brings `article`'s children in line with `html`. */
export function patchArticle(article: Element, html: string): void {
  const template = article.ownerDocument.createElement("template");
  template.innerHTML = html;
  const incoming = [...template.content.childNodes];
  const next = incoming.map(serialize);
  const current = [...article.childNodes];
  const before = applied.get(article);
  const changed = before && before.length === current.length ? changedBlocks(before, next) : null;
  applied.set(article, next);
  if (changed === null) {
    Idiomorph.morph(article, template.content, { morphStyle: "innerHTML" });
    return;
  }
  for (const i of changed) {
    const old = current[i];
    const fresh = incoming[i];
    if (old.nodeType === Node.ELEMENT_NODE && fresh.nodeType === Node.ELEMENT_NODE) {
      Idiomorph.morph(old, fresh, { morphStyle: "outerHTML" });
    } else {
      old.replaceWith(fresh);
    }
  }
}
