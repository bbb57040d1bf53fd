import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from './i18n.js';
import { FALLBACK_COLOR } from '../../shared/auth/person.js';

interface Present {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

/** Who is in the document now: a coloured initial per person, with the name on hover and for screen readers. */
export function Presence({ awareness }: { awareness: Awareness }) {
  const { t } = useI18n();
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const update = () => {
      const list: Present[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = state.user as { name?: unknown; color?: unknown } | undefined;
        if (!user || typeof user.name !== 'string') return;
        list.push({
          clientId,
          name: user.name,
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

  return (
    <ul className="presence" aria-label={t('present')}>
      {people.map((p) => (
        <li
          key={p.clientId}
          title={p.self ? `${p.name} (${t('you')})` : p.name}
          style={{ background: p.color }}
        >
          <span aria-hidden="true">{initials(p.name)}</span>
          <span className="sr-only">{p.self ? `${p.name} (${t('you')})` : p.name}</span>
        </li>
      ))}
    </ul>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
