import type * as Y from 'yjs';

/**
 * The smallest edit that turns `before` into `after`: a common prefix and suffix kept, the middle replaced.
 * Enough for a textarea, where one input event is one typed, deleted or pasted run.
 */
export function textEdit(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

/** Applies a textarea's new value to a Y.Text as a minimal edit, so concurrent typing by others survives. */
export function applyTextareaValue(ytext: Y.Text, value: string): void {
  const { index, remove, insert } = textEdit(ytext.toString(), value);
  if (remove === 0 && insert === '') return;
  ytext.doc!.transact(() => {
    if (remove > 0) ytext.delete(index, remove);
    if (insert) ytext.insert(index, insert);
  });
}
