import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { diffText, normalizeText } from '../../shared/diff/index.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { measureById, type MeasureAtCursor } from '../amendments/agenda.js';
import { MeasureAmendments } from '../amendments/AmendmentsPanel.js';
import { useOriginals } from '../amendments/useNegotiation.js';
import { commentsKey } from '../comments/plugin.js';
import { ThreadCard } from '../comments/Panel.js';
import { useParties } from '../comments/useThreads.js';
import { InlineOps } from '../diff/Ops.js';
import { MeasureNote } from '../notes/MeasureNote.js';
import { closeFocus, useFocusedMeasure } from './store.js';

/**
 * The focus view: one measure with everything about it in a wide layout over the page — its text (and the
 * original, when it differs), status and positions, every amendment stacked full width (competing ones one
 * below the other, never clipped), the party's drafts, the threads on it and the party's own note. A modal
 * dialog: Escape or "Sluiten" closes it and the focus goes back where it was.
 */
export function FocusView() {
  const measureId = useFocusedMeasure();
  const { state } = useDocument();
  // The measure as the text has it now; while it is briefly gone (an undo, a remote move) the last one seen.
  const last = useRef<MeasureAtCursor | null>(null);
  const measure = measureId && state ? measureById(state.doc, measureId) : null;
  if (measure) last.current = measure;
  if (!measureId) return null;
  const shown = measure ?? (last.current?.id === measureId ? last.current : null);
  if (!shown) return null;
  return createPortal(<FocusDialog measure={shown} gone={measure === null} />, document.body);
}

function FocusDialog({ measure, gone }: { measure: MeasureAtCursor; gone: boolean }) {
  const { t } = useI18n();
  const { documentId, state } = useDocument();
  const originals = useOriginals(documentId);
  const parties = useParties(documentId);
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Modal: the page behind takes no focus or clicks while it is open; the focus returns where it was.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const page = document.querySelector<HTMLElement>('.document-page');
    page?.setAttribute('inert', '');
    heading.current?.focus();
    return () => {
      page?.removeAttribute('inert');
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeFocus();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const original = originals.get(measure.id) ?? null;
  const differs = original !== null && normalizeText(original) !== normalizeText(measure.text);
  const comments = state ? commentsKey.getState(state) : undefined;
  const threads = useMemo(() => {
    const byId = new Map((comments?.threads ?? []).map((s) => [s.thread.id, s]));
    return (comments?.placed ?? [])
      .filter((p) => p.measureId === measure.id)
      .flatMap((placed) => {
        const shown = byId.get(placed.id);
        return shown ? [{ placed, shown }] : [];
      });
  }, [comments?.threads, comments?.placed, measure.id]);

  return (
    <div className="focus-backdrop">
      <div
        className="focus-view"
        role="dialog"
        aria-modal="true"
        aria-labelledby="focus-title"
        ref={dialog}
        data-measure={measure.id}
      >
        <header className="focus-head">
          <h2 id="focus-title" tabIndex={-1} ref={heading}>
            {t('focusTitle', { number: measure.number })}
          </h2>
          <button type="button" className="focus-close" onClick={closeFocus}>
            {t('focusClose')}
          </button>
        </header>
        <div className="focus-body">
          <div className="focus-main">
            <section className="focus-text" aria-label={t('focusCurrent')}>
              <h3>{t('focusCurrent')}</h3>
              {gone ? (
                <p className="muted">{t('focusRemoved')}</p>
              ) : (
                <p className="focus-current">{measure.text}</p>
              )}
              {original === null ? (
                <p className="muted">{t('focusNewMeasure')}</p>
              ) : differs ? (
                <>
                  <h3>{t('focusOriginal')}</h3>
                  <p className="focus-original">
                    <InlineOps ops={diffText(original, measure.text)} />
                  </p>
                </>
              ) : (
                <p className="muted">{t('focusSameAsOriginal')}</p>
              )}
            </section>
            <MeasureAmendments measure={measure} stacked />
          </div>
          <aside className="focus-side">
            <MeasureNote measureId={measure.id} number={measure.number} />
            <section className="focus-threads" aria-labelledby="focus-threads-title">
              <h3 id="focus-threads-title">
                {t('focusThreads')} ({threads.length})
              </h3>
              {threads.length === 0 ? (
                <p className="muted">{t('focusNoThreads')}</p>
              ) : (
                <ol className="comment-threads">
                  {threads.map(({ placed, shown }) => (
                    <ThreadCard
                      key={placed.id}
                      shown={shown}
                      placed={placed}
                      number={measure.number}
                      hovered={false}
                      parties={parties}
                    />
                  ))}
                </ol>
              )}
            </section>
          </aside>
        </div>
      </div>
    </div>
  );
}
