import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import { takesPositions } from '../../shared/amendments/positions.js';
import { useDocument } from '../app/documentContext.js';
import { measureById } from '../suggest/measures.js';
import { isShown, setShown, shownNow } from '../suggest/showStore.js';
import { DecisionControls } from './Decide.js';
import { useFocusedAmendment } from './focus.js';
import type { AmendmentView } from '../../shared/amendments/types.js';
import type { Party } from '../../shared/auth/person.js';
import { can } from '../../shared/auth/roles.js';
import { diffText } from '../../shared/diff/index.js';
import { useI18n } from '../app/i18n.js';
import type { Me } from '../app/session.js';
import { InlineOps } from '../diff/Ops.js';
import { PositionChip, PositionPicker } from './Pickers.js';
import { useAct } from './useAct.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

interface Props {
  view: AmendmentView;
  current: string | null;
  numbers: Map<string, string>;
  parties: Party[];
  me: Me;
  documentId: string;
  secretariatIsParty: boolean;
}

/** The decision in words: "Besluit: aangenomen met wijzigingen — note", with the verdicts on changes. */
function DecisionNote({ view }: { view: AmendmentView }) {
  const { t } = useI18n();
  const d = view.decision;
  if (!d) return null;
  const verdict = d.verdict === null ? t('decPartly') : t(`decVerdict_${d.verdict}`);
  return (
    <div className="am-decision" data-verdict={d.verdict ?? 'partly'}>
      <strong>{t('decDecision', { verdict })}</strong>
      {d.note && <> — {d.note}</>}
      {d.compromise && (
        <p>
          <em>{t('decCompromise')}:</em> {d.compromise}
        </p>
      )}
      {d.changes.length > 0 && (
        <ol className="am-change-verdicts">
          {d.changes.map((c, i) => (
            <li key={i}>
              {t(`decVerdict_${c.verdict}`)}: {c.removed && <del>{c.removed}</del>}{' '}
              {c.inserted && <ins>{c.inserted}</ins>}
              {c.note ? ` — ${c.note}` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Puts the caret in the amendment's measure, shows its party's proposals inline and scrolls there. */
function showInText(view: EditorView | null, amendment: AmendmentView): void {
  if (!view) return;
  const m = measureById(view.state.doc, amendment.measureId);
  if (!m) return;
  const shown = shownNow();
  if (!isShown(shown, amendment.party)) setShown(shown === 'none' ? { party: amendment.party } : 'all');
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, m.start)).scrollIntoView());
  view.focus();
}

/** One amendment beside its measure: diffs, status, positions, and the buttons the person's role allows. */
export function AmendmentCard({
  view,
  current,
  numbers,
  parties,
  me,
  documentId,
  secretariatIsParty,
}: Props) {
  const { t } = useI18n();
  const { act, error, busy } = useAct();
  const { view: editor } = useDocument();
  const focused = useFocusedAmendment();
  const isFocused = focused?.id === view.id;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (isFocused) card.current?.scrollIntoView({ block: 'nearest' });
  }, [isFocused, focused?.at]);
  const [text, setText] = useState(view.text ?? '');
  const [group, setGroup] = useState(view.group ?? '');
  const base = `/api/documents/${documentId}/amendments/${view.id}`;
  const role = me.person.role;
  const own = me.person.party === view.party;
  const pending = view.status === 'submitted';
  const colour = parties.find((p) => p.short === view.party)?.color ?? FALLBACK_COLOR;
  const others = parties.filter((p) => takesPositions(p.short, secretariatIsParty) && p.short !== view.party);
  const decided = view.status === 'accepted' || view.status === 'rejected';
  return (
    <article
      ref={card}
      className={`am-card status-${view.status}${view.conflict ? ' conflict' : ''}${isFocused ? ' focused' : ''}`}
      style={{ borderTopColor: colour }}
      data-amendment={view.id}
      data-number={view.number}
    >
      <div className="am-head">
        <strong>{view.number}</strong>{' '}
        <span className="am-party" style={{ background: colour }}>
          {view.party}
        </span>{' '}
        <span className={`am-status st-${view.status}`}>{t(`amStatus_${view.status}`)}</span>{' '}
        <span className="muted">{t(`amKind_${view.kind}`)}</span>
        {view.group && <span className="am-group">⧉ {view.group}</span>}
        {view.parent && (
          <span className="am-sub-of">
            {' '}
            {t('decSubOf', { number: numbers.get(view.parent) ?? view.parent })}
          </span>
        )}
      </div>
      <DecisionNote view={view} />
      {view.collidesWith.length > 0 && (
        <p className="am-collides">
          {t('amCollides', { numbers: view.collidesWith.map((id) => numbers.get(id) ?? id).join(', ') })}
        </p>
      )}
      {view.conflict && pending && current !== null && view.baseText !== null && view.text !== null ? (
        <div className="am-conflict">
          <p role="note">{t('amConflict')}</p>
          <div className="am-versions">
            <div>
              <h5>{t('amConflictProposed')}</h5>
              <InlineOps ops={diffText(view.baseText, view.text)} />
            </div>
            <div>
              <h5>{t('amConflictCurrent')}</h5>
              <InlineOps ops={diffText(view.baseText, current)} />
            </div>
          </div>
        </div>
      ) : (
        <>
          <h5>{t('amVsCurrent')}</h5>
          <p className="am-text am-vs-current">
            <InlineOps ops={view.diffCurrent} />
          </p>
        </>
      )}
      {/* Against the original only when it differs from the text above: else the same diff twice. */}
      {view.originalDiffers && (
        <>
          <h5>{t('amVsOriginal')}</h5>
          <p className="am-text am-vs-original">
            <InlineOps ops={view.diffOriginal} />
          </p>
        </>
      )}
      {view.rationale && (
        <p className="am-rationale">
          <em>{t('amRationale')}:</em> {view.rationale}
        </p>
      )}
      {view.status !== 'draft' && (
        <div className="am-positions" aria-label={t('amPositions')}>
          {others.map((p) => {
            const record = view.positions[p.short];
            return (
              <PositionChip
                key={p.short}
                party={p.short}
                color={p.color}
                position={record?.position ?? 'none'}
                note={record?.note}
              />
            );
          })}
        </div>
      )}
      {pending &&
        !own &&
        can(role, 'position.set') &&
        takesPositions(me.person.party, secretariatIsParty) && (
          <PositionPicker
            key={`${base}/positions`}
            url={`${base}/positions/${encodeURIComponent(me.person.party)}`}
            label={t('posOnAmendment', { party: me.person.party, number: view.number })}
            current={view.positions[me.person.party]}
          />
        )}
      {pending && own && can(role, 'amendment.propose') && view.conflict && view.kind !== 'delete' && (
        <div className="am-update">
          <textarea
            className="am-draft-text"
            aria-label={t('amText')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
      {pending && can(role, 'amendment.decide') && (
        <DecisionControls view={view} current={current} base={base} act={act} busy={busy} />
      )}
      <div className="am-actions">
        <button className="am-show-in-text" onClick={() => showInText(editor, view)}>
          {t('sgShowInText')}
        </button>
        {decided && can(role, 'amendment.decide') && (
          <button className="am-reopen" disabled={busy} onClick={() => void act('POST', `${base}/reopen`)}>
            {t('decReopen')}
          </button>
        )}
        {pending &&
          !own &&
          view.parent === null &&
          view.kind !== 'delete' &&
          can(role, 'amendment.propose') && (
            <button
              className="am-propose-sub"
              disabled={busy}
              onClick={() =>
                void act('POST', `/api/documents/${documentId}/amendments`, {
                  parent: view.id,
                  rationale: '',
                })
              }
            >
              {t('decPropose')}
            </button>
          )}
        {pending && own && can(role, 'amendment.propose') && (
          <>
            {view.conflict && (
              <button
                disabled={busy}
                onClick={() => void act('PUT', base, view.kind === 'delete' ? {} : { text })}
              >
                {t('amUpdate')}
              </button>
            )}
            <button disabled={busy} onClick={() => void act('POST', `${base}/withdraw`)}>
              {t('amWithdraw')}
            </button>
          </>
        )}
      </div>
      {pending && can(role, 'amendment.decide') && (
        <div className="am-group-edit" title={t('amGroupHint')}>
          <input
            aria-label={t('amGroup')}
            placeholder={t('amGroup')}
            value={group}
            onChange={(e) => setGroup(e.target.value)}
          />
          <button
            disabled={busy}
            onClick={() => void act('PUT', `${base}/group`, { group: group.trim() || null })}
          >
            {t('amGroupSave')}
          </button>
        </div>
      )}
      {error && (
        <p className="am-error" role="alert">
          {t('amError', { error })}
        </p>
      )}
    </article>
  );
}
