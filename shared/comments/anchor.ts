/**
 * Finding a thread's words in the current text. Pure: it works on the plain text of the document's text
 * blocks and on the positions the Yjs relative positions resolved to, so it can be tested without Yjs.
 *
 * The order of trust: (1) the relative positions, when the text between them still reads as the quote;
 * (2) the quote itself, verbatim, near where it was and then anywhere (a split paragraph moves words into a
 * new node, where y-prosemirror gives them new identities); (3) a close approximation of the quote (least
 * edit distance, within FUZZY_TOLERANCE), for words that were only touched up.
 * Otherwise the thread is detached and keeps its quote.
 */

/** One text block of the document (measure, paragraph, title…), in document order. */
export interface TextUnit {
  /** The node type: "measure", "paragraph", "section_title"… */
  node: string;
  /** The id of the measure the block is (or is in); null for text outside measures. */
  measureId: string | null;
  text: string;
}

/** A place in the text: a block and a character offset in it. */
export interface UnitPosition {
  unit: number;
  offset: number;
}

/** The document's blocks as one string, blocks separated by SEPARATOR, with offsets to convert back. */
export interface FlatText {
  units: readonly TextUnit[];
  text: string;
  /** Offset in `text` where each unit starts. */
  starts: number[];
}

/** Between two blocks in the flat text: a character no block contains, that still reads as white space. */
export const SEPARATOR = '\n';

/** What an anchor remembers of its words. */
export interface QuoteRef {
  measureId: string | null;
  quote: string;
  prefix: string;
  suffix: string;
}

/** Where the relative positions resolved to (null: they no longer resolve into live text). */
export interface PositionHint {
  start: UnitPosition | null;
  end: UnitPosition | null;
}

/** How an anchor was found: by its positions, by its quote, or by an approximation of its quote. */
export type FoundBy = 'positions' | 'quote' | 'fuzzy';

/** Where a thread stands now. Offsets `from`/`to` are in the flat text; `to` is exclusive. */
export type Resolution = { kind: 'anchored'; from: number; to: number; by: FoundBy } | { kind: 'detached' };

/** Share of a quote's length that may differ and still count as the same words (a typo fixed, a word inflected). */
export const FUZZY_TOLERANCE = 0.2;

/** Joins the blocks into one string. */
export function flatten(units: readonly TextUnit[]): FlatText {
  const starts: number[] = [];
  let length = 0;
  const parts: string[] = [];
  for (const unit of units) {
    starts.push(length);
    parts.push(unit.text);
    length += unit.text.length + SEPARATOR.length;
  }
  return { units, text: parts.join(SEPARATOR), starts };
}

/** The flat offset of a unit position. */
export function flatOffset(flat: FlatText, at: UnitPosition): number {
  const start = flat.starts[at.unit];
  if (start === undefined) throw new RangeError(`Unknown text unit ${at.unit}`);
  return start + at.offset;
}

/** The unit position of a flat offset (an offset on a separator is the end of the unit before it). */
export function unitPosition(flat: FlatText, offset: number): UnitPosition {
  const { starts } = flat;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { unit: lo, offset: offset - (starts[lo] ?? 0) };
}

/** White space collapsed, so words read the same across a paragraph break. */
export function normalizeQuote(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A span shrunk to exclude white space at its ends (a selection dragged over a paragraph break). */
export function trimSpan(text: string, from: number, to: number): { from: number; to: number } {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { from, to };
}

/** The context kept around a span. */
export function contextOf(
  text: string,
  from: number,
  to: number,
  length: number,
): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, from - length), from), suffix: text.slice(to, to + length) };
}

/**
 * What a search near an anchor found, remembered with the text it searched: when the next change leaves
 * that text as it was, the same answer holds without searching again. Keyed by the caller (per anchor).
 */
export interface NearMemo {
  text: string;
  /** Offsets relative to the start of the searched text. */
  found: { from: number; to: number; by: 'quote' | 'fuzzy' };
}

/** Finds where a thread's words are now. `memo` (optional) skips searches of unchanged text near the anchor. */
export function resolveAnchor(
  flat: FlatText,
  anchor: QuoteRef,
  hint: PositionHint,
  memo?: { get(): NearMemo | undefined; set(value: NearMemo): void },
): Resolution {
  const quote = normalizeQuote(anchor.quote);
  if (quote.trim() === '') return { kind: 'detached' };
  const from = hint.start ? flatOffset(flat, hint.start) : null;
  const to = hint.end ? flatOffset(flat, hint.end) : null;
  if (from !== null && to !== null && from < to && normalizeQuote(flat.text.slice(from, to)) === quote) {
    return { kind: 'anchored', from, to, by: 'positions' };
  }
  const near = nearbyRange(flat, anchor, hint);
  const nearText = near && memo ? flat.text.slice(near.from, near.to) : null;
  const remembered = memo?.get();
  if (near && remembered && remembered.text === nearText) {
    const { found } = remembered;
    return { kind: 'anchored', from: near.from + found.from, to: near.from + found.to, by: found.by };
  }
  const remember = (span: { from: number; to: number }, by: 'quote' | 'fuzzy') => {
    if (near && nearText !== null && span.from >= near.from && span.to <= near.to)
      memo?.set({ text: nearText, found: { from: span.from - near.from, to: span.to - near.from, by } });
  };
  const found = findQuote(flat, quote, anchor, near, from ?? to);
  if (found) {
    remember(found, 'quote');
    return { kind: 'anchored', ...found, by: 'quote' };
  }
  const fuzzy = findApproximately(flat, quote, near);
  if (fuzzy) {
    remember(fuzzy, 'fuzzy');
    return { kind: 'anchored', ...fuzzy, by: 'fuzzy' };
  }
  return { kind: 'detached' };
}

/**
 * The stretch of text to search first: the blocks the positions point into, the anchor's measure, and one
 * block either side (where a split sends the second half).
 */
function nearbyRange(
  flat: FlatText,
  anchor: QuoteRef,
  hint: PositionHint,
): { from: number; to: number } | null {
  const units = new Set<number>();
  if (hint.start) units.add(hint.start.unit);
  if (hint.end) units.add(hint.end.unit);
  if (anchor.measureId !== null) {
    flat.units.forEach((u, i) => {
      if (u.measureId === anchor.measureId) units.add(i);
    });
  }
  if (units.size === 0) return null;
  const lo = Math.max(0, Math.min(...units) - 1);
  const hi = Math.min(flat.units.length - 1, Math.max(...units) + 1);
  return { from: flat.starts[lo]!, to: flat.starts[hi]! + flat.units[hi]!.text.length };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The length of the common end of `a` and the common start of `b`… in characters, white space alike. */
function commonSuffix(a: string, b: string): number {
  const x = normalizeQuote(a);
  const y = normalizeQuote(b);
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  const x = normalizeQuote(a);
  const y = normalizeQuote(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The quote verbatim (white space aside): near its old place first, then anywhere. Among several
 * occurrences, the one in the anchor's measure with the most matching context wins, then the closest.
 */
function findQuote(
  flat: FlatText,
  quote: string,
  anchor: QuoteRef,
  near: { from: number; to: number } | null,
  around: number | null,
): { from: number; to: number } | null {
  const pattern = new RegExp(quote.split(' ').map(escapeRegExp).join('\\s+'), 'g');
  const search = (lo: number, hi: number) => {
    const hits: { from: number; to: number }[] = [];
    const text = flat.text.slice(lo, hi);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      hits.push({ from: lo + m.index, to: lo + m.index + m[0].length });
      pattern.lastIndex = m.index + 1;
    }
    return hits;
  };
  let hits = near ? search(near.from, near.to) : [];
  if (hits.length === 0) hits = search(0, flat.text.length);
  if (hits.length === 0) return null;
  let best = hits[0]!;
  let bestScore = -Infinity;
  for (const hit of hits) {
    const unit = flat.units[unitPosition(flat, hit.from).unit];
    const sameMeasure = anchor.measureId !== null && unit?.measureId === anchor.measureId;
    const context =
      commonSuffix(anchor.prefix, flat.text.slice(Math.max(0, hit.from - anchor.prefix.length), hit.from)) +
      commonPrefix(anchor.suffix, flat.text.slice(hit.to, hit.to + anchor.suffix.length));
    // The measure counts more than any context (at most 2 × CONTEXT_LENGTH characters); distance breaks ties.
    const distance = around === null ? hit.from : Math.abs(hit.from - around);
    const score = (sameMeasure ? 1_000 : 0) + context - distance / (flat.text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = hit;
    }
  }
  return best;
}

/** White space as the comparison sees it: space, tab, line breaks, no-break space. */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/**
 * The substring of `text[lo, hi)` closest to `quote` by edit distance (Sellers' algorithm: the match may
 * start and end anywhere), with its distance. White space matches white space of any kind.
 */
export function closestSubstring(
  text: string,
  lo: number,
  hi: number,
  quote: string,
): { from: number; to: number; distance: number } | null {
  const m = quote.length;
  if (m === 0 || hi <= lo) return null;
  const q = new Int32Array(m);
  for (let i = 0; i < m; i++) q[i] = isSpace(quote.charCodeAt(i)) ? 32 : quote.charCodeAt(i);
  // prev[i] / prevStart[i]: the distance of quote[0, i) to the best substring ending before the current column.
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = lo;
  }
  let best: { from: number; to: number; distance: number } | null = null;
  for (let j = lo; j < hi; j++) {
    cur[0] = 0;
    curStart[0] = j + 1;
    const raw = text.charCodeAt(j);
    const c = isSpace(raw) ? 32 : raw;
    for (let i = 1; i <= m; i++) {
      const diag = prev[i - 1]! + (q[i - 1] === c ? 0 : 1);
      const up = cur[i - 1]! + 1;
      const left = prev[i]! + 1;
      if (diag <= up && diag <= left) {
        cur[i] = diag;
        curStart[i] = prevStart[i - 1]!;
      } else if (left <= up) {
        cur[i] = left;
        curStart[i] = prevStart[i]!;
      } else {
        cur[i] = up;
        curStart[i] = curStart[i - 1]!;
      }
    }
    if (best === null || cur[m]! < best.distance) best = { from: curStart[m]!, to: j + 1, distance: cur[m]! };
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}

/** Rarest words of a quote used to find where an approximate copy could be; two survive a few edits. */
const SEED_WORDS = 2;

const wordIndexes = new WeakMap<FlatText, Map<string, number[]>>();
/** Where each word of the flat text occurs; made once per text, for all anchors resolved against it. */
function wordIndex(flat: FlatText): Map<string, number[]> {
  let index = wordIndexes.get(flat);
  if (!index) {
    index = new Map();
    for (const m of flat.text.matchAll(/\S+/g)) {
      const list = index.get(m[0]);
      if (list) list.push(m.index);
      else index.set(m[0], [m.index]);
    }
    wordIndexes.set(flat, index);
  }
  return index;
}

/**
 * Where in the whole text an approximate copy of the quote could start: at the occurrences of its rarest
 * words that still occur (a quote within FUZZY_TOLERANCE keeps most of its words whole).
 */
function seeds(flat: FlatText, quote: string): number[] {
  const index = wordIndex(flat);
  const words = [...quote.matchAll(/\S+/g)]
    .map((m) => ({ at: m.index, occurrences: index.get(m[0]) ?? [] }))
    .filter((w) => w.occurrences.length > 0)
    .sort((a, b) => a.occurrences.length - b.occurrences.length)
    .slice(0, SEED_WORDS);
  return words.flatMap((w) => w.occurrences.map((o) => o - w.at)).sort((a, b) => a - b);
}

/**
 * An approximate occurrence of the quote, within FUZZY_TOLERANCE: first anywhere in the nearby blocks
 * (edit distance over all of them: short texts), then in the whole text around the places its rarest
 * words occur. (diff-match-patch's `match_main` over the whole 70,000-character agenda took 17 ms a call,
 * two calls per lost thread: too slow to run after every change with hundreds of detached threads.)
 */
function findApproximately(
  flat: FlatText,
  quote: string,
  near: { from: number; to: number } | null,
): { from: number; to: number } | null {
  const allowed = Math.floor(quote.length * FUZZY_TOLERANCE);
  if (allowed === 0) return null;
  const accept = (c: { from: number; to: number; distance: number } | null) => {
    if (!c || c.distance > allowed) return null;
    const span = trimSpan(flat.text, c.from, c.to);
    return span.to > span.from ? span : null;
  };
  if (near) {
    const local = accept(closestSubstring(flat.text, near.from, near.to, quote));
    if (local) return local;
  }
  // Windows around each seed, merged where they overlap, each searched once.
  const windows: { lo: number; hi: number }[] = [];
  for (const start of seeds(flat, quote)) {
    const lo = Math.max(0, start - allowed);
    const hi = Math.min(flat.text.length, start + quote.length + allowed);
    const last = windows[windows.length - 1];
    if (last && lo <= last.hi) last.hi = Math.max(last.hi, hi);
    else if (hi > lo) windows.push({ lo, hi });
  }
  let best: { from: number; to: number; distance: number } | null = null;
  for (const { lo, hi } of windows) {
    const c = closestSubstring(flat.text, lo, hi, quote);
    if (c && (best === null || c.distance < best.distance)) best = c;
  }
  return accept(best);
}
