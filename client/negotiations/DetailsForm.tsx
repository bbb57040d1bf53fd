import { useState } from 'react';
import { DEFAULT_PARTIES, SECRETARIAT, type Party } from '../../shared/auth/person.js';
import { documentIdOf } from '../../shared/protocol/rooms.js';
import { useI18n } from '../app/i18n.js';

/** What the administrator fills in besides the agenda (and its title): id, parties and the chair's name. */
export interface NegotiationDetails {
  id: string;
  parties: Party[];
  chairName: string;
}

/**
 * The negotiation's details: its id (made from the agenda's title until edited), the parties at the table (the D66–CDA table to start with; the secretariat always stays) and the
 * chair's name.
 */
export function DetailsForm(props: {
  agendaTitle: string;
  busy: boolean;
  error: string | null;
  onSubmit(details: NegotiationDetails): void;
}) {
  const { t } = useI18n();
  const [id, setId] = useState<string | null>(null);
  const [parties, setParties] = useState<Party[]>(DEFAULT_PARTIES.map((p) => ({ ...p })));
  const [chairName, setChairName] = useState('');
  const shownId = id ?? documentIdOf(props.agendaTitle);
  const setParty = (index: number, change: Partial<Party>) =>
    setParties((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <form
      className="details"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ id: shownId, parties, chairName: chairName.trim() });
      }}
    >
      <label>
        {t('newId')}
        <input
          name="id"
          value={shownId}
          onChange={(e) => setId(e.target.value)}
          required
          pattern="[a-z0-9][a-z0-9\-]{0,63}"
        />
      </label>
      <fieldset>
        <legend>{t('newParties')}</legend>
        <p className="muted">{t('newSecretariatNote')}</p>
        <table className="parties">
          <thead>
            <tr>
              <th>{t('newPartyShort')}</th>
              <th>{t('newPartyName')}</th>
              <th>{t('newPartyColor')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {parties.map((party, i) => {
              const fixed = party.short === SECRETARIAT && i === 0;
              return (
                <tr key={i}>
                  <td>
                    <input
                      aria-label={t('newPartyShort')}
                      value={party.short}
                      readOnly={fixed}
                      required
                      pattern="[A-Za-z0-9\-]{1,20}"
                      onChange={(e) => setParty(i, { short: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={t('newPartyName')}
                      value={party.name}
                      required
                      maxLength={80}
                      onChange={(e) => setParty(i, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="color"
                      aria-label={t('newPartyColor')}
                      value={party.color}
                      onChange={(e) => setParty(i, { color: e.target.value })}
                    />
                  </td>
                  <td>
                    {!fixed && (
                      <button
                        type="button"
                        onClick={() => setParties((list) => list.filter((_, j) => j !== i))}
                      >
                        {t('newPartyRemove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => setParties((list) => [...list, { short: '', name: '', color: '#6e7781' }])}
        >
          {t('newPartyAdd')}
        </button>
      </fieldset>
      <label>
        {t('newChair')}
        <input
          name="chair"
          value={chairName}
          onChange={(e) => setChairName(e.target.value)}
          required
          maxLength={80}
        />
      </label>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit" className="primary" disabled={props.busy}>
        {props.busy ? t('newCreating') : t('newCreate')}
      </button>
    </form>
  );
}
