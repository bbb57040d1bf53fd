import { describe, expect, it } from 'vitest';
import {
  exportJson,
  importJsonExport,
  JsonExportError,
  type ExportInput,
} from '../../server/export/index.js';
import { amendment } from './amendments.js';
import { exportInput } from './fixture.js';

function fullInput(changes: 'marked' | 'clean'): ExportInput {
  return exportInput({
    changes,
    amendments: [amendment({ number: 'A-1' }), amendment({ number: 'A-2', kind: 'delete', text: null })],
    measureStatuses: { 'm-1-1-1': 'agreed', 'm-2-1-1': 'disputed' },
    parties: [
      { short: 'D66', name: 'Democraten 66' },
      { short: 'CDA', name: 'Christen-Democratisch Appèl' },
    ],
    comments: [
      {
        measureId: 'm-1-1-1',
        quote: 'bezwaar',
        messages: [{ author: 'Jan', date: '2026-11-22', text: 'Ja.' }],
      },
    ],
  });
}

describe('the JSON export', () => {
  it('reads back and exports again to the same text', () => {
    for (const changes of ['marked', 'clean'] as const) {
      const input = fullInput(changes);
      const text = exportJson(input);
      const read = importJsonExport(text);
      const again = exportJson({
        ...input,
        current: read.agenda,
        original: read.original ?? input.original,
        versionLabel: read.versionLabel,
        generatedAt: new Date(read.exportedAt),
        amendments: read.amendments,
        measureStatuses: read.measureStatuses,
        parties: read.parties,
        comments: read.comments,
      });
      expect(again).toBe(text);
    }
  });

  it('carries the current agenda in its public form, and the original only when marked', () => {
    const input = fullInput('marked');
    const marked = JSON.parse(exportJson(input)) as Record<string, unknown>;
    expect(marked.format).toBe('akkoord/1');
    expect(marked.agenda).toEqual(input.current);
    expect(marked.original).toEqual(input.original);
    expect(marked.exportedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(Object.keys(marked)).toEqual([
      'format',
      'versionLabel',
      'exportedAt',
      'agenda',
      'original',
      'amendments',
      'measureStatuses',
      'parties',
      'comments',
    ]);
    expect(JSON.parse(exportJson(fullInput('clean')))).not.toHaveProperty('original');
  });

  it('rejects a wrong file with one clear sentence', () => {
    const valid = JSON.parse(exportJson(fullInput('clean'))) as {
      agenda: { chapters: { title: unknown }[] };
    };
    valid.agenda.chapters[0]!.title = 42;
    const cases: [string, RegExp][] = [
      ['niet eens JSON', /^Dit bestand is geen JSON en dus geen Akkoord-export\.$/],
      ['{"title": "Een agenda"}', /^Dit bestand is geen Akkoord-export: het veld format ontbreekt\.$/],
      [
        '{"format": "akkoord/2"}',
        /^Dit bestand heeft formaat "akkoord\/2", maar alleen akkoord\/1 kan worden ingelezen\.$/,
      ],
      [
        '{"format": "akkoord/1"}',
        /^Dit bestand is geen geldige Akkoord-export: het veld versionLabel ontbreekt\.$/,
      ],
      [
        JSON.stringify(valid),
        /^Dit bestand is geen geldige Akkoord-export: het veld agenda\.chapters\[0\]\.title moet een tekst zijn\.$/,
      ],
    ];
    for (const [text, message] of cases) {
      expect(() => importJsonExport(text)).toThrow(JsonExportError);
      expect(() => importJsonExport(text)).toThrow(message);
    }
  });
});
