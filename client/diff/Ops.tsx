import type { CSSProperties } from 'react';
import type { AttributedOp } from '../../shared/diff/index.js';
import type { Party } from '../../shared/auth/person.js';
import { useI18n } from '../app/i18n.js';
import { authorOfOp, describeRun, partyColour } from './authors.js';

/**
 * Diff ops inline: deleted text as `<del>`, new text as `<ins>`. A run with its author is shown in the
 * colour of the author's party (`parties`), with who wrote or removed it on hover and as its label.
 */
export function InlineOps({
  ops,
  parties = [],
}: {
  ops: readonly AttributedOp[];
  parties?: readonly Pick<Party, 'short' | 'color'>[];
}) {
  const { t } = useI18n();
  return (
    <>
      {ops.map((op, i) => {
        const [kind, text] = op;
        if (kind === 0) return <span key={i}>{text}</span>;
        const author = authorOfOp(op);
        const Tag = kind === 1 ? 'ins' : 'del';
        if (!author)
          return (
            <Tag key={i} className={kind === 1 ? 'diff-ins' : 'diff-del'}>
              {text}
            </Tag>
          );
        const label = describeRun(t, kind, author);
        return (
          <Tag
            key={i}
            className={`${kind === 1 ? 'diff-ins' : 'diff-del'} diff-authored`}
            title={label}
            aria-label={label}
            data-party={author.party ?? ''}
            data-person={author.person ?? ''}
            style={{ '--author-colour': partyColour(parties, author) } as CSSProperties}
          >
            {text}
          </Tag>
        );
      })}
    </>
  );
}

/** One side of diff ops: the old text with its deletions marked, or the new one with its insertions. */
export function SideOps({
  ops,
  side,
  parties,
}: {
  ops: readonly AttributedOp[];
  side: 'from' | 'to';
  parties?: readonly Pick<Party, 'short' | 'color'>[];
}) {
  return <InlineOps ops={ops.filter(([kind]) => kind !== (side === 'from' ? 1 : -1))} parties={parties} />;
}
