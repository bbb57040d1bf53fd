/**
 * Lines of PDF-extracted text and the small judgements made about a single line: is it blank, a bullet,
 * a chapter heading, does it end a sentence, did it end early (before the wrap margin)?
 */
import type { LineHints, SourceLine } from '../source.js';

/** A line of the source as the structure recognition sees it. */
export interface Line {
  /** Zero-based line number in the input. */
  index: number;
  /** The line without its trailing whitespace. */
  raw: string;
  /** The line trimmed on both sides. */
  text: string;
  blank: boolean;
  /** A blank line that still holds spaces (" "): in extracted text, an empty paragraph, a real gap. */
  spaceOnly: boolean;
  /** Starts with whitespace: a page-break artefact of the extraction. */
  indented: boolean;
  /** A real vertical gap comes before the line (from the format's layout): it starts a new block. */
  gapBefore: boolean;
  /** What the format said about the line (empty for plain text). */
  hints: LineHints;
}

/** Splits plain text into source lines, as printed (leading spaces kept: they tell of page breaks). */
export function textLines(text: string): SourceLine[] {
  // A form feed (pdftotext's page break) is a blank line; CR/LF and lone CR are line ends.
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .split('\n')
    .map((text) => ({ text }));
}

/** The lines of a source, with the judgements that need only the line itself. */
export function fromSource(source: readonly SourceLine[]): Line[] {
  return source.map((line, index) => {
    const full = line.text;
    const raw = full.replace(/\s+$/u, '');
    const trimmed = raw.trim();
    const hints = line.hints ?? {};
    return {
      index,
      raw,
      text: trimmed,
      blank: trimmed === '',
      spaceOnly: trimmed === '' && full.length > 0,
      indented: trimmed !== '' && /^\s/u.test(raw),
      gapBefore: hints.gapBefore === true,
      hints,
    };
  });
}

/** The lines of plain text. */
export function toLines(text: string): Line[] {
  return fromSource(textLines(text));
}

/** Bullet glyphs that PDF extraction leaves at the start of a list item, also the Symbol and Wingdings
 * bullets that Word's PDF export leaves as private-use characters (U+F0B7, U+F0A7, U+F0D8). Dashes are not
 * always bullets (a wrapped sentence can start a line with " - "): see `bullets.ts`. */
export const BULLET = /^[•●▪◦‣∙■►➢·\uF0B7\uF0A7\uF0D8]\s*/u;

export function isBullet(text: string): boolean {
  return BULLET.test(text);
}

export function stripBullet(text: string): string {
  return text.replace(BULLET, '');
}

/** Ends a sentence: a full stop, question mark, exclamation mark or colon, maybe followed by a closing
 * quote or bracket. */
export function endsSentence(text: string): boolean {
  return /[.!?:]["'’”)\]]*$/u.test(text);
}

export function startsUpper(text: string): boolean {
  return /^["'‘“(]?\p{Lu}/u.test(stripBullet(text));
}

export function firstWord(text: string): string {
  return text.split(/\s+/u)[0] ?? '';
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/**
 * The wrap width in characters: the 90th percentile of the lengths of the non-blank lines. Proportional
 * fonts make lengths vary by a few characters, so callers compare against a fraction of it.
 */
export function estimateWidth(lines: Line[]): number {
  const lengths = lines
    .filter((l) => !l.blank)
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return 0;
  return lengths[Math.floor(0.9 * (lengths.length - 1))] ?? 0;
}

/** Above this share of page breaks followed by a line in lower case, blank lines are page-break noise. */
const MID_SENTENCE_BREAKS = 0.1;

/**
 * Whether the document's blank lines separate paragraphs (typed text, a re-wrapped file) rather than mark
 * page breaks that fall anywhere, also mid-sentence (text extracted from a PDF). Blank runs around dropped
 * page furniture are page breaks and are not counted. A blank line followed by a line in lower case
 * continues a sentence: where more than a tenth of them do, blank lines are noise.
 */
export function blankLinesSeparate(lines: readonly Line[], furniture: readonly number[]): boolean {
  const pageBreaks = new Set(furniture);
  let gaps = 0;
  let midSentence = 0;
  let inRun = false;
  let runHasFurniture = false;
  let seenContent = false;
  for (const line of lines) {
    if (line.blank) {
      inRun = true;
      runHasFurniture ||= pageBreaks.has(line.index);
      continue;
    }
    if (inRun && seenContent && !runHasFurniture) {
      gaps++;
      if (/^\p{Ll}/u.test(line.text)) midSentence++;
    }
    inRun = false;
    runHasFurniture = false;
    seenContent = true;
  }
  return gaps > 0 && midSentence <= MID_SENTENCE_BREAKS * gaps;
}

/** Share of the wrap width below which a line counts as ended early (a hard break, not a wrap). */
export const SHORT = 0.85;

/**
 * True when `line` ended early: the first word of `next` would have fitted on it with room to spare, so
 * the break after `line` was not a wrap.
 */
export function endedEarly(line: string, next: string, width: number): boolean {
  return line.length + 1 + firstWord(next).length <= SHORT * width;
}

/**
 * The chapter title when the line is a chapter heading: no lower-case letter, at least four capitals, at
 * least one word of three capitals, no closing full stop or comma. An optional number ("1.", "2 ") in
 * front is dropped. Context (what comes before and after) is checked by the caller.
 */
export function chapterHeadingTitle(text: string): string | null {
  if (isBullet(text)) return null;
  const title = text.replace(/^\d{1,2}[.)]?\s+/u, '').replace(/\s+/gu, ' ');
  if (/\p{Ll}/u.test(title)) return null;
  if ((title.match(/\p{Lu}/gu) ?? []).length < 4) return null;
  if (!/\p{Lu}{3}/u.test(title)) return null;
  if (/[.,;]$/u.test(title) || title.length > 120) return null;
  return title;
}

/** Collapses runs of whitespace to one space and trims. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/\u00AD/gu, '')
    .replace(/[\s\u00A0]{2,}|[\t\n\r\f\v]/gu, ' ')
    .trim();
}
