/**
 * Authorship of diff ops: the server knows who wrote each character of a text and who removed each one
 * (its attribution index, by Yjs item); this splits a diff's insert and delete ops into runs by author.
 * Pure: the authors come in as data, per character run of the text as stored.
 */
import { sideOf } from './ops.js';
import type { AttributedOp, Author, Op } from './types.js';

/**
 * Who wrote (or, for the old side of a comparison, who removed) each run of a text: the text as stored
 * (not normalised) and runs of `[length, author]` that cover it in order; null where nobody is known.
 */
export interface TextAuthors {
  text: string;
  runs: readonly (readonly [length: number, author: Author | null])[];
}

/**
 * For each character of `normalised` (`normalizeText(raw)`), its offset in `raw`: the normalised
 * characters found in order in the raw text, a space standing for the first of a run of whitespace. Null
 * when they cannot be found (a text in another Unicode normal form).
 */
export function rawOffsets(raw: string, normalised: string): number[] | null {
  const offsets = new Array<number>(normalised.length);
  let j = 0;
  for (let i = 0; i < normalised.length; i++) {
    const c = normalised[i]!;
    while (j < raw.length && raw[j] !== c && !(c === ' ' && /\s/.test(raw[j]!))) j++;
    if (j >= raw.length) return null;
    offsets[i] = j++;
  }
  return offsets;
}

/** True when two authors are the same for a reader: the same person (or name), party and decider. */
export function sameAuthor(a: Author | null, b: Author | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.person === b.person &&
    (a.person !== null || a.name === b.name) &&
    a.party === b.party &&
    a.decidedBy?.person === b.decidedBy?.person
  );
}

/** The author of each character of `normalised`, or null when `side` does not describe that text. */
function charAuthors(side: TextAuthors, normalised: string): (Author | null)[] | null {
  let total = 0;
  for (const [length] of side.runs) total += length;
  if (total !== side.text.length) return null;
  const perRaw = new Array<Author | null>(total);
  let at = 0;
  for (const [length, author] of side.runs) perRaw.fill(author, at, (at += length));
  // Most texts are in normal form already: then every character is where it was.
  if (normalised === side.text) return perRaw;
  const offsets = rawOffsets(side.text, normalised);
  return offsets ? offsets.map((offset) => perRaw[offset] ?? null) : null;
}

/** The later of two times (ISO 8601 strings compare in time order). */
const later = (a: string, b: string): string => (a >= b ? a : b);

/**
 * A diff's ops with every insert and delete split into runs by author: an insert by who wrote its
 * characters (`to`), a delete by who removed them (`from`: the authors of the old text's removal).
 * Characters nobody is known for get `fallback` (such as who last changed the unit, from the audit
 * trail), or stay without an author. A run's time is the newest of its characters'. Equal ops are kept
 * as they are; reading back either side gives the same text as `ops`. A side whose text is not the one
 * the ops were made from (its normalised text differs) is treated as unknown.
 */
export function attributeOps(
  ops: readonly Op[],
  from: TextAuthors | null,
  to: TextAuthors | null,
  fallback: Author | null = null,
): AttributedOp[] {
  const authors = {
    [-1]: from ? charAuthors(from, sideOf(ops, 'from')) : null,
    [1]: to ? charAuthors(to, sideOf(ops, 'to')) : null,
  };
  const cursor = { [-1]: 0, [1]: 0 };
  const out: AttributedOp[] = [];
  for (const [kind, text] of ops) {
    if (kind === 0) {
      out.push([0, text]);
      cursor[-1] += text.length;
      cursor[1] += text.length;
      continue;
    }
    const known = authors[kind];
    const start = cursor[kind];
    cursor[kind] += text.length;
    const run: { start: number; author: Author | null } = { start: 0, author: null };
    const flush = (end: number) => {
      if (end === run.start) return;
      const part = text.slice(run.start, end);
      out.push(run.author ? [kind, part, run.author] : [kind, part]);
    };
    for (let i = 0; i < text.length; i++) {
      const next = known?.[start + i] ?? fallback;
      if (i > 0 && sameAuthor(run.author, next)) {
        if (run.author && next && next.at > run.author.at)
          run.author = { ...run.author, at: later(run.author.at, next.at) };
        continue;
      }
      flush(i);
      run.start = i;
      run.author = next;
    }
    flush(text.length);
  }
  return out;
}

/** The distinct authors of a unit's ops, in the order they first appear. */
export function authorsOf(ops: readonly AttributedOp[]): Author[] {
  const out: Author[] = [];
  for (const op of ops) {
    const author = op.length === 3 ? op[2] : null;
    if (author && !out.some((a) => sameAuthor(a, author))) out.push(author);
  }
  return out;
}
