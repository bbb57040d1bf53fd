/** Small helpers on op lists: tidying, reading back either side, checking for changes. */
import type { AttributedOp, Op } from './types.js';

/**
 * Tidies an op list: drops empty ops and, between two equalities, gathers all deleted text into one
 * delete followed by all inserted text into one insert; adjacent equalities are merged. Both sides
 * read back the same as before.
 */
export function compactOps(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) out.push([-1, deleted]);
    if (inserted) out.push([1, inserted]);
    deleted = '';
    inserted = '';
  };
  for (const [kind, text] of ops) {
    if (!text) continue;
    if (kind === -1) deleted += text;
    else if (kind === 1) inserted += text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last[0] === 0) last[1] += text;
      else out.push([0, text]);
    }
  }
  flush();
  return out;
}

/** The old (`'from'`: equal and deleted ops) or new (`'to'`: equal and inserted ops) text. */
export function sideOf(ops: readonly AttributedOp[], side: 'from' | 'to'): string {
  const skip = side === 'from' ? 1 : -1;
  let text = '';
  for (const [kind, part] of ops) if (kind !== skip) text += part;
  return text;
}

/** True when some op inserts or deletes text. */
export function hasChanges(ops: readonly AttributedOp[]): boolean {
  return ops.some(([kind]) => kind !== 0);
}
