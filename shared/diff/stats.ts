/** Word counts of a text diff. */
import { countWords } from './tokens.js';
import type { DiffStats, Op } from './types.js';

/**
 * Words inserted and deleted by a diff. A letter-level change inside a word ("woning" → "woningen")
 * counts its changed fragment as one word; whitespace and punctuation count as nothing.
 */
export function diffStats(ops: readonly Op[]): DiffStats {
  let wordsInserted = 0;
  let wordsDeleted = 0;
  for (const [kind, text] of ops) {
    if (kind === 1) wordsInserted += countWords(text);
    else if (kind === -1) wordsDeleted += countWords(text);
  }
  return { wordsInserted, wordsDeleted };
}
