import { useState } from 'react';
import { useI18n } from '../app/i18n.js';
import { condenseOps } from './condense.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { authorsOf, type UnitKind } from '../../shared/diff/index.js';
import type { Party } from '../../shared/auth/person.js';
import { listAuthors } from './authors.js';
import { dutchTime, type DiffUnit } from './api.js';
import { InlineOps, SideOps } from './Ops.js';

const KIND_LABEL: Record<Exclude<UnitKind, 'measure'>, MessageKey> = {
  title: 'diffKind_title',
  intro: 'diffKind_intro',
  signature: 'diffKind_signature',
  'chapter-title': 'diffKind_chapterTitle',
  'section-title': 'diffKind_sectionTitle',
  'chapter-intro': 'diffKind_paragraph',
  'section-intro': 'diffKind_paragraph',
  footnote: 'diffKind_footnote',
};

/**
 * One changed unit of a comparison: its number, what happened, the text change with each run in its
 * author's party colour, and who made the changes.
 */
export function UnitView({
  unit,
  layout,
  current,
  parties = [],
}: {
  unit: DiffUnit;
  layout: 'inline' | 'side-by-side';
  current: boolean;
  parties?: readonly Party[];
}) {
  const { t } = useI18n();
  const label =
    unit.kind === 'measure' ? `${t('measure')} ${unit.number}` : `${t(KIND_LABEL[unit.kind])} ${unit.number}`;
  const [full, setFull] = useState(false);
  const authors = authorsOf(unit.ops);
  const condensed = condenseOps(unit.ops);
  const shortened = condensed.some(([, text], i) => text !== unit.ops[i]![1]);
  const ops = full ? unit.ops : condensed;
  const renumbered = unit.fromNumber && unit.toNumber && unit.fromNumber !== unit.toNumber;
  return (
    <article
      className={`diff-unit diff-unit-${unit.status}${current ? ' current' : ''}`}
      data-unit={unit.id}
      aria-current={current || undefined}
    >
      <header>
        <strong>{label.trim()}</strong>
        {renumbered && (
          <span className="diff-renumbered">
            ({unit.fromNumber} → {unit.toNumber})
          </span>
        )}
        <span className={`diff-badge diff-badge-${unit.status}`}>
          {/* A removed measure keeps its number, which no other measure gets: it has lapsed. */}
          {unit.kind === 'measure' && unit.status === 'removed'
            ? t('diffLapsed')
            : t(`diffStatus_${unit.status}`)}
        </span>
      </header>
      {layout === 'inline' ? (
        <p className="diff-text">
          <InlineOps ops={ops} parties={parties} />
        </p>
      ) : (
        <div className="diff-columns">
          <div>
            <div className="diff-column-head">{t('diffOld')}</div>
            <p className="diff-text">
              <SideOps ops={ops} side="from" parties={parties} />
            </p>
          </div>
          <div>
            <div className="diff-column-head">{t('diffNew')}</div>
            <p className="diff-text">
              <SideOps ops={ops} side="to" parties={parties} />
            </p>
          </div>
        </div>
      )}
      {shortened && (
        <button type="button" className="diff-full" onClick={() => setFull(!full)}>
          {full ? t('diffShorter') : t('diffFullText')}
        </button>
      )}
      {authors.length > 0 ? (
        <footer className="diff-attribution">{t('diffAuthors', { authors: listAuthors(authors) })}</footer>
      ) : (
        unit.attribution && (
          <footer className="diff-attribution">
            {t('diffBy', {
              person: unit.attribution.person,
              party: unit.attribution.party,
              time: dutchTime(unit.attribution.at),
            })}
          </footer>
        )
      )}
    </article>
  );
}
