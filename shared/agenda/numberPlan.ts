/**
 * Numbering a whole agenda tree: which chapters, sections and measures get which number. Pure: the server
 * reads the tree from the live text, asks this, and writes the answer (and remembers it).
 */
import { compareNumbers, isNumberUnder, numberBetween } from './numbers.js';

/** A chapter, section or measure as the planner sees it: its id, the number it carries now, its children. */
export interface NumberedNode {
  /** Null while the node has no id yet (the editor gives every node one); such a node is left alone. */
  id: string | null;
  /** The number the node carries now (`''` for none). */
  number: string;
  children: NumberedNode[];
}

/** What the planner knows of the document's numbers. */
export interface NumberBook {
  /** The number an id was given before, if it was: it keeps it, wherever it is now. */
  numberOf(id: string): string | undefined;
  /** Whether a number was ever given in this document (to any node, present or removed). */
  taken(number: string): boolean;
}

/** One decision of the planner: a node whose number is new to the book, or whose attribute must be set. */
export interface NumberAssignment {
  id: string;
  number: string;
  /** True when the number is new (never given to this id before): the book must remember it. */
  fresh: boolean;
  /** True when the node's number attribute differs from `number` and must be written. */
  write: boolean;
}

/**
 * The numbers to write so that every node with an id carries its number: an id numbered before gets its
 * number back (numbers never move: a node that was moved, or comes back with a restored version, keeps it);
 * a node never numbered gets a new one between its numbered neighbours under its parent's number
 * (`numberBetween`), in document order, top down. A second node with an id seen before is left alone.
 * Listed: the nodes with a new number and those whose attribute differs.
 *
 * With `keepCarried` (a document numbered for the first time: one made before numbers were stable, or read
 * in from a JSON export), a node the book does not know keeps the number it carries when that number is
 * free, under its parent and in order between its neighbours; otherwise it is numbered anew. (A number an
 * older editor copied onto a split-off measure is never free: the measure it was split from has it.)
 */
export function planNumbers(
  roots: readonly NumberedNode[],
  book: NumberBook,
  options: { keepCarried?: boolean } = {},
): NumberAssignment[] {
  const out: NumberAssignment[] = [];
  const given = new Set<string>();
  const seen = new Set<string>();
  const taken = (n: string) => given.has(n) || book.taken(n);

  const level = (parent: string, nodes: readonly NumberedNode[]): void => {
    // The number each node keeps (its known one), '' for those to number, null for those left alone.
    const known = nodes.map((node): string | null => {
      if (node.id === null || seen.has(node.id)) return null;
      seen.add(node.id);
      return book.numberOf(node.id) ?? '';
    });
    const final: (string | null)[] = [...known];
    nodes.forEach((node, i) => {
      let number = known[i];
      if (number === null || number === undefined) return;
      const id = node.id!;
      if (number === '') {
        const before = neighbour(final, i, -1, parent);
        const after = neighbour(known, i, 1, parent);
        const carried = node.number;
        const keep =
          options.keepCarried === true &&
          isNumberUnder(carried, parent) &&
          !taken(carried) &&
          (before === null || compareNumbers(before, carried) < 0) &&
          (after === null || compareNumbers(carried, after) < 0);
        number = keep ? carried : numberBetween(parent, before, after, taken);
        given.add(number);
        final[i] = number;
        out.push({ id, number, fresh: true, write: number !== node.number });
      } else if (number !== node.number) out.push({ id, number, fresh: false, write: true });
    });
    nodes.forEach((node, i) => {
      const number = final[i];
      if (number) level(number, node.children);
    });
  };
  level('', roots);
  return out;
}

/** The nearest number before (`step` -1) or after (+1) index `i` that is under `parent`. */
function neighbour(
  numbers: readonly (string | null)[],
  i: number,
  step: -1 | 1,
  parent: string,
): string | null {
  for (let j = i + step; j >= 0 && j < numbers.length; j += step) {
    const n = numbers[j];
    if (n && isNumberUnder(n, parent)) return n;
  }
  return null;
}
