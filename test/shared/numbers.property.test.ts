import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareNumbers, isNumberUnder, numberBetween, parseNumber } from '../../shared/agenda/numbers.js';

/** Inserts a new number at `index` of a section's numbers, as the server does: between its neighbours. */
function insertAt(parent: string, numbers: string[], index: number, used: Set<string>): string {
  const before = index > 0 ? numbers[index - 1]! : null;
  const after = index < numbers.length ? numbers[index]! : null;
  const made = numberBetween(parent, before, after, (n) => used.has(n));
  numbers.splice(index, 0, made);
  used.add(made);
  return made;
}

const sorted = (numbers: string[]) => [...numbers].sort(compareNumbers);

describe('stable numbers', () => {
  it('gives a measure inserted after 2.1.1 the number 2.1.1a, and the next one after it 2.1.1b', () => {
    const numbers = ['2.1.1', '2.1.2', '2.1.3'];
    const used = new Set(numbers);
    expect(insertAt('2.1', numbers, 1, used)).toBe('2.1.1a');
    expect(insertAt('2.1', numbers, 2, used)).toBe('2.1.1b');
    expect(numbers).toEqual(['2.1.1', '2.1.1a', '2.1.1b', '2.1.2', '2.1.3']);
  });

  it('numbers one inserted between 2.1.1a and 2.1.1b as 2.1.1aa', () => {
    const numbers = ['2.1.1', '2.1.1a', '2.1.1b', '2.1.2'];
    expect(insertAt('2.1', numbers, 2, new Set(numbers))).toBe('2.1.1aa');
  });

  it('numbers one between 2.1.1 and 2.1.1a with a sub-segment, since no letters fit there', () => {
    const numbers = ['2.1.1', '2.1.1a'];
    expect(insertAt('2.1', numbers, 1, new Set(numbers))).toBe('2.1.1.1');
    expect(insertAt('2.1', numbers, 1, new Set(numbers))).toBe('2.1.1.0a');
  });

  it('continues a list at its end with the next integer, and starts an empty one at 1', () => {
    const numbers = ['2.1.9', '2.1.10'];
    expect(insertAt('2.1', numbers, 2, new Set(numbers))).toBe('2.1.11');
    expect(insertAt('2.1a', [], 0, new Set())).toBe('2.1a.1');
    expect(insertAt('', ['1', '2'], 2, new Set(['1', '2']))).toBe('3');
    expect(insertAt('', ['1', '2'], 1, new Set(['1', '2']))).toBe('1a');
  });

  it('puts one before the first measure at 0a', () => {
    expect(insertAt('3.2', ['3.2.1'], 0, new Set(['3.2.1']))).toBe('3.2.0a');
  });

  it('never hands out a number used before, even by a measure that is gone', () => {
    const numbers = ['2.1.1', '2.1.2'];
    const used = new Set([...numbers, '2.1.1a', '2.1.3']);
    expect(insertAt('2.1', numbers, 1, used)).toBe('2.1.1b');
    expect(insertAt('2.1', numbers, 3, used)).toBe('2.1.4');
  });

  it('orders numbers as people read them', () => {
    expect(
      sorted(['2.1.10', '2.1.1b', '2.1.2', '2.1.1', '2.1.1aa', '2.1.1a', '2.1.1.1', '10', '9a']),
    ).toEqual(['2.1.1', '2.1.1.1', '2.1.1a', '2.1.1aa', '2.1.1b', '2.1.2', '2.1.10', '9a', '10']);
    expect(compareNumbers('', '1')).toBeGreaterThan(0);
    expect(parseNumber('2.1.x1')).toBeNull();
  });

  it('refuses a neighbour that is not under the parent', () => {
    expect(() => numberBetween('2.1', '3.1.1', null, () => false)).toThrow(RangeError);
  });

  it('keeps every number unique and in document order through any sequence of inserts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (start, positions, removals) => {
          const numbers = Array.from({ length: start }, (_, i) => `4.2.${i + 1}`);
          const used = new Set(numbers);
          positions.forEach((p, i) => {
            // Now and then a measure is removed: its number stays used.
            const r = removals[i];
            if (r !== undefined && numbers.length > 0 && r % 3 === 0) numbers.splice(r % numbers.length, 1);
            const made = insertAt('4.2', numbers, p % (numbers.length + 1), used);
            expect(isNumberUnder(made, '4.2')).toBe(true);
          });
          expect(sorted(numbers)).toEqual(numbers);
          expect(new Set(numbers).size).toBe(numbers.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps inserts right after one measure unique and ordered (the crowded case)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 120 }), (offsets) => {
        const numbers = ['1.1.1', '1.1.2'];
        const used = new Set(numbers);
        for (const o of offsets) insertAt('1.1', numbers, Math.min(1 + o, numbers.length - 1), used);
        expect(sorted(numbers)).toEqual(numbers);
        expect(new Set(numbers).size).toBe(numbers.length);
      }),
      { numRuns: 300 },
    );
  });

  it('compares as a total order', () => {
    const number = fc
      .array(
        fc.record({
          n: fc.integer({ min: 0, max: 12 }),
          letters: fc.constantFrom('', 'a', 'b', 'aa', 'z', 'za'),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((segments) => segments.map((s) => `${s.n}${s.letters}`).join('.'));
    fc.assert(
      fc.property(number, number, number, (a, b, c) => {
        // Antisymmetric (a sum, not toBe(-x): Object.is tells 0 from -0 when a equals b).
        expect(Math.sign(compareNumbers(a, b)) + Math.sign(compareNumbers(b, a))).toBe(0);
        if (compareNumbers(a, b) === 0) expect(a).toBe(b);
        if (compareNumbers(a, b) < 0 && compareNumbers(b, c) < 0)
          expect(compareNumbers(a, c)).toBeLessThan(0);
      }),
    );
  });
});
