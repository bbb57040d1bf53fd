import { describe, expect, it } from 'vitest';
import { flatten, resolveAnchor, closestSubstring, type TextUnit } from '../../shared/comments/anchor.js';

const units = (...texts: string[]): TextUnit[] =>
  texts.map((text, i) => ({ node: 'measure', measureId: `m${i + 1}`, text }));

const ref = (quote: string, measureId: string | null = 'm1', prefix = '', suffix = '') => ({
  quote,
  measureId,
  prefix,
  suffix,
});

describe('resolving an anchor on plain text', () => {
  it('trusts the positions when the text between them is still the quote', () => {
    const flat = flatten(units('We bouwen meer woningen.', 'Minder regels.'));
    const r = resolveAnchor(flat, ref('meer woningen'), {
      start: { unit: 0, offset: 10 },
      end: { unit: 0, offset: 23 },
    });
    expect(r).toEqual({ kind: 'anchored', from: 10, to: 23, by: 'positions' });
  });

  it('finds the quote again when the positions no longer cover it', () => {
    const flat = flatten(units('We bouwen', 'meer woningen.'));
    const r = resolveAnchor(flat, ref('meer woningen'), {
      start: { unit: 0, offset: 9 },
      end: { unit: 0, offset: 9 },
    });
    expect(r).toMatchObject({ kind: 'anchored', by: 'quote' });
    if (r.kind === 'anchored') expect(flat.text.slice(r.from, r.to)).toBe('meer woningen');
  });

  it('reads words across a paragraph break as the same words', () => {
    const flat = flatten(units('We bouwen meer ', 'woningen.'));
    const r = resolveAnchor(flat, ref('meer woningen'), {
      start: { unit: 0, offset: 10 },
      end: { unit: 1, offset: 8 },
    });
    expect(r).toMatchObject({ kind: 'anchored', from: 10, by: 'positions' });
  });

  it('chooses the occurrence whose context matches among repeated quotes', () => {
    const flat = flatten(units('Meer geld voor zorg. Meer geld voor onderwijs.'));
    const r = resolveAnchor(flat, ref('Meer geld', 'm1', 'zorg. ', ' voor onderwijs'), {
      start: null,
      end: null,
    });
    expect(r).toMatchObject({ kind: 'anchored', from: 21, to: 30 });
  });

  it('prefers the anchor measure over an identical quote elsewhere', () => {
    const flat = flatten(units('Meer groen.', 'Meer groen.'));
    const r = resolveAnchor(flat, ref('Meer groen', 'm2'), { start: null, end: null });
    expect(r).toMatchObject({ kind: 'anchored', from: 12, to: 22 });
  });

  it('follows words that were only touched up (a typo fixed)', () => {
    const flat = flatten(units('Wij bouwen jaarlijks honderdduizend woningen erbij.'));
    const r = resolveAnchor(flat, ref('jaarlijks honderdduizent woningen'), { start: null, end: null });
    expect(r).toMatchObject({ kind: 'anchored', by: 'fuzzy' });
    if (r.kind === 'anchored')
      expect(flat.text.slice(r.from, r.to)).toBe('jaarlijks honderdduizend woningen');
  });

  it('finds a long quote approximately anywhere in the document by its rarest words', () => {
    const far = 'Elders in de tekst staat iets anders. '.repeat(50);
    const quote = 'de kinderopvang wordt vrijwel gratis voor alle werkende ouders in Nederland';
    const flat = flatten(
      units(
        far,
        'Niets.',
        `${far}Zo: de kinderopvang wordt bijna gratis voor alle werkende ouders in Nederland.`,
      ),
    );
    const r = resolveAnchor(flat, ref(quote, 'm2'), { start: null, end: null });
    expect(r).toMatchObject({ kind: 'anchored', by: 'fuzzy' });
    if (r.kind === 'anchored')
      expect(flat.text.slice(r.from, r.to)).toContain('bijna gratis voor alle werkende');
  });

  it('declares an anchor detached when its words are gone', () => {
    const flat = flatten(units('We bouwen.', 'Minder regels.'));
    expect(resolveAnchor(flat, ref('meer woningen'), { start: { unit: 0, offset: 9 }, end: null })).toEqual({
      kind: 'detached',
    });
  });

  it('does not take half of the words for the words', () => {
    const flat = flatten(units('We bouwen woningen.'));
    expect(resolveAnchor(flat, ref('meer betaalbare woningen'), { start: null, end: null })).toEqual({
      kind: 'detached',
    });
  });

  it('measures the closest substring by edit distance', () => {
    expect(closestSubstring('xx abcd yy', 0, 10, 'abxd')).toEqual({ from: 3, to: 7, distance: 1 });
  });
});
