// First: configures zod before any module of this chunk makes a schema (see noEval.ts); the outline and the
// features load as chunks of their own, and either may come first.
import './noEval.js';
import { useState } from 'react';
import type { OutlineEntry } from './outline.js';
import { useI18n } from './i18n.js';
import { useDocument } from './documentContext.js';
import { useMeasureFacts } from './useMeasureFacts.js';
import { commentsKey } from '../comments/plugin.js';
import { withThreadCounts } from './outlineFilter.js';
import { useLocations, type Location } from './useLocations.js';
import { filterOutline, type MeasureFacts, type OutlineFilter } from './outlineFilter.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { MEASURE_STATUS_REPORT_ORDER, type MeasureStatus } from '../../shared/amendments/types.js';
import { useNotedMeasures } from '../notes/measureNotes.js';
import { NoteIcon } from './icons.js';

/** Scrolls the editor to a node and briefly marks it, so the eye finds it. */
export function jumpTo(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1200);
}

const STATUS_KEYS: Record<string, MessageKey> = {
  agreed: 'outlineStatusAgreed',
  disputed: 'outlineStatusDisputed',
  parked: 'outlineStatusParked',
  open: 'outlineStatusOpen',
};

/** The filter as a select value and back. */
function encodeFilter(f: OutlineFilter): string {
  switch (f.kind) {
    case 'status':
      return `status:${f.status}`;
    case 'party':
      return `party:${f.party}`;
    default:
      return f.kind;
  }
}
function decodeFilter(value: string): OutlineFilter {
  const [kind, arg] = value.split(':') as [string, string | undefined];
  if (kind === 'status' && arg) return { kind: 'status', status: arg as MeasureStatus };
  if (kind === 'party' && arg) return { kind: 'party', party: arg };
  if (kind === 'pending' || kind === 'threads') return { kind };
  return { kind: 'all' };
}

/**
 * The navigation tree: chapters, their sections, and the measures of an opened section; a filter shows only
 * the measures with a status, with pending amendments (of one party), or with open threads.
 */
export function Outline({ entries }: { entries: OutlineEntry[] }) {
  const { t } = useI18n();
  const { meta, text, party, view, state, me } = useDocument();
  // The party's own notes per measure: its room is this party's alone, so no other party sees the mark.
  const noted = useNotedMeasures(party?.doc ?? null);
  const shared = useMeasureFacts(meta?.doc ?? null);
  // Open threads as this person sees them (their party's threads too), where their words are now.
  const facts = withThreadCounts(shared, state ? commentsKey.getState(state)?.openPerMeasure : undefined);
  const locations = useLocations(view, text?.provider.awareness ?? null, state);
  const here = (id: string) => locations.filter((l) => l.within.includes(id));
  const [filter, setFilter] = useState<OutlineFilter>({ kind: 'all' });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const parties = [...new Set([...facts.values()].flatMap((f) => [...f.pendingBy]))].sort();
  const shown = filterOutline(entries, filter, facts);
  const filtering = filter.kind !== 'all';

  let chapterOpen = false;
  let sectionOpen = false;
  return (
    <nav className="outline" aria-label={t('outline')}>
      <h2>{t('outline')}</h2>
      <select
        className="outline-filter"
        aria-label={t('outlineFilter')}
        value={encodeFilter(filter)}
        onChange={(e) => setFilter(decodeFilter(e.target.value))}
      >
        <option value="all">{t('outlineFilterAll')}</option>
        <option value="pending">{t('outlineFilterPending')}</option>
        <option value="threads">{t('outlineFilterThreads')}</option>
        {MEASURE_STATUS_REPORT_ORDER.map((s) => (
          <option key={s} value={`status:${s}`}>
            {t('outlineFilterStatus', { status: t(STATUS_KEYS[s]!) })}
          </option>
        ))}
        {parties.map((p) => (
          <option key={p} value={`party:${p}`}>
            {t('outlineFilterParty', { party: p })}
          </option>
        ))}
      </select>
      {filtering && shown.length === 0 && <p className="muted">{t('outlineFilterNone')}</p>}
      <ol>
        {shown.map((entry) => {
          if (entry.level !== 'measure') {
            const expanded = filtering || open.has(entry.id);
            if (entry.level === 'chapter') chapterOpen = expanded;
            else if (!chapterOpen) return null;
            else sectionOpen = expanded;
            return (
              <li key={entry.id} className={`outline-${entry.level}`}>
                <button className="disclosure" aria-expanded={expanded} onClick={() => toggle(entry.id)}>
                  {expanded ? '▾' : '▸'}
                </button>
                <EntryLink entry={entry} />
                <People people={here(entry.id)} />
              </li>
            );
          }
          if (!chapterOpen || !sectionOpen) return null;
          return (
            <li key={entry.id} className="outline-measure">
              <EntryLink entry={entry} />
              <Badges facts={facts.get(entry.id)} />
              {noted.has(entry.id) && <NoteMark party={me.person.party} />}
              <People people={here(entry.id)} />
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** An outline entry's number and label, bringing it into view when chosen. */
function EntryLink({ entry }: { entry: OutlineEntry }) {
  return (
    <a
      href={`#${entry.id}`}
      onClick={(e) => (e.preventDefault(), jumpTo(entry.id))}
      title={entry.level === 'measure' ? entry.label : undefined}
    >
      <span className="num">{entry.number}</span> {entry.label}
    </a>
  );
}

/** The mark of a measure the person's party has a note on (an icon, its meaning in words). */
function NoteMark({ party }: { party: string }) {
  const { t } = useI18n();
  const label = t('measureNoteIcon', { party });
  return (
    <span className="badge note" title={label} role="img" aria-label={label} data-note-mark="">
      <NoteIcon />
    </span>
  );
}

/** Who is working here now: a dot in each person's colour beside their party's name, their name on hover and for screen readers. */
function People({ people }: { people: Location[] }) {
  const { t } = useI18n();
  if (people.length === 0) return null;
  const names = people.map((p) => p.name).join(', ');
  return (
    <span
      className="outline-people"
      title={t('outlinePeopleHere', { names })}
      aria-label={t('outlinePeopleHere', { names })}
    >
      {[...new Set(people.map((p) => p.party))].map((party) => (
        <span key={party} className="person-party-group">
          <span className="person-party">{party}</span>
          {people
            .filter((p) => p.party === party)
            .map((p) => (
              <span key={p.clientId} className="person-dot" style={{ background: p.color }} />
            ))}
        </span>
      ))}
    </span>
  );
}

/** A small icon beside a count: hidden from screen readers, which read the count's label instead. */
function Icon({ kind }: { kind: 'amendments' | 'threads' }) {
  return (
    <svg
      className="badge-icon"
      viewBox="0 0 16 16"
      width="11"
      height="11"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'amendments' ? (
        // A page with a pencil: proposed changes to the text.
        <path d="M3 1.5h6l3 3V8M12 11.5v3H3v-13M5 5.5h4M5 8h3M9.5 13.5l5-5-1.5-1.5-5 5-.5 2z" />
      ) : (
        // A speech bubble: a discussion.
        <path d="M2 3.5a1.5 1.5 0 0 1 1.5-1.5h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3.5 3v-3h0A1.5 1.5 0 0 1 2 9.5z" />
      )}
    </svg>
  );
}

/**
 * A count in the outline with its own icon and its meaning in words (hover text and for screen readers),
 * so that "2" beside a measure is never read as an amendment number.
 */
function Count({ kind, n, label }: { kind: 'amendments' | 'threads'; n: number; label: string }) {
  return (
    <span className={`badge ${kind}`} title={label} data-count={kind}>
      <Icon kind={kind} />
      <span aria-hidden="true">{n}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** A measure's status dot, pending amendments and open threads, in the outline. */
function Badges({ facts }: { facts: MeasureFacts | undefined }) {
  const { t } = useI18n();
  if (!facts) return null;
  return (
    <span className="outline-badges">
      {facts.status !== 'open' && (
        <span className={`status-dot status-${facts.status}`} title={t(STATUS_KEYS[facts.status]!)} />
      )}
      {facts.pending > 0 && (
        <Count
          kind="amendments"
          n={facts.pending}
          label={t('outlinePendingAmendments', {
            n: facts.pending,
            parties: [...facts.pendingBy].join(', '),
          })}
        />
      )}
      {facts.openThreads > 0 && (
        <Count
          kind="threads"
          n={facts.openThreads}
          label={t('outlineOpenThreads', { n: facts.openThreads })}
        />
      )}
    </span>
  );
}
