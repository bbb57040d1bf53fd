/**
 * Benchmark of the exporters. Run with `npx tsx bench/export.ts`.
 * The parsed D66/CDA agenda against a copy with every tenth measure edited, one measure added and one
 * removed; each format marked and clean. Prints medians over RUNS runs in ms, then the same as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseAgenda } from '../shared/agenda/parse.js';
import {
  exportDocx,
  exportHtml,
  exportJson,
  exportMarkdown,
  type ExportInput,
} from '../server/export/index.js';
import { median, report } from './stats.js';

const RUNS = 15;
const FIXTURE = new URL('../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url);

const original = parseAgenda(readFileSync(FIXTURE, 'utf8'));
const current = structuredClone(original);
const sections = current.chapters.flatMap((c) => c.sections);
sections
  .flatMap((s) => s.measures)
  .forEach((m, i) => {
    if (i % 10 === 0) m.text = m.text.replace(/\bwe\b/, 'wij').concat(' Dit doen we zo snel mogelijk.');
  });
sections[0]!.measures.push({ id: 'm-bench', number: '1.1.4', text: 'Een nieuwe maatregel.' });
sections[1]!.measures.splice(1, 1);

async function time(fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const results: Record<string, number> = {};
for (const changes of ['marked', 'clean'] as const) {
  const input: ExportInput = {
    original,
    current,
    versionLabel: 'Live',
    changes,
    language: 'nl',
    generatedAt: new Date('2026-11-26T10:00:00Z'),
    defaultAuthor: 'Akkoord',
  };
  results[`docx ${changes} ms`] = await time(() => exportDocx(input));
  results[`markdown ${changes} ms`] = await time(() => exportMarkdown(input));
  results[`html ${changes} ms`] = await time(() => exportHtml(input));
  results[`json ${changes} ms`] = await time(() => exportJson(input));
}
report('export (D66/CDA agenda, ~10% of measures edited)', results);
