/**
 * Character-level refinement of a word replaced by a similar word ("woning" → "woningen"): shown as
 * the shared part kept and only the differing letters changed.
 */
import type { Op } from './types.js';
import { isNumeric, isWord } from './tokens.js';

/** Shared prefix plus suffix must be at least this many characters… */
export const MIN_SHARED_CHARS = 3;
/** …and at least this share of the longer word. */
export const MIN_SHARED_SHARE = 0.6;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  // Never split a surrogate pair.
  if (n > 0 && isHighSurrogate(a.charCodeAt(n - 1))) n--;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  if (n > 0 && n < a.length && isHighSurrogate(a.charCodeAt(a.length - 1 - n))) n--;
  return n;
}

/**
 * The character-level ops for replacing word `a` by word `b`, or null when the words should be shown
 * as a whole replacement. Rule: both are words without digits (a changed number reads best as the
 * whole number replaced: "30%" → "40%" shows `-30 +40` with "%" kept, because "%" is its own token),
 * and their common prefix plus common suffix is at least 3 characters and at least 60% of the longer
 * word. So "woning" → "woningen" gives `=woning +en`, "sociale" → "sociaal" `=socia -le +al`,
 * but "huur" → "huren" and "bouwen" → "gebouwd" stay whole.
 */
export function refineWord(a: string, b: string): Op[] | null {
  if (!isWord(a) || !isWord(b) || isNumeric(a) || isNumeric(b)) return null;
  const prefix = commonPrefixLength(a, b);
  const suffix = commonSuffixLength(a.slice(prefix), b.slice(prefix));
  const shared = prefix + suffix;
  if (shared < MIN_SHARED_CHARS || shared < MIN_SHARED_SHARE * Math.max(a.length, b.length)) return null;
  const ops: Op[] = [
    [0, a.slice(0, prefix)],
    [-1, a.slice(prefix, a.length - suffix)],
    [1, b.slice(prefix, b.length - suffix)],
    [0, a.slice(a.length - suffix)],
  ];
  return ops.filter(([, text]) => text !== '');
}
