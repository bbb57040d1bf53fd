import { useState } from 'react';
import type { AmendmentView } from '../../shared/amendments/types.js';
import { objections, proposedChanges } from '../../shared/amendments/decisions.js';
import { useI18n } from '../app/i18n.js';

type Act = (method: string, url: string, body?: unknown) => Promise<unknown>;

/** What the chair is about to decide, once confirmed. */
type Pending = 'accept' | 'with-changes' | 'reject' | null;

/**
 * The chair's decisions on a pending amendment, with a brake: accepting (as proposed or with changes) or
 * rejecting first opens a confirmation that lists the parties that oppose or hold a reservation (with their
 * reasons) and takes a note; the compromise text starts from the amendment. Each change can be decided on
 * its own ("Per wijziging beslissen"), on the measure's text as shown here (a stale view is refused by the
 * server with a sentence).
 */
export function DecisionControls({
  view,
  current,
  base,
  act,
  busy,
}: {
  view: AmendmentView;
  current: string | null;
  base: string;
  act: Act;
  busy: boolean;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending>(null);
  const [note, setNote] = useState('');
  const [text, setText] = useState(view.effectiveText ?? '');
  const against = objections(view);
  const perChange =
    view.kind === 'replace' && view.parent === null && !view.conflict && current !== null
      ? proposedChanges(current, view.effectiveText ?? '')
      : [];
  const decide = async () => {
    const done =
      pending === 'reject'
        ? await act('POST', `${base}/reject`, { note })
        : await act('POST', `${base}/accept`, {
            note,
            confirm: against.length > 0,
            ...(pending === 'with-changes' ? { text } : {}),
          });
    if (done !== null) setPending(null);
  };
  const mayChange = view.kind !== 'delete' && view.parent === null;
  return (
    <div className="am-decide">
      <div className="am-actions">
        <button
          className="primary am-accept"
          disabled={busy || view.conflict}
          onClick={() => setPending('accept')}
        >
          {t('amAccept')}
        </button>
        {mayChange && (
          <button
            className="am-accept-changes"
            disabled={busy}
            onClick={() => {
              setText(view.effectiveText ?? '');
              setPending('with-changes');
            }}
          >
            {t('decWithChanges')}
          </button>
        )}
        <button className="am-reject" disabled={busy} onClick={() => setPending('reject')}>
          {t('amReject')}
        </button>
      </div>
      {pending && (
        <div className="am-confirm" role="group" aria-label={t('decConfirmTitle', { number: view.number })}>
          <strong>{t('decConfirmTitle', { number: view.number })}</strong>
          {pending !== 'reject' &&
            (against.length > 0 ? (
              <>
                <p>{t('decObjections')}</p>
                <ul className="am-objections">
                  {against.map((o) => (
                    <li key={o.party} data-party={o.party}>
                      {o.party}: {t(`pos_${o.position}`)}
                      {o.note ? ` — ${o.note}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">{t('decNoObjections')}</p>
            ))}
          {pending === 'with-changes' && (
            <label className="bound-field">
              <span className="bound-label">{t('decCompromise')}</span>
              <textarea className="am-compromise" value={text} onChange={(e) => setText(e.target.value)} />
            </label>
          )}
          <label className="bound-field">
            <span className="bound-label">{t('decNote')}</span>
            <textarea className="am-decision-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="am-actions">
            <button className="primary am-confirm-decision" disabled={busy} onClick={() => void decide()}>
              {pending === 'reject'
                ? t('decRejectConfirm')
                : against.length > 0
                  ? t('decAcceptConfirm')
                  : t('decAccept')}
            </button>
            <button disabled={busy} onClick={() => setPending(null)}>
              {t('decCancel')}
            </button>
          </div>
        </div>
      )}
      {perChange.length > 1 && (
        <details className="am-changes">
          <summary>{t('decPerChange')}</summary>
          {against.length > 0 && (
            <p>
              {t('decObjections')}{' '}
              {against
                .map((o) => `${o.party}: ${t(`pos_${o.position}`)}${o.note ? ` (${o.note})` : ''}`)
                .join('; ')}
            </p>
          )}
          <ol>
            {perChange.map((c, i) => (
              <li key={`${c.from}-${c.to}-${c.insert}`} data-change={i}>
                <span>
                  {c.removed && <del>{c.removed}</del>} {c.insert && <ins>{c.insert}</ins>}
                </span>
                <button
                  className="am-change-accept"
                  disabled={busy}
                  aria-label={`${t('decChangeAccept')} ${i + 1}`}
                  onClick={() =>
                    void act('POST', `${base}/changes/${i}/accept`, {
                      base: current,
                      confirm: against.length > 0,
                    })
                  }
                >
                  ✓
                </button>
                <button
                  className="am-change-reject"
                  disabled={busy}
                  aria-label={`${t('decChangeReject')} ${i + 1}`}
                  onClick={() => void act('POST', `${base}/changes/${i}/reject`, { base: current })}
                >
                  ✗
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
