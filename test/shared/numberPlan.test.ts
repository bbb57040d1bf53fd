import { describe, expect, it } from 'vitest';
import { planNumbers, type NumberBook, type NumberedNode } from '../../shared/agenda/numberPlan.js';

/** A book that knows the given ids' numbers (and those numbers as taken, plus any extra). */
function book(known: Record<string, string>, extra: string[] = []): NumberBook {
  const numbers = new Set([...Object.values(known), ...extra]);
  return { numberOf: (id) => known[id], taken: (n) => numbers.has(n) };
}

const node = (id: string | null, number: string, children: NumberedNode[] = []): NumberedNode => ({
  id,
  number,
  children,
});

/** Chapter 1 with section 1.1 holding the given measures. */
const tree = (...measures: NumberedNode[]) => [node('c-1', '1', [node('s-1-1', '1.1', measures)])];
const known = { 'c-1': '1', 's-1-1': '1.1', 'm-1': '1.1.1', 'm-2': '1.1.2' };

describe('numbering an agenda tree', () => {
  it('numbers a new measure between its neighbours and lists nothing else', () => {
    const plan = planNumbers(
      tree(node('m-1', '1.1.1'), node('m-new', ''), node('m-2', '1.1.2')),
      book(known),
    );
    expect(plan).toEqual([{ id: 'm-new', number: '1.1.1a', fresh: true, write: true }]);
  });

  it('numbers a run of new measures in order, and a new section’s measures from 1', () => {
    const roots = [
      node('c-1', '1', [
        node('s-1-1', '1.1', [node('m-1', '1.1.1'), node('a', ''), node('b', ''), node('m-2', '1.1.2')]),
        node('s-new', '', [node('x', ''), node('y', '')]),
      ]),
    ];
    expect(planNumbers(roots, book(known)).map((a) => `${a.id} ${a.number}`)).toEqual([
      's-new 1.2',
      'a 1.1.1a',
      'b 1.1.1b',
      'x 1.2.1',
      'y 1.2.2',
    ]);
  });

  it('gives a known id its number back wherever it stands, and repairs a changed attribute', () => {
    const roots = [node('c-1', '1', [node('s-1-1', '1.1', [node('m-2', ''), node('m-1', '9.9.9')])])];
    expect(planNumbers(roots, book(known))).toEqual([
      { id: 'm-2', number: '1.1.2', fresh: false, write: true },
      { id: 'm-1', number: '1.1.1', fresh: false, write: true },
    ]);
  });

  it('leaves nodes without an id, and a second node with the same id, alone', () => {
    const plan = planNumbers(tree(node('m-1', '1.1.1'), node(null, ''), node('m-1', '')), book(known));
    expect(plan).toEqual([]);
  });

  it('keeps a carried number on first numbering only when it is free and in order', () => {
    const roots = tree(
      node('m-1', '1.1.1'),
      node('kept', '1.1.1b'),
      node('copied', '1.1.1'),
      node('m-2', '1.1.2'),
      node('out-of-order', '1.1.1c'),
    );
    const first = planNumbers(roots, book(known), { keepCarried: true });
    expect(first.map((a) => `${a.id} ${a.number} ${a.write ? 'write' : 'keep'}`)).toEqual([
      'kept 1.1.1b keep',
      'copied 1.1.1c write',
      'out-of-order 1.1.3 write',
    ]);
    // Without it (any later change), a node the book does not know is always numbered by the server.
    expect(planNumbers(roots, book(known)).find((a) => a.id === 'kept')).toMatchObject({ number: '1.1.1a' });
  });
});
