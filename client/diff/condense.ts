import type { AttributedOp } from '../../shared/diff/index.js';

/** Characters of unchanged text kept on each side of a change; long stretches between are elided. */
export const CONTEXT_CHARS = 60;

/**
 * Shortens long unchanged stretches of a unit's ops to a little context around each change ("…"), so a
 * one-word change in a long measure reads in a second. Cuts at word boundaries. Ops without any change
 * are returned as they are.
 */
export function condenseOps(ops: readonly AttributedOp[], context = CONTEXT_CHARS): AttributedOp[] {
  if (!ops.some(([kind]) => kind !== 0)) return [...ops];
  return ops.map((op, i): AttributedOp => {
    const [kind, text] = op;
    if (kind !== 0) return op;
    const keepStart = i > 0 ? context : 0;
    const keepEnd = i < ops.length - 1 ? context : 0;
    if (text.length <= keepStart + keepEnd + 10) return [kind, text];
    const headEnd = text.lastIndexOf(' ', keepStart);
    const head = keepStart ? text.slice(0, headEnd > 0 ? headEnd : keepStart) : '';
    const tailStart = text.indexOf(' ', text.length - keepEnd);
    const tail = keepEnd ? text.slice(tailStart === -1 ? text.length - keepEnd : tailStart + 1) : '';
    return [0, [head, '…', tail].filter(Boolean).join(' ')];
  });
}
