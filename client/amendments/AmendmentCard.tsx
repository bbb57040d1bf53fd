import { useState } from 'react';
import type { AmendmentView } from '../../shared/amendments/types.js';
import type { Party } from '../../shared/auth/person.js';
import { can } from '../../shared/auth/roles.js';
import { diffText } from '../../shared/diff/index.js';
import { useI18n } from '../app/i18n.js';
import type { Me } from '../app/session.js';
import { InlineOps } from '../diff/Ops.js';
import { PositionChip, PositionPicker } from './Pickers.js';
import { useAct } from './useAct.js';
import { FALLBACK_COLOR, SECRETARIAT } from '../../shared/auth/person.js';

interface Props {
  view: AmendmentView;
  current: string | null;
  numbers: Map<string, string>;
  parties: Party[];
  me: Me;
  documentId: string;
}

/** One amendment beside its measure: diffs, status, positions, and the buttons the person's role allows. */
export function AmendmentCard({ view, current, numbers, parties, me, documentId }: Props) {
  const { t } = useI18n();
  const { act, error, busy } = useAct();
  const [text, setText] = useState(view.text ?? '');
  const [group, setGroup] = useState(view.group ?? '');
  const base = `/api/documents/${documentId}/amendments/${view.id}`;
  const role = me.person.role;
  const own = me.person.party === view.party;
  const pending = view.status === 'submitted';
  const colour = parties.find((p) => p.short === view.party)?.color ?? FALLBACK_COLOR;
  const others = parties.filter((p) => p.short !== SECRETARIAT && p.short !== view.party);
  return (
    <article
      className={`am-card status-${view.status}${view.conflict ? ' conflict' : ''}`}
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
      </div>
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
      <h5>{t('amVsOriginal')}</h5>
      <p className="am-text am-vs-original">
        <InlineOps ops={view.diffOriginal} />
      </p>
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
      {pending && !own && can(role, 'position.set') && (
        <PositionPicker
          url={`${base}/positions/${encodeURIComponent(me.person.party)}`}
          party={me.person.party}
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
      <div className="am-actions">
        {pending && can(role, 'amendment.decide') && (
          <>
            <button
              className="primary am-accept"
              disabled={busy || view.conflict}
              onClick={() => void act('POST', `${base}/accept`)}
            >
              {t('amAccept')}
            </button>
            <button className="am-reject" disabled={busy} onClick={() => void act('POST', `${base}/reject`)}>
              {t('amReject')}
            </button>
          </>
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
