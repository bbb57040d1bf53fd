/**
 * Stable numbers of chapters, sections and measures: the number a node gets is its number for the life of
 * the negotiation. Pure: the server (which alone hands numbers out) decides with these functions.
 *
 * A number is dot-separated segments, each an integer with an optional lower-case letter suffix:
 * `2`, `2.1`, `2.1.1`, `2.1.1a`, `2.1.1aa`. Order (`compareNumbers`): segment by segment, the integer
 * numerically, then the letters alphabetically (no letters first); a number that is a prefix of another
 * comes before it. So 2.1.1 < 2.1.1a < 2.1.1aa < 2.1.1b < 2.1.2 < 2.1.10.
 *
 * A new node is numbered between its nearest numbered siblings before (P) and after (S), within its
 * parent's number (`numberBetween`), never taking a number the document has used before:
 * - at the end of its parent (no S): the next free integer after P's: after 2.1.10 comes 2.1.11, the first
 *   measure of a new section 2.1a is 2.1a.1 — a list grows at its end as it always did;
 * - between two (legislative drafting's habit, "artikel 2a"): P with a letter suffix, counted on: after
 *   2.1.1 comes 2.1.1a, after 2.1.1a comes 2.1.1b; before the first measure, 2.1.0a;
 * - when that letter is not free below S, a letter appended to P's: between 2.1.1a and 2.1.1b comes
 *   2.1.1aa (as in Dutch law: artikel 7aa);
 * - nothing of letters fits only between a number and itself plus "a" (2.1.1 and 2.1.1a): then a
 *   sub-segment, 2.1.1.1, which sorts after 2.1.1 and before 2.1.1a.
 */

/** One segment of a number: `1a` is `{ n: 1, letters: 'a' }`. */
export interface Segment {
  n: number;
  letters: string;
}

const SEGMENT = /^(\d{1,9})([a-z]*)$/;

/** The segments of a number, or null for text that is not a number of this form (such as ''). */
export function parseNumber(value: string): Segment[] | null {
  if (value === '') return null;
  const out: Segment[] = [];
  for (const part of value.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return null;
    out.push({ n: Number(match[1]), letters: match[2]! });
  }
  return out;
}

/** A number written out from its segments. */
export function formatNumber(segments: readonly Segment[]): string {
  return segments.map((s) => `${s.n}${s.letters}`).join('.');
}

function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.n !== y.n) return x.n - y.n;
    if (x.letters !== y.letters) return x.letters < y.letters ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Orders two numbers as people read them (see the module comment); a negative result puts `a` first.
 * Text that is not a number sorts after every number, alphabetically among itself.
 */
export function compareNumbers(a: string, b: string): number {
  const x = parseNumber(a);
  const y = parseNumber(b);
  if (x && y) return compareSegments(x, y);
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `number` belongs under `parent` (`''` for the top level): `2.1.3a` under `2.1`, `2.1a.1` under `2.1a`. */
export function isNumberUnder(number: string, parent: string): boolean {
  if (parseNumber(number) === null) return false;
  return parent === '' || number.startsWith(`${parent}.`);
}

/** The letters that follow `letters` when counting on: '' → a, a → b, z → za, az → aza. */
function nextLetters(letters: string): string {
  if (letters === '') return 'a';
  const last = letters.at(-1)!;
  return last < 'z' ? letters.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1) : `${letters}a`;
}

/** Suffixes of one and two letters, in order: a, b, …, z, aa, ab, …, zz. */
const SHORT_SUFFIXES: readonly string[] = (() => {
  const abc = [...'abcdefghijklmnopqrstuvwxyz'];
  return [...abc, ...abc.flatMap((x) => abc.map((y) => x + y))];
})();

/**
 * Counting on past P gives up after this many taken letters: a measure with hundreds of removed neighbours
 * is not a real negotiation, and the sub-segment still gives a number.
 */
const MAX_TRIES = 1000;

/**
 * A number for a new node under `parent` (`''` for a chapter) between its nearest numbered siblings
 * `before` and `after` (null when there is none; both must be under `parent`), that `taken` does not hold.
 * The result sorts strictly between them. When `after` does not sort after `before` (an order already
 * broken by a moved node), only `before` is respected. Throws a RangeError for a neighbour not under
 * `parent`.
 */
export function numberBetween(
  parent: string,
  before: string | null,
  after: string | null,
  taken: (number: string) => boolean,
): string {
  for (const n of [before, after])
    if (n !== null && !isNumberUnder(n, parent))
      throw new RangeError(`Number ${n} is not under ${parent === '' ? 'the top level' : parent}`);
  const head = parent === '' ? [] : parseNumber(parent);
  if (head === null) throw new RangeError(`Parent number ${parent} is not a number`);
  const lo = before === null ? null : parseNumber(before)!.slice(head.length);
  let hi = after === null ? null : parseNumber(after)!.slice(head.length);
  if (lo && hi && compareSegments(lo, hi) >= 0) hi = null;
  return formatNumber([...head, ...tailBetween(lo, hi, (tail) => taken(formatNumber([...head, ...tail])))]);
}

/** The tail (segments below the parent) strictly between `lo` and `hi`, not taken. */
function tailBetween(
  lo: Segment[] | null,
  hi: Segment[] | null,
  taken: (tail: Segment[]) => boolean,
): Segment[] {
  // At the end: the next free integer.
  if (hi === null) {
    let n = lo === null ? 1 : lo[0]!.n + 1;
    while (taken([{ n, letters: '' }])) n++;
    return [{ n, letters: '' }];
  }
  // Before the first numbered sibling, count from a virtual 0 (never handed out itself).
  const from = lo ?? [{ n: 0, letters: '' }];
  const last = from.length - 1;
  const withLetters = (letters: string): Segment[] => [...from.slice(0, last), { n: from[last]!.n, letters }];
  const fits = (tail: Segment[]) =>
    compareSegments(tail, from) > 0 && compareSegments(tail, hi) < 0 && !taken(tail);

  // Count on: 1 → 1a → 1b …
  let letters = from[last]!.letters;
  for (let i = 0; i < MAX_TRIES; i++) {
    letters = nextLetters(letters);
    const tail = withLetters(letters);
    if (compareSegments(tail, hi) >= 0) break;
    if (!taken(tail)) return tail;
  }
  // Append letters: between 1a and 1b, 1aa.
  for (const suffix of SHORT_SUFFIXES) {
    const tail = withLetters(from[last]!.letters + suffix);
    if (fits(tail)) return tail;
  }
  // A sub-segment below `from`: between 1 and 1a, 1.1.
  const below = hi.length > from.length && compareSegments(hi.slice(0, from.length), from) === 0;
  const sub = tailBetween(null, below ? hi.slice(from.length) : null, (tail) => taken([...from, ...tail]));
  return [...from, ...sub];
}
