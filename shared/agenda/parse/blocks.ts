/**
 * From lines to blocks: a section title, a paragraph, or a bullet (a measure). A block's lines are joined
 * later. Blank lines alone never end a block where the document puts them at page breaks, also
 * mid-sentence; where it uses them between paragraphs they are real gaps (see `blankLinesSeparate`).
 */
import type { Vocabulary } from './dehyphenate.js';
import { endedEarly, endsSentence, isBullet, SHORT, startsUpper, wordCount, type Line } from './lines.js';
import { isClause, runInLead } from './runin.js';

export type BlockKind = 'title' | 'paragraph' | 'bullet';

export interface Block {
  kind: BlockKind;
  lines: string[];
  /** The source line index of each of `lines`. */
  indices: number[];
  /** Whether blank lines came before the block's first line (a vertical gap in the PDF). */
  afterGap: boolean;
}

/** The longest section title in words, and in lines when it wraps. */
const MAX_TITLE_WORDS = 14;
const MAX_TITLE_LINES = 3;

/** A section's own number in front of its title: "1.2 ", "1.2. ", "§ 3 ". */
export const SECTION_NUMBER = /^(?:\d{1,2}(?:\.\d{1,2})+\.?|§\s*\d{1,2}(?:\.\d{1,2})*)\s+/u;

/**
 * Where section titles come from: `words` (their form and place, for plain text), `hints` (only lines the
 * format marked as headings, when it marks them), or `none` (the introduction has none).
 */
export type TitleSource = 'words' | 'hints' | 'none';

interface Context {
  width: number;
  titles: TitleSource;
  vocabulary: Vocabulary;
}

interface Gap {
  /** One or more blank lines came before the line. */
  blank: boolean;
  /** One of them held spaces: an empty paragraph in the source, a real gap, never a page break. */
  spaceOnly: boolean;
  /** Blank lines or a leading space: a page break may lie before the line. */
  any: boolean;
}

/** Whether `line` ended early: measured on the page when the format says, else from its length. */
function early(line: Line, next: Line, width: number): boolean {
  return line.hints.endedEarly ?? endedEarly(line.text, next.text, width);
}

/**
 * Whether a line opens with a new sentence for certain: its first word has a capital here but is written in
 * lower case elsewhere in the document, so the capital is a sentence's, not a name's ("We", "Ondernemers",
 * not "Nederland").
 */
function opensSentence(line: Line, vocabulary: Vocabulary): boolean {
  const word = /^["'‘“(]?(\p{Lu}[\p{L}’']*)/u.exec(line.text)?.[1];
  return word !== undefined && vocabulary.lowerCount(word) > 0;
}

/** Words a title never ends on, but a line broken mid-sentence often does (articles, prepositions, conjunctions). */
// prettier-ignore
const FUNCTION_WORDS = new Set([
  'de', 'het', 'een', 'van', 'aan', 'en', 'of', 'in', 'op', 'met', 'voor', 'tot', 'bij', 'door', 'naar', 'om',
  'te', 'dat', 'die', 'als', 'dan', 'maar', 'want', 'over', 'uit', 'zoals', 'the', 'a', 'an', 'of', 'and', 'to',
]);

/**
 * Whether a long line followed by `next` may still be a one-line title: the next line opens a sentence for
 * certain, while this line is `titleLike` and ends on a word in lower case (a name running on to the next
 * line ends in a capital).
 */
function longTitle(line: Line, next: Line, vocabulary: Vocabulary): boolean {
  if (isBullet(next.text) || !opensSentence(next, vocabulary) || !titleLike(line)) return false;
  return /^\p{Ll}/u.test(lastWord(line) ?? '');
}

/** The last word of a line, or undefined. */
function lastWord(line: Line): string | undefined {
  return /([\p{L}\p{N}’']+)\)?$/u.exec(line.text)?.[1];
}

/** A line that could be a title by its words: no sentence end inside, not ending on an article or the like. */
function titleLike(line: Line): boolean {
  const last = lastWord(line);
  return !/[.!?]\s/u.test(line.text) && last !== undefined && !FUNCTION_WORDS.has(last.toLowerCase());
}

/**
 * The number of lines (one to three) of the section title that starts at `lines[i]`, or 0. A title starts
 * with a capital (after its own number, if any), ends in no punctuation, has at most fourteen words, comes
 * after the end of a sentence (or the chapter heading), and is followed by a capital or a bullet. A title
 * that wraps continues on lines in lower case. It must be short: its last line ended well before the wrap
 * width, or, after a gap, is itself well within it, `titleLike` (a sentence broken mid-way often ends on
 * "de" or "van") and no clause ("We beginnen bij …" opens a paragraph); a one-line title may also be long (see `longTitle`). Inside a bullet with no gap, the next line must not be a bullet, so a bullet's
 * last sentence that lacks its full stop is not taken for a title.
 */
function titleLength(
  content: readonly Line[],
  i: number,
  gap: Gap,
  inBullet: boolean,
  context: Context,
): number {
  const first = content[i]!;
  const previous = content[i - 1];
  if (isBullet(first.text) || !startsUpper(first.text.replace(SECTION_NUMBER, ''))) return 0;
  if (previous && !endsSentence(previous.text)) return 0;
  for (let n = 1; n <= MAX_TITLE_LINES; n++) {
    const span = content.slice(i, i + n);
    const last = span.at(-1)!;
    const next = content[i + n];
    if (span.length < n || !next) return 0;
    if (n > 1 && !/^\p{Ll}/u.test(last.text)) return 0;
    if (/[.,;:!?\-–—‐]$/u.test(last.text)) return 0;
    if (wordCount(span.map((l) => l.text).join(' ')) > MAX_TITLE_WORDS) return 0;
    if (!isBullet(next.text) && !startsUpper(next.text)) continue;
    const long = n === 1 && longTitle(last, next, context.vocabulary);
    if (inBullet && !gap.any && isBullet(next.text)) return 0;
    const short =
      early(last, next, context.width) ||
      (gap.any &&
        n === 1 &&
        last.text.length <= SHORT * context.width &&
        titleLike(last) &&
        !isClause(last.text));
    // A title's own number ("1.2 ") says it is one, whatever its length.
    return short || long || SECTION_NUMBER.test(first.text) ? n : 0;
  }
  return 0;
}

/**
 * Whether `line` starts a new paragraph after `previous` (both in running text, not bullets or titles).
 * After the end of a sentence, a new paragraph starts when the previous line ended early, when a real gap
 * (a line of spaces) lies between them, or when the line after a gap opens with a run-in lead. A bullet
 * continues across page breaks, so after a gap inside one the same holds, and with no gap at all its early
 * end ends it. A line that did not end a
 * sentence is only followed by a new paragraph when it ended early and a gap and a capital follow.
 */
function startsParagraph(previous: Line, line: Line, gap: Gap, inBullet: boolean, width: number): boolean {
  const ended = early(previous, line, width);
  if (!endsSentence(previous.text)) return gap.blank && ended && startsUpper(line.text);
  const lead = gap.blank && runInLead(line.text) !== null;
  if (inBullet) return (gap.blank && (gap.spaceOnly || ended || lead)) || (!gap.any && ended);
  if (!gap.blank) return ended;
  return ended || gap.spaceOnly || lead;
}

/** The lines of the title starting at `content[i]`, by the format's hints or by its words: 0 when none. */
function titleHere(
  content: readonly Line[],
  i: number,
  gap: Gap,
  inBullet: boolean,
  context: Context,
): number {
  const hinted = content[i]!.hints.heading === 2 ? 1 : 0;
  switch (context.titles) {
    case 'none':
      return 0;
    case 'hints':
      return hinted;
    case 'words':
      return hinted || titleLength(content, i, gap, inBullet, context);
  }
}

/** Splits lines (chapter body or introduction) into blocks. */
export function toBlocks(lines: readonly Line[], context: Context): Block[] {
  const content = lines.filter((l) => !l.blank);
  const blocks: Block[] = [];
  let current: Block | undefined;
  let gap: Gap = { blank: false, spaceOnly: false, any: false };
  let previous: Line | undefined;
  let position = 0;
  let titleLeft = 0;

  for (const line of lines) {
    if (line.blank) {
      gap = { blank: true, spaceOnly: gap.spaceOnly || line.spaceOnly, any: true };
      continue;
    }
    // A gap the format measured is a real one, like a line of spaces in extracted text.
    if (line.gapBefore) gap = { blank: true, spaceOnly: true, any: true };
    const lineGap = { ...gap, any: gap.any || line.indented };
    const inBullet = current?.kind === 'bullet';
    const start = (kind: BlockKind, afterGap: boolean): Block => {
      const block: Block = { kind, lines: [line.text], indices: [line.index], afterGap };
      blocks.push(block);
      return block;
    };
    const title = titleLeft > 0 ? 0 : titleHere(content, position, lineGap, inBullet, context);
    position++;

    if (titleLeft > 0 && current) {
      current.lines.push(line.text);
      current.indices.push(line.index);
      titleLeft--;
    } else if (isBullet(line.text)) {
      current = start('bullet', gap.blank);
    } else if (title > 0) {
      current = start('title', gap.blank);
      titleLeft = title - 1;
    } else if (
      current &&
      current.kind !== 'title' &&
      previous &&
      !startsParagraph(previous, line, lineGap, inBullet, context.width)
    ) {
      current.lines.push(line.text);
      current.indices.push(line.index);
    } else {
      current = start('paragraph', gap.blank || !previous);
    }
    previous = line;
    gap = { blank: false, spaceOnly: false, any: false };
  }
  return blocks;
}
