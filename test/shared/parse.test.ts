import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AgendaParseError, parseAgenda } from '../../shared/agenda/parse.js';
import type { Agenda, Measure } from '../../shared/agenda/types.js';

const source = readFileSync(new URL('../../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url), 'utf8');
const agenda = parseAgenda(source);

/** Every string of the agenda, in document order. */
function texts(a: Agenda): string[] {
  return [
    a.title,
    ...a.intro.paragraphs,
    ...(a.intro.signature !== null ? [a.intro.signature] : []),
    ...a.chapters.flatMap((c) => [
      c.title,
      ...c.intro,
      ...c.sections.flatMap((s) => [s.title, ...s.intro, ...s.measures.map((m) => m.text)]),
    ]),
    ...a.footnotes.flatMap((f) => [f.marker, f.text]),
  ];
}

function measure(number: string): Measure {
  const found = agenda.chapters
    .flatMap((c) => c.sections.flatMap((s) => s.measures))
    .find((m) => m.number === number);
  if (!found) throw new Error(`no measure ${number}`);
  return found;
}

const everything = texts(agenda).join('\n');

/** Words as letter runs and digit runs, so "Belang1" counts as "Belang" and "1". */
function words(text: string): string[] {
  return text.normalize('NFC').match(/\p{L}+|\p{N}+/gu) ?? [];
}

/** The multiset difference a − b. */
function minus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of a) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

describe('parseAgenda on the D66–CDA agenda', () => {
  it('takes the document title, leaving the kind label out of the paragraphs', () => {
    expect(agenda.title).toBe('Samen aan de slag voor een sterker Nederland');
    expect(agenda.intro.paragraphs.join(' ')).not.toMatch(/Uitnodiging\b(?! aan| om)/u);
    expect(agenda.intro.paragraphs[0]).toMatch(/^Dit is een uitgestoken hand\./u);
  });

  it('splits the introduction into its six paragraphs and reads the signature', () => {
    expect(agenda.intro.paragraphs).toHaveLength(6);
    expect(agenda.intro.paragraphs.at(-1)).toMatch(/Nederland weer vooruit kan\.$/u);
    expect(agenda.intro.signature).toBe('Rob Jetten & Henri Bontenbal');
  });

  it('finds the six chapters with their titles as printed', () => {
    expect(agenda.chapters.map((c) => c.title)).toEqual([
      'WONEN',
      'LANDBOUW, NATUUR EN STIKSTOF',
      'ECONOMIE, ENERGIE EN KLIMAAT',
      'ASIEL EN MIGRATIE',
      'DEFENSIE EN INTERNATIONALE VEILIGHEID',
      'INVESTEREN, HERVORMEN EN BEGROTING OP ORDE',
    ]);
    expect(agenda.chapters.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('finds the section titles of every chapter', () => {
    expect(agenda.chapters.map((c) => c.sections.map((s) => s.title))).toEqual([
      [
        'Vandaag: beter benutten, veel minder regels',
        'Morgen: simpeler, sneller en vooral meer bouwen',
        'Overmorgen: verder bouwen op grote schaal',
      ],
      [
        'Duidelijke doelen om van het stikstofslot te komen',
        'Gebiedsgericht maatwerk: juiste keuzes op de juiste plek',
        'Perspectief voor de landbouw met innovatie als motor',
        'Onze natuur herstellen en versterken',
      ],
      [
        'Technologie en innovatie stimuleren',
        'Een aantrekkelijk land voor kennis en talent',
        'Stabiel beleid en een gelijk speelveld met betere toegang tot financiering',
        'Investeren in energie(zekerheid) en betaalbare energie van eigen bodem',
        'We brengen Nederland weer op koers voor het klimaat',
        'Versnellen van de verduurzaming van de (energie-intensieve) industrie',
      ],
      [
        'Rechtvaardig en humaan Europees asielbeleid',
        'Rust in de asielketen',
        'De uitvoering op orde met nationale maatregelen',
        'Hoe eerder mensen meedoen, hoe beter',
        'Streng optreden tegen overlast',
        'Fatsoenlijke regels voor Arbeidsmigratie en misstanden aanpakken',
      ],
      [
        'Bouwen aan de krijgsmacht van de 21e eeuw',
        'Een veilig Nederland in een sterk Europa',
        'Een vrij Oekraïne is een veilig Europa',
        'Een land dat over de dijken kijkt',
      ],
      [
        'Europees kompas',
        'Stabiel beleid met langjarige investeringen',
        'Hervormingen',
        'De belastingen hervormen.',
        'Goede gezondheidszorg betaalbaar en toegankelijk houden.',
        'Hervormen van de arbeidsmarkt.',
      ],
    ]);
  });

  it('counts the measures of every section as a careful reader does', () => {
    expect(agenda.chapters.map((c) => c.sections.map((s) => s.measures.length))).toEqual([
      [3, 5, 5],
      [10, 4, 3, 6],
      [3, 5, 5, 11, 5, 3],
      [4, 5, 5, 5, 3, 5],
      [3, 4, 3, 4],
      [0, 0, 2, 4, 5, 4],
    ]);
    expect(agenda.chapters.map((c) => c.sections.reduce((n, s) => n + s.measures.length, 0))).toEqual([
      13, 23, 32, 27, 14, 15,
    ]);
  });

  it('keeps the text before the first section title as the chapter intro', () => {
    expect(agenda.chapters.map((c) => c.intro.length)).toEqual([4, 4, 3, 3, 3, 2]);
    expect(agenda.chapters[0]!.intro[3]).toBe(
      'Ons voorstel is een aanpak voor vandaag, morgen en overmorgen.',
    );
    expect(agenda.chapters[4]!.intro[1]).toMatch(/^De Russische agressie staat niet op zichzelf\./u);
  });

  it('puts the "Dit willen we doen:" lines into the section intro', () => {
    const intro = agenda.chapters[0]!.sections[0]!.intro;
    expect(intro).toHaveLength(1);
    expect(intro[0]).toMatch(
      /^Het duurt nu vaak tien jaar .* Dat kan op korte termijn beter\. Dit willen we doen:$/u,
    );
  });

  it('makes run-in sections of the leads in the last chapter, with the rest of the paragraph as intro', () => {
    const sections = agenda.chapters[5]!.sections;
    expect(sections.map((s) => s.runIn)).toEqual([false, false, false, true, true, true]);
    expect(sections[3]!.intro[0]).toMatch(
      /^Door de veel aanpassingen aan het stelsel is het belastingstelsel te complex/u,
    );
    expect(sections[4]!.intro).toEqual([
      expect.stringMatching(
        /^We willen naar de gezondste generatie ooit\..*gerichte zorg en ondersteuning\.$/u,
      ),
      'Om de zorg toekomstbestendig te maken, willen we:',
    ]);
    expect(sections[5]!.intro[0]).toMatch(/^Wij willen dat iedereen zijn talent kan ontplooien\./u);
    expect(
      agenda.chapters
        .slice(0, 5)
        .flatMap((c) => c.sections)
        .some((s) => s.runIn),
    ).toBe(false);
  });

  it('joins a word hyphenated at a line end when the joined word appears elsewhere', () => {
    expect(measure('2.1.3').text).toContain('de landelijke en regionale voortgang op het gebied van natuur');
    expect(everything).not.toContain('voort-');
    expect(measure('3.4.9').text).toContain('In de jaren tot 2030 helpen we via het NPLV');
    expect(measure('3.5.1').text).toContain(
      'Daarom willen we het Nationaal Programma Circulaire Economie versnellen.',
    );
  });

  it('keeps real compound hyphens at line ends', () => {
    expect(agenda.chapters[4]!.intro[0]).toContain(
      'Door de Europese defensie en defensie-industrie te versterken',
    );
    expect(agenda.chapters[2]!.intro[2]).toContain('digitalisering en nieuwe energie-infrastructuur.');
    expect(measure('1.2.4').text).toContain('(zogenaamde) niet-DAEB-activiteiten kan hierbij helpen.');
    expect(measure('3.6.3').text).toContain('een nationaal ruimtelijk-economische strategie');
    expect(agenda.chapters[4]!.intro[1]).toContain('verder dan klassiek-militaire kracht');
  });

  it('keeps suspended hyphens and other hyphens within a line', () => {
    expect(agenda.intro.paragraphs[1]).toContain('kennis- en onderzoeksinstellingen zijn van topkwaliteit');
    expect(measure('1.1.2').text).toContain('Familie- en mantelzorgwoningen op eigen terrein');
    expect(measure('1.1.3').text).toMatch(/^We standaardiseren \(duurzaamheids-\)normen/u);
  });

  it('removes the footnote marker from the text and collects the footnote', () => {
    expect(agenda.footnotes).toEqual([
      {
        marker: '1',
        text: 'Rotterdam-Moerdijk, Noordzeekanaalgebied, Chemelot, Noord-Nederland en Zeeland – West-Brabant.',
      },
    ]);
    expect(measure('3.6.3').text).toContain('aangewezen als gebieden van Nationaal Belang, maken we');
    expect(everything).not.toContain(
      'Rotterdam-Moerdijk, Noordzeekanaalgebied, Chemelot, Noord-Nederland en Zeeland –\nWest',
    );
    expect(agenda.chapters[2]!.sections.at(-1)!.measures.at(-1)!.text).not.toContain('Rotterdam');
  });

  it('reproduces a sample of measures exactly', () => {
    expect(measure('1.1.1').text).toBe(
      'We willen schrappen in bezwaarprocedures. Er komt één beroepsgang (geen stapeling meer van bezwaar op bezwaar), vaste uitspraaktermijnen en we beperken mogelijkheden om bouw stil te leggen (bijvoorbeeld via een vaste vergoeding). De drempels voor bezwaar en beroep gaan omhoog. Er komt een landelijke regeling voor het structureel vooraf regelen van nadeelcompensatie en planschade, en we maken afspraken met gemeenten om de ambtelijke capaciteit voor vergunningverlening en parallel plannen op te schalen.',
    );
    expect(measure('2.1.3').text).toBe(
      'Meten is weten. Met een goed meetnetwerk monitoren we de landelijke en regionale voortgang op het gebied van natuur, bodem en water elke twee jaar en sturen bij als het nodig is.',
    );
    expect(measure('3.4.6').text).toBe(
      'We versterken het nucleaire cluster in Nederland en versnellen het SMR-programma. Allereerst door de bouw van nieuwe kerncentrales, met als primair voorkeursgebied Zeeland.',
    );
    expect(measure('3.6.3').text).toBe(
      'Voor de energie-intensieve haven- en industrieclusters, die in de ontwerp-Nota Ruimte zijn aangewezen als gebieden van Nationaal Belang, maken we een nationaal ruimtelijk-economische strategie. Daarmee realiseren we een clustering van zware industriële activiteiten.',
    );
    expect(measure('4.4.2').text).toBe(
      'Taal is cruciaal. We starten direct bij het begin van de asielprocedure met taalles.',
    );
    expect(measure('6.5.4').text).toBe('We brengen nieuwe medisch specialisten standaard in loondienst.');
    expect(measure('2.1.7').text).toBe(
      'Als een bedrijf overgaat naar een nieuwe eigenaar buiten de familie worden dier- en fosfaatrechten afgeroomd. Zo dringen we de uitstoot van ammoniak terug, maar ontzien we bestaande boerenfamilies',
    );
  });

  it('leaves no bullet glyph, double space, untrimmed text or glued footnote marker in any text', () => {
    for (const text of texts(agenda)) {
      expect(text).not.toContain('•');
      expect(text).not.toMatch(/\s{2}/u);
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\p{L}\p{Ll}1(?![\p{L}\p{N}])/u);
    }
  });

  it('gives unique ids derived from the position', () => {
    const ids = agenda.chapters.flatMap((c) => [
      c.id,
      ...c.sections.flatMap((s) => [s.id, ...s.measures.map((m) => m.id)]),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(agenda.chapters[5]!.id).toBe('c-6');
    expect(agenda.chapters[5]!.sections[3]!.id).toBe('s-6-4');
    expect(agenda.chapters[5]!.sections[3]!.number).toBe('6.4');
    expect(measure('3.4.11').id).toBe('m-3-4-11');
  });

  it('keeps every word of the source, apart from the kind label, bullets, markers and line-end hyphenation', () => {
    const fromSource = words(source);
    const fromOutput = words(everything);
    const lost = minus(fromSource, fromOutput);
    const made = minus(fromOutput, fromSource);
    // What the output has that the source has not: only words joined across a line end, each made of two
    // fragments that the source has and the output has not.
    const fragments = [...lost];
    for (const word of made) {
      const pair = fragments
        .flatMap((_head, i) => fragments.map((tail, j) => [i, j] as const).filter(([, j]) => j !== i))
        .find(([i, j]) => fragments[i]! + fragments[j]! === word);
      expect(pair, `"${word}" is not made of two source fragments`).toBeDefined();
      for (const index of [...pair!].sort((a, b) => b - a)) fragments.splice(index, 1);
    }
    expect(made.sort()).toEqual(['Nationaal', 'helpen', 'voortgang']);
    // The kind label is not part of the agenda; the glued marker "1" survives once, as the footnote's marker.
    expect(fragments.sort()).toEqual(['1', 'Uitnodiging']);
  });

  it('is deterministic: the same text gives an equal agenda', () => {
    expect(parseAgenda(source)).toEqual(agenda);
    expect(JSON.stringify(parseAgenda(source))).toBe(JSON.stringify(agenda));
  });
});

describe('parseAgenda validation', () => {
  it('throws an AgendaParseError for empty text', () => {
    expect(() => parseAgenda('')).toThrow(AgendaParseError);
    expect(() => parseAgenda(' \n\n  \n')).toThrow(/leeg/u);
  });

  it('throws an AgendaParseError with a sentence for a person when no chapter heading in capitals is found', () => {
    const text = 'Onze plannen\n\nWe willen meer bouwen. Dat doen we samen.\n• Meer woningen.\n';
    expect(() => parseAgenda(text)).toThrow(AgendaParseError);
    try {
      parseAgenda(text);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('AgendaParseError');
      expect((error as Error).message).toBe(
        'Geen hoofdstukken gevonden: de tekst heeft geen kopjes in hoofdletters; geef de hoofdstukken een kopstijl (Kop 1) of zet hun titels in hoofdletters op een eigen regel.',
      );
    }
  });

  it('does not take a line of capitals inside a sentence for a chapter heading', () => {
    expect(() =>
      parseAgenda('Wij steunen de samenwerking in de\nNAVO EN EU\nen willen meer doen.\n'),
    ).toThrow(AgendaParseError);
  });
});
