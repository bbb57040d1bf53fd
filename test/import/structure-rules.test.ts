import { describe, expect, it } from 'vitest';
import { parseAgenda, recogniseAgenda } from '../../shared/agenda/parse.js';
import { textLines } from '../../shared/agenda/parse/lines.js';
import type { Agenda } from '../../shared/agenda/types.js';

/** Text from lines. */
const text = (...lines: string[]) => `${lines.join('\n')}\n`;

function outline(agenda: Agenda): string[] {
  return agenda.chapters.flatMap((c) => [
    `# ${c.title}`,
    ...c.sections.flatMap((s) => [`## ${s.title}`, ...s.measures.map((m) => `- ${m.text}`)]),
  ]);
}

describe('list items of several kinds', () => {
  it.each([
    ['-', (_i: number) => '-'],
    ['–', (_i: number) => '–'],
    ['*', (_i: number) => '*'],
    ['a)', (i: number) => `${'abc'[i]})`],
    ['1)', (i: number) => `${i + 1})`],
    ['1.', (i: number) => `${i + 1}.`],
  ])('reads "%s" items as measures', (_kind, marker) => {
    const agenda = parseAgenda(
      text(
        'WONEN',
        'Meer bouwen',
        'We willen meer woningen. Dit willen we doen:',
        `${marker(0)} We bouwen 100.000 woningen per jaar.`,
        `${marker(1)} We schrappen regels, zodat bouwen sneller gaat en`,
        'goedkoper wordt.',
        `${marker(2)} We helpen starters.`,
      ),
    );
    expect(outline(agenda)).toEqual([
      '# WONEN',
      '## Meer bouwen',
      '- We bouwen 100.000 woningen per jaar.',
      '- We schrappen regels, zodat bouwen sneller gaat en goedkoper wordt.',
      '- We helpen starters.',
    ]);
  });

  it("reads the Symbol-font bullet that Word's PDF export leaves (U+F0B7) as a measure", () => {
    const agenda = parseAgenda(
      text('WONEN', 'Dit willen we doen:', '\uF0B7 Meer woningen.', '\uF0B7 Minder regels.'),
    );
    expect(agenda.chapters[0]!.sections[0]!.measures.map((m) => m.text)).toEqual([
      'Meer woningen.',
      'Minder regels.',
    ]);
  });

  it('does not take a dash that continues a wrapped sentence for a bullet', () => {
    const agenda = parseAgenda(
      text(
        'ECONOMIE',
        'Ondernemers',
        'Alle ondernemers',
        '- van zzp’ers tot grote bedrijven - vragen om duidelijkheid. Dat geven we.',
        '• We maken de regels eenvoudiger.',
      ),
    );
    expect(agenda.chapters[0]!.sections[0]!.intro[0]).toBe(
      'Alle ondernemers - van zzp’ers tot grote bedrijven - vragen om duidelijkheid. Dat geven we.',
    );
    expect(agenda.chapters[0]!.sections[0]!.measures).toHaveLength(1);
  });
});

describe('chapter headings', () => {
  it('reads "Hoofdstuk N: title" and "Hoofdstuk N" above its title, leaving the number out', () => {
    const agenda = parseAgenda(
      text(
        'Hoofdstuk 1: Wonen',
        'We bouwen meer.',
        '• Meer woningen.',
        'Hoofdstuk 2',
        'Zorg en welzijn',
        'We zorgen goed voor elkaar.',
        '• Meer wijkverpleging.',
      ),
    );
    expect(agenda.chapters.map((c) => c.title)).toEqual(['Wonen', 'Zorg en welzijn']);
    expect(agenda.chapters[1]!.intro).toEqual(['We zorgen goed voor elkaar.']);
  });

  it('finds a chapter in capitals right after a short line with no gap (a signature)', () => {
    const agenda = parseAgenda(
      text(
        'Onze agenda',
        'Dit is ons voorstel voor de komende jaren, en we nodigen iedereen uit om mee te doen',
        'aan een land waarin we samen de schouders eronder zetten, juist als het moeilijk is,',
        'en waarin we de democratische rechtsstaat koesteren en beschermen. Dat is ons plan.',
        'Anna de Vries',
        'WONEN',
        '• Meer woningen.',
      ),
    );
    expect(agenda.intro.signature).toBe('Anna de Vries');
    expect(agenda.chapters.map((c) => c.title)).toEqual(['WONEN']);
  });
});

describe('section titles', () => {
  it('finds a title right after a bullet and right before its paragraph, with no blank lines', () => {
    const agenda = parseAgenda(
      text(
        'WONEN',
        'Vandaag',
        'Het duurt te lang voordat een woning er staat. Dit willen we doen:',
        '• We schrappen in bezwaarprocedures, zodat er sneller gebouwd kan worden in het hele land.',
        'Morgen: sneller bouwen',
        'Talloze mensen willen helpen. Dit willen we doen:',
        '• We bouwen met fabriekswoningen.',
      ),
    );
    expect(outline(agenda)).toEqual([
      '# WONEN',
      '## Vandaag',
      '- We schrappen in bezwaarprocedures, zodat er sneller gebouwd kan worden in het hele land.',
      '## Morgen: sneller bouwen',
      '- We bouwen met fabriekswoningen.',
    ]);
  });

  it('leaves a section number out of the title', () => {
    const agenda = parseAgenda(
      text('1. WONEN', '1.1 Vandaag beter benutten', 'We doen het nu.', '• Minder regels.'),
    );
    expect(agenda.chapters[0]!.sections[0]!.title).toBe('Vandaag beter benutten');
  });

  it('reads a title that wraps onto a second line', () => {
    const filler = 'Dit is een lange zin die de breedte van de regels bepaalt, zodat het afbreken klopt.';
    const agenda = parseAgenda(
      text(
        'ECONOMIE',
        filler,
        filler,
        'Stabiel beleid en een gelijk speelveld met betere toegang tot',
        'financiering',
        'Ondernemers vragen om duidelijkheid. Dit willen we doen:',
        '• Minder regels.',
      ),
    );
    expect(agenda.chapters[0]!.sections[0]!.title).toBe(
      'Stabiel beleid en een gelijk speelveld met betere toegang tot financiering',
    );
  });
});

describe('page furniture in text', () => {
  it('leaves out page numbers and a running header, joining the paragraph they interrupt', () => {
    const page = (n: number) => ['', `Pagina ${n}`, '', 'Onze agenda 2026', ''];
    const agenda = parseAgenda(
      text(
        'WONEN',
        'We bouwen meer woningen voor',
        ...page(1),
        'starters en ouderen.',
        '• Meer woningen.',
        ...page(2),
        '• Minder regels.',
        ...page(3),
        '• Sneller bouwen.',
      ),
    );
    expect(agenda.chapters[0]!.intro).toEqual(['We bouwen meer woningen voor starters en ouderen.']);
    expect(JSON.stringify(agenda)).not.toMatch(/Pagina|Onze agenda/u);
    expect(agenda.chapters[0]!.sections[0]!.measures).toHaveLength(3);
  });
});

describe('the import result', () => {
  const source = text(
    'Uitnodiging',
    'Onze agenda',
    'Dit is ons voorstel.',
    'Anna de Vries',
    'WONEN',
    'Vandaag',
    'We doen het nu. Dit willen we doen:',
    '• Meer woningen.',
    'ZORG',
    'We zorgen goed voor elkaar.',
  );
  const result = recogniseAgenda({ format: 'txt', lines: textLines(source) });

  it('says what each line became, with the id it belongs to', () => {
    expect(result.source.slice(0, 10).map((e) => [e.line, e.role, e.ref ?? null])).toEqual([
      [1, 'label', null],
      [2, 'title', null],
      [3, 'intro', null],
      [4, 'signature', null],
      [5, 'chapter', 'c-1'],
      [6, 'section', 's-1-1'],
      [7, 'section-intro', 's-1-1'],
      [8, 'measure', 'm-1-1-1'],
      [9, 'chapter', 'c-2'],
      [10, 'chapter-intro', 'c-2'],
    ]);
  });

  it('warns about a chapter without measures, with its line and a Dutch sentence', () => {
    expect(result.warnings).toEqual([
      { code: 'chapter-without-measures', line: 9, message: 'Hoofdstuk 2 (ZORG) heeft geen maatregelen.' },
    ]);
  });

  it('warns about a missing title, sections without a title and a line in capitals inside the text', () => {
    const { warnings } = recogniseAgenda({
      format: 'txt',
      lines: textLines(
        text(
          'WONEN',
          'Voor veel mensen in Nederland is het woningtekort een dagelijkse realiteit, ook voor',
          'jongeren die geen plek vinden om hun leven op te bouwen en voor ouderen die willen',
          'verhuizen naar een kleinere woning. Daarom is het terugdringen van de woningnood nodig.',
          'Vandaag',
          'We doen het nu.',
          '• Meer woningen.',
          'Dit alles vraagt om een lange adem. Daarom leggen we het vast in een wet die lang blijft gelden.',
          '• Een wet.',
          'We bouwen nog meer.',
          'GROTE STEDEN',
          'krijgen meer geld.',
        ),
      ),
    });
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['no-title', null],
      ['untitled-section', 8],
      ['untitled-section', 10],
      ['looks-like-heading', 11],
    ]);
    expect(warnings[1]!.message).toBe(
      'Sectie 1.2 heeft geen titel (regel 8): maak van een regel een kop of voeg de tekst bij de sectie ervoor.',
    );
    expect(warnings[3]!.message).toBe(
      'Regel 11 lijkt een kop ("GROTE STEDEN") maar staat midden in de tekst.',
    );
  });
});
