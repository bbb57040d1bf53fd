/**
 * The introduction: everything before the first chapter heading. It opens with a few short head lines
 * (a kind label such as "Uitnodiging", then the title), has paragraphs, and may close with a signature.
 */
import { toBlocks, type Block } from './blocks.js';
import { joinLines, type Vocabulary } from './dehyphenate.js';
import { endsSentence, normalizeSpaces, stripBullet, wordCount, type Line } from './lines.js';
import type { Marks } from './marks.js';

export interface Intro {
  title: string;
  paragraphs: string[];
  signature: string | null;
}

/** Head lines and signatures are at most this share of the wrap width. */
const HEAD_WIDTH = 0.75;
const MAX_LABEL_WORDS = 2;
const MAX_SIGNATURE_WORDS = 10;

/**
 * The head lines by their form: the leading lines that are short and do not end a sentence; a head line
 * starting in lower case continues the one before (a wrapped title). With two or more heads, a first head
 * of one or two words is a kind label ("Uitnodiging") and is left out, the next is the title.
 */
function headsByWords(lines: readonly Line[], width: number): { heads: Line[][]; rest: number } {
  const heads: Line[][] = [];
  let rest = 0;
  for (; rest < lines.length; rest++) {
    const line = lines[rest]!;
    if (line.blank) continue;
    if (endsSentence(line.text) || line.text.length > HEAD_WIDTH * width) break;
    if (/^\p{Ll}/u.test(line.text) && heads.length > 0) heads.at(-1)!.push(line);
    else heads.push([line]);
  }
  return { heads, rest };
}

/**
 * The head lines by the format's hints: the lines marked as the document title, and before them the
 * labels. Null when the format marked no title.
 */
function headsByHints(lines: readonly Line[]): { labels: Line[]; title: Line[]; rest: number } | null {
  const first = lines.findIndex((l) => l.hints.heading === 0);
  if (first < 0) return null;
  let rest = first;
  while (rest < lines.length && (lines[rest]!.blank || lines[rest]!.hints.heading === 0)) rest++;
  return {
    labels: lines.slice(0, first).filter((l) => !l.blank),
    title: lines.slice(first, rest).filter((l) => !l.blank),
    rest,
  };
}

/**
 * A signature with no gap before it joins the last paragraph when that paragraph's last line runs to the
 * margin. A short last line that does not end a sentence, after one that does, is split off again.
 */
function splitSignature(blocks: Block[], width: number): Block[] {
  const last = blocks.at(-1);
  if (!last || last.lines.length < 2) return blocks;
  const line = last.lines.at(-1)!;
  const before = last.lines.at(-2)!;
  if (!endsSentence(before) || !isSignature(line, width)) return blocks;
  return [
    ...blocks.slice(0, -1),
    { ...last, lines: last.lines.slice(0, -1), indices: last.indices.slice(0, -1) },
    { kind: 'paragraph', lines: [line], indices: last.indices.slice(-1), afterGap: false },
  ];
}

/** A signature line: short, a few words, not ending a sentence ("Rob Jetten & Henri Bontenbal"). */
function isSignature(line: string, width: number): boolean {
  return !endsSentence(line) && wordCount(line) <= MAX_SIGNATURE_WORDS && line.length <= HEAD_WIDTH * width;
}

/**
 * Reads the introduction: its title (marked by the format, or found by the form of the head lines), its
 * paragraphs, and the signature: the last block when it is one short line that does not end a sentence
 * ("Rob Jetten & Henri Bontenbal") and paragraphs come before it.
 */
export function parseIntro(
  lines: readonly Line[],
  width: number,
  vocabulary: Vocabulary,
  marks: Marks,
): Intro {
  const hinted = headsByHints(lines);
  const headTexts: string[] = [];
  let title = '';
  let rest: number;
  if (hinted) {
    marks.set(
      hinted.labels.map((l) => l.index),
      'label',
    );
    marks.set(
      hinted.title.map((l) => l.index),
      'title',
    );
    title = joinLines(
      hinted.title.map((l) => l.text),
      vocabulary,
    );
    rest = hinted.rest;
  } else {
    const found = headsByWords(lines, width);
    rest = found.rest;
    const heads = found.heads;
    if (
      heads.length >= 2 &&
      wordCount(
        joinLines(
          heads[0]!.map((l) => l.text),
          vocabulary,
        ),
      ) <= MAX_LABEL_WORDS
    ) {
      marks.set(
        heads.shift()!.map((l) => l.index),
        'label',
      );
    }
    const titleLines = heads.shift();
    if (titleLines) {
      title = joinLines(
        titleLines.map((l) => l.text),
        vocabulary,
      );
      marks.set(
        titleLines.map((l) => l.index),
        'title',
      );
    }
    for (const head of heads) {
      headTexts.push(
        joinLines(
          head.map((l) => l.text),
          vocabulary,
        ),
      );
      marks.set(
        head.map((l) => l.index),
        'intro',
      );
    }
  }

  const blocks = splitSignature(toBlocks(lines.slice(rest), { width, titles: 'none', vocabulary }), width);
  const texts = blocks.map((b) => joinLines(b.lines.map(stripBullet), vocabulary));
  blocks.forEach((b, i) => {
    if (texts[i]) marks.set(b.indices, 'intro');
  });
  const paragraphs = [...headTexts, ...texts.filter(Boolean)];
  const last = blocks.at(-1);
  let signature: string | null = null;
  if (last && blocks.length > 1 && last.lines.length === 1 && isSignature(last.lines[0]!, width)) {
    signature = normalizeSpaces(paragraphs.pop() ?? '');
    marks.set(last.indices, 'signature');
  }
  return { title, paragraphs, signature };
}
