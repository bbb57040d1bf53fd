/**
 * Benchmark of the amendments API at the scale of the issue: a generated agenda of 900 measures and 2,500
 * amendments (submitted, with positions, some measures with statuses). Run with `npx tsx bench/amendments.ts`.
 * Times HTTP requests against a real server on a real SQLite file (medians over RUNS), once with the agenda
 * room loaded (people are in it) and once cold (read from storage for each request).
 */
import { performance } from 'node:perf_hooks';
import { mirrorAmendments } from '../server/amendments/mirror.js';
import type { Amendment } from '../shared/amendments/types.js';
import { median, report } from './stats.js';
import { agenda, AMENDMENTS, seedAmendments } from './generate.js';
import { serveAgenda } from './serve.js';

const RUNS = 25;
const measures = agenda.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures));

const { app, chair, stop } = await serveAgenda(agenda, 'bench');

const repo = app.ctx.amendments;
const all = await seedAmendments(repo, 'bench');
let start = performance.now();
await mirrorAmendments(app.ctx.rooms, 'bench', chair.person.id, all);
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
const held = await app.ctx.rooms.open('bench'); // as when people are in the document
for (const [name, url] of Object.entries(requests)) results[`room loaded: ${name} ms`] = await time(url);
start = performance.now();
const accepted = all.find((a) => a.kind === 'replace' && a.measureId === typical)!;
await fetch(`${app.url}${D}/amendments/${accepted.id}/accept`, {
  method: 'POST',
  headers: { authorization: `Bearer ${chair.token}` },
});
results['room loaded: accept one amendment (text + tables + meta room) ms'] = performance.now() - start;
await app.ctx.rooms.release(held);

report(
  `amendments (${measures.length} measures, ${AMENDMENTS} amendments, HTTP medians over ${RUNS})`,
  results,
);
await stop();
