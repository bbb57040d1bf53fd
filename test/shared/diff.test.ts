import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agenda } from '../../shared/agenda/types.js';
import {
  diffAgenda,
  diffStats,
  diffText,
  normalizeText,
  sideOf,
  type AgendaDiff,
  type Op,
  type UnitDiff,
} from '../../shared/diff/index.js';

// ---------------------------------------------------------------------------------------------
// A tiny agenda builder: ids are given, numbers follow from position (as the editor derives them).

interface MeasureSpec {
  id: string;
  text: string;
}
interface SectionSpec {
  id: string;
  title: string;
  measures: MeasureSpec[];
  intro?: string[];
}
interface ChapterSpec {
  id: string;
  title: string;
  sections: SectionSpec[];
  intro?: string[];
}

const m = (id: string, text: string): MeasureSpec => ({ id, text });
const section = (id: string, title: string, ...measures: MeasureSpec[]): SectionSpec => ({
  id,
  title,
  measures,
});
const chapter = (id: string, title: string, ...sections: SectionSpec[]): ChapterSpec => ({
  id,
  title,
  sections,
});

function agenda(...chapters: ChapterSpec[]): Agenda {
  return {
    title: 'Samen aan de slag voor een sterker Nederland',
    intro: { paragraphs: ['Dit is een uitgestoken hand.'], signature: 'D66 en CDA' },
    chapters: chapters.map((c, ci) => ({
      id: c.id,
      number: String(ci + 1),
      title: c.title,
      intro: c.intro ?? [],
      sections: c.sections.map((s, si) => ({
        id: s.id,
        number: `${ci + 1}.${si + 1}`,
        title: s.title,
        runIn: false,
        intro: s.intro ?? [],
        measures: s.measures.map((x, mi) => ({
          id: x.id,
          number: `${ci + 1}.${si + 1}.${mi + 1}`,
          text: x.text,
        })),
      })),
    })),
    footnotes: [{ marker: '1', text: 'Bron: CBS.' }],
  };
}

const BOUWEN = 'We willen 100.000 woningen per jaar bouwen.';
const REGELS = 'Er komen simpelere regels voor optoppen en splitsen.';
const HUUR = 'Duurzame woningen staan voorop met 30% sociale huur.';
const BEZWAAR = 'We willen schrappen in bezwaarprocedures.';
const DEFENSIE = 'We investeren in defensie en steunen Oekraïne.';

/** The base agenda most agenda tests start from. */
function base(): Agenda {
  return agenda(
    chapter(
      'c-wonen',
      'Wonen',
      section('s-vandaag', 'Vandaag', m('m-bouwen', BOUWEN), m('m-regels', REGELS), m('m-huur', HUUR)),
      section('s-morgen', 'Morgen', m('m-bezwaar', BEZWAAR)),
    ),
    chapter('c-veilig', 'Veiligheid', section('s-defensie', 'Defensie', m('m-defensie', DEFENSIE))),
  );
}

/** Status per measure id, for readable expectations. */
function measureStatuses(diff: AgendaDiff): Record<string, UnitDiff['status']> {
  return Object.fromEntries(diff.units.filter((u) => u.kind === 'measure').map((u) => [u.id, u.status]));
}

function unit(diff: AgendaDiff, id: string): UnitDiff {
  const found = diff.units.find((u) => u.id === id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
}

// ---------------------------------------------------------------------------------------------

describe('diffText', () => {
  it('shows a reworded phrase as the old words deleted and the new words inserted, the rest kept', () => {
    expect(
      diffText(
        'De rijksoverheid neemt meer verantwoordelijkheid voor de bouw.',
        'Het kabinet neemt meer verantwoordelijkheid voor de bouw.',
      ),
    ).toEqual([
      [-1, 'De rijksoverheid'],
      [1, 'Het kabinet'],
      [0, ' neemt meer verantwoordelijkheid voor de bouw.'],
    ]);
  });

  it('shows a changed number as the number replaced, keeping the percent sign', () => {
    expect(diffText(HUUR, 'Duurzame woningen staan voorop met 40% sociale huur.')).toEqual([
      [0, 'Duurzame woningen staan voorop met '],
      [-1, '30'],
      [1, '40'],
      [0, '% sociale huur.'],
    ]);
  });

  it('shows a changed word ending as only the new letters inserted', () => {
    expect(diffText('We bouwen een betaalbare woning.', 'We bouwen een betaalbare woningen.')).toEqual([
      [0, 'We bouwen een betaalbare woning'],
      [1, 'en'],
      [0, '.'],
    ]);
  });

  it('keeps an unrelated replaced word whole', () => {
    expect(diffText('We bouwen snel.', 'We bouwen goedkoop.')).toEqual([
      [0, 'We bouwen '],
      [-1, 'snel'],
      [1, 'goedkoop'],
      [0, '.'],
    ]);
  });

  it('treats whitespace-only changes as no change', () => {
    expect(
      diffText('We sturen op  voortgang\n en grijpen\tin. ', ' We sturen op voortgang en grijpen in.'),
    ).toEqual([[0, 'We sturen op voortgang en grijpen in.']]);
  });

  it('treats a line-end hyphenation artefact or soft hyphen as no change', () => {
    expect(
      diffText(
        'samen met woning-\ncorporaties en onderzoeks\u00ADinstellingen in Noord-\nHolland',
        'samen met woningcorporaties en onderzoeksinstellingen in Noord-Holland',
      ),
    ).toEqual([[0, 'samen met woningcorporaties en onderzoeksinstellingen in Noord-Holland']]);
  });

  it('keeps an elision hyphen before "en" at a line end', () => {
    expect(diffText('kennis-\nen onderzoeksinstellingen', 'kennis- en onderzoeksinstellingen')).toEqual([
      [0, 'kennis- en onderzoeksinstellingen'],
    ]);
  });

  it('gives a whole replacement when most of the text changed', () => {
    const a = 'De minister ziet erop toe dat gemeenten geen onnodige belemmeringen opwerpen voor de bouw.';
    const b =
      'Provincies zorgen er samen voor dat waterschappen minder onnodige procedures kennen in de zomer.';
    expect(diffText(a, b)).toEqual([
      [-1, a],
      [1, b],
    ]);
  });

  it('keeps a short sentence with a long clause appended as kept text plus an insert', () => {
    expect(
      diffText('Wij willen bouwen.', 'Wij willen bouwen, sneller dan ooit, met iedereen die wil helpen.'),
    ).toEqual([
      [0, 'Wij willen bouwen'],
      [1, ', sneller dan ooit, met iedereen die wil helpen'],
      [0, '.'],
    ]);
  });

  it('gives one insert or one delete against an empty text, and nothing for two empty texts', () => {
    expect(diffText('', ' Nieuw. ')).toEqual([[1, 'Nieuw.']]);
    expect(diffText('Oud.', '\n')).toEqual([[-1, 'Oud.']]);
    expect(diffText(' ', '')).toEqual([]);
  });
});

describe('diffStats', () => {
  it('counts the words inserted and deleted, a changed word ending as one word', () => {
    const ops: Op[] = [
      [-1, 'De rijksoverheid'],
      [1, 'Het nieuwe kabinet'],
      [0, ' bouwt woning'],
      [1, 'en'],
      [0, '.'],
    ];
    expect(diffStats(ops)).toEqual({ wordsInserted: 4, wordsDeleted: 2 });
  });
});

describe('diffAgenda', () => {
  it('marks an agenda compared with itself as unchanged throughout', () => {
    const diff = diffAgenda(base(), base());
    expect(diff.units.every((u) => u.status === 'unchanged')).toBe(true);
    expect(diff.total).toEqual({ unchanged: 5, changed: 0, added: 0, removed: 0, moved: 0 });
  });

  it('marks a measure with reworded text as changed, with its ops', () => {
    const to = base();
    to.chapters[0]!.sections[0]!.measures[2]!.text = 'Duurzame woningen staan voorop met 40% sociale huur.';
    const diff = diffAgenda(base(), to);
    expect(measureStatuses(diff)).toEqual({
      'm-bouwen': 'unchanged',
      'm-regels': 'unchanged',
      'm-huur': 'changed',
      'm-bezwaar': 'unchanged',
      'm-defensie': 'unchanged',
    });
    expect(unit(diff, 'm-huur').ops).toContainEqual([1, '40']);
  });

  it('marks only the moved measure as moved when one measure moves within its section', () => {
    const to = agenda(
      chapter(
        'c-wonen',
        'Wonen',
        section('s-vandaag', 'Vandaag', m('m-regels', REGELS), m('m-huur', HUUR), m('m-bouwen', BOUWEN)),
        section('s-morgen', 'Morgen', m('m-bezwaar', BEZWAAR)),
      ),
      chapter('c-veilig', 'Veiligheid', section('s-defensie', 'Defensie', m('m-defensie', DEFENSIE))),
    );
    const diff = diffAgenda(base(), to);
    expect(measureStatuses(diff)).toEqual({
      'm-regels': 'unchanged',
      'm-huur': 'unchanged',
      'm-bouwen': 'moved',
      'm-bezwaar': 'unchanged',
      'm-defensie': 'unchanged',
    });
    expect(unit(diff, 'm-bouwen')).toMatchObject({ fromNumber: '1.1.1', toNumber: '1.1.3', number: '1.1.3' });
    expect(diff.total.moved).toBe(1);
  });

  it('marks a measure moved to another chapter as moved, keeping its text change in the ops', () => {
    const to = agenda(
      chapter(
        'c-wonen',
        'Wonen',
        section('s-vandaag', 'Vandaag', m('m-bouwen', BOUWEN), m('m-regels', REGELS)),
        section('s-morgen', 'Morgen', m('m-bezwaar', BEZWAAR)),
      ),
      chapter(
        'c-veilig',
        'Veiligheid',
        section('s-defensie', 'Defensie', m('m-defensie', DEFENSIE), m('m-huur', HUUR.replace('30%', '40%'))),
      ),
    );
    const diff = diffAgenda(base(), to);
    expect(measureStatuses(diff)).toEqual({
      'm-bouwen': 'unchanged',
      'm-regels': 'unchanged',
      'm-bezwaar': 'unchanged',
      'm-defensie': 'unchanged',
      'm-huur': 'moved',
    });
    expect(unit(diff, 'm-huur')).toMatchObject({
      chapterId: 'c-veilig',
      fromNumber: '1.1.3',
      toNumber: '2.1.2',
    });
    expect(unit(diff, 'm-huur').ops).toContainEqual([1, '40']);
    expect(diff.chapters.map(({ chapterId, moved, unchanged }) => ({ chapterId, moved, unchanged }))).toEqual(
      [
        { chapterId: 'c-wonen', moved: 0, unchanged: 3 },
        { chapterId: 'c-veilig', moved: 1, unchanged: 1 },
      ],
    );
  });

  it('marks an added measure as added and does not count the renumbered ones after it as changed', () => {
    const to = agenda(
      chapter(
        'c-wonen',
        'Wonen',
        section(
          's-vandaag',
          'Vandaag',
          m('m-nieuw', 'We bouwen tien nieuwe steden.'),
          m('m-bouwen', BOUWEN),
          m('m-regels', REGELS),
          m('m-huur', HUUR),
        ),
        section('s-morgen', 'Morgen', m('m-bezwaar', BEZWAAR)),
      ),
      chapter('c-veilig', 'Veiligheid', section('s-defensie', 'Defensie', m('m-defensie', DEFENSIE))),
    );
    const diff = diffAgenda(base(), to);
    expect(measureStatuses(diff)).toEqual({
      'm-nieuw': 'added',
      'm-bouwen': 'unchanged',
      'm-regels': 'unchanged',
      'm-huur': 'unchanged',
      'm-bezwaar': 'unchanged',
      'm-defensie': 'unchanged',
    });
    expect(unit(diff, 'm-nieuw').ops).toEqual([[1, 'We bouwen tien nieuwe steden.']]);
    expect(unit(diff, 'm-huur')).toMatchObject({
      status: 'unchanged',
      fromNumber: '1.1.3',
      toNumber: '1.1.4',
    });
    expect(diff.chapters[0]).toEqual({
      chapterId: 'c-wonen',
      number: '1',
      title: 'Wonen',
      unchanged: 4,
      changed: 0,
      added: 1,
      removed: 0,
      moved: 0,
    });
  });

  it('marks a removed measure as removed, in the place where it stood', () => {
    const to = agenda(
      chapter(
        'c-wonen',
        'Wonen',
        section('s-vandaag', 'Vandaag', m('m-bouwen', BOUWEN), m('m-huur', HUUR)),
        section('s-morgen', 'Morgen', m('m-bezwaar', BEZWAAR)),
      ),
      chapter('c-veilig', 'Veiligheid', section('s-defensie', 'Defensie', m('m-defensie', DEFENSIE))),
    );
    const diff = diffAgenda(base(), to);
    expect(diff.units.filter((u) => u.kind === 'measure').map((u) => [u.id, u.status])).toEqual([
      ['m-bouwen', 'unchanged'],
      ['m-regels', 'removed'],
      ['m-huur', 'unchanged'],
      ['m-bezwaar', 'unchanged'],
      ['m-defensie', 'unchanged'],
    ]);
    expect(unit(diff, 'm-regels')).toMatchObject({
      ops: [[-1, REGELS]],
      number: '1.1.2',
      chapterId: 'c-wonen',
    });
    expect(diff.total).toEqual({ unchanged: 4, changed: 0, added: 0, removed: 1, moved: 0 });
  });

  it('does not treat renumbering alone as a change', () => {
    const from = base();
    const to = base();
    // Same ids and texts, every number different (as after inserting a chapter in front).
    for (const c of to.chapters) {
      c.number = String(Number(c.number) + 1);
      for (const s of c.sections) {
        s.number = `x.${s.number}`;
        for (const measure of s.measures) measure.number = `x.${measure.number}`;
      }
    }
    const diff = diffAgenda(from, to);
    expect(diff.units.every((u) => u.status === 'unchanged')).toBe(true);
    expect(unit(diff, 'm-bouwen')).toMatchObject({ fromNumber: '1.1.1', toNumber: 'x.1.1.1' });
  });

  it('treats whitespace and hyphenation changes in a measure as no change', () => {
    const to = base();
    to.chapters[0]!.sections[0]!.measures[1]!.text =
      'Er komen  simpelere\nregels voor op-\ntoppen en splitsen.';
    expect(measureStatuses(diffAgenda(base(), to))['m-regels']).toBe('unchanged');
  });

  it('compares titles, intro paragraphs, the signature and footnotes too', () => {
    const to = base();
    to.title = 'Samen aan de slag voor een veilig Nederland';
    to.intro.paragraphs.push('Wij nodigen u uit.');
    to.intro.signature = null;
    to.chapters[1]!.title = 'Veiligheid en defensie';
    to.chapters[0]!.intro = ['Iedereen verdient een thuis.'];
    to.footnotes[0]!.text = 'Bron: CBS, 2025.';
    const statuses = Object.fromEntries(
      diffAgenda(base(), to)
        .units.filter((u) => u.kind !== 'measure' && u.status !== 'unchanged')
        .map((u) => [u.id, `${u.kind} ${u.status}`]),
    );
    expect(statuses).toEqual({
      title: 'title changed',
      'intro/1': 'intro added',
      signature: 'signature removed',
      'c-wonen/intro/0': 'chapter-intro added',
      'c-veilig/title': 'chapter-title changed',
      'footnote/1': 'footnote changed',
    });
  });

  it('lists a removed chapter where it stood, with its measures counted as removed', () => {
    const from = base();
    const to = base();
    to.chapters.splice(0, 1);
    to.chapters[0]!.number = '1';
    const diff = diffAgenda(from, to);
    expect(diff.units.filter((u) => u.chapterId !== null).map((u) => `${u.id} ${u.status}`)).toEqual([
      'c-wonen/title removed',
      's-vandaag/title removed',
      'm-bouwen removed',
      'm-regels removed',
      'm-huur removed',
      's-morgen/title removed',
      'm-bezwaar removed',
      'c-veilig/title unchanged',
      's-defensie/title unchanged',
      'm-defensie unchanged',
    ]);
    expect(diff.chapters.map((c) => [c.chapterId, c.number, c.removed, c.unchanged])).toEqual([
      ['c-wonen', '1', 4, 0],
      ['c-veilig', '1', 0, 1],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const WORDS = [
  'de',
  'woning',
  'woningen',
  'bouwen',
  '30%',
  '40%',
  'sociale',
  'huur',
  'en',
  'kennis-',
  'Noord',
];
const SEPARATORS = [' ', '  ', '\n', ', ', '. ', '-\n', '\u00AD', '\t', ''];

/** Dutch-like text from a small vocabulary, with messy separators, so diffs have something to match. */
const wordyText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 25 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Any text, including odd characters: hyphens, soft hyphens, combining marks, astral characters. */
const anyText = fc.oneof(
  wordyText,
  fc.string({
    unit: fc.constantFrom('a', 'é', 'e\u0301', 'B', '1', '-', ' ', '\n', '\u00AD', '.', '😀', '%'),
  }),
  fc.string({ unit: 'grapheme' }),
);

const kinds = (ops: Op[]): number[] => ops.map(([kind]) => kind);

describe('diffText properties', () => {
  it('reconstructs both normalised texts from the ops, with no empty ops and no adjacent ops of one kind', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const ops = diffText(a, b);
        expect(sideOf(ops, 'from')).toBe(normalizeText(a));
        expect(sideOf(ops, 'to')).toBe(normalizeText(b));
        expect(ops.every(([, text]) => text.length > 0)).toBe(true);
        expect(kinds(ops).every((kind, i, all) => i === 0 || kind !== all[i - 1])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finds no change between a text and itself', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        expect(kinds(diffText(a, a)).every((kind) => kind === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds no change between texts that differ only in their runs of whitespace', () => {
    // The same words and separators, each whitespace run drawn twice independently.
    const whitespace = fc.constantFrom(' ', '  ', '\n', '\t', ' \n ', '\u00A0', '\r\n');
    const part = fc.tuple(
      fc.constantFrom(...WORDS, '(', 'Holland', '2025', 'of'),
      fc.constantFrom('', '-', ',', '.', '\u00AD'),
      whitespace,
      whitespace,
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), whitespace, whitespace, (parts, lead, trail) => {
        const a = parts.map(([word, mark, ws]) => word + mark + ws).join('');
        const b = lead + parts.map(([word, mark, , ws]) => word + mark + ws).join('') + trail;
        expect(diffText(a, b)).toEqual(a.trim() ? [[0, normalizeText(a)]] : []);
      }),
      { numRuns: 500 },
    );
  });

  it('normalises idempotently', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        expect(normalizeText(normalizeText(a))).toBe(normalizeText(a));
      }),
      { numRuns: 500 },
    );
  });
});

/** Random agendas with unique ids. */
const agendaArb = fc
  .array(fc.array(fc.array(wordyText, { maxLength: 4 }), { maxLength: 3 }), { maxLength: 3 })
  .map((chapters) =>
    agenda(
      ...chapters.map((sections, ci) =>
        chapter(
          `c${ci}`,
          `Hoofdstuk ${ci}`,
          ...sections.map((measures, si) =>
            section(
              `s${ci}-${si}`,
              `Paragraaf ${si}`,
              ...measures.map((text, mi) => m(`m${ci}-${si}-${mi}`, text)),
            ),
          ),
        ),
      ),
    ),
  );

describe('diffAgenda properties', () => {
  it('finds every unit unchanged when an agenda is compared with itself', () => {
    fc.assert(
      fc.property(agendaArb, (x) => {
        const diff = diffAgenda(x, structuredClone(x));
        expect(diff.units.every((u) => u.status === 'unchanged')).toBe(true);
      }),
    );
  });

  it('lists every measure of either version exactly once', () => {
    fc.assert(
      fc.property(agendaArb, agendaArb, (x, y) => {
        const ids = (a: Agenda) =>
          a.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures.map((mm) => mm.id)));
        const listed = diffAgenda(x, y)
          .units.filter((u) => u.kind === 'measure')
          .map((u) => u.id);
        expect([...listed].sort()).toEqual([...new Set([...ids(x), ...ids(y)])].sort());
      }),
    );
  });
});
