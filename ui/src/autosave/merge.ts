/** Merging of pending draft changes, kept pure for unit tests. */
import type { DraftChange } from "../../ipc/bindings";

/** `later` wins field by field; absent fields of `later` keep `earlier`'s values. */
export function mergeChanges(earlier: DraftChange, later: DraftChange): DraftChange {
  return { ...earlier, ...later };
}

/** True when the change carries nothing to save. */
export function isEmptyChange(change: DraftChange): boolean {
  return Object.keys(change).length === 0;
}
