import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgenda } from '../../shared/agenda/parse.js';
import { wordBalance } from '../helpers/words.js';

const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const original = parseAgenda(read('d66-cda-uitnodiging-2025.txt'));

describe('the D66–CDA agenda laid out as other text (made by fixtures/agendas/make/make.ts)', () => {
  it('has 6 chapters, 29 sections and 124 measures in the original text', () => {
    const sections = original.chapters.flatMap((c) => c.sections);
    expect(original.chapters).toHaveLength(6);
    expect(sections).toHaveLength(29);
    expect(sections.flatMap((s) => s.measures)).toHaveLength(124);
  });

  it.each([
    ['agendas/d66-cda-72-kolommen.txt', 'wrapped at 72 columns, no blank line after a section title'],
    ['agendas/d66-cda-zonder-witregels.txt', 'no blank lines around headings and bullets'],
    [
      'agendas/d66-cda-andere-opsommingen.txt',
      'dashes, stars, "a)" and "1)" as bullets, numbered chapters, pages',
    ],
  ])('reads %s (%s) as the same agenda JSON', (name) => {
    expect(parseAgenda(read(name))).toEqual(original);
  });

  it.each(['d66-cda-72-kolommen.txt', 'd66-cda-zonder-witregels.txt'])(
    'keeps every word of %s but the kind label, whose footnote marker survives as the marker',
    (name) => {
      const { lost, made } = wordBalance(read(`agendas/${name}`), original);
      expect(made).toEqual([]);
      expect(lost.sort()).toEqual(['1', 'Uitnodiging']);
    },
  );

  it('keeps every word of the paged variant but list markers, chapter numbers, the kind label and page furniture', () => {
    const { lost, made } = wordBalance(read('agendas/d66-cda-andere-opsommingen.txt'), original);
    expect(made).toEqual([]);
    const header = ['Samen', 'aan', 'de', 'slag', 'voor', 'een', 'sterker', 'Nederland'];
    const other = lost.filter((w) => !/^(?:Uitnodiging|Pagina|Hoofdstuk|\d+|[a-z])$/u.test(w));
    const pages = lost.filter((w) => w === 'Pagina').length;
    expect(other.sort()).toEqual(
      Array.from({ length: pages - 1 }, () => header)
        .flat()
        .sort(),
    );
  });
});
