import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/agenda/parse.js';
import type { Agenda } from '../../shared/agenda/types.js';

function load(name: string): Agenda {
  return parseAgenda(readFileSync(new URL(`../../fixtures/agendas/${name}`, import.meta.url), 'utf8'));
}

function outline(agenda: Agenda): string[][] {
  return agenda.chapters.map((c) => [
    c.title,
    ...c.sections.map((s) => `${s.number} ${s.runIn ? '(run-in) ' : ''}${s.title} [${s.measures.length}]`),
  ]);
}

describe('a wide agenda with page breaks (88 columns, breaks every nine lines)', () => {
  const agenda = load('breed-met-paginabreuken.txt');

  it('reads the title without the kind label, the intro paragraphs and the signature', () => {
    expect(agenda.title).toBe('Een groener en eerlijker land');
    expect(agenda.intro.paragraphs).toHaveLength(2);
    expect(agenda.intro.paragraphs[0]).toMatch(/^Dit is ons voorstel .* en die maken we samen\.$/u);
    expect(agenda.intro.signature).toBe('Anna de Vries & Piet Jansen');
  });

  it('finds the chapters, sections and measures', () => {
    expect(outline(agenda)).toEqual([
      ['ENERGIE EN KLIMAAT', '1.1 Schone stroom voor iedereen [3]', '1.2 Warmte in de wijk [2]', '1.3  [0]'],
      ['ONDERWIJS'],
      ['BESTUUR EN FINANCIËN', '3.1  [2]', '3.2 (run-in) Een eerlijker belastingstelsel. [2]'],
    ]);
  });

  it('continues a bullet across a page break', () => {
    expect(agenda.chapters[0]!.sections[0]!.measures[2]!.text).toBe(
      'We investeren in opslag van stroom in batterijen en in de wijk, zodat de pieken van zonne-energie beter worden opgevangen en het net minder vaak overbelast raakt.',
    );
  });

  it('joins a word hyphenated at a line end when the joined word appears elsewhere', () => {
    expect(agenda.chapters[0]!.sections[0]!.measures[0]!.text).toContain(
      'een vaste samenwerking aan met een eigen budget',
    );
  });

  it('joins a hyphenated word by default when neither evidence nor a rule says otherwise', () => {
    expect(agenda.chapters[0]!.sections[1]!.measures[0]!.text).toContain(
      'warmtepompen en warmtenetten in de buurt.',
    );
  });

  it('keeps a hyphen at a line end when the hyphenated form appears elsewhere', () => {
    expect(agenda.chapters[1]!.intro[1]).toContain(
      'van de toenmalige oud-minister die daarvoor een commissie instelde.',
    );
  });

  it('keeps a chapter without sections as intro paragraphs only', () => {
    expect(agenda.chapters[1]!.sections).toEqual([]);
    expect(agenda.chapters[1]!.intro).toHaveLength(2);
  });

  it('removes the glued footnote marker and collects the footnote', () => {
    expect(agenda.chapters[1]!.intro[0]).toContain('Zoals de Onderwijsraad al jaren adviseert,');
    expect(agenda.footnotes).toEqual([
      { marker: '1', text: 'Onderwijsraad, Stand van educatief Nederland 2024.' },
    ]);
  });

  it('gives measures before any section title an untitled section', () => {
    const [untitled] = agenda.chapters[2]!.sections;
    expect(untitled).toMatchObject({ id: 's-3-1', number: '3.1', title: '', runIn: false, intro: [] });
    expect(agenda.chapters[2]!.intro.at(-1)).toMatch(/Dit willen we doen:$/u);
  });

  it('starts an untitled continuation section for a paragraph after the measures, keeping its text', () => {
    const continuation = agenda.chapters[0]!.sections[2]!;
    expect(continuation.title).toBe('');
    expect(continuation.intro).toEqual([
      'Dit alles vraagt om een lange adem. Daarom leggen we de afspraken vast in een wet die ook na de verkiezingen blijft gelden, zodat bewoners en bedrijven weten waar ze aan toe zijn.',
    ]);
  });

  it('makes a run-in section of a short lead after the measures', () => {
    const runIn = agenda.chapters[2]!.sections[1]!;
    expect(runIn.intro[0]).toBe(
      'Wie meer verdient of meer vermogen heeft, draagt meer bij. Arbeid wordt minder belast en vervuiling juist meer. Dit willen we doen:',
    );
  });
});

describe('a narrow agenda without introduction (46 columns, numbered headings, a form feed)', () => {
  const agenda = load('smal-zonder-inleiding.txt');

  it('has an empty title and introduction', () => {
    expect(agenda.title).toBe('');
    expect(agenda.intro).toEqual({ paragraphs: [], signature: null });
  });

  it('finds the chapters, sections and measures', () => {
    expect(outline(agenda)).toEqual([
      ['ZORG EN WELZIJN', '1.1 Zorg dichtbij huis [2]', '1.2 Minder regels in de zorg [1]'],
      [
        'VERKEER EN VEILIGHEID',
        '2.1 (run-in) Veiliger verkeer. [2]',
        '2.2 (run-in) Sterke politie in de wijk. [1]',
      ],
    ]);
  });

  it('does not take the first paragraph under a section title for a run-in lead', () => {
    expect(agenda.chapters[0]!.sections[1]!.intro).toEqual([
      'Zorgverleners besteden te veel tijd aan formulieren. Zorgverzekeraars maken daarom samen met de beroepsgroepen een plan om de regels te halveren.',
    ]);
  });

  it('joins across a line end and a form feed, and keeps a suspended hyphen before "en"', () => {
    expect(agenda.chapters[0]!.sections[0]!.measures[0]!.text).toBe(
      'Elke wijk krijgt een vast team van wijkverpleging en huisarts, samen met de zorgverzekeraars en de gemeente. Ook zorg- en welzijnsinstellingen doen mee, zodat niemand tussen wal en schip valt.',
    );
  });

  it('keeps hyphens at line ends before a capital, after a capital, between digits and at a vowel clash', () => {
    const [speed, paths] = agenda.chapters[1]!.sections[0]!.measures;
    expect(agenda.chapters[1]!.sections[0]!.intro[0]).toContain(
      'Het aantal auto-ongelukken met jonge bestuurders',
    );
    expect(speed!.text).toBe(
      'We verlagen de maximumsnelheid in de bebouwde kom naar dertig kilometer per uur, waar dat veilig kan.',
    );
    expect(paths!.text).toContain('fietspaden in Noord-Holland en de rest');
    expect(paths!.text).toContain('de andere EU-landen die daar');
    expect(agenda.chapters[1]!.sections[1]!.measures[0]!.text).toBe(
      'Er komen in de periode 2030-2040 vijfhonderd extra wijkagenten bij.',
    );
  });
});

describe('a medium-width agenda with CRLF line ends, trailing spaces and footnotes in two chapters', () => {
  const agenda = load('midden-crlf-voetnoten.txt');

  it('reads a single head line as the title and no signature', () => {
    expect(agenda.title).toBe('Werk aan de winkel');
    expect(agenda.intro.paragraphs).toHaveLength(1);
    expect(agenda.intro.signature).toBeNull();
  });

  it('finds the chapters, sections and measures', () => {
    expect(outline(agenda)).toEqual([
      ['WERK EN INKOMEN', '1.1 Meer overhouden van je loon [2]', '1.2 Zekerheid voor flexwerkers [2]'],
      ['WONEN EN BOUWEN', '2.1 Sneller bouwen [2]'],
    ]);
  });

  it('ends a bullet that lacks its full stop at the next bullet', () => {
    expect(agenda.chapters[0]!.sections[0]!.measures.map((m) => m.text)).toEqual([
      'We verhogen het minimumloon stap voor stap en koppelen de uitkeringen daaraan',
      'De arbeidskorting wordt eenvoudiger, zodat meer uren werken altijd meer oplevert.',
    ]);
  });

  it('collects footnotes from every chapter in order, joining a footnote that wraps', () => {
    expect(agenda.footnotes).toEqual([
      {
        marker: '2',
        text: 'Centraal Planbureau, Marginale druk in Nederland, achtergronddocument bij de Macro Economische Verkenning 2024.',
      },
      {
        marker: '3',
        text: 'Woningcorporaties zijn stichtingen die sociale huurwoningen bouwen en verhuren.',
      },
    ]);
    expect(agenda.chapters[0]!.intro[0]).toContain('Het Centraal Planbureau rekende voor');
    expect(agenda.chapters[1]!.intro[0]).toContain('De woningcorporaties krijgen daarvoor meer ruimte.');
    expect(agenda.chapters[0]!.sections.at(-1)!.measures.at(-1)!.text).toBe(
      'Uitzendbureaus moeten een certificaat hebben; wie zonder certificaat werkt, krijgt een boete.',
    );
  });

  it('leaves no carriage return, trailing space or double space', () => {
    const all = JSON.stringify(agenda);
    expect(all).not.toMatch(/\\r| {2}| "|•/u);
  });
});
