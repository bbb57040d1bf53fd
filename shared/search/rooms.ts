/**
 * What can be found in each room, read the same way by the server and the browser: the agenda text (its
 * title, headings and measures), the meta room (submitted amendments, threads for everyone) and a party's
 * own room (its drafts, its party threads). A search reads only the rooms its person may open.
 */
import * as Y from 'yjs';
import type { Agenda } from '../agenda/types.js';
import { META, PARTY_DRAFTS, type Amendment, type AmendmentKind } from '../amendments/types.js';
import { threadsOf } from '../comments/threads.js';
import { THREADS_MAP, type Audience } from '../comments/types.js';
import type { SearchEntry } from './types.js';

/** The agenda's entries in the order of the text, and each measure's number by id. */
export function entriesOfAgenda(agenda: Agenda): { entries: SearchEntry[]; numbers: Map<string, string> } {
  const entries: SearchEntry[] = [];
  const numbers = new Map<string, string>();
  if (agenda.title)
    entries.push({ kind: 'title', id: 'title', level: 'document', number: null, text: agenda.title });
  for (const chapter of agenda.chapters) {
    entries.push({
      kind: 'title',
      id: chapter.id,
      level: 'chapter',
      number: String(chapter.number),
      text: chapter.title,
    });
    for (const section of chapter.sections) {
      entries.push({
        kind: 'title',
        id: section.id,
        level: 'section',
        number: section.number,
        text: section.title,
      });
      for (const measure of section.measures) {
        numbers.set(measure.id, measure.number);
        entries.push({ kind: 'measure', id: measure.id, number: measure.number, text: measure.text });
      }
    }
  }
  return { entries, numbers };
}

/** "A-12" → 12, for ordering amendments by number. */
const seqOf = (number: string) => Number(number.replace(/\D/g, '')) || 0;

function threadEntries(doc: Y.Doc, audience: Audience): SearchEntry[] {
  return threadsOf(doc.getMap(THREADS_MAP).values())
    .filter((t) => t.audience === audience)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((t) => ({
      kind: 'thread',
      id: t.id,
      measureId: t.anchor.measureId,
      audience: t.audience,
      party: t.party,
      status: t.status.kind,
      quote: t.anchor.quote,
      messages: t.messages.map((m) => m.text),
    }));
}

/** The meta room's entries: every amendment from `submitted` on (by number), then the threads for everyone. */
export function entriesOfMeta(doc: Y.Doc): SearchEntry[] {
  const amendments: SearchEntry[] = Object.values(
    doc.getMap(META.amendments).toJSON() as Record<string, Amendment>,
  )
    .filter((a) => a.status !== 'draft')
    .sort((a, b) => seqOf(a.number) - seqOf(b.number))
    .map((a) => ({
      kind: 'amendment',
      id: a.id,
      amendmentNumber: a.number,
      measureId: a.measureId,
      party: a.party,
      status: a.status,
      text: a.text ?? '',
      rationale: a.rationale,
    }));
  return [...amendments, ...threadEntries(doc, 'everyone')];
}

/** A party room's entries: its draft amendments (by number), then its party threads. */
export function entriesOfPartyRoom(doc: Y.Doc, party: string): SearchEntry[] {
  const drafts: (SearchEntry & { kind: 'amendment' })[] = [];
  doc.getMap(PARTY_DRAFTS).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const field = (name: string) => {
      const v: unknown = value.get(name);
      return v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '';
    };
    const kind = field('kind') as AmendmentKind;
    drafts.push({
      kind: 'amendment',
      id,
      amendmentNumber: field('number'),
      measureId: field('measureId'),
      party,
      status: 'draft',
      text: kind === 'delete' ? '' : field('text'),
      rationale: field('rationale'),
    });
  });
  drafts.sort((a, b) => seqOf(a.amendmentNumber) - seqOf(b.amendmentNumber));
  return [...drafts, ...threadEntries(doc, 'party')];
}
