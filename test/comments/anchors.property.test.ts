import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schema } from '../../shared/schema/schema.js';
import { anchorSpan, resolveAnchors, textUnitsOf } from '../../shared/comments/yAnchor.js';
import { FUZZY_TOLERANCE, normalizeQuote } from '../../shared/comments/anchor.js';
import type { Anchor } from '../../shared/comments/types.js';
import { agenda } from '../helpers/agenda.js';
import { Replica, joinBackward, seedUpdate, splitAt, textblocks } from './replica.js';

/**
 * Random concurrent editing around anchored threads. The words threads are made on are made-up tokens that
 * occur once and that no edit can produce; edits work on whole words (filler words, lower case), as people
 * do. So "the words survive" has a plain meaning: the quote still reads, word for word, somewhere in the
 * text. Filler words are longer than FUZZY_TOLERANCE of any quote here, so a quote with a word inserted or
 * deleted is not "nearly the same words" either: it is gone. (Concurrent merges can still leave a stray
 * character or two between the words; a fuzzy match within the tolerance is accepted then.)
 */
const TOKENS = [
  'Quorax',
  'Belmint',
  'Tavrun',
  'Zelkop',
  'Umbrin',
  'Faldor',
  'Gryphel',
  'Hoskar',
  'Jivendo',
  'Kestrum',
];
const FILLER = ['wonen', 'bouwen', 'straks', 'zorgen', 'kansen', 'werken', 'samen', 'betalen'];

const sample = agenda({
  WONEN: {
    'Vandaag: beter benutten': [
      'wonen Quorax Belmint bouwen',
      'straks Tavrun zorgen Zelkop',
      'Umbrin kansen Faldor werken Gryphel',
    ],
  },
  ZORG: { Dichtbij: ['samen Hoskar betalen Jivendo Kestrum'] },
});

type Op =
  | { kind: 'insert'; replica: number; block: number; gap: number; word: number }
  | { kind: 'delete'; replica: number; block: number; gap: number; words: number }
  | { kind: 'split'; replica: number; block: number; gap: number }
  | { kind: 'join'; replica: number; block: number }
  | { kind: 'amend'; replica: number; block: number; gap: number; word: number }
  | { kind: 'sync'; from: number; to: number };

const REPLICAS = 3;
const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const block = fc.integer({ min: 0, max: 40 });
const gap = fc.integer({ min: 0, max: 40 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), replica, block, gap, word: fc.nat(FILLER.length - 1) }),
  fc.record({
    kind: fc.constant('delete' as const),
    replica,
    block,
    gap,
    words: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('split' as const), replica, block, gap }),
  fc.record({ kind: fc.constant('join' as const), replica, block }),
  fc.record({ kind: fc.constant('amend' as const), replica, block, gap, word: fc.nat(FILLER.length - 1) }),
  fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
);

/** Word boundaries of a text block's text: offsets where a word starts, plus its end. */
function gaps(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push(m.index);
  out.push(text.length);
  return out;
}

let fresh = 0;
function apply(replicas: Replica[], o: Op): void {
  if (o.kind === 'sync') {
    replicas[o.to]!.pull(replicas[o.from]!);
    return;
  }
  const r = replicas[o.replica]!;
  r.edit((state) => {
    const all = textblocks(state.doc);
    const blocks = all.filter((b) => b.node.type.name === 'measure');
    const b = blocks[o.block % Math.max(1, blocks.length)];
    if (!b) return null;
    const text = b.node.textContent;
    const g = gaps(text);
    const at = g[('gap' in o ? o.gap : 0) % g.length]!;
    const index = all.indexOf(b);
    switch (o.kind) {
      case 'insert': {
        // A word and a space before a word, or a space and a word at the end: never inside a word.
        const word = FILLER[o.word]!;
        const insert = at === text.length ? ` ${word}` : `${word} `;
        return state.tr.insertText(insert, b.pos + at);
      }
      case 'delete': {
        const end = g[Math.min(g.indexOf(at) + o.words, g.length - 1)]!;
        return end > at ? state.tr.delete(b.pos + at, b.pos + end) : null;
      }
      case 'split':
        return at > 0 && at < text.length ? splitAt(state, index, at, `m-f${++fresh}`) : null;
      case 'join':
        return joinBackward(state, index);
      case 'amend': {
        // Accepting an amendment: the measure gets its full new text, here with one word replaced.
        const words = text.split(' ');
        const i = g.indexOf(at) % Math.max(1, words.length);
        if (TOKENS.includes(words[i] ?? '')) words.splice(i, 1, FILLER[o.word]!);
        else words.splice(i, 0, FILLER[o.word]!);
        const next = words.join(' ').trim();
        return next ? state.tr.replaceWith(b.pos, b.pos + b.node.content.size, schema.text(next)) : null;
      }
    }
  });
}

/** Levenshtein distance, for checking what a fuzzy match found. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Every run of one or two consecutive tokens in the initial text: the words threads are started on. */
function quotesOf(text: string): string[] {
  const out: string[] = [];
  for (const a of TOKENS) {
    if (text.includes(a)) out.push(a);
    for (const b of TOKENS) if (text.includes(`${a} ${b}`)) out.push(`${a} ${b}`);
  }
  return out;
}

describe('anchors under random concurrent editing', () => {
  it('keeps every thread whose words survive on exactly those words, and detaches the others with their quote, on every replica', () => {
    // The test's premise: a whole filler word is more change than the fuzzy tolerance allows for any quote.
    const longestQuote = Math.max(
      ...quotesOf(
        sample.chapters.flatMap((c) => c.sections.flatMap((s) => s.measures.map((m) => m.text))).join('\n'),
      ).map((q) => q.length),
    );
    expect(Math.min(...FILLER.map((w) => w.length + 1))).toBeGreaterThan(longestQuote * FUZZY_TOLERANCE);

    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const seed = seedUpdate(sample);
        const replicas = Array.from({ length: REPLICAS }, () => new Replica(seed));
        // Threads are started on replica 0, then everyone has them (they travel through other rooms).
        const units = textUnitsOf(replicas[0]!.fragment);
        const anchors: Anchor[] = quotesOf(units.flat.text).map((q) => {
          const from = units.flat.text.indexOf(q);
          return anchorSpan(units, from, from + q.length)!;
        });
        for (const o of ops) apply(replicas, o);
        for (const a of replicas) for (const b of replicas) if (a !== b) a.pull(b);

        const texts = replicas.map((r) => textUnitsOf(r.fragment).flat.text);
        expect(new Set(texts).size).toBe(1);
        const all = replicas.map((r) => resolveAnchors(r.doc, r.fragment, anchors));
        for (const { units: u, resolutions } of all) {
          anchors.forEach((anchor, i) => {
            const res = resolutions[i]!;
            const pattern = new RegExp(anchor.quote.split(' ').join('\\s+'), 'g');
            const occurrences = [...u.flat.text.matchAll(pattern)].map((m) => m.index);
            if (occurrences.length === 0) {
              // Gone word for word. Concurrent character-level merges can leave the words with a stray
              // fragment between them ("Quorax b Belmint"): found again by fuzzy matching, within the
              // tolerance, is right then; anything else must be detached.
              if (res.kind === 'anchored') {
                expect(res.by, `"${anchor.quote}" is gone`).toBe('fuzzy');
                const found = normalizeQuote(u.flat.text.slice(res.from, res.to));
                expect(editDistance(found, anchor.quote)).toBeLessThanOrEqual(
                  Math.floor(anchor.quote.length * FUZZY_TOLERANCE),
                );
              } else expect(res, `"${anchor.quote}" is gone`).toEqual({ kind: 'detached' });
            } else {
              expect(res.kind, `"${anchor.quote}" survives`).toBe('anchored');
              if (res.kind !== 'anchored') return;
              // Concurrent splits of one block can duplicate its second half: any copy is those words.
              expect(occurrences).toContain(res.from);
              expect(normalizeQuote(u.flat.text.slice(res.from, res.to))).toBe(anchor.quote);
            }
          });
        }
        // Every replica places every thread in the same place.
        for (const other of all.slice(1)) expect(other.resolutions).toEqual(all[0]!.resolutions);
      }),
      { numRuns: 300 },
    );
  });
});
