// Correcting an import on the "Nieuwe onderhandeling" page: what one correction costs (each rebuilds the
// whole outline and says anew what every source line became), on the D66–CDA Word file and on a generated
// 900-measure agenda laid out as text; and how large the agenda sent to POST /api/documents is (the API
// reads JSON bodies up to 1 MB).
// Run: npx tsx bench/corrections.ts
import fs from 'node:fs';
import { importFile } from '../server/import/index.js';
import { recogniseAgenda } from '../shared/agenda/recognise.js';
import { textLines } from '../shared/agenda/parse/lines.js';
import { applyCorrection, type Correction } from '../shared/agenda/correct/index.js';
import type { ImportResult } from '../shared/agenda/source.js';
import { piecesOf } from '../fixtures/agendas/make/pieces.js';
import { layoutText } from '../fixtures/agendas/make/text.js';
import { agenda as generated } from './generate.js';
import { measure, report } from './stats.js';

const d66 = await importFile('d66-cda.docx', fs.readFileSync('fixtures/agendas/d66-cda.docx'));
const text = layoutText(
  piecesOf({ ...generated, chapters: generated.chapters.map((c) => ({ ...c, title: `THEMA ${c.number}` })) }),
  { width: 90, blanks: 'between-blocks' },
);
const big = recogniseAgenda({ format: 'txt', lines: textLines(text) });

/**
 * A line in the middle of the body that can become a measure or a heading: a section's intro, else the
 * second line of a measure.
 */
function middleMeasureLine(result: ImportResult): number {
  const intros = result.source.filter((e) => e.role === 'section-intro');
  if (intros.length > 0) return intros[Math.floor(intros.length / 2)]!.line;
  const lines = result.source.filter((e) => e.role === 'measure');
  const middle = lines[Math.floor(lines.length / 2)]!;
  return lines.find((e) => e.line > middle.line && e.ref === middle.ref)!.line;
}

function cost(result: ImportResult): Record<string, number> {
  const line = middleMeasureLine(result);
  const measureId = result.agenda.chapters[0]!.sections[0]!.measures[0]!.id;
  const corrections: Record<string, Correction> = {
    'line to measure': { kind: 'line-to-measure', line },
    'line to section heading': { kind: 'line-to-heading', line, level: 'section' },
    'merge measures': { kind: 'merge-measures', measure: measureId },
    retitle: { kind: 'retitle', target: 'agenda', title: 'Nieuwe titel' },
  };
  return Object.fromEntries(
    Object.entries(corrections).map(([name, c]) => [
      `${name} median ms`,
      measure(() => applyCorrection(result, c), 20, 3),
    ]),
  );
}

const measuresOf = (r: ImportResult) =>
  r.agenda.chapters.reduce((n, c) => n + c.sections.reduce((k, s) => k + s.measures.length, 0), 0);

report('corrections D66–CDA Word', {
  ...cost(d66),
  'source lines': d66.source.length,
  'agenda JSON bytes': Buffer.byteLength(JSON.stringify(d66.agenda)),
});
report('corrections 900 measures (text)', {
  ...cost(big),
  measures: measuresOf(big),
  'source lines': big.source.length,
  'agenda JSON bytes': Buffer.byteLength(JSON.stringify(big.agenda)),
});
