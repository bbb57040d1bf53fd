import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Party } from '../../shared/auth/person.js';
import { ROLES, type Role } from '../../shared/auth/roles.js';
import { useDocument } from '../app/documentContext.js';
import { useI18n } from '../app/i18n.js';
import { api } from '../app/session.js';

interface PersonRow {
  id: string;
  name: string;
  party: string;
  role: Role;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The chair's panel: drafting open or closed, inviting people (with their personal link) and revoking them. */
export function PeoplePanel() {
  const { t } = useI18n();
  const { documentId, drafting } = useDocument();
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const [people, setPeople] = useState<PersonRow[]>([]);
  const [parties, setParties] = useState<Party[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [form, setForm] = useState({ name: '', party: 'D66', role: 'negotiator' as Role, days: '' });

  const reload = useCallback(() => {
    Promise.all([api<PersonRow[]>('GET', `${base}/people`), api<Party[]>('GET', `${base}/parties`)])
      .then(([p, parties]) => {
        setPeople(p);
        setParties(parties);
      })
      .catch((err: Error) => setError(err.message));
  }, [base]);
  useEffect(reload, [reload]);

  const invite = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api<{ url: string; person: PersonRow }>('POST', `${base}/people`, {
      name: form.name,
      party: form.party,
      role: form.role,
      expiresInDays: form.days ? Number(form.days) : null,
    })
      .then((res) => {
        setLink({ name: res.person.name, url: res.url });
        setForm({ ...form, name: '' });
        reload();
      })
      .catch((err: Error) => setError(err.message));
  };

  const revoke = (person: PersonRow) => {
    if (!confirm(t('peopleRevokeConfirm', { name: person.name }))) return;
    api('POST', `${base}/people/${person.id}/revoke`)
      .then(reload)
      .catch((err: Error) => setError(err.message));
  };

  const setDrafting = (mode: 'open' | 'closed') =>
    api('PUT', `${base}/drafting`, { mode }).catch((err: Error) => setError(err.message));

  const now = new Date();
  return (
    <div className="people">
      <h3>{t('draftingTitle')}</h3>
      <button
        className="drafting-toggle"
        onClick={() => void setDrafting(drafting === 'open' ? 'closed' : 'open')}
      >
        {drafting === 'open' ? t('draftingCloseButton') : t('draftingOpenButton')}
      </button>

      <h3>{t('peopleInvite')}</h3>
      <form className="invite-form" onSubmit={invite}>
        <label>
          {t('peopleName')}
          <input
            required
            maxLength={80}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          {t('peopleParty')}
          <select value={form.party} onChange={(e) => setForm({ ...form, party: e.target.value })}>
            {parties.map((p) => (
              <option key={p.short} value={p.short}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('peopleRole')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('peopleExpires')}
          <input
            type="number"
            min={1}
            max={3650}
            value={form.days}
            onChange={(e) => setForm({ ...form, days: e.target.value })}
          />
        </label>
        <button type="submit">{t('peopleInvite')}</button>
      </form>
      {error && <p className="error">{error}</p>}
      {link && (
        <div className="invite-link">
          <p>{t('peopleLink', { name: link.name })}</p>
          <input
            readOnly
            value={link.url}
            onFocus={(e) => e.target.select()}
            aria-label={t('peopleLink', { name: link.name })}
          />
          <button onClick={() => void navigator.clipboard?.writeText(link.url)}>{t('peopleCopy')}</button>
        </div>
      )}

      <h3>{t('peopleList')}</h3>
      <ul className="people-list">
        {people.map((p) => {
          const expired = p.expiresAt !== null && new Date(p.expiresAt) <= now;
          const party = parties.find((x) => x.short === p.party);
          return (
            <li key={p.id} className={p.revokedAt || expired ? 'inactive' : ''}>
              <span className="party-dot" style={{ background: party?.color }} />
              <strong>{p.name}</strong> · {p.party} · {t(`role_${p.role}`)}
              {p.revokedAt && <em> — {t('peopleRevoked')}</em>}
              {!p.revokedAt && expired && <em> — {t('peopleExpired')}</em>}
              {!p.revokedAt && !expired && p.role !== 'chair' && (
                <button className="revoke" onClick={() => revoke(p)}>
                  {t('peopleRevoke')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
