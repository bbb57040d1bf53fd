import type { DiffOp } from '../../shared/amendments/types.js';

/** A word diff inline: deleted words as `<del>`, new words as `<ins>`. */
export function DiffOps({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <span className="am-diff">
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
    </span>
  );
}
