// Importing agenda files: the D66–CDA agenda as PDF and as Word file (the committed fixtures), and a
// 900-measure agenda printed to PDF by Chromium here, at bench time (too large to commit).
// Run: npx tsx bench/import.ts
import fs from 'node:fs';
import { importFile } from '../server/import/index.js';
import { piecesOf } from '../fixtures/agendas/make/pieces.js';
import { writePdf } from '../fixtures/agendas/make/pdf.js';
import { agenda as generated } from './generate.js';
import { median, report } from './stats.js';

/** Median wall time of an async function over `runs` runs after `warmup` unmeasured ones. */
async function measureAsync(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const pdf = fs.readFileSync('fixtures/agendas/d66-cda.pdf');
const docx = fs.readFileSync('fixtures/agendas/d66-cda.docx');
// The generated agenda's chapters are called "Hoofdstuk N"; a chapter word is not a title, so give them one.
const big = await writePdf(
  piecesOf({ ...generated, chapters: generated.chapters.map((c) => ({ ...c, title: `THEMA ${c.number}` })) }),
  'Gegenereerde agenda',
);
const bigResult = await importFile('groot.pdf', big);
const measures = bigResult.agenda.chapters.reduce(
  (n, c) => n + c.sections.reduce((k, s) => k + s.measures.length, 0),
  0,
);

report('import', {
  'D66–CDA PDF (18 pages) median ms': await measureAsync(() => importFile('d66-cda.pdf', pdf), 10),
  'D66–CDA Word median ms': await measureAsync(() => importFile('d66-cda.docx', docx), 10),
  '900-measure PDF median ms': await measureAsync(() => importFile('groot.pdf', big), 5, 1),
  '900-measure PDF pages': (bigResult.source.at(-1)?.page ?? 0).toString(),
  '900-measure PDF bytes': big.byteLength,
  'measures found in it': measures,
});
