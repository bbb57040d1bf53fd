import { useMemo } from 'react';
import { viewAmendments } from '../../shared/amendments/view.js';
import { AMENDMENT_KINDS } from '../../shared/amendments/types.js';
import { can } from '../../shared/auth/roles.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { measureAt, type MeasureAtCursor } from './agenda.js';
import { FocusButton } from '../focus/FocusButton.js';
import { AmendmentCard } from './AmendmentCard.js';
import { DraftEditor } from './DraftEditor.js';
import { PositionChip, PositionPicker, StatusPicker } from './Pickers.js';
import { useAct } from './useAct.js';
import { useDrafts } from './useDrafts.js';
import { useNegotiation, useOriginals, useParties } from './useNegotiation.js';
import { takesPositions } from '../../shared/amendments/positions.js';

/**
 * The amendments of the measure the cursor is in (see `MeasureAmendments`), with a button that shows the
 * measure in the focus view.
 */
export function AmendmentsPanel() {
  const { t } = useI18n();
  const { state } = useDocument();
  const measure = state ? measureAt(state) : null;
  if (!measure) return <p className="muted">{t('amChooseMeasure')}</p>;
  return <MeasureAmendments measure={measure} />;
}

/**
 * One measure's amendments: each card with its diff against the current text (and the original, when that
 * differs), status, positions and the buttons of the person's role; the party's drafts, edited live; the
 * measure's status and the parties' positions on it. In the side panel the cards wrap and never scroll
 * sideways; in the focus view (`stacked`) competing amendments stand one below the other, full width.
 */
export function MeasureAmendments({
  measure,
  stacked = false,
}: {
  measure: MeasureAtCursor;
  stacked?: boolean;
}) {
  const { t } = useI18n();
  const { documentId, me, meta, party: partyRoom } = useDocument();
  const negotiation = useNegotiation(meta);
  const parties = useParties(documentId);
  const originals = useOriginals(documentId);
  const drafts = useDrafts(partyRoom);
  const { act, error, busy } = useAct();
  const role = me.person.role;
  const party = me.person.party;

  const numbers = useMemo(
    () => new Map(negotiation.amendments.map((a) => [a.id, a.number])),
    [negotiation.amendments],
  );
  const views = useMemo(() => {
    const mine = negotiation.amendments.filter((a) => a.measureId === measure.id);
    // Pending ones first (they are what people act on), then decided and withdrawn ones, each by number.
    const rank = (status: string) => (status === 'submitted' ? 0 : 1);
    const ordered = [...mine].sort((a, b) => rank(a.status) - rank(b.status));
    return viewAmendments(ordered, measure.text, originals.get(measure.id) ?? null);
  }, [negotiation.amendments, measure.id, measure.text, originals]);

  const measureUrl = `/api/documents/${documentId}/measures/${encodeURIComponent(measure.id)}`;
  const status = negotiation.statuses[measure.id]?.status ?? 'open';
  const positions = negotiation.positions[measure.id] ?? {};
  const myDrafts = drafts.filter((d) => d.get('measureId') === measure.id);
  return (
    <div className="amendments-panel" data-measure={measure.id}>
      <div className="am-measure">
        {stacked ? null : <h4>{t('amMeasureHeading', { number: measure.number })}</h4>}
        {stacked ? null : <FocusButton measureId={measure.id} number={measure.number} />}
        {can(role, 'measure.status') ? (
          <StatusPicker url={`${measureUrl}/status`} status={status} />
        ) : (
          <span className={`am-measure-status ms-${status}`}>
            {t('msStatus')}: {t(`ms_${status}`)}
          </span>
        )}
      </div>
      <div className="am-positions" aria-label={t('msPositions')}>
        {parties
          .filter((p) => takesPositions(p.short, negotiation.secretariatIsParty))
          .map((p) => (
            <PositionChip
              key={p.short}
              party={p.short}
              color={p.color}
              position={positions[p.short]?.position ?? 'none'}
              note={positions[p.short]?.note}
            />
          ))}
      </div>
      {can(role, 'position.set') && takesPositions(party, negotiation.secretariatIsParty) && (
        <PositionPicker
          key={`${measureUrl}/position`}
          url={`${measureUrl}/position/${encodeURIComponent(party)}`}
          label={t('posOnMeasure', { party, number: measure.number })}
          current={positions[party]}
        />
      )}
      {can(role, 'amendment.propose') && (
        <div className="am-propose">
          <span className="muted">{t('amPropose')}:</span>
          {AMENDMENT_KINDS.map((kind) => (
            <button
              key={kind}
              className={`am-propose-${kind}`}
              disabled={busy}
              onClick={() =>
                void act('POST', `/api/documents/${documentId}/amendments`, {
                  measure: measure.id,
                  kind,
                  rationale: '',
                })
              }
            >
              {t(
                kind === 'replace'
                  ? 'amProposeReplace'
                  : kind === 'insert'
                    ? 'amProposeInsert'
                    : 'amProposeDelete',
              )}
            </button>
          ))}
          {error && (
            <p className="am-error" role="alert">
              {t('amError', { error })}
            </p>
          )}
        </div>
      )}
      {myDrafts.length > 0 && (
        <section className="am-drafts">
          <h5>{t('amDrafts', { party })}</h5>
          {myDrafts.map((entry) => (
            <DraftEditor
              key={String(entry.get('id'))}
              entry={entry}
              documentId={documentId}
              party={party}
              mayWrite={can(role, 'amendment.propose')}
            />
          ))}
        </section>
      )}
      {views.length === 0 ? (
        <p className="muted">{t('amNone')}</p>
      ) : (
        <div className={stacked ? 'am-cards stacked' : 'am-cards'}>
          {views.map((view) => (
            <AmendmentCard
              key={view.id}
              view={view}
              current={measure.text}
              numbers={numbers}
              parties={parties}
              me={me}
              documentId={documentId}
              secretariatIsParty={negotiation.secretariatIsParty}
            />
          ))}
        </div>
      )}
    </div>
  );
}
