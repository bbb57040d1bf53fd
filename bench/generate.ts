/**
 * The generated negotiation of the scale, shared by the benchmarks: an agenda of 900 measures
 * (15 chapters × 6 sections × 10 measures) and 2,500 submitted amendments with positions and statuses.
 */
import { randomUUID } from 'node:crypto';
import { importedId } from '../shared/agenda/ids.js';
import type { Agenda } from '../shared/agenda/types.js';
import type { Amendment } from '../shared/amendments/types.js';
import type { AmendmentsRepository } from '../server/amendments/repository.js';

const CHAPTERS = 15;
const SECTIONS = 6;
const MEASURES = 10; // 15 × 6 × 10 = 900 measures
export const AMENDMENTS = 2_500;
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];
const WORDS =
  'we bouwen meer woningen voor starters en ouderen in de regio met minder regels snel betaalbaar'.split(' ');

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** The generated agenda. */
export const agenda: Agenda = {
  title: 'Gegenereerde agenda',
  intro: { paragraphs: ['Inleiding.'], signature: null },
  footnotes: [],
  chapters: Array.from({ length: CHAPTERS }, (_, c) => ({
    id: importedId('c', c + 1),
    number: String(c + 1),
    title: `Hoofdstuk ${c + 1}`,
    intro: [],
    sections: Array.from({ length: SECTIONS }, (_, s) => {
      const number = `${c + 1}.${s + 1}`;
      return {
        id: importedId('s', number),
        number,
        title: `Paragraaf ${number}`,
        runIn: false,
        intro: [],
        measures: Array.from({ length: MEASURES }, (_, m) => ({
          id: importedId('m', `${number}.${m + 1}`),
          number: `${number}.${m + 1}`,
          text: sentence(c * 100 + s * 10 + m, 40 + ((c + s + m) % 40)),
        })),
      };
    }),
  })),
};

/** Stores 2,500 submitted amendments spread over the measures (some draw many), with positions and statuses. */
export async function seedAmendments(repo: AmendmentsRepository, documentId: string): Promise<Amendment[]> {
  const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
  const at = new Date('2026-11-20T10:00:00Z').toISOString();
  const all: Amendment[] = [];
  await repo.transaction(async () => {
    for (let i = 0; i < AMENDMENTS; i++) {
      const m = measures[(i * i) % measures.length]!;
      const party = PARTIES[i % PARTIES.length]!;
      const seq = await repo.nextSeq(documentId);
      const words = m.text.split(' ');
      words[(i * 3) % words.length] = 'aangepast';
      const a: Amendment = {
        id: randomUUID(),
        number: `A-${seq}`,
        documentId: documentId,
        measureId: m.id,
        kind: i % 20 === 0 ? 'delete' : i % 15 === 0 ? 'insert' : 'replace',
        text: i % 20 === 0 ? null : words.join(' '),
        rationale: sentence(i, 25),
        party,
        authors: ['p'],
        status: 'submitted',
        baseText: m.text,
        group: null,
        positions: {},
        createdAt: at,
        submittedAt: at,
        decidedAt: null,
        decidedBy: null,
        parent: null,
        decision: null,
      };
      await repo.insert(a, seq);
      for (const other of PARTIES)
        if (other !== party && (i + other.length) % 3 === 0) {
          const record = { position: 'support' as const, note: null, by: 'p', at };
          await repo.setPosition(documentId, a.id, other, record);
          a.positions[other] = record;
        }
      all.push(a);
    }
    for (let i = 0; i < measures.length; i += 4)
      await repo.setStatus(documentId, measures[i]!.id, {
        status: i % 8 ? 'agreed' : 'disputed',
        by: 'p',
        at,
      });
  });
  return all;
}
