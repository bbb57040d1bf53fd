/**
 * Search at the scale of the issue: the generated agenda of 900 measures with 2,500 submitted amendments
 * (bench/generate.ts), `GET /api/documents/:id/search?q=` over HTTP against a real server on a real SQLite
 * file, as a negotiator of one party (their party room with a few drafts is searched too). Medians over RUNS
 * per query: with the rooms unchanged since the last search, and after a change of the text before each
 * search (the text's entries are read again). Run: npx tsx bench/search.ts
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { mirrorAmendments } from '../server/amendments/mirror.js';
import { writeRoom } from '../server/sync/serverWrite.js';
import { invitePerson } from '../server/people/invite.js';
import { TEXT_FRAGMENT } from '../shared/protocol/protocol.js';
import { median, report } from './stats.js';
import { agenda, AMENDMENTS, seedAmendments } from './generate.js';
import { serveAgenda } from './serve.js';

const RUNS = 25;
const DOC = 'bench';
const QUERIES = ['woningen', 'starters regio', 'A-1234', 'aangepast', 'zzz-niets'];

const { app, chair, stop } = await serveAgenda(agenda, DOC);
const repo = app.ctx.amendments;
mirrorAmendments(app.ctx.rooms, DOC, chair.person.id, seedAmendments(repo, DOC));
const d66 = await invitePerson(app.ctx.people, app.ctx.key, app.url, {
  documentId: DOC,
  name: 'Onderhandelaar D66',
  party: 'D66',
  role: 'negotiator',
});
const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));
for (let i = 0; i < 20; i++) {
  const res = await fetch(`${app.url}/api/documents/${DOC}/amendments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d66.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ measure: measures[i * 40]!.id, kind: 'replace', rationale: 'Concept.' }),
  });
  if (!res.ok) throw new Error(`draft: ${res.status}`);
}

async function find(q: string): Promise<{ total: number }> {
  const res = await fetch(`${app.url}/api/documents/${DOC}/search?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${d66.token}` },
  });
  if (!res.ok) throw new Error(`${q}: ${res.status}`);
  return (await res.json()) as { total: number };
}

/** Types one character at the end of the first measure, as the chair would (a new version of the text room). */
function typeInText(): void {
  writeRoom(app.ctx.rooms, DOC, chair.person.id, (doc) => {
    const first = doc
      .getXmlFragment(TEXT_FRAGMENT)
      .createTreeWalker((n) => n instanceof Y.XmlText)
      .next();
    const text = first.value as Y.XmlText;
    text.insert(text.length, '.');
  });
}

async function time(q: string, before?: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) await find(q);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t = performance.now();
    await find(q);
    times.push(performance.now() - t);
  }
  return median(times);
}

const held = app.ctx.rooms.open(DOC); // people are in the document
const results: Record<string, number> = {};
for (const q of QUERIES) results[`"${q}" (${(await find(q)).total} hits) ms`] = await time(q);
for (const q of QUERIES.slice(0, 2))
  results[`"${q}" after a change of the text ms`] = await time(q, typeInText);
app.ctx.rooms.release(held);
results[`"${QUERIES[0]}" with no room loaded ms`] = await time(QUERIES[0]!);
report(
  `search (${measures.length} measures, ${AMENDMENTS} amendments, HTTP medians over ${RUNS}; goal ≤ 50 ms)`,
  results,
);
await stop();
