/**
 * Joining the lines of one paragraph, undoing the hyphenation of words split at a line end while keeping
 * the hyphens Dutch spelling requires ("defensie-industrie", "niet-DAEB-activiteiten", "Familie- en").
 */
import { normalizeSpaces } from './lines.js';

const WORD = /[\p{L}\p{N}]+(?:[-‐][\p{L}\p{N}]+)*/gu;

/** How often each word form (lower-cased, hyphenated compounds whole) occurs in the document. */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly lower = new Map<string, number>();

  constructor(lines: readonly string[]) {
    for (const line of lines) {
      for (const match of line.matchAll(WORD)) {
        const word = match[0].toLowerCase().replace(/‐/gu, '-');
        this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
        if (/^\p{Ll}/u.test(match[0])) this.lower.set(word, (this.lower.get(word) ?? 0) + 1);
      }
    }
  }

  /** How often the word occurs, in any case. */
  count(word: string): number {
    return this.counts.get(word.toLowerCase()) ?? 0;
  }

  /** How often the word occurs written in lower case: a word that does is no name. */
  lowerCount(word: string): number {
    return this.lower.get(word.toLowerCase()) ?? 0;
  }
}

/** Words after which a trailing hyphen is a suspended one: "kennis- en onderzoeksinstellingen". */
const CONJUNCTIONS = new Set(['en', 'of', 'tot', 'noch', 'and', 'or', 'to']);

/**
 * Vowel pairs that read as one sound: where one part of a compound ends and the next begins with such a
 * pair, Dutch writes a hyphen (klinkerbotsing: "energie-infrastructuur", "zonne-energie", "auto-ongeluk").
 */
// prettier-ignore
const VOWEL_CLASH = new Set([
  'aa', 'ae', 'ai', 'au', 'ee', 'ei', 'eu', 'ie', 'ii', 'oe', 'oi', 'oo', 'ou', 'ui', 'uu',
]);

/** Two coordinated adjectives are joined with a hyphen: "ruimtelijk-economische", "sociaal-economisch". */
const ADJECTIVE_END = /(?:isch|lijk|iek|aal|eel|air|ief)$/u;
const ADJECTIVE = /^\p{Ll}{2,}(?:isch|ische|lijk|lijke|iek|ieke|ale|ele|aire|ieve)$/u;

export type HyphenDecision = 'join' | 'keep' | 'suspend';

/**
 * What to do with `left-` at a line end followed by `right` on the next line. First the conjunction test
 * (suspended hyphen), then the document's own evidence (is the joined or the hyphenated form used
 * elsewhere, more often?), then spelling rules (capital or digit on either side, vowel clash, coordinated
 * adjectives); otherwise the word was split by the line break and is joined.
 */
export function decideHyphen(left: string, right: string, vocabulary: Vocabulary): HyphenDecision {
  if (CONJUNCTIONS.has(right.toLowerCase())) return 'suspend';

  const lastPart = left.split(/[-‐]/u).pop() ?? left;
  const joined =
    vocabulary.count(left + right) + (lastPart !== left ? vocabulary.count(lastPart + right) : 0);
  const hyphenated =
    vocabulary.count(`${left}-${right}`) + (lastPart !== left ? vocabulary.count(`${lastPart}-${right}`) : 0);
  if (joined > hyphenated) return 'join';
  if (hyphenated > joined) return 'keep';

  if (/^[\p{Lu}\p{N}]/u.test(right) || /[\p{Lu}\p{N}]$/u.test(lastPart)) return 'keep';
  const pair = `${lastPart.slice(-1)}${right.slice(0, 1)}`.toLowerCase();
  if (VOWEL_CLASH.has(pair)) return 'keep';
  if (ADJECTIVE_END.test(lastPart.toLowerCase()) && ADJECTIVE.test(right)) return 'keep';
  return 'join';
}

/** A line ending in a hyphen glued to a word: the word before it (which may hold hyphens itself). */
const TRAILING_HYPHEN = /([\p{L}\p{N}](?:[\p{L}\p{N}]|[-‐](?=[\p{L}\p{N}]))*)([-‐\u00AD])$/u;

/**
 * Joins the lines of one paragraph or bullet with single spaces, undoing line-end hyphenation as
 * `decideHyphen` says. A soft hyphen (U+00AD) at a line end is always a split word.
 */
export function joinLines(lines: readonly string[], vocabulary: Vocabulary): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const hyphen = TRAILING_HYPHEN.exec(out);
    const right = /^[\p{L}\p{N}]+/u.exec(line)?.[0];
    if (hyphen && right) {
      const decision = hyphen[2] === '\u00AD' ? 'join' : decideHyphen(hyphen[1] ?? '', right, vocabulary);
      if (decision === 'join') out = out.slice(0, -1) + line;
      else if (decision === 'keep') out += line;
      else out += ` ${line}`;
    } else {
      out += ` ${line}`;
    }
  }
  return normalizeSpaces(out);
}
