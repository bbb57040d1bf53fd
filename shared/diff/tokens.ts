/**
 * Splitting normalised text into the units the word diff works on: words, whitespace runs and single
 * punctuation characters. Joining the tokens of a text gives the text back.
 */

/**
 * A word: letters, marks and digits, joined by inner hyphens and apostrophes ("btw-tarief",
 * "regio’s") and, between digits, by `.`, `,` and `/` ("100.000", "2,5", "2/3e").
 */
const WORD =
  "[\\p{L}\\p{M}\\p{N}]+(?:(?:['’\\-\\u2010\\u2011]|(?<=\\p{N})[.,/](?=\\p{N}))[\\p{L}\\p{M}\\p{N}]+)*";

const TOKEN = new RegExp(`${WORD}|\\s+|[\\s\\S]`, 'gu');
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const WORDS = new RegExp(WORD, 'gu');

/** Splits text into words, whitespace runs and single other characters (code points); lossless. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * True when a token from `tokenize` is a word (as opposed to whitespace or punctuation): only words
 * start with a letter, mark or digit. Called for every token, so ASCII is decided without a regex.
 */
export function isWord(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return WORD_START.test(token);
}

/** True when the word holds a digit: numbers are compared as a whole, never partly. */
export function isNumeric(token: string): boolean {
  return /\p{N}/u.test(token);
}

/** Number of words in a text (fragments of words count as words). */
export function countWords(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}
