import { describe, expect, it } from 'vitest';
import {
  attributeOps,
  authorsOf,
  diffText,
  rawOffsets,
  sideOf,
  type Author,
} from '../../shared/diff/index.js';

const anna: Author = { person: 'p-anna', name: 'Anna', party: 'D66', at: '2026-03-01T10:00:00.000Z' };
const bram: Author = { person: 'p-bram', name: 'Bram', party: 'CDA', at: '2026-03-02T10:00:00.000Z' };

describe('authors of diff ops', () => {
  it('splits an insert written by two people into two ops, and leaves equal ops with two elements', () => {
    const from = 'Meer woningen.';
    const to = 'Meer woningen. Nu. Echt.';
    const ops = diffText(from, to);
    const attributed = attributeOps(ops, null, {
      text: to,
      runs: [
        [from.length, null],
        [4, anna],
        [6, bram],
      ],
    });
    expect(attributed).toEqual([
      [0, 'Meer woningen.'],
      [1, ' Nu.', anna],
      [1, ' Echt.', bram],
    ]);
    expect(sideOf(attributed, 'to')).toBe(to);
    expect(authorsOf(attributed)).toEqual([anna, bram]);
  });

  it('credits a deletion to who removed the words, from the old side’s runs', () => {
    const from = 'We bouwen snel en goedkoop.';
    const to = 'We bouwen goedkoop.';
    const attributed = attributeOps(diffText(from, to), { text: from, runs: [[from.length, bram]] }, null);
    expect(attributed).toEqual([
      [0, 'We bouwen '],
      [-1, 'snel en ', bram],
      [0, 'goedkoop.'],
    ]);
  });

  it('gives characters nobody is known for the fallback, or no author at all', () => {
    const ops = diffText('Een.', 'Een. Twee.');
    expect(attributeOps(ops, null, null, anna)).toEqual([
      [0, 'Een.'],
      [1, ' Twee.', anna],
    ]);
    expect(attributeOps(ops, null, null)).toEqual([
      [0, 'Een.'],
      [1, ' Twee.'],
    ]);
  });

  it('keeps one run for one person across several changes, dated by the newest', () => {
    const later = { ...anna, at: '2026-03-05T10:00:00.000Z' };
    const attributed = attributeOps(diffText('A.', 'A. B. C.'), null, {
      text: 'A. B. C.',
      runs: [
        [2, null],
        [3, anna],
        [3, later],
      ],
    });
    expect(attributed).toEqual([
      [0, 'A.'],
      [1, ' B. C.', later],
    ]);
  });

  it('maps authors of the stored text through normalisation (extra spaces, soft hyphens)', () => {
    const to = 'Een  twee\u00ADdrie';
    expect(rawOffsets(to, 'Een tweedrie')).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13]);
    const attributed = attributeOps(diffText('', to), null, {
      text: to,
      runs: [
        [5, anna],
        [9, bram],
      ],
    });
    expect(attributed).toEqual([
      [1, 'Een ', anna],
      [1, 'tweedrie', bram],
    ]);
  });

  it('treats a side whose text is not the compared one as unknown', () => {
    const ops = diffText('Een.', 'Een. Twee.');
    expect(attributeOps(ops, null, { text: 'Iets anders.', runs: [[12, anna]] })).toEqual([
      [0, 'Een.'],
      [1, ' Twee.'],
    ]);
  });
});
