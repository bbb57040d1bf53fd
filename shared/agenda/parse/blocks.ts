/**
 * From lines to blocks: a section title, a paragraph, or a bullet (a measure). A block's lines are joined
 * later. Blank lines alone never end a block: the extraction puts them at page breaks, also mid-sentence.
 */
import { endedEarly, endsSentence, isBullet, SHORT, startsUpper, wordCount, type Line } from './lines.js';
import { runInLead } from './runin.js';

export type BlockKind = 'title' | 'paragraph' | 'bullet';

export interface Block {
  kind: BlockKind;
  lines: string[];
  /** The source line index of each of `lines`. */
  indices: number[];
  /** Whether blank lines came before the block's first line (a vertical gap in the PDF). */
  afterGap: boolean;
}

/** The longest section title in words. */
const MAX_TITLE_WORDS = 14;

/**
 * Where section titles come from: `words` (their form and place, for plain text), `hints` (only lines the
 * format marked as headings, when it marks them), or `none` (the introduction has none).
 */
export type TitleSource = 'words' | 'hints' | 'none';

interface Context {
  width: number;
  titles: TitleSource;
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
 * A section title: a short line that starts with a capital and does not end in punctuation, after the end
 * of a sentence (or the chapter heading), followed by a capital or a bullet. Short means it ended well
 * before the wrap width, or, after a gap, is itself well within it. Inside a bullet a gap is required, so a
 * bullet's last sentence that lacks its full stop is not taken for a title.
 */
function isTitle(
  line: Line,
  previous: Line | undefined,
  next: Line | undefined,
  gap: Gap,
  inBullet: boolean,
  width: number,
): boolean {
  const text = line.text;
  if (!next || isBullet(text) || !startsUpper(text)) return false;
  if (/[.,;:!?\-–—‐]$/u.test(text) || wordCount(text) > MAX_TITLE_WORDS) return false;
  if (previous && !endsSentence(previous.text)) return false;
  if (!isBullet(next.text) && !startsUpper(next.text)) return false;
  if (inBullet && !gap.any) return false;
  return early(line, next, width) || (gap.any && text.length <= SHORT * width);
}

/**
 * Whether `line` starts a new paragraph after `previous` (both in running text, not bullets or titles).
 * After the end of a sentence, a new paragraph starts when the previous line ended early, when a real gap
 * (a line of spaces) lies between them, or when the line after a gap opens with a run-in lead. Inside a
 * bullet, which continues across page breaks, some gap is required as well. A line that did not end a
 * sentence is only followed by a new paragraph when it ended early and a gap and a capital follow.
 */
function startsParagraph(previous: Line, line: Line, gap: Gap, inBullet: boolean, width: number): boolean {
  const ended = early(previous, line, width);
  if (!endsSentence(previous.text)) return gap.blank && ended && startsUpper(line.text);
  const lead = gap.blank && runInLead(line.text) !== null;
  if (inBullet) return gap.blank && (gap.spaceOnly || ended || lead);
  return ended || gap.spaceOnly || lead;
}

/** A title by the format's hints (a heading style or typography) or by its words, as the context says. */
function titleHere(
  line: Line,
  previous: Line | undefined,
  next: Line | undefined,
  gap: Gap,
  inBullet: boolean,
  context: Context,
): boolean {
  switch (context.titles) {
    case 'none':
      return false;
    case 'hints':
      return line.hints.heading === 2;
    case 'words':
      return line.hints.heading === 2 || isTitle(line, previous, next, gap, inBullet, context.width);
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

  for (const line of lines) {
    if (line.blank) {
      gap = { blank: true, spaceOnly: gap.spaceOnly || line.spaceOnly, any: true };
      continue;
    }
    // A gap the format measured is a real one, like a line of spaces in extracted text.
    if (line.gapBefore) gap = { blank: true, spaceOnly: true, any: true };
    const next = content[position + 1];
    position++;
    const lineGap = { ...gap, any: gap.any || line.indented };
    const inBullet = current?.kind === 'bullet';
    const start = (kind: BlockKind, afterGap: boolean): void => {
      current = { kind, lines: [line.text], indices: [line.index], afterGap };
      blocks.push(current);
    };

    if (isBullet(line.text)) {
      start('bullet', gap.blank);
    } else if (titleHere(line, previous, next, lineGap, inBullet, context)) {
      start('title', gap.blank);
    } else if (
      current &&
      current.kind !== 'title' &&
      previous &&
      !startsParagraph(previous, line, lineGap, inBullet, context.width)
    ) {
      current.lines.push(line.text);
      current.indices.push(line.index);
    } else {
      start('paragraph', gap.blank || !previous);
    }
    previous = line;
    gap = { blank: false, spaceOnly: false, any: false };
  }
  return blocks;
}
