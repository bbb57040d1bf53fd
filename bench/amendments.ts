/**
 * Benchmark of the amendments API at the scale of the issue: a generated agenda of 900 measures and 2,500
 * amendments (submitted, with positions, some measures with statuses). Run with `npx tsx bench/amendments.ts`.
 * Times HTTP requests against a real server on a real SQLite file (medians over RUNS), once with the agenda
 * room loaded (people are in it) and once cold (read from storage for each request).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../server/storage/sqlite.js';
import { startApp } from '../server/app.js';
import { importAgenda } from '../server/documents/import.js';
import { invitePerson } from '../server/people/invite.js';
import { AmendmentsRepository } from '../server/amendments/repository.js';
import { mirrorAmendments } from '../server/amendments/mirror.js';
import { importedId } from '../shared/agenda/ids.js';
import type { Agenda } from '../shared/agenda/types.js';
import type { Amendment } from '../shared/amendments/types.js';
import { median, report } from './stats.js';

const RUNS = 25;
const CHAPTERS = 15;
const SECTIONS = 6;
const MEASURES = 10; // 15 × 6 × 10 = 900 measures
const AMENDMENTS = 2_500;
const PARTIES = ['D66', 'CDA', 'VVD', 'GL-PvdA', 'JA21'];
const WORDS =
  'we bouwen meer woningen voor starters en ouderen in de regio met minder regels snel betaalbaar'.split(' ');

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

const agenda: Agenda = {
  title: 'Gegenereerde agenda',
  intro: { paragraphs: ['Inleiding.'], signature: null },
  footnotes: [],
  chapters: Array.from({ length: CHAPTERS }, (_, c) => ({
    id: importedId('c', c + 1),
    number: c + 1,
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
const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'akkoord-bench-'));
const store = openSqliteStore(path.join(dir, 'akkoord.sqlite'));
importAgenda(store, { id: 'bench', agenda });
const app = await startApp({ store, dataDir: dir, port: 0, host: '127.0.0.1' });
app.ctx.people.ensureDefaultParties('bench');
const chair = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
  documentId: 'bench',
  name: 'Voorzitter',
  party: 'SEC',
  role: 'chair',
  expiresInDays: null,
});

// 2,500 submitted amendments spread over the measures (some measures draw many), with positions.
const repo = new AmendmentsRepository(store.db);
const at = new Date('2026-11-20T10:00:00Z').toISOString();
const all: Amendment[] = [];
repo.transaction(() => {
  for (let i = 0; i < AMENDMENTS; i++) {
    const m = measures[(i * i) % measures.length]!;
    const party = PARTIES[i % PARTIES.length]!;
    const seq = repo.nextSeq('bench');
    const words = m.text.split(' ');
    words[(i * 3) % words.length] = 'aangepast';
    const a: Amendment = {
      id: randomUUID(),
      number: `A-${seq}`,
      documentId: 'bench',
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
    };
    repo.insert(a, seq);
    for (const other of PARTIES)
      if (other !== party && (i + other.length) % 3 === 0) {
        const record = { position: 'support' as const, note: null, by: 'p', at };
        repo.setPosition('bench', a.id, other, record);
        a.positions[other] = record;
      }
    all.push(a);
  }
  for (let i = 0; i < measures.length; i += 4)
    repo.setStatus('bench', measures[i]!.id, { status: i % 8 ? 'agreed' : 'disputed', by: 'p', at });
});
let start = performance.now();
mirrorAmendments(app.ctx.rooms, 'bench', chair.person.id, all);
const mirrorMs = performance.now() - start;

const byMeasure = new Map<string, Amendment[]>();
for (const a of all) byMeasure.set(a.measureId, [...(byMeasure.get(a.measureId) ?? []), a]);
const busiest = [...byMeasure].sort((a, b) => b[1].length - a[1].length)[0]!;
const typical = all[1234]!.measureId;

async function get(url: string): Promise<unknown> {
  const res = await fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${chair.token}` } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

async function time(url: string): Promise<number> {
  for (let i = 0; i < 3; i++) await get(url);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await get(url);
    times.push(performance.now() - t);
  }
  return median(times);
}

const D = '/api/documents/bench';
const requests: Record<string, string> = {
  'list all 2,500 amendments': `${D}/amendments`,
  'filter by party (500)': `${D}/amendments?party=VVD`,
  'filter by status submitted': `${D}/amendments?status=submitted`,
  [`open a measure with its ${all.filter((a) => a.measureId === typical).length} amendments and diffs`]: `${D}/amendments?measure=${typical}`,
  [`open the busiest measure (${busiest[1].length} amendments) with diffs`]: `${D}/amendments?measure=${busiest[0]}`,
  'one amendment as a view': `${D}/amendments/${all[42]!.id}`,
  dashboard: `${D}/dashboard`,
  'dashboard with the positions matrix of a chapter': `${D}/dashboard?chapter=c-3`,
};

const results: Record<string, number> = { 'mirror 2,500 amendments into the meta room (once) ms': mirrorMs };
for (const [name, url] of Object.entries(requests)) results[`cold: ${name} ms`] = await time(url);
const held = app.ctx.rooms.open('bench'); // as when people are in the document
for (const [name, url] of Object.entries(requests)) results[`room loaded: ${name} ms`] = await time(url);
start = performance.now();
const accepted = all.find((a) => a.kind === 'replace' && a.measureId === typical)!;
await fetch(`${app.url}${D}/amendments/${accepted.id}/accept`, {
  method: 'POST',
  headers: { authorization: `Bearer ${chair.token}` },
});
results['room loaded: accept one amendment (text + tables + meta room) ms'] = performance.now() - start;
app.ctx.rooms.release(held);

report(
  `amendments (${measures.length} measures, ${AMENDMENTS} amendments, HTTP medians over ${RUNS})`,
  results,
);
await app.close();
store.close();
fs.rmSync(dir, { recursive: true, force: true });
