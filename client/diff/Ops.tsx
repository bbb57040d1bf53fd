import type { Op } from '../../shared/diff/index.js';

/** Diff ops inline: deleted text as `<del>`, new text as `<ins>`. */
export function InlineOps({ ops }: { ops: readonly Op[] }) {
  return (
    <>
      {ops.map(([kind, text], i) =>
        kind === 0 ? (
          <span key={i}>{text}</span>
        ) : kind === 1 ? (
          <ins key={i} className="diff-ins">
            {text}
          </ins>
        ) : (
          <del key={i} className="diff-del">
            {text}
          </del>
        ),
      )}
    </>
  );
}

/** One side of diff ops: the old text with its deletions marked, or the new one with its insertions. */
export function SideOps({ ops, side }: { ops: readonly Op[]; side: 'from' | 'to' }) {
  return <InlineOps ops={ops.filter(([kind]) => kind !== (side === 'from' ? 1 : -1))} />;
}
