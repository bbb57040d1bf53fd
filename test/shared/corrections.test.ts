import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recogniseAgenda } from '../../shared/agenda/recognise.js';
import { textLines } from '../../shared/agenda/parse/lines.js';
import type { ImportResult, SourceEntry } from '../../shared/agenda/source.js';
import type { Agenda } from '../../shared/agenda/types.js';
import { applyCorrection, corrected, flatten, rebuild, probeOf } from '../../shared/agenda/correct/index.js';
import { negotiationAgendaSchema } from '../../shared/agenda/schema.js';
import { importFile } from '../../server/import/index.js';

/** The import result of a text given as lines. */
const imported = (...lines: string[]): ImportResult =>
  recogniseAgenda({ format: 'txt', lines: textLines(`${lines.join('\n')}\n`) });

/** An agenda's body as lines: "# chapter", "## section", "> intro paragraph", "- measure". */
function outline(agenda: Agenda): string[] {
  return agenda.chapters.flatMap((c) => [
    `# ${c.number} ${c.title}`,
    ...c.intro.map((p) => `> ${p}`),
    ...c.sections.flatMap((s) => [
      `## ${s.number} ${s.title}`,
      ...s.intro.map((p) => `> ${p}`),
      ...s.measures.map((m) => `- ${m.number} ${m.text}`),
    ]),
  ]);
}

/** What each line became, as "line role ref". */
const roles = (source: readonly SourceEntry[], from: number, to: number) =>
  source
    .filter((e) => e.line >= from && e.line <= to)
    .map((e) => `${e.line} ${e.role} ${e.ref ?? ''}`.trim());

const CITY = [
  'Een agenda voor de stad',
  '',
  'Inleiding van de agenda.',
  '',
  'WONEN',
  'Meer bouwen',
  'We willen meer woningen. Dit willen we doen:',
  '• We bouwen 100.000 woningen per jaar.',
  '• We schrappen regels, zodat bouwen sneller gaat en',
  'goedkoper wordt.',
  'Betaalbare huur',
  'Huren moet betaalbaar blijven.',
  '• We bevriezen de huren.',
  '• We bouwen sociale huurwoningen voor',
  'starters en ouderen.',
  '',
  'ZORG',
  'De zorg moet dichtbij blijven, in elke wijk.',
  'Elke wijk krijgt een huisarts.',
];

/**
 * The mistake the issue names: a section title run into the bullet before it (as a text re-wrapped without
 * blank lines can come out), its paragraph then an untitled section. Made by hand from the right import.
 */
function titleInBullet(): ImportResult {
  const right = imported(...CITY);
  const agenda = structuredClone(right.agenda);
  const [first, second] = agenda.chapters[0]!.sections as [any, any];
  first.measures[1].text += ' Betaalbare huur';
  second.title = '';
  const source = right.source.map((e) =>
    e.line === 11 ? { ...e, role: 'measure' as const, ref: 'm-1-1-2' } : e,
  );
  return { agenda, warnings: [], source };
}

describe('flattening and rebuilding an import', () => {
  it.each([
    'd66-cda-uitnodiging-2025.txt',
    'agendas/d66-cda-zonder-witregels.txt',
    'agendas/d66-cda-andere-opsommingen.txt',
    'agendas/midden-crlf-voetnoten.txt',
    'agendas/breed-met-paginabreuken.txt',
    'agendas/smal-zonder-inleiding.txt',
  ])('gives back the same agenda and the same roles for every line of %s', (name) => {
    const text = fs.readFileSync(path.resolve('fixtures', name), 'utf8');
    const result = recogniseAgenda({ format: 'txt', lines: textLines(text) });
    const items = flatten(result.agenda.chapters, result.source);
    const { chapters, marks } = rebuild(items);
    expect(chapters).toEqual(result.agenda.chapters);
    for (const entry of result.source) {
      const mark = marks.get(entry.line);
      if (['chapter', 'chapter-intro', 'section', 'section-intro', 'measure'].includes(entry.role))
        expect(mark, `line ${entry.line}`).toEqual({ role: entry.role, ref: entry.ref });
      else expect(mark, `line ${entry.line}`).toBeUndefined();
    }
  });

  it.each(['agendas/d66-cda.pdf', 'agendas/d66-cda.docx'])(
    'gives back the same agenda and puts every body line of %s where it was',
    async (name) => {
      const result = await importFile(name, fs.readFileSync(path.resolve('fixtures', name)));
      const { chapters, marks } = rebuild(flatten(result.agenda.chapters, result.source));
      expect(chapters).toEqual(result.agenda.chapters);
      const body = result.source.filter((e) =>
        ['chapter', 'section', 'section-intro', 'chapter-intro', 'measure'].includes(e.role),
      );
      expect(body.length).toBeGreaterThan(124);
      for (const entry of body)
        expect(marks.get(entry.line), `line ${entry.line}`).toEqual({ role: entry.role, ref: entry.ref });
    },
  );
});

describe('corrections of an import', () => {
  it('makes a line run into a measure the section heading it was, moving what follows under it', () => {
    const wrong = titleInBullet();
    const fixed = applyCorrection(wrong, { kind: 'line-to-heading', line: 11, level: 'section' });
    expect(fixed.agenda).toEqual(imported(...CITY).agenda);
    expect(roles(fixed.source, 9, 13)).toEqual([
      '9 measure m-1-1-2',
      '10 measure m-1-1-2',
      '11 section s-1-2',
      '12 section-intro s-1-2',
      '13 measure m-1-2-1',
    ]);
    // The untitled section the mistake made is gone, and with it its warning.
    expect(fixed.warnings.map((w) => w.code)).toEqual(['chapter-without-measures']);
  });

  it('warns of the untitled section the mistake makes, and the warning names the line', () => {
    const wrong = titleInBullet();
    const reviewed = applyCorrection(wrong, { kind: 'retitle', target: 'agenda', title: wrong.agenda.title });
    expect(reviewed.warnings).toEqual([
      {
        code: 'untitled-section',
        line: 12,
        message:
          'Sectie 1.2 heeft geen titel (regel 12): maak van een regel een kop of voeg de tekst bij de sectie ervoor.',
      },
      { code: 'chapter-without-measures', line: 17, message: 'Hoofdstuk 2 (ZORG) heeft geen maatregelen.' },
    ]);
  });

  it('makes a section heading a measure and back again', () => {
    const right = imported(...CITY);
    const asMeasure = applyCorrection(right, { kind: 'line-to-measure', line: 11 });
    expect(outline(asMeasure.agenda).slice(0, 6)).toEqual([
      '# 1 WONEN',
      '## 1.1 Meer bouwen',
      '> We willen meer woningen. Dit willen we doen:',
      '- 1.1.1 We bouwen 100.000 woningen per jaar.',
      '- 1.1.2 We schrappen regels, zodat bouwen sneller gaat en goedkoper wordt.',
      '- 1.1.3 Betaalbare huur',
    ]);
    const back = applyCorrection(asMeasure, { kind: 'line-to-heading', line: 11, level: 'section' });
    expect(back.agenda).toEqual(right.agenda);
    expect(back.source).toEqual(right.source);
  });

  it('makes a line of a chapter intro a measure, in an untitled section, and warns of it', () => {
    const fixed = applyCorrection(imported(...CITY), { kind: 'line-to-measure', line: 19 });
    expect(outline(fixed.agenda).slice(-4)).toEqual([
      '# 2 ZORG',
      '> De zorg moet dichtbij blijven, in elke wijk.',
      '## 2.1 ',
      '- 2.1.1 Elke wijk krijgt een huisarts.',
    ]);
    expect(fixed.warnings.map((w) => [w.code, w.line])).toEqual([['untitled-section', 19]]);
    const titled = applyCorrection(fixed, {
      kind: 'retitle',
      target: { id: 's-2-1' },
      title: ' Huisartsen ',
    });
    expect(outline(titled.agenda).slice(-2)).toEqual([
      '## 2.1 Huisartsen',
      '- 2.1.1 Elke wijk krijgt een huisarts.',
    ]);
    expect(titled.warnings).toEqual([]);
  });

  it('makes a section heading a chapter heading: the sections after it move into the new chapter', () => {
    const fixed = applyCorrection(imported(...CITY), { kind: 'line-to-heading', line: 11, level: 'chapter' });
    expect(outline(fixed.agenda).slice(5)).toEqual([
      '# 2 Betaalbare huur',
      '> Huren moet betaalbaar blijven.',
      '## 2.1 ',
      '- 2.1.1 We bevriezen de huren.',
      '- 2.1.2 We bouwen sociale huurwoningen voor starters en ouderen.',
      '# 3 ZORG',
      '> De zorg moet dichtbij blijven, in elke wijk. Elke wijk krijgt een huisarts.',
    ]);
  });

  it('merges a measure with the next one and splits it again at the same place', () => {
    const right = imported(...CITY);
    const merged = applyCorrection(right, { kind: 'merge-measures', measure: 'm-1-2-1' });
    const section = merged.agenda.chapters[0]!.sections[1]!;
    expect(section.measures.map((m) => m.text)).toEqual([
      'We bevriezen de huren. We bouwen sociale huurwoningen voor starters en ouderen.',
    ]);
    expect(roles(merged.source, 13, 15)).toEqual([
      '13 measure m-1-2-1',
      '14 measure m-1-2-1',
      '15 measure m-1-2-1',
    ]);
    const split = applyCorrection(merged, {
      kind: 'split-measure',
      measure: 'm-1-2-1',
      at: 'We bevriezen de huren. '.length,
    });
    expect(split.agenda).toEqual(right.agenda);
    expect(split.source).toEqual(right.source);
  });

  it('splits a measure at a line, so that line starts a measure of its own', () => {
    const fixed = applyCorrection(imported(...CITY), { kind: 'line-to-measure', line: 10 });
    expect(fixed.agenda.chapters[0]!.sections[0]!.measures.map((m) => m.text)).toEqual([
      'We bouwen 100.000 woningen per jaar.',
      'We schrappen regels, zodat bouwen sneller gaat en',
      'goedkoper wordt.',
    ]);
    expect(roles(fixed.source, 9, 10)).toEqual(['9 measure m-1-1-2', '10 measure m-1-1-3']);
  });

  it('edits the titles of the agenda, a chapter and a section', () => {
    let result = imported(...CITY);
    result = applyCorrection(result, { kind: 'retitle', target: 'agenda', title: 'Stadsagenda 2026' });
    result = applyCorrection(result, { kind: 'retitle', target: { id: 'c-2' }, title: 'Zorg en welzijn' });
    result = applyCorrection(result, { kind: 'retitle', target: { id: 's-1-2' }, title: 'Huren' });
    expect(result.agenda.title).toBe('Stadsagenda 2026');
    expect(outline(result.agenda)).toContain('# 2 Zorg en welzijn');
    expect(outline(result.agenda)).toContain('## 1.2 Huren');
  });

  it('keeps a line warning until its line is made something else', () => {
    const base = imported(...CITY);
    const warned: ImportResult = {
      ...base,
      warnings: [{ code: 'looks-like-heading', line: 19, message: 'Regel 19 lijkt een kop.' }],
    };
    const retitled = applyCorrection(warned, { kind: 'retitle', target: 'agenda', title: 'X' });
    expect(retitled.warnings.map((w) => w.code)).toEqual(['chapter-without-measures', 'looks-like-heading']);
    const fixed = applyCorrection(retitled, { kind: 'line-to-heading', line: 19, level: 'section' });
    expect(fixed.warnings.map((w) => w.code)).toEqual(['chapter-without-measures']);
  });

  it('refuses what does not apply, with null from corrected', () => {
    const result = imported(...CITY);
    expect(corrected(result, { kind: 'line-to-heading', line: 5, level: 'section' })).toBeNull(); // first chapter
    expect(corrected(result, { kind: 'line-to-heading', line: 3, level: 'section' })).toBeNull(); // the intro
    expect(corrected(result, { kind: 'line-to-measure', line: 8 })).toBeNull(); // starts a measure already
    expect(corrected(result, { kind: 'merge-measures', measure: 'm-1-1-2' })).toBeNull(); // last of its section
    expect(corrected(result, { kind: 'split-measure', measure: 'm-1-2-1', at: 0 })).toBeNull();
    expect(corrected(result, { kind: 'retitle', target: { id: 'c-9' }, title: 'X' })).toBeNull();
    expect(() => applyCorrection(result, { kind: 'line-to-measure', line: 2 })).toThrow(RangeError);
  });

  it('keeps every word: the corrected agenda is one a negotiation can start from', () => {
    let result = titleInBullet();
    for (const correction of [
      { kind: 'line-to-heading', line: 11, level: 'section' },
      { kind: 'line-to-measure', line: 19 },
      { kind: 'merge-measures', measure: 'm-1-1-1' },
      { kind: 'line-to-heading', line: 6, level: 'chapter' },
    ] as const)
      result = applyCorrection(result, correction);
    const words = (a: Agenda) =>
      outline(a)
        .join(' ')
        .replace(/[#>-]|\d+(\.\d+)*/gu, ' ')
        .split(/\s+/u)
        .filter(Boolean)
        .sort();
    expect(words(result.agenda)).toEqual(words(titleInBullet().agenda));
    expect(negotiationAgendaSchema.safeParse(result.agenda).success).toBe(true);
  });
});

describe('finding a printed line in its joined text', () => {
  it('takes the opening words without the list marker or the last word', () => {
    expect(probeOf('• We schrappen regels, zodat bouwen sneller gaat en')).toBe('We schrappen regels,');
    expect(probeOf('a) Een uitzon-')).toBe('Een');
    expect(probeOf('belasting-')).toBe('belasting');
    expect(probeOf('   ')).toBe('');
  });
});
