import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from './i18n.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

interface Present {
  clientId: number;
  name: string;
  party: string;
  color: string;
  self: boolean;
}

/**
 * Who is in the document now, by party: the party's short name beside a coloured initial per person (a
 * colour is never the only sign of a party), with the names on hover and for screen readers.
 */
export function Presence({ awareness }: { awareness: Awareness }) {
  const { t } = useI18n();
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const update = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: unknown; party?: unknown; color?: unknown } | undefined;
        if (!user || typeof user.name !== 'string') return;
        list.push({
          clientId,
          name: user.name,
          party: typeof user.party === 'string' ? user.party : '',
          color: typeof user.color === 'string' ? user.color : FALLBACK_COLOR,
          self: clientId === awareness.clientID,
        });
      });
      list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'nl'));
      setPeople(list);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  const parties = [...new Set(people.map((p) => p.party))];
  const label = (p: Present) => `${p.name} (${p.party}${p.self ? `, ${t('you')}` : ''})`;
  return (
    <ul className="presence" aria-label={t('present')}>
      {parties.map((party) => {
        const here = people.filter((p) => p.party === party);
        return (
          <li key={party} className="presence-party" title={here.map(label).join(', ')}>
            <span className="presence-party-name" aria-hidden="true">
              {party}
            </span>
            {here.map((p) => (
              <span key={p.clientId} className="avatar" style={{ background: p.color }} aria-hidden="true">
                {initials(p.name)}
              </span>
            ))}
            <span className="sr-only">{here.map(label).join(', ')}</span>
          </li>
        );
      })}
    </ul>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
