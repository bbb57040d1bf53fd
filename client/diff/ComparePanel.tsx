import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { can } from '../../shared/auth/roles.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { dutchTime, fetchDiff, fetchVersions, type DiffResponse, type Side, type Version } from './api.js';
import { Summary } from './Summary.js';
import { UnitView } from './UnitView.js';
import { useParties } from '../app/parties.js';
import { VersionList } from './VersionList.js';
import { usePreviousVisit } from './visits.js';

/** A comparison that involves the live text is fetched again this long after the text stops changing. */
const LIVE_REFRESH_MS = 800;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; diff: DiffResponse };

/**
 * "Vergelijken": any two of the original, a version, now and "since my last visit"; a summary per chapter,
 * then the changed units chapter by chapter, inline or side by side, with buttons from change to change.
 */
export function ComparePanel() {
  const { t } = useI18n();
  const { documentId, me, state } = useDocument();
  const parties = useParties(documentId);
  const visit = usePreviousVisit();
  const [versions, setVersions] = useState<Version[]>([]);
  const [[from, to], setSides] = useState<[Side, Side]>(['original', 'live']);
  const [layout, setLayout] = useState<'inline' | 'side-by-side'>('inline');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [current, setCurrent] = useState(0);
  const [versionsTick, setVersionsTick] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  // A new pair shows "loading" at once, never the previous pair's result under the new names.
  const choose = (nextFrom: Side, nextTo: Side) => {
    setSides([nextFrom, nextTo]);
    setLoad({ kind: 'loading' });
    setCurrent(0);
  };
  const live = from === 'live' || to === 'live';
  // The text changes with every edit; a live comparison follows it, a fixed one does not need to.
  const liveDoc = live ? state?.doc : null;

  useEffect(() => {
    fetchVersions(documentId).then(setVersions, () => setVersions([]));
  }, [documentId, versionsTick]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () => {
        fetchDiff(documentId, from, to).then(
          (diff) => !cancelled && setLoad({ kind: 'ready', diff }),
          (err: Error) => !cancelled && setLoad({ kind: 'error', message: err.message }),
        );
      },
      liveDoc ? LIVE_REFRESH_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [documentId, from, to, liveDoc, versionsTick]);

  const changes = useMemo(
    () => (load.kind === 'ready' ? load.diff.units.filter((u) => u.status !== 'unchanged') : []),
    [load],
  );
  const position = Math.min(current, Math.max(changes.length - 1, 0));

  const jump = useCallback(
    (index: number) => {
      setCurrent(index);
      const id = changes[index]?.id;
      if (!id) return;
      listRef.current?.querySelector(`[data-unit="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    [changes],
  );

  const sides: { value: Side; label: string }[] = [
    { value: 'original', label: t('diffSideOriginal') },
    // The original is the first side already (the versions list has it too, as id `original`).
    ...versions
      .filter((v) => v.kind !== 'original')
      .map((v) => ({ value: v.id, label: `${v.name} (${dutchTime(v.createdAt)})` })),
    ...(visit.kind === 'earlier'
      ? [{ value: 'since-last-visit', label: t('diffSideSinceVisitAt', { time: dutchTime(visit.at) }) }]
      : []),
    { value: 'live', label: t('diffSideLive') },
  ];
  const picker = (label: string, value: Side, set: (side: Side) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {sides.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );

  let chapter: string | null | undefined;
  return (
    <div className="diff-panel">
      <div className="diff-pickers">
        {picker(t('diffFrom'), from, (side) => choose(side, to))}
        {picker(t('diffTo'), to, (side) => choose(from, side))}
      </div>
      <div className="diff-controls">
        <div role="group" className="diff-layout">
          <button type="button" aria-pressed={layout === 'inline'} onClick={() => setLayout('inline')}>
            {t('diffInline')}
          </button>
          <button
            type="button"
            aria-pressed={layout === 'side-by-side'}
            onClick={() => setLayout('side-by-side')}
          >
            {t('diffSideBySide')}
          </button>
        </div>
        <div className="diff-jumps">
          <button type="button" disabled={position <= 0} onClick={() => jump(position - 1)}>
            ‹ {t('diffPrevious')}
          </button>
          <button type="button" disabled={position >= changes.length - 1} onClick={() => jump(position + 1)}>
            {t('diffNext')} ›
          </button>
        </div>
      </div>
      {load.kind === 'loading' && <p className="diff-muted">{t('diffLoading')}</p>}
      {load.kind === 'error' && (
        <p className="diff-message" role="alert">
          {t('diffError', { error: load.message })}
        </p>
      )}
      {load.kind === 'ready' && (
        <>
          <Summary chapters={load.diff.chapters} total={load.diff.total} />
          {changes.length === 0 ? (
            <p className="diff-muted">{t('diffNoChanges')}</p>
          ) : (
            <p className="diff-muted" aria-live="polite">
              {t('diffChangeOf', { n: position + 1, total: changes.length })}
            </p>
          )}
          <div className="diff-units" ref={listRef}>
            {changes.map((unit, i) => {
              const heading =
                unit.chapterId !== chapter
                  ? load.diff.chapters.find((c) => c.chapterId === unit.chapterId)
                  : undefined;
              chapter = unit.chapterId;
              return (
                <Fragment key={unit.id}>
                  {heading && (
                    <h4 id={`diff-chapter-${heading.chapterId}`} className="diff-chapter">
                      {heading.number}. {heading.title}
                    </h4>
                  )}
                  <div onClick={() => setCurrent(i)}>
                    <UnitView unit={unit} layout={layout} current={i === position} parties={parties} />
                  </div>
                </Fragment>
              );
            })}
          </div>
        </>
      )}
      <VersionList
        documentId={documentId}
        versions={versions}
        mayManage={can(me.person.role, 'version.create')}
        onChanged={() => setVersionsTick((n) => n + 1)}
        onCompare={(id) => choose(id, 'live')}
      />
    </div>
  );
}
