/**
 * The word-level text diff: words, whitespace and punctuation are mapped to single characters
 * (diff-match-patch's lines-to-chars trick, for words), diffed, cleaned up semantically, mapped back,
 * then refined to characters inside a word where that reads better.
 */
import DiffMatchPatch from 'diff-match-patch';
import { normalizeText } from './normalize.js';
import { compactOps } from './ops.js';
import { refineWord } from './refine.js';
import { isWord, tokenize } from './tokens.js';
import type { Op } from './types.js';

/** Below this share of words kept (of the longer text), a scattered diff becomes a whole replacement. */
export const MIN_KEPT_WORD_SHARE = 0.35;

/** First code unit used for tokens: above ASCII, so diff-match-patch's boundary heuristics see no letters. */
const FIRST_CODE = 0x100;
/** Highest usable code unit; surrogates (0xD800–0xDFFF) are skipped so every token is one code unit. */
const LAST_CODE = 0xffff;

type TokenOp = [-1 | 0 | 1, string[]];

/** Maps both token lists to strings with one character per token, or null when the alphabet runs out. */
function tokensToChars(
  a: string[],
  b: string[],
): { charsA: string; charsB: string; tokens: string[] } | null {
  const codes = new Map<string, number>();
  const tokens: string[] = [];
  let next = FIRST_CODE;
  const encode = (list: string[]): string | null => {
    let out = '';
    for (const token of list) {
      let code = codes.get(token);
      if (code === undefined) {
        if (next === 0xd800) next = 0xe000;
        if (next > LAST_CODE) return null;
        code = next++;
        codes.set(token, code);
        tokens[code] = token;
      }
      out += String.fromCharCode(code);
    }
    return out;
  };
  const charsA = encode(a);
  const charsB = encode(b);
  return charsA === null || charsB === null ? null : { charsA, charsB, tokens };
}

/** diff-match-patch on the two strings, no time limit (so the result is a pure function of the input). */
function dmpDiff(a: string, b: string): [-1 | 0 | 1, string][] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map((d) => [d[0] as -1 | 0 | 1, d[1]]);
}

/** The token-level diff of two token lists. */
function diffTokens(a: string[], b: string[]): TokenOp[] {
  const encoded = tokensToChars(a, b);
  if (!encoded) {
    // More than ~63 000 distinct tokens: fall back to a character diff, still correct.
    return dmpDiff(a.join(''), b.join('')).map(([kind, text]) => [kind, [text]]);
  }
  const { charsA, charsB, tokens } = encoded;
  return dmpDiff(charsA, charsB).map(([kind, chars]) => {
    const list: string[] = [];
    for (let i = 0; i < chars.length; i++) list.push(tokens[chars.charCodeAt(i)] ?? '');
    return [kind, list];
  });
}

function wordCount(tokens: readonly string[]): number {
  let n = 0;
  for (const token of tokens) if (isWord(token)) n++;
  return n;
}

/**
 * True when the diff should be shown as a whole replacement: fewer than 35% of the words of the
 * longer text are kept, and the changes are scattered (some kept text lies between two changes).
 * A single contiguous change, such as a long clause appended to a short sentence, stays as it is:
 * its kept part is one readable block.
 */
function isMostlyChanged(ops: readonly TokenOp[], wordsA: number, wordsB: number): boolean {
  let kept = 0;
  for (const [kind, tokens] of ops) if (kind === 0) kept += wordCount(tokens);
  if (kept >= MIN_KEPT_WORD_SHARE * Math.max(wordsA, wordsB)) return false;
  const firstChange = ops.findIndex(([kind]) => kind !== 0);
  const lastChange = ops.findLastIndex(([kind]) => kind !== 0);
  return ops.slice(firstChange, lastChange).some(([kind]) => kind === 0);
}

/** Turns token ops into text ops, refining a one-word-for-one-word replacement to characters. */
function toTextOps(ops: readonly TokenOp[]): Op[] {
  const out: Op[] = [];
  for (let i = 0; i < ops.length; i++) {
    const [kind, tokens] = ops[i]!;
    const nextOp = ops[i + 1];
    if (kind === -1 && nextOp && nextOp[0] === 1 && tokens.length === 1 && nextOp[1].length === 1) {
      const refined = refineWord(tokens[0]!, nextOp[1][0]!);
      if (refined) {
        out.push(...refined);
        i++;
        continue;
      }
    }
    out.push([kind, tokens.join('')]);
  }
  return out;
}

/**
 * Word-level diff of two texts, in normalised form (see `normalizeText`): joining the ops of kinds
 * 0 and -1 gives `normalizeText(a)`, joining 0 and 1 gives `normalizeText(b)`. Texts equal after
 * normalisation (differing only in whitespace, soft hyphens or line-end hyphenation) give one equal op
 * (none when empty). A replaced word very like its replacement is shown letter by letter
 * (see `refineWord`); a text mostly changed (see `MIN_KEPT_WORD_SHARE`) gives `[[-1, a], [1, b]]`.
 * Adjacent ops are of different kinds, deletes come before inserts, no op is empty.
 */
export function diffText(a: string, b: string): Op[] {
  const from = normalizeText(a);
  const to = normalizeText(b);
  if (from === to) return from ? [[0, from]] : [];
  const tokensA = tokenize(from);
  const tokensB = tokenize(to);
  const ops = diffTokens(tokensA, tokensB);
  if (isMostlyChanged(ops, wordCount(tokensA), wordCount(tokensB)))
    return compactOps([
      [-1, from],
      [1, to],
    ]);
  return compactOps(toTextOps(ops));
}
