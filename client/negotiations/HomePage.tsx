import { useEffect, useState } from 'react';
import { useI18n } from '../app/i18n.js';
import { Header } from '../app/Header.js';
import type { Account } from '../app/session.js';
import { dutchMoment } from '../../shared/i18n/dates.js';
import { appointChair, listNegotiations, type NegotiationSummary } from './api.js';
import { CopyLink } from './CopyLink.js';
import './negotiations.css';

/**
 * `/`: the negotiations the signed-in person belongs to; for an administrator every negotiation, with
 * "Nieuwe onderhandeling" and a chair to appoint for each.
 */
export function HomePage({ account }: { account: Account }) {
  const { t } = useI18n();
  const [docs, setDocs] = useState<NegotiationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const admin = account.kind === 'admin';
  useEffect(() => {
    listNegotiations()
      .then(setDocs)
      .catch((err: Error) => setError(err.message));
  }, []);
  return (
    <div className="document-page">
      <Header title={t('homeTitle')} me={account} />
      <main className="list">
        <div className="home-head">
          <h1>{t('homeTitle')}</h1>
          {admin && (
            <a className="button primary" href="/nieuw">
              {t('newNegotiation')}
            </a>
          )}
        </div>
        <p>{admin ? t('homeIntroAdmin') : t('homeIntroPerson')}</p>
        {error && <p className="error">{t('loadError', { error })}</p>}
        {docs?.length === 0 && <p>{t('homeNone')}</p>}
        <ul className="cards">
          {docs?.map((d) => (
            <li key={d.id}>
              <a href={`/d/${encodeURIComponent(d.id)}`}>
                <strong>{d.title}</strong>
                <span>
                  {d.id} · {t('chaptersCount', { n: d.counts.chapters })} ·{' '}
                  {t('measuresCount', { n: d.counts.measures })} ·{' '}
                  {t('homeCreated', { date: dutchMoment(d.createdAt) })}
                </span>
              </a>
              {admin && <AppointChair documentId={d.id} />}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

/** An administrator appoints another chair of a negotiation and gets their link. */
function AppointChair({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [made, setMade] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('appointChair')}
      </button>
    );
  return (
    <form
      className="appoint"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        appointChair(documentId, name)
          .then(setMade)
          .catch((err: Error) => setError(err.message));
      }}
    >
      <label>
        {t('appointChairName')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <button type="submit">{t('appointChairButton')}</button>
      {error && <p className="error">{error}</p>}
      {made && <CopyLink url={made.url} label={t('newChairLink', { name: made.name })} />}
    </form>
  );
}
