/**
 * Patches the preview article to a new block list. Typing usually changes one block, so the
 * unchanged leading blocks are kept as they are, the trailing ones with equal keys too (their
 * `data-line` values moved in place when lines were typed above them), and only the changed
 * middle is parsed: morphed block by block when the count is unchanged, replaced otherwise.
 * When the DOM does not line up with what was applied, the whole article is morphed. Either
 * way unchanged nodes (and their loaded images) stay in place.
 */
import { Idiomorph } from "idiomorph";
import type { BlockRef } from "../../ipc";
import { commonEnds } from "./blocks";

/** The block list as last applied, keyed by the article; one block per child node. */
const applied = new WeakMap<Element, BlockRef[]>();

const PLAIN_NUMBER = /^(0|[1-9][0-9]*)$/;
const ELEMENT_NODE = 1;

/** Parses `html` into nodes owned by `doc`. */
function parse(doc: Document, html: string): Node[] {
  const template = doc.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes];
}

/** Brings `article`'s children in line with `blocks`, whose HTML `htmlOf` gives. */
export function patchArticle(article: Element, blocks: BlockRef[], htmlOf: (block: BlockRef) => string): void {
  const before = applied.get(article);
  if (before && before.length === article.childNodes.length && patchMiddle(article, before, blocks, htmlOf)) {
    applied.set(article, blocks);
    return;
  }
  const template = article.ownerDocument.createElement("template");
  template.innerHTML = blocks.map(htmlOf).join("");
  Idiomorph.morph(article, template.content, { morphStyle: "innerHTML" });
  // Only remember blocks that map one to one onto the DOM, so the next patch can trust them.
  if (blocks.length === article.childNodes.length) applied.set(article, blocks);
  else applied.delete(article);
}

/** Replaces the blocks between the common ends; false (nothing changed) when they do not line up. */
function patchMiddle(article: Element, before: BlockRef[], next: BlockRef[], htmlOf: (block: BlockRef) => string): boolean {
  const { head, tail, shift } = commonEnds(before, next);
  const incoming = next.slice(head, next.length - tail);
  const fresh = incoming.length ? parse(article.ownerDocument, incoming.map(htmlOf).join("")) : [];
  if (fresh.length !== incoming.length) return false;
  const current = [...article.childNodes];
  if (shift !== 0) for (const node of current.slice(current.length - tail)) moveLines(node, shift);
  const old = current.slice(head, current.length - tail);
  if (old.length === fresh.length) {
    old.forEach((node, i) => morphNode(node, fresh[i]));
  } else {
    const anchor = current[current.length - tail] ?? null;
    old.forEach((node) => node.remove());
    for (const node of fresh) article.insertBefore(node, anchor);
  }
  return true;
}

/** Adds `shift` to the source lines in `node`, as a re-render of its moved block would have. */
function moveLines(node: Node, shift: number): void {
  // Nodes live in the frame's realm, so `instanceof Element` (the parent's) would be false.
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  const targets = [...element.querySelectorAll("[data-line]")];
  if (element.hasAttribute("data-line")) targets.unshift(element);
  for (const target of targets) {
    const value = target.getAttribute("data-line") ?? "";
    if (PLAIN_NUMBER.test(value)) target.setAttribute("data-line", String(Number(value) + shift));
  }
}

function morphNode(old: Node, fresh: Node): void {
  if (old.nodeType === ELEMENT_NODE && fresh.nodeType === ELEMENT_NODE) {
    Idiomorph.morph(old, fresh, { morphStyle: "outerHTML" });
  } else {
    old.parentNode?.replaceChild(fresh, old);
  }
}
