import { BoundTextarea } from '../app/BoundTextarea.js';
import * as Y from 'yjs';
import { useI18n } from '../app/i18n.js';
import { useAct } from './useAct.js';

/** A draft amendment of the party, drafted together live; submit or withdraw through the API. */
export function DraftEditor({
  entry,
  documentId,
  party,
  mayWrite,
}: {
  entry: Y.Map<unknown>;
  documentId: string;
  party: string;
  mayWrite: boolean;
}) {
  const { t } = useI18n();
  const { act, error, busy } = useAct();
  const id = String(entry.get('id'));
  const kind = String(entry.get('kind'));
  const text = entry.get('text');
  const rationale = entry.get('rationale');
  // Whoever types in a draft becomes one of its authors: the server adds them when it accepts their typing.
  const base = `/api/documents/${documentId}/amendments/${id}`;
  return (
    <div className="am-draft" data-amendment={id}>
      <div className="am-head">
        <strong>{String(entry.get('number'))}</strong>{' '}
        <span className="am-status">{t('amStatus_draft')}</span>{' '}
        <span className="muted">{t(`amKind_${kind}` as 'amKind_replace')}</span>
      </div>
      <p className="muted">{t('amDraftHint', { party })}</p>
      {kind !== 'delete' && text instanceof Y.Text && (
        <BoundTextarea ytext={text} readOnly={!mayWrite} className="am-draft-text" label={t('amText')} />
      )}
      {rationale instanceof Y.Text && (
        <BoundTextarea
          ytext={rationale}
          readOnly={!mayWrite}
          className="am-draft-rationale"
          label={t('amRationale')}
        />
      )}
      {mayWrite && (
        <div className="am-actions">
          <button className="primary" disabled={busy} onClick={() => void act('POST', `${base}/submit`)}>
            {t('amSubmit')}
          </button>
          <button disabled={busy} onClick={() => void act('POST', `${base}/withdraw`)}>
            {t('amWithdraw')}
          </button>
        </div>
      )}
      {error && (
        <p className="am-error" role="alert">
          {t('amError', { error })}
        </p>
      )}
    </div>
  );
}
