/**
 * Normalisation of text before comparing: the differences removed here are layout noise from PDF
 * extraction and editing, never a change of content.
 */

/**
 * Hyphen-like characters a line-end break can follow: hyphen-minus, hyphen, non-breaking hyphen.
 * The patterns below match the hyphen first and only then look behind it: much faster than a
 * lookbehind tried at every position.
 */
const HYPHEN = '[-\\u2010\\u2011]';

/**
 * Dutch (and English) coordinators after which a hyphen is an elision hyphen, not a broken word:
 * "kennis- en onderzoeksinstellingen", "sport- als cultuurverenigingen". Not when itself followed
 * by a hyphen, as joining would then change which word follows (and normalising would not be
 * idempotent).
 */
const COORDINATOR = `(?:en|of|tot|als|noch|dan|maar|and|or)(?![\\p{L}\\p{M}\\p{N}]|${HYPHEN})`;

/** Soft hyphen (with the line break that may follow it) and zero-width characters: invisible. */
const INVISIBLE = /\u00AD\s*|\u200B|\u200C|\u200D|\u2060|\uFEFF/g;

/** "woning-⏎corporaties", "woning- corporaties" → "woningcorporaties" (not before a coordinator). */
const BROKEN_WORD = new RegExp(
  `${HYPHEN}(?<=[\\p{L}\\p{M}]${HYPHEN})\\s+(?=\\p{Ll})(?!${COORDINATOR})`,
  'gu',
);

/** "kennis-⏎en" → "kennis- en": an elision hyphen that happened to end a line. */
const ELISION_AT_LINE_END = new RegExp(
  `(${HYPHEN})(?<=[\\p{L}\\p{M}]${HYPHEN})[^\\S\\n]*\\n\\s*(?=${COORDINATOR})`,
  'gu',
);

/**
 * "Noord-⏎Holland", "Noord- Holland", "COVID- 19" → "Noord-Holland", "COVID-19": a compound hyphen
 * followed by whitespace before a capital or digit (a line break that the extraction may have turned
 * into a space).
 */
const COMPOUND_BROKEN = new RegExp(
  `(${HYPHEN})(?<=[\\p{L}\\p{M}\\p{N}]${HYPHEN})\\s+(?=[\\p{Lu}\\p{N}])`,
  'gu',
);

/**
 * The canonical form two texts are compared in, and the form all diff ops are expressed in:
 * soft hyphens and zero-width characters removed; line-end hyphenation artefacts repaired (a letter,
 * a hyphen, whitespace, then a lower-case letter is one broken word and is joined, unless the next
 * word is a coordinator such as "en"/"of"; a hyphen, whitespace, then a capital or digit is one
 * compound and keeps its hyphen without the whitespace); every run of whitespace one space; no leading or trailing whitespace;
 * Unicode NFC (before and after, as removing invisible characters can make new pairs). Idempotent.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(BROKEN_WORD, '')
    .replace(ELISION_AT_LINE_END, '$1 ')
    .replace(COMPOUND_BROKEN, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}
